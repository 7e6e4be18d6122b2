"""Indexes for national scale (3 million assignments; see docs/performance.md).

- tasks_asg_scope_cover_idx replaces tasks_asg_scope_idx. It serves every
  scoped query ``unit_id IN (<committee subtree>)`` with a status-class
  predicate: the pagination COUNT of the assignment list and the API
  (giaoban/tasks/queries.py assignment_list), the dashboard counts
  (giaoban/tasks/status.py count_by_status via dashboard/queries.py
  status_counts) and the per-unit table (dashboard/queries.py per_unit).
  It holds every column the status class reads (state, deadline,
  completed_on, cancelled_on, extension_count, original_deadline) and id,
  so PostgreSQL answers them with index-only scans instead of fetching
  ~90,000 heap rows per committee.
- tasks_asg_deadline_order_idx serves the first pages of lists ordered by
  (deadline, id): the overdue list /tasks/assignments/?status=open_overdue,
  /api/assignments?status=open_overdue and the dashboard's overdue and
  due-soon lists. The planner walks it in order and checks scope and status
  on the index entries, stopping after the page is full, instead of sorting
  every matching row of the committee.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("tasks", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="assignment",
            name="tasks_asg_scope_idx",
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["unit", "deadline", "state", "completed_on", "cancelled_on",
                                       "extension_count", "original_deadline", "id"],
                               name="tasks_asg_scope_cover_idx"),
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["deadline", "id", "unit", "state", "completed_on", "cancelled_on"],
                               name="tasks_asg_deadline_order_idx"),
        ),
    ]

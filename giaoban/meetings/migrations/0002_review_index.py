"""A covering index for the review of a briefing (meetings.review._grouped_counts).

The review groups every assignment of the reviewed notices' tasks by task and by unit with
its status class at the meeting date: the index holds, per task, every column the status rule
reads, so PostgreSQL answers with an index-only scan and SQLite without visiting the table.
The table is the tasks app's; the index serves the meetings app's read only, so it lives here
(as SQL: the tasks app's model state is left as it is).
"""

from django.db import migrations

COLUMNS = (
    "unit_id, state, deadline, original_deadline, completed_on, confirmed_at, cancelled_on, "
    "extension_count"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        sql = f"CREATE INDEX meetings_review_asg_idx ON tasks_assignment (task_id) INCLUDE ({COLUMNS})"
    else:
        sql = f"CREATE INDEX meetings_review_asg_idx ON tasks_assignment (task_id, {COLUMNS})"
    schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS meetings_review_asg_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("tasks", "0004_settle_closed_extensions"),
    ]

    operations = [migrations.RunPython(create, drop)]

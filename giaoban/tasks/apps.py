from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: how the acts of tasks/services.py read in a history (registered with core.audit below)
ACTION_LABELS = {
    "tasks.task.created": _("Task created and given to the units"),
    "tasks.assignment.progress": _("Progress reported"),
    "tasks.assignment.claimed": _("Completion claimed"),
    "tasks.assignment.confirmed": _("Completion confirmed by the office"),
    "tasks.assignment.returned": _("Claim returned to the unit"),
    "tasks.assignment.extension_requested": _("Extension requested"),
    "tasks.assignment.extension_approved": _("Extension approved"),
    "tasks.assignment.extension_rejected": _("Extension rejected"),
    "tasks.assignment.cancelled": _("Assignment cancelled"),
    # corrections after entry (tasks/editing.py)
    "tasks.task.edited": _("Task corrected"),
    "tasks.task.units_added": _("Units added to the task"),
    "tasks.task.unit_removed": _("Unit removed from the task"),
    "tasks.assignment.added": _("Task given to this unit after the fan-out"),
    "tasks.assignment.deadline_corrected": _("Deadline corrected (not an extension)"),
    "tasks.assignment.completion_recorded": _("Completion recorded by the office"),
}


class TasksConfig(AppConfig):
    name = "giaoban.tasks"
    verbose_name = _("Tasks")
    label = "tasks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.audit import register_action_labels, register_related_history
        from giaoban.core.permissions import register_actions
        from giaoban.tasks.models import Assignment, Task
        from giaoban.tasks.permissions import ASSIGNMENT_ACTIONS, TASK_ACTIONS

        register_actions(Assignment, ASSIGNMENT_ACTIONS)
        register_actions(Task, TASK_ACTIONS)
        register_action_labels(ACTION_LABELS)
        # a task's history holds its assignments' (claims, decisions, extensions, cancellations)
        register_related_history(Task, lambda task: [task.assignments.all()])

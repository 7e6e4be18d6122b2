from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "giaoban.tasks"
    label = "tasks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from giaoban.core.audit import register_action_labels, register_related_history
        from giaoban.core.permissions import register_actions
        from giaoban.tasks.models import Assignment, Task
        from giaoban.tasks.permissions import ASSIGNMENT_ACTIONS, TASK_ACTIONS
        from giaoban.tasks.services import ACTION_LABELS

        register_actions(Assignment, ASSIGNMENT_ACTIONS)
        register_actions(Task, TASK_ACTIONS)
        register_action_labels(ACTION_LABELS)
        # a task's history holds its assignments' (claims, decisions, extensions, cancellations)
        register_related_history(Task, lambda task: [task.assignments.all()])

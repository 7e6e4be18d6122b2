"""Acts someone must answer, turned into notifications in the act's own transaction.

Every act is audited by ``giaoban.core.audit.log_action`` inside the service's transaction;
a receiver of the audit entry's ``post_save`` looks up the handlers registered for that
action and writes their notifications in the same transaction, so the act and its outbox rows
commit (or roll back) together. The audit entry's id is the act's de-duplication key.

Other apps add their acts with ``@on_act("reports.report.returned")`` in their own module
(imported by this app's ``ready``): a handler receives the audit entry and returns specs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from django.db.models.signals import post_save
from django.urls import reverse

from giaoban.core.models import AuditEntry
from giaoban.notifications import outbox, recipients
from giaoban.notifications.models import Kind
from giaoban.notifications.outbox import Spec

Handler = Callable[[AuditEntry], Iterable[Spec]]
_HANDLERS: dict[str, list[Handler]] = {}
#: modules that register act handlers (``on_act``), reminders (``rules.rule_provider``) or
#: calendar events (``calendar.feed_provider``) for other apps' objects; imported once at
#: start-up, missing ones skipped
EXTRA_MODULES = (
    "giaoban.notifications.acts_meetings",
    "giaoban.notifications.acts_reports",
    "giaoban.notifications.reminders_reports",
    "giaoban.notifications.calendar_more",
)


def on_act(*actions: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for action in actions:
            _HANDLERS.setdefault(action, []).append(handler)
        return handler

    return register


def handled_actions() -> set[str]:
    return set(_HANDLERS)


def _receiver(sender, instance: AuditEntry, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not created:
        return
    handlers = _HANDLERS.get(instance.action)
    if not handlers:
        return
    for handler in handlers:
        outbox.write(handler(instance), actor_id=instance.actor_id)


def connect() -> None:
    for name in EXTRA_MODULES:
        try:
            import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    post_save.connect(_receiver, sender=AuditEntry, dispatch_uid="notifications.acts")


# -- tasks ------------------------------------------------------------------------------------


def task_params(task, deadline=None) -> dict:
    return {
        "doc": task.source_label,
        "text": task.text[:200],
        "deadline": deadline.isoformat() if deadline else None,
    }


def _assignment_spec(entry: AuditEntry, kind: str, to: str) -> list[Spec]:
    from giaoban.tasks.models import Assignment

    asg = Assignment.objects.select_related("task", "unit").filter(pk=entry.object_id).first()
    if asg is None:
        return []
    if to == "office":
        who = recipients.office_staff([asg.task.committee_id]).get(asg.task.committee_id, [])
    else:
        who = recipients.unit_staff([asg.unit_id]).get(asg.unit_id, [])
    params = task_params(asg.task, asg.deadline) | {"unit": asg.unit.display_name}
    data = entry.data or {}
    if data.get("reason"):
        params["reason"] = str(data["reason"])[:300]
    if kind == Kind.EXTENSION_DECIDED:
        params["approved"] = entry.action.endswith("approved")
    return [
        Spec(
            recipients=tuple(who),
            kind=kind,
            key=f"act:{entry.pk}",
            params=params,
            url=reverse("tasks:assignment", args=[asg.pk]),
            unit_id=asg.unit_id,
            object_type="tasks.assignment",
            object_id=str(asg.pk),
        )
    ]


@on_act("tasks.task.created")
def task_created(entry: AuditEntry) -> list[Spec]:
    from giaoban.tasks.models import Assignment, Task

    task = Task.objects.filter(pk=entry.object_id).first()
    if task is None:
        return []
    assignments = list(
        Assignment.objects.filter(task=task).values_list("pk", "unit_id", "role", "unit__name")
    )
    staff = recipients.unit_staff(unit_id for _, unit_id, _, _ in assignments)
    return [
        Spec(
            recipients=tuple(staff.get(unit_id, [])),
            kind=Kind.ASSIGNMENT_GIVEN,
            key=f"act:{entry.pk}",
            params=task_params(task, task.deadline) | {"unit": name, "role": role},
            url=reverse("tasks:assignment", args=[pk]),
            unit_id=unit_id,
            object_type="tasks.assignment",
            object_id=str(pk),
        )
        for pk, unit_id, role, name in assignments
    ]


@on_act("tasks.assignment.claimed")
def claim_made(entry: AuditEntry) -> list[Spec]:
    return _assignment_spec(entry, Kind.CLAIM_TO_CONFIRM, "office")


@on_act("tasks.assignment.extension_requested")
def extension_requested(entry: AuditEntry) -> list[Spec]:
    return _assignment_spec(entry, Kind.EXTENSION_TO_DECIDE, "office")


@on_act("tasks.assignment.returned")
def claim_returned(entry: AuditEntry) -> list[Spec]:
    return _assignment_spec(entry, Kind.CLAIM_RETURNED, "unit")


@on_act("tasks.assignment.extension_approved", "tasks.assignment.extension_rejected")
def extension_decided(entry: AuditEntry) -> list[Spec]:
    return _assignment_spec(entry, Kind.EXTENSION_DECIDED, "unit")

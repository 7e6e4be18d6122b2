"""Every write to meetings, their people, minutes and files: keyword-only, atomic, audited.

Notices have their own module (``notice_services``); the import flow (``importing``)
calls both inside one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import scope_for
from giaoban.meetings.models import (
    AgendaItem,
    ConnectionPoint,
    FileKind,
    Meeting,
    MeetingFile,
    MeetingState,
    Minutes,
    MinutesState,
    Part,
    Participant,
    ReviewSnapshot,
)
from giaoban.org.models import Unit
from giaoban.periods import Period
from giaoban.tasks.services import validate_attachment

MEETING_FIELDS = [
    "committee",
    "kind",
    "title",
    "period_type",
    "period_year",
    "period_number",
    "starts_at",
    "ends_at",
    "place",
    "online",
    "notes",
]


# -- who may do what (the app's action table) ---------------------------------------------


def can_record(user: Any, committee_id: int) -> bool:
    """Office staff record meetings and draft notices of the committees in their reach."""
    scope = scope_for(user)
    return committee_id in scope.office_unit_ids


def can_approve(user: Any, committee_id: int) -> bool:
    """Standing-committee leaders approve the notices of their committees."""
    return committee_id in scope_for(user).leader_unit_ids


def require_record(user: Any, committee_id: int) -> None:
    if not can_record(user, committee_id):
        raise PermissionDenied


# -- meetings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantSpec:
    part: str = Part.ATTENDS
    unit: Unit | None = None
    user: Any | None = None
    name: str = ""
    title: str = ""
    absence_reason: str = ""


@dataclass(frozen=True)
class AgendaSpec:
    title: str
    kind: str = "other"
    presenter: str = ""


@dataclass(frozen=True)
class PointSpec:
    name: str
    unit: Unit | None = None
    attendance: int | None = None
    connected: bool = True


def _units_of(committee: Unit) -> set[int]:
    from giaoban.org.models import subtree_ids

    return subtree_ids([committee.pk])


def _replace_children(
    meeting: Meeting,
    participants: Sequence[ParticipantSpec] | None,
    agenda: Sequence[AgendaSpec] | None,
    points: Sequence[PointSpec] | None,
) -> dict[str, Any]:
    """Replace the lists that were given (None keeps a list as it is); return them for the audit."""
    allowed = _units_of(meeting.committee)
    errors: dict[str, list[str]] = {}
    changed: dict[str, Any] = {}
    if participants is not None:
        rows = []
        for i, p in enumerate(participants):
            row = Participant(
                meeting=meeting,
                part=p.part,
                unit=p.unit,
                user=p.user,
                name=p.name.strip(),
                title=p.title.strip(),
                absence_reason=p.absence_reason.strip(),
                sort_order=i,
            )
            if p.unit is not None and p.unit.pk not in allowed:
                errors.setdefault("participants", []).append(
                    _("Unknown unit for this committee: %(names)s.") % {"names": p.unit.name}
                )
            try:
                row.full_clean(exclude=["meeting"])
            except ValidationError as exc:
                errors.setdefault("participants", []).extend(exc.messages)
            rows.append(row)
        if not errors:
            meeting.participants.all().delete()
            Participant.objects.bulk_create(rows)
        changed["participants"] = [
            {"part": r.part, "unit": r.unit_id, "name": r.name, "title": r.title} for r in rows
        ]
    if agenda is not None:
        items = [
            AgendaItem(
                meeting=meeting,
                kind=a.kind,
                title=a.title.strip(),
                presenter=a.presenter.strip(),
                sort_order=i,
            )
            for i, a in enumerate(agenda)
        ]
        for item in items:
            try:
                item.full_clean(exclude=["meeting"])
            except ValidationError as exc:
                errors.setdefault("agenda", []).extend(exc.messages)
        if not errors:
            meeting.agenda.all().delete()
            AgendaItem.objects.bulk_create(items)
        changed["agenda"] = [{"kind": a.kind, "title": a.title} for a in items]
    if points is not None:
        rows_p = [
            ConnectionPoint(
                meeting=meeting,
                name=p.name.strip(),
                unit=p.unit,
                attendance=p.attendance,
                connected=p.connected,
                sort_order=i,
            )
            for i, p in enumerate(points)
        ]
        for row in rows_p:
            if row.unit_id is not None and row.unit_id not in allowed:
                errors.setdefault("connection_points", []).append(
                    _("Unknown unit for this committee: %(names)s.") % {"names": row.unit.name}
                )
            try:
                row.full_clean(exclude=["meeting"])
            except ValidationError as exc:
                errors.setdefault("connection_points", []).extend(exc.messages)
        if not errors:
            meeting.connection_points.all().delete()
            ConnectionPoint.objects.bulk_create(rows_p)
        changed["connection_points"] = [
            {
                "name": r.name,
                "unit": r.unit_id,
                "attendance": r.attendance,
                "connected": r.connected,
            }
            for r in rows_p
        ]
    if errors:
        raise ValidationError(errors)
    return changed


def _apply_period(meeting: Meeting, period: Period | None) -> None:
    if period is None:
        meeting.period_type, meeting.period_year, meeting.period_number = "", None, None
    else:
        meeting.period_type = period.type.value
        meeting.period_year, meeting.period_number = period.year, period.number


@transaction.atomic
def create_meeting(
    *,
    committee: Unit,
    user: Any,
    title: str,
    starts_at: datetime,
    kind: str = "giao_ban",
    period: Period | None = None,
    ends_at: datetime | None = None,
    place: str = "",
    online: bool = False,
    notes: str = "",
    participants: Sequence[ParticipantSpec] = (),
    agenda: Sequence[AgendaSpec] = (),
    points: Sequence[PointSpec] = (),
    check_permission: bool = True,
) -> Meeting:
    if check_permission:
        require_record(user, committee.pk)
    if not committee.is_host:
        raise ValidationError({"committee": _("Choose a committee that holds briefings.")})
    meeting = Meeting(
        committee=committee,
        kind=kind,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        online=online,
        notes=notes.strip(),
        created_by=user,
    )
    _apply_period(meeting, period)
    meeting.full_clean()
    meeting.save()
    children = _replace_children(meeting, participants, agenda, points)
    log_action(
        meeting,
        "meetings.meeting.created",
        user=user,
        unit=committee,
        data={**snapshot(meeting, MEETING_FIELDS), **children},
    )
    return meeting


@transaction.atomic
def update_meeting(
    *,
    meeting: Meeting,
    user: Any,
    fields: dict[str, Any],
    participants: Sequence[ParticipantSpec] | None = None,
    agenda: Sequence[AgendaSpec] | None = None,
    points: Sequence[PointSpec] | None = None,
) -> Meeting:
    """Change a meeting's fields (``fields``: any of MEETING_FIELDS except committee, or
    'period') and replace the lists given."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require_record(user, meeting.committee_id)
    before = snapshot(meeting, MEETING_FIELDS)
    fields = dict(fields)
    if "period" in fields:
        _apply_period(meeting, fields.pop("period"))
    for name, value in fields.items():
        if name not in MEETING_FIELDS or name == "committee":
            raise ValueError(f"cannot set {name!r}")
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    meeting.full_clean()
    meeting.save()
    children = _replace_children(meeting, participants, agenda, points)
    log_action(
        meeting,
        "meetings.meeting.changed",
        user=user,
        unit=meeting.committee,
        before=before,
        data={**snapshot(meeting, MEETING_FIELDS), **children},
    )
    return meeting


@transaction.atomic
def mark_held(*, meeting: Meeting, user: Any, check_permission: bool = True) -> ReviewSnapshot:
    """The meeting took place: freeze the review of earlier notices as of its date."""
    meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
    if check_permission:
        require_record(user, meeting.committee_id)
    existing = ReviewSnapshot.objects.filter(meeting=meeting).first()
    if meeting.state != MeetingState.HELD:
        before = snapshot(meeting, ["state", "held_at"])
        meeting.state, meeting.held_at = MeetingState.HELD, timezone.now()
        meeting.save(update_fields=["state", "held_at", "updated_at"])
        log_action(
            meeting,
            "meetings.meeting.held",
            user=user,
            unit=meeting.committee,
            before=before,
            data=snapshot(meeting, ["state", "held_at"]),
        )
    if existing is not None:
        return existing
    return _freeze_review(meeting, user)


def _freeze_review(meeting: Meeting, user: Any) -> ReviewSnapshot:
    from giaoban.meetings.review import build_review

    data = build_review(meeting, as_of=meeting.date)
    snap = ReviewSnapshot.objects.create(
        meeting=meeting,
        as_of=meeting.date,
        taken_by=user if getattr(user, "is_authenticated", False) else None,
        data=data,
    )
    from giaoban.meetings.review_section import render_frozen

    for language, _name in settings.LANGUAGES:  # the office's view, as the page shows it
        render_frozen(snap, language, data)
    log_action(
        snap,
        "meetings.review.frozen",
        user=user,
        unit=meeting.committee,
        data={"as_of": snap.as_of, "totals": data["totals"], "notices": len(data["notices"])},
    )
    return snap


# -- minutes -----------------------------------------------------------------------------


def _locked(minutes: Minutes) -> None:
    if minutes.state == MinutesState.SIGNED:
        raise ValidationError(
            _("Signed minutes are locked; correct them with supplementary minutes.")
        )


@transaction.atomic
def save_minutes(
    *,
    meeting: Meeting,
    user: Any,
    text: str,
    secretary_name: str = "",
    secretary_title: str = "",
    minutes: Minutes | None = None,
    supplements: Minutes | None = None,
) -> Minutes:
    """Write or change the draft minutes (or a draft supplementary minutes)."""
    require_record(user, meeting.committee_id)
    if minutes is None and supplements is None:
        minutes = Minutes.objects.filter(meeting=meeting, supplements__isnull=True).first()
    before = None
    if minutes is not None:
        minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
        _locked(minutes)
        before = snapshot(minutes, ["text", "secretary_name", "secretary_title"])
    else:
        if supplements is not None:
            if supplements.meeting_id != meeting.pk or not supplements.is_signed:
                raise ValidationError(_("Only signed minutes of this meeting can be supplemented."))
        minutes = Minutes(meeting=meeting, supplements=supplements, created_by=user)
    minutes.text = text.strip()
    minutes.secretary_name = secretary_name.strip()
    minutes.secretary_title = secretary_title.strip()
    minutes.full_clean()
    minutes.save()
    log_action(
        minutes,
        "meetings.minutes.saved" if before else "meetings.minutes.created",
        user=user,
        unit=meeting.committee,
        before=before,
        data={
            **snapshot(minutes, ["text", "secretary_name", "secretary_title"]),
            "supplements": minutes.supplements_id,
        },
    )
    return minutes


@transaction.atomic
def sign_minutes(*, minutes: Minutes, user: Any) -> Minutes:
    """Sign (lock) the minutes; the meeting counts as held and its review is frozen."""
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    require_record(user, minutes.meeting.committee_id)
    _locked(minutes)
    if not minutes.text.strip():
        raise ValidationError({"text": _("Write the minutes before signing them.")})
    minutes.state, minutes.signed_at, minutes.signed_by = MinutesState.SIGNED, timezone.now(), user
    minutes.save(update_fields=["state", "signed_at", "signed_by", "updated_at"])
    log_action(
        minutes,
        "meetings.minutes.signed",
        user=user,
        unit=minutes.meeting.committee,
        data=snapshot(minutes, ["state", "signed_at", "signed_by"]),
    )
    mark_held(meeting=minutes.meeting, user=user)
    return minutes


# -- files -------------------------------------------------------------------------------


@transaction.atomic
def add_file(
    *,
    meeting: Meeting,
    user: Any,
    upload: UploadedFile | None = None,
    content: bytes | None = None,
    name: str = "",
    kind: str = FileKind.ATTACHMENT,
    sha256: str = "",
    check_permission: bool = True,
) -> MeetingFile:
    if check_permission:
        require_record(user, meeting.committee_id)
    if upload is not None:
        validate_attachment(upload)
        name = upload.name or name
    row = MeetingFile(meeting=meeting, kind=kind, name=name[:255], sha256=sha256, uploaded_by=user)
    if upload is not None:
        row.file = upload
    elif content is not None:
        row.file.save(name or "van-ban.txt", ContentFile(content), save=False)
    else:
        raise ValidationError({"file": _("Choose a file.")})
    row.full_clean()
    row.save()
    log_action(
        row,
        "meetings.file.added",
        user=user,
        unit=meeting.committee,
        data={"meeting": meeting.pk, "name": row.name, "kind": kind, "file": row.file.name},
    )
    return row


def spec_units(ids: Iterable[int], committee: Unit) -> list[Unit]:
    """Units by id, only those under the committee (others are ignored by the caller's check)."""
    allowed = _units_of(committee)
    return list(Unit.objects.filter(pk__in=[i for i in ids if i in allowed]))

"""The rules a conclusion notice must meet before it is submitted, approved or issued, and what
a new one starts with (the committee's place and body, the meeting's chair)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from giaoban.meetings.models import Notice, NoticeItem
from giaoban.org.models import Unit


def check_complete(notice: Notice) -> None:
    """What a notice needs before it is submitted, approved or issued: items, each giving a
    task (with units) or marked 'no task arises' with a reason, and units that exist on the
    notice's date (its tasks count from that date)."""
    items = list(notice.items.prefetch_related("tasks"))
    if not items:
        raise ValidationError(_("A notice with no items cannot be submitted or issued."))
    missing = [str(i.number) for i in items if not i.no_task and not list(i.tasks.all())]
    if missing:
        raise ValidationError(
            _("Items %(numbers)s give no task: add a task or mark them 'no task arises'.")
            % {"numbers": ", ".join(missing)}
        )
    no_reason = [str(i.number) for i in items if i.no_task and not i.no_task_reason]
    if no_reason:
        raise ValidationError(
            _("Say why no task arises from items %(numbers)s.") % {"numbers": ", ".join(no_reason)}
        )
    for item in items:
        for t in item.tasks.all():
            if (
                t.task_id is None
                and not t.all_units
                and not t.lead_units.exists()
                and not t.coordinating_units.exists()
            ):
                raise ValidationError(
                    _("A task of item %(n)s has no unit: choose units or 'all units'.")
                    % {"n": item.number}
                )
    if notice.doc_date is not None:
        check_units_on(notice, items, notice.doc_date)


def check_units_on(notice: Notice, items: list[NoticeItem], on: date) -> None:
    """The units of the tasks still to be created must exist on the notice's date: a notice
    dated before a reform cannot give tasks to the units the reform created (nor to those it
    closed) — said plainly, with the dates, rather than as a missing choice."""
    errors: list[str] = []
    day = on.strftime("%d/%m/%Y")
    for item in items:
        for t in item.tasks.all():
            if t.task_id is not None:
                continue
            if t.all_units and not Unit.objects.active(on).filter(parent=notice.committee).exists():
                first = (
                    Unit.objects.filter(parent=notice.committee, valid_from__gt=on)
                    .order_by("valid_from")
                    .values_list("valid_from", flat=True)
                    .first()
                )
                errors.append(
                    _(
                        "Item %(n)s: on %(day)s (the notice's date) the committee had no unit yet"
                        " (its units exist from %(from)s). Check the notice's date."
                    )
                    % {
                        "n": item.number,
                        "day": day,
                        "from": first.strftime("%d/%m/%Y") if first else "—",
                    }
                )
            named = list(t.lead_units.all()) + list(t.coordinating_units.all())
            absent = [u for u in named if not u.is_active(on)]
            if absent:
                errors.append(
                    _(
                        "Item %(n)s: on %(day)s (the notice's date) these units did not exist: %(names)s."
                    )
                    % {
                        "n": item.number,
                        "day": day,
                        "names": "; ".join(_unit_dates(u) for u in absent),
                    }
                )
    if errors:
        raise ValidationError(errors)


def _unit_dates(unit: Unit) -> str:
    if unit.valid_from is not None and unit.valid_to is None:
        return _("%(name)s (from %(d)s)") % {
            "name": unit.name,
            "d": unit.valid_from.strftime("%d/%m/%Y"),
        }
    if unit.valid_to is not None:
        return _("%(name)s (closed on %(d)s)") % {
            "name": unit.name,
            "d": unit.valid_to.strftime("%d/%m/%Y"),
        }
    return unit.name


def units_later_warning(units: list[Unit], day: date) -> str:
    """Said on the import review when none of the committee's units existed on the text's date."""
    first = min((u.valid_from for u in units if u.valid_from is not None), default=day)
    return _(
        "On %(day)s (the date in the text) none of the committee's units existed yet"
        " (they exist from %(from)s): a notice of that date cannot give them tasks."
        " Check the date, or enter the notice with a date from which the units exist."
    ) % {"day": day.strftime("%d/%m/%Y"), "from": first.strftime("%d/%m/%Y")}


_PARENT = {"tỉnh ủy": "ĐẢNG BỘ TỈNH", "thành ủy": "ĐẢNG BỘ THÀNH PHỐ"}


def notice_defaults(committee: Unit, meeting: Any = None) -> dict[str, str]:
    """The header, place and signer a new notice starts with (Hướng dẫn 36-HD/VPTW): for
    "Tỉnh ủy Đồng Nai", "ĐẢNG BỘ TỈNH ĐỒNG NAI" over "TỈNH ỦY", dated "Đồng Nai, ngày …"."""
    place = committee.place_name
    body = committee.name[: len(committee.name) - len(place)].strip().lower() if place else ""
    parent = f"{_PARENT[body]} {place.upper()}" if body in _PARENT and place else ""
    defaults = {
        "issuer": body.upper() if body else committee.name.upper(),
        "issuer_parent": parent,
        "place": place,
        "signing_formula": "T/M THƯỜNG TRỰC TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC",
        "recipients": (
            "- Các đồng chí Tỉnh ủy viên,\n- Các đơn vị trực thuộc Tỉnh ủy,\n"
            "- Lưu Văn phòng Tỉnh ủy."
        ),
        "closing": "Thường trực Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",
    }
    if meeting is not None:
        from giaoban.meetings.models import Part

        chair = meeting.participants.filter(part=Part.CHAIR).order_by("id").first()
        if chair is not None and chair.name:
            defaults["signer_name"] = chair.name
        defaults["opening"] = _opening(meeting, body, chair)
    return defaults


def _opening(meeting: Any, body: str, chair: Any) -> str:
    """The paragraph a conclusion notice opens with, from what the meeting record knows:
    "Ngày 20/6/2024, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban quý II/2024 do đồng chí
    Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy chủ trì. Sau khi nghe …, … kết luận như sau:"
    (the clerk completes it; the document text stays Vietnamese in every interface)."""
    standing = f"Thường trực {body.capitalize() if body else meeting.committee.name}"
    title = meeting.title[:1].upper() + meeting.title[1:]
    text = f"Ngày {meeting.date:%d/%m/%Y}, {standing} tổ chức {title}"
    if chair is not None and chair.name:
        text += f" do đồng chí {chair.name}" + (f", {chair.title}" if chair.title else "")
        text += " chủ trì"
    return (
        text + ". Sau khi nghe báo cáo của các đơn vị và ý kiến phát biểu của các đại biểu dự"
        f" hội nghị, {standing} kết luận như sau:"
    )

"""The notice and the minutes as official documents (DOCX, PDF) through giaoban.documents."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from giaoban.documents import (
    DocumentError,
    Header,
    Item,
    MinutesDocument,
    OfficialDocument,
    Person,
    Section,
    Signature,
    build_docx,
    build_pdf,
)
from giaoban.meetings.models import Meeting, Minutes, Notice, NoticeState, Part
from giaoban.meetings.notice_rules import notice_defaults

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _sentence(text: str) -> str:
    """An item of the notice ends as a sentence (text pasted from a news article often does not)."""
    text = text.rstrip()
    return text if not text or text[-1] in '.:;!?…)"”' else text + "."


def notice_document(notice: Notice) -> OfficialDocument:
    """Items grouped under their headings, in order; a heading opens a new section."""
    sections: list[Section] = []
    heading, items = "", []
    for item in notice.items.all():
        if item.heading and item.heading != heading:
            if items or heading:
                sections.append(Section(heading=heading, items=tuple(items)))
            heading, items = item.heading, []
        items.append(Item(f"{item.number}.", _sentence(item.text)))
    if items or heading:
        sections.append(Section(heading=heading, items=tuple(items)))
    return OfficialDocument(
        header=Header(
            issuer_parent=notice.issuer_parent.upper(),
            issuer=notice.issuer.upper(),
            number=notice.number,
            place=notice.place,
            date=notice.doc_date,
        ),
        # a notice not yet issued must never pass for the issued one when it leaves the office
        kind_title="THÔNG BÁO" if notice.state == NoticeState.ISSUED else "DỰ THẢO THÔNG BÁO",
        title=notice.title,
        opening=_paragraphs(notice.opening),
        sections=tuple(sections),
        closing=_paragraphs(notice.closing),
        signature=Signature(formula=tuple(notice.formula_lines()), name=notice.signer_name),
        recipients=tuple(notice.recipient_lines()),
    )


def minutes_document(meeting: Meeting, minutes: Minutes) -> MinutesDocument:
    notice = meeting.notices.order_by("id").first()
    defaults = notice_defaults(meeting.committee)
    participants = list(meeting.participants.select_related("unit"))
    start = timezone.localtime(meeting.starts_at)

    def person(p) -> Person:
        return Person(
            name=p.name or (p.unit.name if p.unit_id else ""),
            title=p.title,
            part=p.absence_reason if p.part == Part.ABSENT else p.get_part_display().lower(),
        )

    chairs = [p for p in participants if p.part == Part.CHAIR]
    title = meeting.title if not minutes.supplements_id else f"bổ sung: {meeting.title}"
    opening = f"Vào lúc {start:%H} giờ {start:%M} ngày {start:%d/%m/%Y}"
    opening += f", tại {meeting.place}" if meeting.place else ""
    opening += f", {meeting.committee.name} tổ chức {meeting.title}."
    return MinutesDocument(
        header=Header(
            issuer_parent=(notice.issuer_parent if notice else defaults["issuer_parent"]).upper(),
            issuer=(notice.issuer if notice else defaults["issuer"]).upper(),
            number="",
            place=notice.place if notice and notice.place else defaults["place"],
            date=meeting.date,
        ),
        title=title,
        opening=(opening,),
        chairs=tuple(person(p) for p in chairs),
        participants=tuple(
            person(p) for p in participants if p.part in (Part.ATTENDS, Part.REPORTS)
        ),
        absent=tuple(person(p) for p in participants if p.part == Part.ABSENT),
        connection_points=tuple(
            c.name
            + (f" ({c.attendance} đại biểu)" if c.attendance else "")
            + ("" if c.connected else " — không kết nối được")
            for c in meeting.connection_points.all()
        ),
        agenda=tuple(a.title for a in meeting.agenda.all()),
        body=_paragraphs(minutes.text),
        secretary=Person(minutes.secretary_name, minutes.secretary_title),
        chair=Person(chairs[0].name, chairs[0].title) if chairs else Person(""),
    )


def _send(request: HttpRequest, data: bytes, name: str, fmt: str, back: str) -> HttpResponse:
    if fmt == "pdf":
        try:
            data = build_pdf(data)
        except DocumentError as exc:
            messages.error(request, str(exc))
            return redirect(back)
        response = HttpResponse(data, content_type="application/pdf")
    else:
        response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-") or "van-ban"


def notice_file(request: HttpRequest, notice: Notice, fmt: str) -> HttpResponse:
    from django.urls import reverse

    back = reverse("meetings:notice", args=[notice.pk])
    try:
        data = build_docx(notice_document(notice), kind="notice", committee=notice.committee)
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    # a draft's file says so in its name too (it carries the number it will be issued under)
    name = "thong-bao-" + _safe(notice.number or str(notice.pk))
    if notice.state != NoticeState.ISSUED:
        name = "du-thao-" + name
    return _send(request, data, name, fmt, back)


def minutes_file(
    request: HttpRequest, meeting: Meeting, minutes: Minutes, fmt: str
) -> HttpResponse:
    from django.urls import reverse

    back = reverse("meetings:detail", args=[meeting.pk])
    try:
        data = build_docx(
            minutes_document(meeting, minutes), kind="minutes", committee=meeting.committee
        )
    except DocumentError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    return _send(request, data, f"bien-ban-{meeting.pk}-{minutes.pk}", fmt, back)

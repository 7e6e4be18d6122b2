"""Official documents: DOCX from Word templates (docxtpl), PDF through headless LibreOffice.

The small API other apps use (reports, reminders, meetings)::

    from giaoban.documents import (
        OfficialDocument, Header, Section, Item, Table, Signature,   # what a document says
        MinutesDocument, Person,
        build_docx, build_pdf,           # bytes of the DOCX / PDF
        pdf_unavailable_reason,          # None, or why the PDF link cannot work here
        DocumentError, TemplateError, PdfUnavailable,   # str(exc) is a message for the user
    )

    doc = OfficialDocument(
        header=Header(issuer_parent="ĐẢNG BỘ TỈNH ĐỒNG NAI", issuer="VĂN PHÒNG TỈNH ỦY",
                      number="123-CV/VPTU", place="Đồng Nai", date=date(2026, 3, 16),
                      excerpt="V/v đôn đốc thực hiện nhiệm vụ"),
        addressees=("Ban Tổ chức Tỉnh ủy",),
        opening=("Thực hiện …",),
        sections=(Section(heading="I. …", items=(Item("1.", "…"),), table=Table(("Đơn vị", "Số"),
                  (("Ban A", "3"),))),),
        signature=Signature(formula=("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), name="…"),
        recipients=("- Như trên,", "- Lưu VP."),
    )
    data = build_docx(doc, kind="official", committee=committee)   # committee: org.Unit or None
    pdf = build_pdf(data)                                            # raises PdfUnavailable

``kind`` is "notice", "minutes" or "official" (reports and letters). An office
replaces a kind's template in the admin (Documents › Document templates); the
upload is test-rendered and refused with a clear message when broken, and a
template that still fails at render time raises ``TemplateError``, never a 500.
"""

from __future__ import annotations

from typing import Any

from giaoban.documents.render import (
    DocumentError,
    PdfUnavailable,
    TemplateError,
    docx_to_pdf,
    pdf_unavailable_reason,
    render_docx,
)
from giaoban.documents.types import (
    Header,
    Item,
    MinutesDocument,
    OfficialDocument,
    Person,
    Section,
    Signature,
    Table,
    place_date_line,
)

__all__ = [
    "DocumentError",
    "Header",
    "Item",
    "MinutesDocument",
    "OfficialDocument",
    "PdfUnavailable",
    "Person",
    "Section",
    "Signature",
    "Table",
    "TemplateError",
    "build_docx",
    "build_pdf",
    "pdf_unavailable_reason",
    "place_date_line",
    "template_for",
]


def template_for(kind: str, committee: Any | None = None) -> bytes | None:
    """The uploaded template in use for ``kind`` (the committee's, else the installation's),
    or None for the default that ships with giaoban."""
    from giaoban.documents.models import DocumentTemplate

    rows = DocumentTemplate.objects.filter(kind=kind, active=True)
    if committee is not None:
        own = rows.filter(committee=committee).values_list("content", flat=True).first()
        if own is not None:
            return bytes(own)
    shared = rows.filter(committee__isnull=True).values_list("content", flat=True).first()
    return bytes(shared) if shared is not None else None


def build_docx(
    doc: OfficialDocument | MinutesDocument, *, kind: str, committee: Any | None = None
) -> bytes:
    """The DOCX bytes of ``doc`` from the template in use for ``kind`` (see ``template_for``)."""
    return render_docx(doc, kind=kind, template=template_for(kind, committee))


def build_pdf(docx: bytes) -> bytes:
    """The PDF of a DOCX (headless LibreOffice); raises ``PdfUnavailable`` with the reason."""
    return docx_to_pdf(docx)

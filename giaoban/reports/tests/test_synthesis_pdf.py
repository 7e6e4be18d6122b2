"""The synthesis report as PDF from the period page (headless LibreOffice, as the notices), and
the version the office edited in Word kept as issued, listed with its date and who kept it.
The PDFs are opened through their text layer."""

from __future__ import annotations

import io
from datetime import date

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from giaoban.documents import pdf_unavailable_reason
from giaoban.documents.tests.pdftext import pdf_text
from giaoban.reports import services
from giaoban.reports.content import RawContent
from giaoban.reports.models import SynthesisReport

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _submitted(cast, report, text):
    services.save_draft(
        report=report, user=cast.unit_a, raw=RawContent({"results": text}, [], [], {}, {})
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )


def _pdf(response) -> str:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF")
    return " ".join(pdf_text(data).split())


def test_draft_and_edited_issued_version_as_pdf(login, cast, report):
    assert pdf_unavailable_reason() is None, "LibreOffice (soffice) must be installed for this test"
    _submitted(cast, report, "Tham mưu 4 đề án về công tác tuyên giáo")
    period = report.period
    office = login(cast.office_a)
    office.post(f"/reports/periods/{period.pk}/synthesis/")
    page = office.get(f"/reports/periods/{period.pk}/").content.decode()
    assert f"/reports/periods/{period.pk}/synthesis/1/pdf/" in page
    text = _pdf(office.get(f"/reports/periods/{period.pk}/synthesis/1/pdf/"))
    assert "BÁO CÁO TỔNG HỢP" in text and "Tham mưu 4 đề án về công tác tuyên giáo" in text
    # the office edits the draft in Word and keeps the edited DOCX as the issued version
    draft = SynthesisReport.objects.get(number=1)
    doc = Document(io.BytesIO(draft.document.read()))
    doc.add_paragraph("Văn phòng bổ sung ý kiến chỉ đạo của Thường trực Tỉnh ủy.")
    out = io.BytesIO()
    doc.save(out)
    upload = SimpleUploadedFile("bao-cao-tong-hop-da-sua.docx", out.getvalue(), content_type=DOCX)
    kept = office.post(f"/reports/periods/{period.pk}/synthesis/upload/", {"document": upload})
    assert kept.status_code == 302
    issued = SynthesisReport.objects.get(issued=True)
    assert issued.number == 2 and issued.created_by == cast.office_a
    page = office.get(f"/reports/periods/{period.pk}/").content.decode()
    listed = page.split('data-testid="synthesis-link"')[1].split("</li>")[0]
    assert "16/03/2026" in listed and str(cast.office_a) in listed, "date and who, newest first"
    assert "bg-success" in listed
    text = _pdf(office.get(f"/reports/periods/{period.pk}/synthesis/2/pdf/"))
    assert "Văn phòng bổ sung ý kiến chỉ đạo của Thường trực Tỉnh ủy." in text
    assert "Tham mưu 4 đề án" in text
    assert (
        login(cast.unit_a).get(f"/reports/periods/{period.pk}/synthesis/2/pdf/").status_code == 403
    )
    assert (
        login(cast.unit_b).get(f"/reports/periods/{period.pk}/synthesis/2/pdf/").status_code == 404
    )


def test_an_issued_pdf_is_served_as_it_is(login, cast, report):
    office = login(cast.office_a)
    upload = SimpleUploadedFile(
        "ban-phat-hanh.pdf", b"%PDF-1.4 issued", content_type="application/pdf"
    )
    office.post(f"/reports/periods/{report.period.pk}/synthesis/upload/", {"document": upload})
    response = office.get(f"/reports/periods/{report.period.pk}/synthesis/1/pdf/")
    assert response.status_code == 200 and response.content == b"%PDF-1.4 issued"
    assert office.get(f"/reports/periods/{report.period.pk}/synthesis/9/pdf/").status_code == 404


def test_without_libreoffice_the_link_says_why(login, cast, report, monkeypatch):
    monkeypatch.setattr("giaoban.documents.render.shutil.which", lambda name: None)
    monkeypatch.delenv("GIAOBAN_SOFFICE", raising=False)
    office = login(cast.office_a)
    office.post(f"/reports/periods/{report.period.pk}/synthesis/")
    page = office.get(f"/reports/periods/{report.period.pk}/").content.decode()
    assert 'data-testid="pdf-reason"' in page and "LibreOffice" in page
    assert "/synthesis/1/pdf/" not in page
    response = office.get(f"/reports/periods/{report.period.pk}/synthesis/1/pdf/")
    assert (
        response.status_code == 302
        and response["Location"] == f"/reports/periods/{report.period.pk}/"
    )
    assert any("LibreOffice" in str(m) for m in get_messages(response.wsgi_request))

"""An office replaces a template in the admin; a broken upload is refused with the reason."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from giaoban.documents import build_docx, template_for
from giaoban.documents.models import DocumentTemplate
from giaoban.documents.render import default_template
from giaoban.documents.samples import sample

pytestmark = pytest.mark.django_db


def _upload(client, name: str, content: bytes, kind: str = "notice"):
    return client.post(
        "/admin/documents/documenttemplate/add/",
        {
            "kind": kind,
            "committee": "",
            "active": "on",
            "upload": SimpleUploadedFile(name, content),
        },
    )


def test_broken_upload_is_refused_with_a_clear_message(cast, client):
    client.force_login(cast.admin)
    response = _upload(client, "mau.docx", b"this is not a word file")
    assert response.status_code == 200
    assert "không phải là tài liệu Word" in response.content.decode()
    assert DocumentTemplate.objects.count() == 0


def test_uploaded_template_replaces_the_default(cast, client):
    client.force_login(cast.admin)
    doc = Document(io.BytesIO(default_template("notice")))
    doc.add_paragraph("MẪU RIÊNG CỦA VĂN PHÒNG")
    buf = io.BytesIO()
    doc.save(buf)
    response = _upload(client, "mau-rieng.docx", buf.getvalue())
    assert response.status_code == 302, response.content.decode()[:2000]
    row = DocumentTemplate.objects.get()
    assert row.uploaded_by == cast.admin and row.name == "mau-rieng.docx"
    assert template_for("notice", cast.committee_a) == buf.getvalue()
    out = Document(
        io.BytesIO(build_docx(sample("notice"), kind="notice", committee=cast.committee_a))
    )
    assert "MẪU RIÊNG CỦA VĂN PHÒNG" in [p.text for p in out.paragraphs]
    from giaoban.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="documents.template.uploaded").count() == 1

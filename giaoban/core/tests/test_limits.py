"""Oversized and malformed requests: the app's own Vietnamese page, JSON on the API."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.core.tests.support import frozen  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")


def test_an_oversized_upload_gets_the_apps_page(cast, login, settings):
    settings.GIAOBAN_MAX_REQUEST_BYTES = 50_000
    big = SimpleUploadedFile("bao-cao.pdf", b"%PDF" + b"x" * 60_000, content_type="application/pdf")
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/progress/", {"text": "Kèm tệp", "attachment": big}
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert 'id="request-refused"' in html and "quá lớn" in html
    assert cast.asg_a.progress_updates.count() == 0


def test_an_oversized_api_request_gets_json(cast, client, settings):
    settings.GIAOBAN_MAX_REQUEST_BYTES = 1000
    client.force_login(cast.unit_a)
    response = client.post(
        f"/api/assignments/{cast.asg_a.pk}/progress",
        {"text": "x" * 2000},
        content_type="application/json",
    )
    assert response.status_code == 413
    assert "quá lớn" in response.json()["detail"]


def test_too_much_form_data_gets_the_apps_page(cast, login, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 500
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/progress/", {"text": "x" * 1000}
    )
    assert response.status_code == 413
    assert 'id="request-refused"' in response.content.decode()
    assert "Bad Request" not in response.content.decode()

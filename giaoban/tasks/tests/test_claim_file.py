"""A unit sees (and downloads) the file it attached to its own claim; another unit does not."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")


def test_the_unit_sees_its_claims_file(cast, login):
    claim = services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=TODAY,
        attachment=SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
    )
    url = f"/tasks/assignments/{cast.asg_a.pk}/files/claim/{claim.pk}/"
    html = login(cast.unit_a).get(f"/tasks/assignments/{cast.asg_a.pk}/").content.decode()
    assert f'href="{url}"' in html
    response = login(cast.unit_a).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert login(cast.unit_b).get(url).status_code == 404


def test_labels_are_not_doubled(cast, login):
    """One status badge (the state adds one only when a claim awaits), and the note's label
    is not the percentage's."""
    html = login(cast.unit_a).get(f"/tasks/assignments/{cast.asg_a.pk}/").content.decode()
    badges = html.split('id="status-badge">')[1].split("</div>")[0]
    assert badges.count('class="badge') == 1
    assert "Nội dung tiến độ" in html and "Tiến độ (%)" in html

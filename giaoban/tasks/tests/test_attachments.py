"""Attachments are served through the scope helper, never from a public folder."""

from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.tasks import services


def test_attachment_download_is_scoped(cast, login):
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    update = services.add_progress(
        assignment=cast.asg_a, user=cast.unit_a, text="Đã có dự thảo", attachment=upload
    )
    url = f"/tasks/assignments/{cast.asg_a.pk}/files/progress/{update.pk}/"
    response = login(cast.unit_a).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert "bao-cao" in response["Content-Disposition"]
    assert login(cast.office_a).get(url).status_code == 200
    assert login(cast.unit_b).get(url).status_code == 404
    assert login(cast.unit_a).get(url.replace("progress", "other")).status_code == 404


def test_attachment_of_another_assignment_is_404(cast, login):
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4", content_type="application/pdf")
    update = services.add_progress(
        assignment=cast.asg_a, user=cast.unit_a, text="x", attachment=upload
    )
    other = cast.assignment(cast.task_a, cast.board_a2)
    url = f"/tasks/assignments/{other.pk}/files/progress/{update.pk}/"
    assert login(cast.office_a).get(url).status_code == 404

"""The register pages: raise, forward, answer, close; filters; scope."""

from __future__ import annotations

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.recommendations import services
from giaoban.recommendations.models import Recommendation, RecState

pytestmark = pytest.mark.usefixtures("frozen")


def test_raise_forward_answer_close_through_the_pages(login, cast):
    unit = login(cast.unit_a)
    assert (
        unit.post("/recommendations/new/", {"unit": cast.board_a.pk, "text": ""}).status_code == 400
    )
    assert (
        unit.post(
            "/recommendations/new/", {"unit": cast.board_a.pk, "text": "x" * 4001}
        ).status_code
        == 400
    )
    response = unit.post(
        "/recommendations/new/",
        {"unit": cast.board_a.pk, "text": "Trang bị máy tính", "addressed_to": "Thường trực"},
    )
    rec = Recommendation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/recommendations/{rec.pk}/"
    office = login(cast.office_a)
    page = office.get(f"/recommendations/{rec.pk}/").content.decode()
    assert 'id="forward-rec"' in page and 'id="answer-rec"' in page
    assert (
        office.post(f"/recommendations/{rec.pk}/forward/", {"to_unit": cast.board_a.pk}).status_code
        == 400
    ), "not back to the unit that raised it"
    assert (
        office.post(
            f"/recommendations/{rec.pk}/forward/",
            {"to_unit": cast.office_unit_a.pk, "response_deadline": "31/03/2026"},
        ).status_code
        == 302
    )
    assert office.post(f"/recommendations/{rec.pk}/answer/", {"answer": ""}).status_code == 400
    assert (
        office.post(f"/recommendations/{rec.pk}/answer/", {"answer": "Đã bố trí"}).status_code
        == 302
    )
    assert office.post(f"/recommendations/{rec.pk}/close/").status_code == 302
    rec.refresh_from_db()
    assert (
        rec.state == RecState.CLOSED
        and rec.answer == "Đã bố trí"
        and rec.forwarded_to == cast.office_unit_a
    )
    closed = office.post(f"/recommendations/{rec.pk}/answer/", {"answer": "Thêm"})
    assert closed.status_code == 400 and "đã đóng" in closed.content.decode()


def test_register_filters_and_scope(login, cast):
    a = services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Kinh phí sửa chữa trụ sở"
    )
    b = services.raise_recommendation(unit=cast.board_a2, user=cast.unit_a2, text="Biên chế")
    office = login(cast.office_a)
    body = office.get("/recommendations/?q=tru so").content.decode()
    assert "Kinh phí sửa chữa trụ sở" in body and "Biên chế" not in body, (
        "accent-insensitive search"
    )
    assert "Biên chế" in office.get(f"/recommendations/?unit={cast.board_a2.pk}").content.decode()
    assert office.get("/recommendations/?raised_from=99/99/2026").status_code == 400
    mine = login(cast.unit_a).get("/recommendations/").content.decode()
    assert "Kinh phí" in mine and "Biên chế" not in mine
    assert login(cast.unit_a).get(f"/recommendations/{b.pk}/").status_code == 404
    assert login(cast.unit_b).get(f"/recommendations/{a.pk}/").status_code == 404
    services.forward(rec=b, user=cast.office_a, to_unit=cast.board_a)
    assert login(cast.unit_a).get(f"/recommendations/{b.pk}/").status_code == 200, (
        "the unit it was forwarded to sees it"
    )


def test_the_answer_form_is_headed_by_what_it_does(login, cast):
    """Not "Trả lời" over "Trả lời:" next to the answer itself: the form says whether it gives
    the answer or changes the one shown."""
    import re

    rec = services.raise_recommendation(unit=cast.board_a, user=cast.unit_a, text="Biên chế")
    office = login(cast.office_a)

    def heading():
        page = office.get(f"/recommendations/{rec.pk}/").content.decode()
        label = re.search(r'<label[^>]*for="id_answer"[^>]*>(.*?)</label>', page, re.S).group(1)
        return re.search(r'id="answer-heading">(.*?)</h2>', page).group(1), label.strip()

    assert heading() == ("Trả lời kiến nghị", "Nội dung trả lời:")
    services.answer(rec=rec, user=cast.office_a, text="Đã bố trí")
    assert heading() == ("Sửa nội dung trả lời", "Nội dung trả lời:")

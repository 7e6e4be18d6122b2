"""The recommendation register: states, who may answer, overdue, the briefing's list."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from giaoban.core.tests.support import audit_for, frozen  # noqa: F401
from giaoban.recommendations import queries, services
from giaoban.recommendations.models import Recommendation, RecState

pytestmark = pytest.mark.usefixtures("frozen")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_states_and_audit(cast):
    rec = services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Cấp kinh phí", addressed_to="Thường trực Tỉnh ủy"
    )
    assert rec.committee == cast.committee_a and rec.state == RecState.NEW
    assert rec.response_deadline == date(2026, 4, 6), "15 working days after Monday 16/03/2026"
    with pytest.raises(ValidationError):
        services.close(rec=rec, user=cast.office_a)
    services.forward(
        rec=rec, user=cast.office_a, to_unit=cast.office_unit_a, response_deadline=date(2026, 3, 31)
    )
    with pytest.raises(PermissionDenied):
        services.answer(rec=rec, user=cast.unit_a, text="Tự trả lời")
    with pytest.raises(ValidationError):
        services.answer(rec=rec, user=cast.office_a, text="x" * 8001)
    services.answer(rec=rec, user=cast.leader_a, text="Bố trí trong quý II")
    services.close(rec=rec, user=cast.office_a)
    with pytest.raises(ValidationError, match="đã đóng"):
        services.answer(rec=rec, user=cast.office_a, text="Thêm")
    rec.refresh_from_db()
    assert rec.answer == "Bố trí trong quý II" and rec.state == RecState.CLOSED
    assert [e.action for e in audit_for(rec)] == [
        "recommendations.raised",
        "recommendations.forwarded",
        "recommendations.answered",
        "recommendations.closed",
    ]


def test_overdue_and_briefing_list(cast):
    old = services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Cũ", response_deadline=date(2026, 3, 20)
    )
    answered = services.raise_recommendation(
        unit=cast.board_a2, user=cast.unit_a2, text="Đã trả lời"
    )
    services.answer(rec=answered, user=cast.office_a, text="Đồng ý")
    with time_machine.travel(datetime(2026, 3, 25, 9, tzinfo=TZ), tick=False):
        assert list(
            queries.register(cast.office_a, queries.Filters(overdue=True), date(2026, 3, 25))
        ) == [old]
        assert queries.counts(cast.office_a, date(2026, 3, 25))["overdue"] == 1
    assert list(queries.register(cast.unit_a, queries.Filters(), date(2026, 3, 16))) == [old]
    listed = queries.for_briefing(
        cast.committee_a.pk, since=date(2026, 3, 1), until=date(2026, 3, 31)
    )
    assert set(listed) == {old, answered}
    assert queries.for_briefing(
        cast.committee_a.pk, since=date(2026, 3, 16), until=date(2026, 3, 31)
    ) == [old], "raised before 'since' and answered: not listed; still open: listed"
    assert Recommendation.objects.count() == 2


def test_unit_cannot_raise_for_another_unit(cast):
    with pytest.raises(PermissionDenied):
        services.raise_recommendation(unit=cast.board_a2, user=cast.unit_a, text="x")
    with pytest.raises(ValidationError):
        services.raise_recommendation(unit=cast.board_a, user=cast.unit_a, text="   ")
    assert not Recommendation.objects.exists()

"""Evidence errors are shown on the field the user typed the value in."""

from __future__ import annotations

from giaoban.tasks.models import CompletionClaim


def _form(response, name: str = "claim_form"):
    for ctx in response.context:
        if name in ctx:
            return ctx[name]
    raise AssertionError(f"no {name} in the context")


def test_a_future_date_in_a_pasted_reference_is_reported_on_the_number_field(cast, login):
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {"completed_on": "15/03/2026", "evidence_number": "Báo cáo số 335-BC/ĐU ngày 29/6/2027"},
    )
    assert response.status_code == 400
    form = _form(response)
    assert "evidence_date" not in form.errors
    assert form.errors["evidence_number"] == [
        "Ngày ghi trong số hiệu văn bản (29/06/2027) sau ngày hiện tại."
    ]
    assert CompletionClaim.objects.count() == 0


def test_a_future_date_typed_in_the_date_box_is_reported_there(cast, login):
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {
            "completed_on": "15/03/2026",
            "evidence_number": "335-BC/ĐU",
            "evidence_date": "20/03/2026",
        },
    )
    assert response.status_code == 400
    form = _form(response)
    assert "evidence_number" not in form.errors
    assert form.errors["evidence_date"] == ["Ngày văn bản không được sau hôm nay."]


def test_a_reference_with_a_past_date_is_split_and_saved(cast, login):
    response = login(cast.unit_a).post(
        f"/tasks/assignments/{cast.asg_a.pk}/claim/",
        {"completed_on": "15/03/2026", "evidence_number": "Báo cáo số 335-BC/ĐU ngày 14/3/2026"},
    )
    assert response.status_code == 302
    claim = CompletionClaim.objects.get()
    assert (claim.evidence_number, claim.evidence_date.isoformat()) == ("335-BC/ĐU", "2026-03-14")

"""The reporting and recommendation API: same rules as the pages, 400/422 on bad input."""

from __future__ import annotations

import json

from giaoban.accounts.models import ApiToken
from giaoban.recommendations.models import Recommendation
from giaoban.reports.models import ReportState, UnitReport


def call(client, user, method, url, data=None):
    _, raw = ApiToken.issue(user=user, name="t")
    kw = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if method == "get":
        return client.get(url, **kw)
    return getattr(client, method)(
        url, json.dumps(data or {}), content_type="application/json", **kw
    )


def test_full_cycle_over_the_api(client, cast, period):
    r = call(client, cast.unit_a, "post", f"/api/reporting/periods/{period.pk}/reports")
    assert r.status_code == 201, r.content
    rid = r.json()["id"]
    bad = call(
        client,
        cast.unit_a,
        "put",
        f"/api/reporting/reports/{rid}/draft",
        {"sections": {"results": "A"}, "indicators": {"DV01": "nhiều"}},
    )
    assert bad.status_code == 400 and "indicator_DV01" in bad.json()["errors"]
    assert UnitReport.objects.get(pk=rid).content.get("sections", {}) == {}
    draft = {
        "sections": {"results": "Hoàn thành 4 đề án"},
        "indicators": {"DV01": "12"},
        "recommendations": [{"text": "Cấp kinh phí"}],
    }
    assert (
        call(client, cast.unit_a, "put", f"/api/reporting/reports/{rid}/draft", draft).status_code
        == 200
    )
    too_long = call(
        client,
        cast.unit_a,
        "post",
        f"/api/reporting/reports/{rid}/submit",
        {"doc_number": "x" * 65, "doc_date": "2026-03-16"},
    )
    assert too_long.status_code == 422
    sent = call(
        client,
        cast.unit_a,
        "post",
        f"/api/reporting/reports/{rid}/submit",
        {"doc_number": "335-BC/ĐU", "doc_date": "2026-03-16"},
    )
    assert (
        sent.status_code == 200
        and sent.json()["state"] == "submitted"
        and sent.json()["late"] is False
    )
    assert (
        call(client, cast.unit_a, "post", f"/api/reporting/reports/{rid}/accept").status_code == 403
    )
    assert (
        call(
            client, cast.office_a, "post", f"/api/reporting/reports/{rid}/return", {"reason": ""}
        ).status_code
        == 422
    )
    assert (
        call(
            client,
            cast.office_a,
            "post",
            f"/api/reporting/reports/{rid}/return",
            {"reason": "Thiếu"},
        ).json()["state"]
        == "returned"
    )
    call(
        client,
        cast.unit_a,
        "post",
        f"/api/reporting/reports/{rid}/submit",
        {"doc_number": "336-BC/ĐU", "doc_date": "2026-03-16"},
    )
    assert (
        call(client, cast.office_a, "post", f"/api/reporting/reports/{rid}/accept").json()["state"]
        == "accepted"
    )
    versions = call(client, cast.office_a, "get", f"/api/reporting/reports/{rid}/versions").json()
    assert [v["doc_number"] for v in versions] == ["335-BC/ĐU", "336-BC/ĐU"]
    c = call(
        client, cast.office_a, "get", f"/api/reporting/periods/{period.pk}/completeness"
    ).json()
    assert (c["expected"], c["submitted"], c["on_time"], c["missing"], c["accepted"]) == (
        4,
        1,
        1,
        3,
        1,
    )
    assert c["completeness_rate"] == 25.0
    mine = call(
        client, cast.unit_a, "get", f"/api/reporting/periods/{period.pk}/completeness"
    ).json()
    assert [u["unit_id"] for u in mine["units"]] == [cast.board_a.pk], (
        "a unit sees its own row only"
    )
    t = call(
        client, cast.unit_a, "get", f"/api/reporting/units/{cast.board_a.pk}/timeliness"
    ).json()
    assert t["on_time"] == 1 and t["periods"][0]["status"] == "on_time"
    assert UnitReport.objects.get(pk=rid).state == ReportState.ACCEPTED
    assert Recommendation.objects.count() == 1


def test_scope_and_bad_input(client, cast, period, report):
    assert (
        call(client, cast.unit_b, "get", f"/api/reporting/reports/{report.pk}").status_code == 404
    )
    assert (
        call(
            client, cast.unit_a2, "put", f"/api/reporting/reports/{report.pk}/draft", {}
        ).status_code
        == 404
    )
    assert (
        call(client, cast.unit_b, "get", f"/api/reporting/periods/{period.pk}").status_code == 404
    )
    bad_period = call(
        client,
        cast.office_a,
        "post",
        "/api/reporting/periods",
        {"committee": cast.committee_a.pk, "period_type": "quarter", "year": 2026, "number": 5},
    )
    assert bad_period.status_code == 400
    dup = call(
        client,
        cast.office_a,
        "post",
        "/api/reporting/periods",
        {"committee": cast.committee_a.pk, "period_type": "quarter", "year": 2026, "number": 1},
    )
    assert dup.status_code == 400
    other = call(
        client,
        cast.office_a,
        "post",
        "/api/reporting/periods",
        {
            "committee": cast.committee_a.pk,
            "period_type": "quarter",
            "year": 2026,
            "number": 2,
            "expected_units": [cast.board_b.pk],
        },
    )
    assert other.status_code == 400 and "units" in other.json()["errors"]


def test_recommendation_states_over_the_api(client, cast):
    r = call(
        client,
        cast.unit_a,
        "post",
        "/api/recommendations",
        {"unit": cast.board_a.pk, "text": "Trang bị máy tính"},
    )
    assert r.status_code == 201 and r.json()["state"] == "new"
    rid = r.json()["id"]
    assert (
        call(
            client,
            cast.unit_a,
            "post",
            f"/api/recommendations/{rid}/answer",
            {"answer": "Tự trả lời"},
        ).status_code
        == 403
    )
    fwd = call(
        client,
        cast.office_a,
        "post",
        f"/api/recommendations/{rid}/forward",
        {"to_unit": cast.office_unit_a.pk},
    )
    assert fwd.json()["state"] == "forwarded"
    ans = call(
        client,
        cast.leader_a,
        "post",
        f"/api/recommendations/{rid}/answer",
        {"answer": "Đồng ý bố trí trong quý II"},
    )
    assert ans.status_code == 200 and ans.json()["answered_by_id"] == cast.leader_a.pk
    assert (
        call(client, cast.office_a, "post", f"/api/recommendations/{rid}/close").json()["state"]
        == "closed"
    )
    late = call(
        client, cast.office_a, "post", f"/api/recommendations/{rid}/answer", {"answer": "Bổ sung"}
    )
    assert (
        late.status_code == 400
        and "closed" in json.dumps(late.json()).lower()
        or "đóng" in json.dumps(late.json(), ensure_ascii=False)
    )
    assert Recommendation.objects.get(pk=rid).answer == "Đồng ý bố trí trong quý II"
    assert call(client, cast.unit_b, "get", f"/api/recommendations/{rid}").status_code == 404
    listed = call(client, cast.office_a, "get", "/api/recommendations?state=closed").json()
    assert [x["id"] for x in listed] == [rid]

"""The reporting API's ``label`` fields follow the request's language (Accept-Language or the
language switch's cookie), as the pages do; the stored period stays the same."""

from __future__ import annotations

import pytest
from django.conf import settings

from giaoban.accounts.models import ApiToken
from giaoban.reports.models import ReportingPeriod

EXPECTED = {"vi": "Quý I/2026", "en": "Q1 2026"}


def _get(client, user, url, lang=None, cookie=None):
    _, raw = ApiToken.issue(user=user, name="t")
    kw = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if lang:
        kw["HTTP_ACCEPT_LANGUAGE"] = lang
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    r = client.get(url, **kw)
    assert r.status_code == 200, r.content
    return r.json()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_period_labels_follow_accept_language(client, cast, period, report, lang):
    listed = _get(client, cast.office_a, "/api/reporting/periods", lang=lang)
    assert [p["label"] for p in listed if p["id"] == period.pk] == [EXPECTED[lang]]
    one = _get(client, cast.office_a, f"/api/reporting/periods/{period.pk}", lang=lang)
    assert one["label"] == EXPECTED[lang] and one["code"] == "2026-Q1"
    t = _get(client, cast.unit_a, f"/api/reporting/units/{cast.board_a.pk}/timeliness", lang=lang)
    assert [p["label"] for p in t["periods"]] == [EXPECTED[lang]]


def test_period_labels_follow_the_language_switch(client, cast, period, report):
    one = _get(client, cast.office_a, f"/api/reporting/periods/{period.pk}", cookie="en")
    assert one["label"] == "Q1 2026"
    t = _get(client, cast.unit_a, f"/api/reporting/units/{cast.board_a.pk}/timeliness", cookie="en")
    assert t["periods"][0]["label"] == "Q1 2026"
    # what is stored (and printed in documents) stays Vietnamese
    assert ReportingPeriod.objects.get(pk=period.pk).label == "Quý I/2026"

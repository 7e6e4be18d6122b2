"""The list of reporting periods tells each reader what is theirs to do: a unit sees whether
it must still write its report (with the button that starts it) or missed a closed period;
the office sees, per period, how many of the expected units have sent."""

from __future__ import annotations

import re
from datetime import date

from giaoban.periods import Period
from giaoban.reports import services
from giaoban.reports.models import ExpectedReport, UnitReport


def _row(html: str, label: str) -> str:
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    return next(r for r in rows if label in r)


def test_unit_sees_the_button_to_write_its_report(login, cast, period):
    client = login(cast.unit_a)
    row = _row(client.get("/reports/").content.decode(), period.label)
    assert f'action="/reports/periods/{period.pk}/start/"' in row
    assert 'data-testid="sent-expected"' not in row  # counts are the office's
    assert client.post(f"/reports/periods/{period.pk}/start/").status_code == 302
    report = UnitReport.objects.get(period=period, unit=cast.board_a)
    row = _row(client.get("/reports/").content.decode(), period.label)
    assert f'href="/reports/r/{report.pk}/"' in row and "/start/" not in row


def test_unit_not_expected_gets_no_button(login, cast, period):
    ExpectedReport.objects.filter(period=period, unit=cast.board_a).delete()
    html = login(cast.unit_a).get("/reports/").content.decode()
    assert f"/reports/periods/{period.pk}/start/" not in html


def test_a_closed_period_without_report_reads_missing(login, cast, period):
    services.close_period(period=period, user=cast.office_a)
    row = _row(
        login(cast.unit_a).get("/reports/", HTTP_ACCEPT_LANGUAGE="en").content.decode(),
        period.period.label_en,  # the English page names it "Q1 2026"
    )
    assert "Missing" in row and "/start/" not in row
    # when the office still takes late reports, the unit may still write it
    services.close_period(period=period, user=cast.office_a, allow_late=True)
    row = _row(login(cast.unit_a).get("/reports/").content.decode(), period.label)
    assert "/start/" in row


def test_office_sees_sent_over_expected(login, cast, period, report):
    expected = ExpectedReport.objects.filter(period=period).count()
    office = login(cast.office_a)
    cell = re.search(
        r'data-testid="sent-expected">(.*?)</td>',
        _row(office.get("/reports/").content.decode(), period.label),
        re.S,
    ).group(1)
    assert f"0/{expected}" in cell  # a draft is not sent
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC", doc_date=date(2026, 3, 16)
    )
    cell = re.search(
        r'data-testid="sent-expected">(.*?)</td>',
        _row(office.get("/reports/").content.decode(), period.label),
        re.S,
    ).group(1)
    assert f"1/{expected}" in cell


def test_another_committee_sees_no_counts_of_ours(login, cast, period):
    other = services.create_period(
        committee=cast.committee_b, period=Period.of_quarter(2026, 1), user=cast.office_b
    )
    services.open_period(period=other, user=cast.office_b)
    html = login(cast.office_b).get("/reports/").content.decode()
    assert f"/reports/periods/{period.pk}/" not in html
    assert f"/reports/periods/{other.pk}/" in html

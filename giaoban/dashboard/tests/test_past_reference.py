"""The dashboard read at another date than today: what follows the reference date and what does
not is said on the page, and the banner names the chosen period before the one under way."""

from __future__ import annotations

import re

from giaoban.core.tests.support import TODAY
from giaoban.tasks import services


def _claim(cast):
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=TODAY,
        evidence_number="335-BC/ĐU",
        evidence_date=TODAY,
    )


def test_the_waiting_list_says_it_is_today_s_at_a_past_reference_date(cast, login):
    _claim(cast)
    client = login(cast.office_a)
    html = client.get("/", {"as_of": "30/06/2025"}).content.decode()
    # the claim of today is still listed (it waits for the office now) but the page says so
    table = re.search(r'<table[^>]*id="awaiting".*?</table>', html, re.S).group(0)
    assert "335-BC/ĐU" in table
    note = re.search(r'id="awaiting-now">(.*?)</p>', html, re.S).group(1)
    assert "16/03/2026" in note and "30/06/2025" in note and "hiện tại" in note
    # the list of what is due soon follows the reference date, and its heading says from when
    heading = re.search(r'id="due-soon-heading">(.*?)</h2>', html, re.S).group(1)
    assert heading == "Đến hạn trong 7 ngày sau ngày 30/06/2025"
    # read today, neither note is needed
    html = client.get("/").content.decode()
    assert 'id="awaiting-now"' not in html
    assert re.search(r'id="due-soon-heading">(.*?)</h2>', html).group(1) == (
        "Đến hạn trong 7 ngày tới"
    )


def test_the_claim_reads_once_as_done_with_its_date(cast, login):
    """ "Đã báo cáo hoàn thành · ngày 16/03/2026", not "Đã báo cáo hoàn thành hoàn thành ngày"."""
    _claim(cast)
    html = login(cast.office_a).get("/").content.decode()
    table = re.search(r'<table[^>]*id="awaiting".*?</table>', html, re.S).group(0)
    text = " ".join(re.sub(r"<[^>]+>", " ", table).split())
    assert "Đã báo cáo hoàn thành · ngày 16/03/2026 · Số 335-BC/ĐU" in text
    assert "hoàn thành hoàn thành" not in text


def test_the_office_s_waiting_list_has_the_menu_s_name(cast, login):
    html = login(cast.office_a).get("/").content.decode()
    assert "Chờ Văn phòng xử lý" in html and "Chờ đồng chí xử lý" not in html


def _banner(html: str) -> str:
    block = re.search(r'id="current-period">(.*?)</p>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", block).split())


def test_the_banner_names_the_chosen_period_first(cast, login):
    html = login(cast.office_a).get("/", {"as_of": "31/12/2025", "period": "2025-Q3"})
    banner = _banner(html.content.decode())
    assert banner.startswith(
        "Các số liệu dưới đây tính các nhiệm vụ có thời hạn trong Quý III/2025"
    )
    assert "Kỳ báo cáo hiện hành tại ngày 31/12/2025: Quý IV/2025" in banner
    assert banner.index("Quý III/2025") < banner.index("Quý IV/2025")
    # without a chosen period the banner still starts with the period under way
    banner = _banner(login(cast.office_a).get("/", {"as_of": "31/12/2025"}).content.decode())
    assert banner.startswith("Kỳ báo cáo Quý IV/2025: chốt số liệu")


def test_the_period_may_be_typed_as_people_write_it(cast, login):
    client = login(cast.office_a)
    for typed in ("2025Q3", "2025 q3", "Quý III/2025", "quy 3/2025"):
        response = client.get("/", {"as_of": "31/12/2025", "period": typed})
        assert response.context["chosen_period"].code == "2025-Q3", typed
    response = client.get("/", {"period": "2025Q5"})
    assert response.context["chosen_period"] is None
    assert "Không có kỳ này: 2025Q5" in response.content.decode()
    # a month is not a dashboard period
    assert client.get("/", {"period": "2025-M04"}).context["chosen_period"] is None

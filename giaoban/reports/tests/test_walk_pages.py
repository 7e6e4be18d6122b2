"""What the office's walk saw on the reporting pages: the synthesis message and the indicators'
explanation printed three times (translations repeated), head-counts with two decimals, a link
labelled as a state ("Đang mở") instead of what it opens."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from giaoban.reports import services
from giaoban.reports.content import RawContent

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def _entries(path: Path):
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        mid = re.search(r'^msgid ((?:".*"\n)+)', block, re.M)
        mstr = re.search(r'^msgstr ((?:".*"(?:\n|$))+)', block, re.M)
        if mid and mstr:
            join = lambda s: "".join(re.findall(r'"(.*)"', s))  # noqa: E731
            yield join(mid.group(1)), join(mstr.group(1))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_translation_repeats_itself(lang):
    repeated = []
    for msgid, msgstr in _entries(LOCALE / lang / "LC_MESSAGES" / "django.po"):
        for k in (2, 3, 4):
            n = len(msgstr)
            if n > 10 and n % k == 0 and msgstr[: n // k] * k == msgstr:
                repeated.append(msgid)
    assert not repeated, repeated


def _sent(cast, report):
    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent({"results": "Kết nạp 12 đảng viên"}, [], [], {"DV01": "12"}, {}),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="5-BC/BTCTU", doc_date=date(2026, 3, 16)
    )


def test_synthesis_message_once_and_the_file_offered(login, cast, report):
    _sent(cast, report)
    office = login(cast.office_a)
    page = office.post(f"/reports/periods/{report.period.pk}/synthesis/", follow=True)
    html = page.content.decode()
    assert html.count("Đã lập dự thảo báo cáo tổng hợp") == 1, html
    url = f"/reports/periods/{report.period.pk}/synthesis/1/"
    assert f'href="{url}"' in html and 'data-testid="synthesis-latest"' in html


def test_indicators_explained_once_and_counts_as_integers(login, cast, report):
    _sent(cast, report)
    html = login(cast.office_a).get(f"/reports/indicators/?period={report.period.pk}")
    html = html.content.decode()
    assert html.count("Chậm tiến độ: thấp hơn phần kế hoạch năm") == 1
    assert ">12<" in html and "12,00" not in html, "12 người, not 12,00"
    assert ">400<" in html and "400,00" not in html  # the committee's yearly target
    unit = login(cast.office_a).get(
        f"/reports/indicators/units/{cast.board_a.pk}/?period={report.period.pk}"
    )
    assert ">12<" in unit.content.decode() and ",00" not in unit.content.decode()


def test_completeness_link_says_what_it_opens(login, cast, report):
    _sent(cast, report)
    html = login(cast.office_a).get(f"/reports/periods/{report.period.pk}/").content.decode()
    assert f'<a href="/reports/r/{report.pk}/">Xem báo cáo</a>' in html
    table = html[html.index('data-testid="completeness"') :]
    assert "Đang mở" not in table


def test_synthesis_header_names_the_body_above_and_the_office(login, cast, report):
    """Hướng dẫn 36-HD/VPTW, as the conclusion notice's DOCX: "ĐẢNG BỘ TỈNH ALPHA" above
    "VĂN PHÒNG TỈNH ỦY" (never a bare "ĐẢNG BỘ"), the place before the date (months 1 and 2
    only take a leading zero)."""
    import io

    from docx import Document

    _sent(cast, report)
    office = login(cast.office_a)
    office.post(f"/reports/periods/{report.period.pk}/synthesis/")
    response = office.get(f"/reports/periods/{report.period.pk}/synthesis/1/")
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    left, right = doc.tables[0].rows[0].cells
    lines = [p.text for p in left.paragraphs if p.text.strip()]
    assert lines == ["ĐẢNG BỘ TỈNH ALPHA", "VĂN PHÒNG TỈNH ỦY", "*"], lines
    assert (
        left.paragraphs[[p.text for p in left.paragraphs].index("VĂN PHÒNG TỈNH ỦY")].runs[0].bold
    )
    assert "Alpha, ngày 16 tháng 3 năm 2026" in right.text


def test_english_pages_name_the_period_in_english(client, cast, report):
    """Finding 29: the English interface showed "Quý I/2026" on the reporting pages."""
    _sent(cast, report)
    client.force_login(cast.office_a)
    client.cookies["django_language"] = "en"
    for url in (
        "/reports/",
        f"/reports/periods/{report.period.pk}/",
        f"/reports/r/{report.pk}/",
        f"/reports/indicators/?period={report.period.pk}",
        f"/reports/units/{cast.board_a.pk}/",
    ):
        html = client.get(url).content.decode()
        assert "Q1 2026" in html and "Quý I/2026" not in html, url


def test_indicator_boxes_show_the_target_and_the_previous_period(login, cast, report):
    """Finding 22: the boxes did not show the unit's target or last period's value."""
    from giaoban.periods import Period

    _sent(cast, report)  # Quý I/2026: DV01 = 12
    q2 = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 2), user=cast.office_a
    )
    q2.form.indicators.add(report.period.form.indicators.get())
    q2 = services.open_period(period=q2, user=cast.office_a)
    second = services.start_report(period=q2, unit=cast.board_a, user=cast.unit_a)
    html = login(cast.unit_a).get(f"/reports/r/{second.pk}/").content.decode()
    hint = html[html.index('data-testid="hint-DV01"') :].split("</div>")[0]
    assert "Kế hoạch năm 2026: 100 người" in hint
    assert "kỳ trước (Quý I/2026): 12 người" in hint

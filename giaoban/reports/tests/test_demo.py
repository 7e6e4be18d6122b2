"""The reporting demo: six quarters, most on time, some late, a few missing, one returned and
sent again, lagging indicators, plans and recommendations in every state."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.recommendations.models import Recommendation
from giaoban.reports.completeness import completeness
from giaoban.reports.indicators import indicator_table
from giaoban.reports.models import ReportingPeriod, ReportVersion, UnitReport, WorkPlan


@pytest.mark.django_db
def test_demo_province_reports():
    from giaoban.demo import build_province

    summary = build_province(today=date(2026, 12, 1))
    assert "6 reporting periods" in summary
    periods = list(ReportingPeriod.objects.order_by("cutoff_end"))
    assert [p.label for p in periods] == [
        "Quý III/2025",
        "Quý IV/2025",
        "Quý I/2026",
        "Quý II/2026",
        "Quý III/2026",
        "Quý IV/2026",
    ]
    assert [p.state for p in periods] == ["closed"] * 5 + ["open"]
    for p in periods[:5]:
        t = completeness(p).totals()
        assert t["on_time"] > t["late"] > 0 and t["missing"] > 0, (p.label, t)
        assert t["on_time"] / t["expected"] > 0.6
    resent = UnitReport.objects.get(period=periods[4], unit__short_name="Ban Tổ chức")
    assert resent.returned_count == 1 and resent.version_count == 2
    _units, table = indicator_table(periods[4])
    assert any(row.total.lagging for row in table) and not all(row.total.lagging for row in table)
    states = set(Recommendation.objects.values_list("state", flat=True))
    assert states == {"new", "forwarded", "answered", "closed"}
    assert set(WorkPlan.objects.values_list("state", flat=True)) == {"approved", "submitted"}
    # each report carries the Party symbol of the unit that signed it ("335-BC/ĐU", "BC/VPTU")
    symbols = {
        name: number.split("/", 1)[1]
        for name, number in ReportVersion.objects.values_list("report__unit__name", "doc_number")
    }
    assert symbols["Văn phòng Tỉnh ủy"] == "VPTU"
    assert symbols["Ban Tổ chức Tỉnh ủy"] == "BTCTU"
    assert symbols["Ban Tuyên giáo và Dân vận Tỉnh ủy"] == "BTGDVTU"
    assert symbols["Ủy ban Kiểm tra Tỉnh ủy"] == "UBKTTU"
    assert symbols["Trường Chính trị tỉnh Đồng Nai"] == "TCT"
    assert {s for n, s in symbols.items() if n.startswith("Đảng ủy")} == {"ĐU"}
    assert set(symbols.values()) <= {
        "ĐU",
        "VPTU",
        "BTCTU",
        "BTGDVTU",
        "BNCTU",
        "UBKTTU",
        "BPTTH",
        "TCT",
    }

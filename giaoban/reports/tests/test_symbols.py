"""The Party symbol of a unit in its report numbers, as offices write it (and the demo data)."""

from __future__ import annotations

import pytest

from giaoban.reports.symbols import report_number, unit_symbol


@pytest.mark.parametrize(
    "name, committee, symbol",
    [
        ("Văn phòng Tỉnh ủy", "Tỉnh ủy Đồng Nai", "VPTU"),
        ("Văn phòng Thành ủy", "Thành ủy Hà Nội", "VPTU"),
        ("Ban Tổ chức Tỉnh ủy", "Tỉnh ủy Đồng Nai", "BTCTU"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Tỉnh ủy Đồng Nai", "BTGDVTU"),
        ("Ban Nội chính Tỉnh ủy", "Tỉnh ủy Đồng Nai", "BNCTU"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "Tỉnh ủy Đồng Nai", "UBKTTU"),
        ("Trường Chính trị tỉnh Đồng Nai", "Tỉnh ủy Đồng Nai", "TCT"),
        ("Báo và Phát thanh, Truyền hình Đồng Nai", "Tỉnh ủy Đồng Nai", "BPTTH"),
        ("Đảng ủy các cơ quan Đảng tỉnh", "Tỉnh ủy Đồng Nai", "ĐU"),
        ("Đảng ủy xã Phước An", "Tỉnh ủy Đồng Nai", "ĐU"),
        ("Đảng ủy phường Long Bình", "Tỉnh ủy Đồng Nai", "ĐU"),
        ("Tỉnh ủy Đồng Nai", "", "TU"),
        ("Ban Tổ chức Huyện ủy", "Huyện ủy Định Quán", "BTCHU"),
    ],
)
def test_unit_symbol(name, committee, symbol):
    assert unit_symbol(name, committee) == symbol


def test_report_number():
    assert report_number(335, "Đảng ủy xã Phước An", "Tỉnh ủy Đồng Nai") == "335-BC/ĐU"
    assert report_number(12, "Văn phòng Tỉnh ủy", "Tỉnh ủy Đồng Nai") == "12-BC/VPTU"

"""The installation's unit tree passed to the extractor as data (no Django)."""

from __future__ import annotations

from typing import Any

import pytest

from giaoban.extraction import ExtractionError, KnownUnit, UnitTree, extract

TEXT = (
    "Sáng 4/10/2024, Tỉnh ủy Đồng Nai tổ chức hội nghị giao ban quý III. Đảng ủy phường Tam "
    "Hiệp đã kết nạp 12 đảng viên. Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị BTC Tỉnh "
    "uỷ rà soát hồ sơ nhân sự trước ngày 30/10."
)
TREE: list[KnownUnit | dict[str, Any]] = [
    KnownUnit("Ban Tổ chức Tỉnh ủy", short_names=("BTC Tỉnh ủy",)),
    {
        "name": "Đảng ủy phường Tam Hiệp (Biên Hòa)",
        "aliases": ["Đảng ủy phường Tam Hiệp"],
    },
]


def test_without_a_tree_the_gazetteer_names_the_units() -> None:
    record = extract(TEXT)
    assert record.figures[0].unit == "Đảng ủy phường Tam Hiệp"
    assert "Ban Tổ chức Tỉnh ủy" not in record.units  # "BTC Tỉnh ủy" is not in the gazetteer
    assert record.directives[0].assignees == ("*",)


def test_the_tree_names_what_the_gazetteer_does_not_know_and_renames_what_it_does() -> None:
    record = extract(TEXT, units=TREE)
    assert record.figures[0].unit == "Đảng ủy phường Tam Hiệp (Biên Hòa)"
    assert record.directives[0].assignees == ("Ban Tổ chức Tỉnh ủy",)  # old tone "uỷ" too
    assert record.units == ("Đảng ủy phường Tam Hiệp (Biên Hòa)", "Ban Tổ chức Tỉnh ủy")


def test_a_tree_object_is_reused_and_gives_the_same_record() -> None:
    tree = UnitTree(TREE)
    assert len(tree) == 2
    assert extract(TEXT, units=tree) == extract(TEXT, units=TREE)
    assert tree.rename("Đảng ủy phường Tam Hiệp") == "Đảng ủy phường Tam Hiệp (Biên Hòa)"
    assert tree.rename("Ban Dân vận Tỉnh ủy") == "Ban Dân vận Tỉnh ủy"


def test_an_empty_tree_changes_nothing() -> None:
    assert extract(TEXT, units=[]) == extract(TEXT)


@pytest.mark.parametrize("bad", [[{"short_names": ["X"]}], [{"name": "  "}], [42]])
def test_a_unit_without_a_name_is_a_clear_error(bad: list[object]) -> None:
    with pytest.raises(ExtractionError, match="/"):
        extract(TEXT, units=bad)  # type: ignore[arg-type]


def test_the_command_line_takes_the_tree_as_a_json_file(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from giaoban.extraction.cli import main

    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    units = tmp_path / "units.json"
    units.write_text(json.dumps(TREE[1:], ensure_ascii=False), encoding="utf-8")
    assert main([str(text), "--units", str(units)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["figures"][0]["unit"] == "Đảng ủy phường Tam Hiệp (Biên Hòa)"
    units.write_text('{"name": "not a list"}', encoding="utf-8")
    assert main([str(text), "--units", str(units)]) == 2
    assert "JSON" in capsys.readouterr().err

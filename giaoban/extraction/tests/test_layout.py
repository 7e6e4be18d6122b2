"""The extractor's layout rules: small modules, no Django, passes that return values."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.glob("*.py"))


def test_no_module_passes_500_lines() -> None:
    long = {p.name: n for p in _modules() if (n := len(p.read_text("utf-8").splitlines())) > 500}
    assert not long


def test_the_extractor_imports_nothing_from_django() -> None:
    for path in _modules():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] in ("django", "ninja") for n in names), path.name


def test_passes_do_not_write_each_others_state() -> None:
    # The page model is built once; a pass that assigned to it would couple the passes again.
    for name in ("meeting.py", "directives.py", "reports.py", "clauses.py", "extractor.py"):
        tree = ast.parse((PACKAGE / name).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name):
                        assert t.value.id != "page", f"{name}: assigns page.{t.attr}"

"""Layout rules read from the source: core imports no domain app.

Core is what every app builds on (scope, decisions, audit, dates, forms, files, references, bulk
loading); the unit tree (org), the people and roles (accounts) and the periods are what a scope
and a date are made of, so core may read them. It must never import a domain app (tasks,
dashboard, api, demo, extraction, and every app added later): each app registers itself with
core (action tables, audit labels) instead of core reaching into it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import giaoban

ROOT = Path(giaoban.__file__).parent
CORE = ROOT / "core"
#: what core may import from the project
ALLOWED = ("giaoban.core", "giaoban.org", "giaoban.accounts", "giaoban.periods")


def imported_modules(path: Path) -> set[str]:
    """Every giaoban module ``path`` imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from giaoban import demo" imports giaoban.demo
            if node.module == "giaoban":
                found.update(f"giaoban.{alias.name}" for alias in node.names)
    return {m for m in found if m == "giaoban" or m.startswith("giaoban.")}


def core_modules() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "tests" not in p.relative_to(CORE).parts)


def test_core_imports_no_domain_app():
    offending = {}
    for path in core_modules():
        bad = sorted(
            m
            for m in imported_modules(path)
            if m != "giaoban" and not any(m == a or m.startswith(a + ".") for a in ALLOWED)
        )
        if bad:
            offending[str(path.relative_to(ROOT))] = bad
    assert offending == {}


def test_the_import_reader_sees_every_form(tmp_path):
    """The rule's reader catches top-level, nested and 'from giaoban import x' imports."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import giaoban.tasks.models\n"
        "from giaoban.dashboard import queries\n"
        "from giaoban import demo\n"
        "def f():\n"
        "    from giaoban.api.api import api\n"
        "from . import relative\n"
        "import os\n",
        encoding="utf-8",
    )
    assert imported_modules(sample) == {
        "giaoban.tasks.models",
        "giaoban.dashboard",
        "giaoban",
        "giaoban.demo",
        "giaoban.api.api",
    }
    assert len(core_modules()) > 10


# -- no non-test module over 500 lines --------------------------------------------------------

MAX_LINES = 500
#: modules allowed over the limit for now, each with the reason; remove an entry when it is split
KNOWN_EXCEPTIONS: dict[str, str] = {}
PROJECT = ROOT.parent


def long_modules() -> dict[str, int]:
    """Non-test, non-migration Python modules of the project over MAX_LINES lines."""
    out = {}
    for base in (ROOT, PROJECT / "bin", PROJECT / "bench"):
        for path in base.rglob("*.py"):
            parts = path.relative_to(PROJECT).parts
            if "tests" in parts or "migrations" in parts or path.name.startswith("test_"):
                continue
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > MAX_LINES:
                out[str(path.relative_to(PROJECT))] = n
    return out


def test_no_module_over_500_lines():
    too_long = long_modules()
    assert {k: v for k, v in too_long.items() if k not in KNOWN_EXCEPTIONS} == {}, (
        "split these modules by what each part does"
    )
    # an exception that is no longer needed goes away, so that the module cannot grow back
    assert set(KNOWN_EXCEPTIONS) <= set(too_long), "remove the split module from KNOWN_EXCEPTIONS"

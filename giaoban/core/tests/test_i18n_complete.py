"""Every message the code and templates mark for translation is in a Vietnamese catalogue,
translated: a string added without its translation fails here (not only an empty msgstr).

Pure Python: the sources are read with ``ast`` and the template tags with regular
expressions (trans/translate and simple blocktrans; plural and context forms are left to
makemessages)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.conf import settings

from giaoban.core.tests.test_i18n import VI_CATALOGUES, messages

ROOT = Path(settings.BASE_DIR)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "gettext_noop"}
SKIP_DIRS = {"tests", "migrations", "extraction", "tests_browser"}
TRANS = re.compile(r"""{%\s*(?:trans|translate)\s+(?:"([^"]*)"|'([^']*)')""")
BLOCK = re.compile(
    r"{%\s*(?:blocktrans|blocktranslate)([^%]*)%}(.*?){%\s*end(?:blocktrans|blocktranslate)\s*%}",
    re.S,
)
VAR = re.compile(r"{{\s*(\w+)\s*}}")


def _sources(suffix: str, root: Path):
    for path in root.rglob(f"*{suffix}"):
        if not SKIP_DIRS.intersection(path.relative_to(root).parts):
            yield path


def marked_in_python(root: Path = ROOT) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _sources(".py", root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_NAMES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = f"{path.relative_to(root)}:{node.lineno}"
    return found


def marked_in_templates(root: Path = ROOT) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _sources(".html", root):
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(root))
        for m in TRANS.finditer(text):
            if "context" in text[m.end() : text.find("%}", m.end())]:
                continue
            found[(m.group(1) if m.group(1) is not None else m.group(2)).replace("%", "%%")] = where
        for m in BLOCK.finditer(text):
            options, body = m.group(1), m.group(2)
            if "count" in options or "context" in options or "trimmed" in options:
                continue
            found[VAR.sub(r"%(\1)s", body.replace("%", "%%"))] = where
    return found


def test_every_marked_message_has_its_vietnamese_translation():
    translated = {
        e["msgid"]
        for po in VI_CATALOGUES
        for e in messages(po)
        if e.get("msgstr") and all(s.strip() for s in e["msgstr"])
    }
    marked = {**marked_in_python(), **marked_in_templates()}
    assert len(marked) > 300  # the sources were really read
    missing = sorted(
        f"{where}: {msgid!r}" for msgid, where in marked.items() if msgid not in translated
    )
    assert missing == []


def test_the_scanner_finds_what_makemessages_would(tmp_path):
    (tmp_path / "views.py").write_text('from x import gettext as _\nmsg = _("Task saved")\n')
    (tmp_path / "page.html").write_text(
        '{% trans "Progress (%)" %} {% blocktrans with n=total %}{{ n }} units{% endblocktrans %}'
    )
    assert set(marked_in_python(tmp_path)) == {"Task saved"}
    assert set(marked_in_templates(tmp_path)) == {"Progress (%%)", "%(n)s units"}

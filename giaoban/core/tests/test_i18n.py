"""Translations: every message has its Vietnamese text, the compiled catalogue is
current, and pages speak Vietnamese by default and English when asked.

Pure Python (no gettext tools needed): the .po file is parsed here and the .mo is
read with the standard library's gettext module.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
VI_PO = LOCALE / "vi" / "LC_MESSAGES" / "django.po"
VI_MO = LOCALE / "vi" / "LC_MESSAGES" / "django.mo"
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
#: every Vietnamese catalogue: the project's and each app's own (<app>/locale)
VI_CATALOGUES = [VI_PO] + sorted(Path(settings.BASE_DIR).glob("*/locale/vi/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: {"msgctxt", "msgid", "msgid_plural", "msgstr": [..], "flags": set}."""
    entries: list[dict] = []
    entry: dict = {}
    key = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line or line.startswith("#~"):
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, None
            continue
        if line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
        if match:
            key, text = match.group(1), ast.literal_eval(match.group(2))
            if key.startswith("msgstr"):
                entry.setdefault("msgstr", []).append(text)
                key = ("msgstr", len(entry["msgstr"]) - 1)
            else:
                entry[key] = text
        elif line.startswith('"') and key is not None:
            text = ast.literal_eval(line)
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += text
            else:
                entry[key] += text
    return entries


def messages(path: Path) -> list[dict]:
    """The entries of a .po file without its header."""
    return [e for e in parse_po(path) if e["msgid"] != ""]


def catalog_key(entry: dict) -> str:
    return f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]


def test_po_files_exist_and_vietnamese_has_one_plural_form():
    assert EN_PO.exists()
    header = parse_po(VI_PO)[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header.get("flags", set())
    assert "Plural-Forms: nplurals=1; plural=0;" in header["msgstr"][0]
    assert "Language: vi" in header["msgstr"][0]


@pytest.mark.parametrize("po", VI_CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_vietnamese_message_is_translated_and_keeps_its_placeholders(po):
    entries = messages(po)
    assert len(entries) > (100 if po == VI_PO else 0)  # the file was really read
    problems = []
    for e in entries:
        if "fuzzy" in e.get("flags", set()):
            problems.append(("fuzzy", e["msgid"]))
        if not e.get("msgstr") or not all(s.strip() for s in e["msgstr"]):
            problems.append(("empty", e["msgid"]))
            continue
        wanted = set(PLACEHOLDER.findall(e["msgid"] + e.get("msgid_plural", "")))
        for s in e["msgstr"]:
            if "python-format" in e.get("flags", set()) and set(PLACEHOLDER.findall(s)) != wanted:
                problems.append(("placeholders", e["msgid"], s))
        if "msgid_plural" in e and len(e["msgstr"]) != 1:
            problems.append(("plural forms", e["msgid"]))
    assert problems == []


@pytest.mark.parametrize("po", VI_CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_compiled_catalogue_matches_the_po_file(po):
    """The committed .mo holds exactly the .po's translations: recompile after every change."""
    with po.with_suffix(".mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)._catalog
    from_mo = {k: v for k, v in mo.items() if k != ""}
    from_po = {}
    for e in messages(po):
        if "fuzzy" in e.get("flags", set()):
            continue
        key = catalog_key(e)
        if "msgid_plural" in e:
            for i, s in enumerate(e["msgstr"]):
                from_po[(key, i)] = s
        else:
            from_po[key] = e["msgstr"][0]
    assert from_mo == from_po


@pytest.mark.django_db
def test_login_page_is_vietnamese_by_default(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html and "Mật khẩu" in html
    assert "Password" not in html


@pytest.mark.django_db
def test_login_page_is_english_by_accept_language(client):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in html
    assert "Log in" in html and "Password" in html
    assert "Mật khẩu" not in html


@pytest.mark.django_db
def test_language_switch_sets_cookie_and_wins_over_accept_language(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Password" in html and "Mật khẩu" not in html
    client.post("/i18n/setlang/", {"language": "vi", "next": "/accounts/login/"})
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mật khẩu" in html and "Password" not in html

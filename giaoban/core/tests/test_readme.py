"""The README is what a new office reads on a fresh clone: every project command is in its table,
every app in its layout, and the menu paths it gives lead to pages and buttons that exist."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(settings.BASE_DIR).parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_project_command_is_in_the_table():
    commands = {
        p.stem
        for p in (ROOT / "giaoban").glob("*/management/commands/*.py")
        if not p.name.startswith("_")
    } | {"extract"}
    table = set(re.findall(r"^\| `giaoban (\w+)", README, re.M))
    table |= set(re.findall(r"`giaoban (\w+) ARCHIVE`", README))
    assert commands <= table, commands - table


def test_every_app_is_in_the_layout():
    apps = {p.parent.name for p in (ROOT / "giaoban").glob("*/apps.py")}
    layout = README.split("## Layout", 1)[1]
    listed = set(re.findall(r"`(\w+)`", layout))
    assert apps <= listed, apps - listed


def test_the_menu_paths_it_gives_exist_in_the_interface():
    """ "your name → Tài khoản của tôi → Quản lý tài khoản" and "… → Cấp mã truy cập": each step
    is the Vietnamese text of an item of the user menu or a button of the account page."""
    menu = (ROOT / "giaoban/templates/base.html").read_text(encoding="utf-8")
    me = (ROOT / "giaoban/accounts/templates/accounts/me.html").read_text(encoding="utf-8")
    steps = re.findall(r"→ \*([^*]+)\*", README)
    assert steps, "the README gives no menu path"
    with translation.override("vi"):
        in_menu = {gettext(m) for m in re.findall(r'{% trans "([^"]+)" %}', menu)}
        on_page = {gettext(m) for m in re.findall(r'{% trans "([^"]+)" %}', me)}
    offered = in_menu | on_page
    assert {"Tài khoản của tôi", "Quản lý tài khoản", "Cấp mã truy cập"} <= set(steps)
    for step in steps:
        assert step in offered, f"README names '{step}', which no menu item or button shows"
    assert "Tài khoản của tôi" in in_menu  # the first step is in the name's menu


def test_it_names_what_make_run_needs_from_debian():
    for package in ("gettext", "libreoffice-writer-nogui", "fonts-liberation2", "python3-venv"):
        assert package in README, package

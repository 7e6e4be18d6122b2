"""Fixtures for the browser tests: one headless Chromium per session (Debian's
/usr/bin/chromium driven by Playwright, never a downloaded browser), a fresh
page per test, and pytest-django's ``live_server`` on a real database
(``transactional_db``: the server answers from another thread)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM
# calls from a thread with a running loop unless told this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("GIAOBAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


def _chromium_path() -> str:
    path = Path(CHROMIUM)
    if not path.is_file() or not os.access(path, os.X_OK):
        found = shutil.which("chromium")
        hint = f" (but `chromium` is on PATH at {found}; set GIAOBAN_CHROMIUM)" if found else ""
        pytest.fail(
            f"Chromium not found at {CHROMIUM}{hint}: install it with `apt-get install chromium` "
            "(the browser tests never download a browser)",
            pytrace=False,
        )
    return str(path)


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(autouse=True)
def _cookies_without_expiry(settings):
    """The server's clock is frozen in the past (see ``cast``), the browser's is not: cookies
    dated by the server would look expired to it. Session cookies carry no date."""
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A page in a fresh context (own cookies), with timeouts short enough to fail fast.

    ``page.console_errors`` collects console errors and uncaught exceptions."""
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1366, "height": 900}, base_url=live_server.url
    )
    context.set_default_timeout(TIMEOUT_MS)
    p = context.new_page()
    errors: list[str] = []
    p.on(
        "console",
        lambda msg: (
            errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    p.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    p.console_errors = errors
    try:
        yield p
    finally:
        context.close()


@pytest.fixture
def log_in(page):
    """log_in(username): fill the real login form and wait for the dashboard."""
    from giaoban.test import PASSWORD

    def _log_in(username: str, password: str = PASSWORD):
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        assert page.locator("[data-testid=whoami]").inner_text().strip() != "", (
            "login did not succeed"
        )
        return page

    return _log_in

"""Every page loads everything from the server itself (no CDN, nothing external)
and runs without console errors. The pages are found by crawling the links each
role can see, from the dashboard, so new pages are covered without listing them."""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.browser

MAX_PAGES = 60
#: not pages: downloads, the admin's hundreds of change lists (its index is visited)
SKIP_PREFIXES = ("/media/", "/admin/", "/static/", "/accounts/logout/", "/i18n/")
SKIP_PARTS = ("/attachment", "/export", "/download", ".xlsx", ".docx", ".pdf", ".csv")
#: always visited, whether or not a link leads there
ENTRY_POINTS = ["/", "/api/docs", "/tasks/?q=tuyen+giao", "/tasks/assignments/?status=open_overdue"]


def _crawl(page, live_server, start: list[str], requests: list[str]) -> list[str]:
    host = urlsplit(live_server.url).netloc
    queue, seen, visited = list(start), set(start), []
    while queue and len(visited) < MAX_PAGES:
        path = queue.pop(0)
        response = page.goto(path, wait_until="load")
        assert response is not None and response.ok, (
            f"{path} answered {response and response.status}"
        )
        visited.append(path)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            url = urlsplit(urldefrag(href)[0])
            if url.scheme not in ("http", "https") or url.netloc != host:
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if (
                target in seen
                or url.path.startswith(SKIP_PREFIXES)
                or any(p in url.path for p in SKIP_PARTS)
            ):
                continue
            seen.add(target)
            queue.append(target)
    return visited


@pytest.mark.parametrize("username", ["office_a", "unit_a", "admin"])
def test_every_page_loads_only_from_the_server_without_console_errors(
    page, log_in, live_server, cast, username
):
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    log_in(username)
    start = ENTRY_POINTS + [f"/tasks/{cast.task_a.pk}/", f"/tasks/assignments/{cast.asg_a.pk}/"]
    if username == "admin":
        start.append("/admin/")
    visited = _crawl(page, live_server, start, requests)

    assert len(visited) >= 8, visited
    host = urlsplit(live_server.url).netloc
    external = sorted(
        {
            u
            for u in requests
            if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host
        }
    )
    assert external == [], f"requests leaving the server: {external}"
    assert any("/static/vendor/" in u for u in requests), "the vendored assets were not requested"
    assert page.console_errors == [], page.console_errors


def test_login_page_is_self_contained(page, live_server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/accounts/login/", wait_until="networkidle")
    host = urlsplit(live_server.url).netloc
    assert requests and all(urlsplit(u).netloc == host for u in requests), requests
    assert page.console_errors == []

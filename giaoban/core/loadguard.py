"""The web server refuses to serve a database whose bulk load never finished.

``LoadGuard`` wraps the WSGI application (``giaoban/wsgi.py``: gunicorn and ``giaoban run``
alike). On the first request it asks the database for an unfinished load (``BulkLoad``): none,
and it steps aside for the life of the process (no query on any later request); one, and every
request is answered 503 with what was interrupted and the two ways out (``giaoban demo --resume``
or ``--reset``), and the next request asks again, so the site comes back by itself once the load
is finished.

Refusing rather than a banner: a partial load has whole provinces and their indexes missing, so
every count, dashboard and rating the site shows would be wrong without looking wrong, and the
people reading them are not the administrator who can fix it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone

from giaoban.core.bulk import still_running, unfinished_load


class LoadGuard:
    def __init__(self, app: Callable[..., Iterable[bytes]]):
        self.app = app
        self.clear = False

    def __call__(self, environ: dict[str, Any], start_response) -> Iterable[bytes]:
        if not self.clear:
            load = unfinished_load()
            if load is None:
                self.clear = True
            else:
                body = refusal_page(load).encode()
                start_response(
                    "503 Service Unavailable",
                    [
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Content-Length", str(len(body))),
                        ("Retry-After", "300"),
                        ("Cache-Control", "no-store"),
                    ],
                )
                return [body]
        return self.app(environ, start_response)


def describe(load) -> tuple[str, str]:
    """(Vietnamese, English) lines saying what was interrupted."""
    started = timezone.localtime(load.started_at).strftime("%d/%m/%Y %H:%M")
    steps = len(load.steps)
    running = still_running(load)
    vi = (
        f"Lần nạp dữ liệu hàng loạt «{load.kind}» bắt đầu lúc {started} "
        + ("vẫn đang chạy" if running else "đã bị gián đoạn")
        + f" ({steps} bước đã ghi xong); cơ sở dữ liệu chưa đầy đủ."
    )
    en = (
        f"The bulk load '{load.kind}' started {started} "
        + ("is still running" if running else "was interrupted")
        + f" ({steps} steps written); the database is incomplete."
    )
    return vi, en


def refusal_page(load) -> str:
    vi, en = describe(load)
    error = f"<p><small>{html.escape(load.error)}</small></p>" if load.error else ""
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        "<title>giaoban: dữ liệu chưa nạp xong / data load not finished</title></head>"
        '<body style="font-family:sans-serif;max-width:44rem;margin:3rem auto">'
        "<h1>Dữ liệu chưa nạp xong</h1>"
        f"<p>{html.escape(vi)}</p>"
        "<p>Quản trị viên chạy <code>giaoban demo --resume</code> để nạp tiếp, hoặc "
        "<code>giaoban demo --reset</code> để xóa và nạp lại từ đầu.</p>"
        '<h2 lang="en">Data load not finished</h2>'
        f'<p lang="en">{html.escape(en)}</p>'
        '<p lang="en">The administrator runs <code>giaoban demo --resume</code> to carry on, or '
        "<code>giaoban demo --reset</code> to wipe the database and load again.</p>"
        f"{error}</body></html>"
    )

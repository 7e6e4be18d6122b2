"""Attached files are reached only through scoped download views: MEDIA_URL serves nothing,
not even with DEBUG on (a unit user must not read another unit's file by guessing its path)."""

from __future__ import annotations

import importlib

from django.test import override_settings
from django.urls import clear_url_caches


def test_media_url_serves_no_file_even_in_debug(login, cast, settings):
    (settings.MEDIA_ROOT / "tasks").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "tasks" / "bao-cao.pdf").write_bytes(b"%PDF-1.4 other unit")
    import giaoban.urls

    with override_settings(DEBUG=True):
        importlib.reload(giaoban.urls)
        clear_url_caches()
        try:
            response = login(cast.unit_b).get("/media/tasks/bao-cao.pdf")
            assert response.status_code == 404
            assert b"other unit" not in b"".join(
                getattr(response, "streaming_content", [response.content])
            )
        finally:
            importlib.reload(giaoban.urls)
            clear_url_caches()

"""Project-wide pytest fixtures: the fixed cast and logged-in clients."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_settings(request, tmp_path):
    """Fast password hashing and a private media folder (skipped for pure tests run with -p no:django)."""
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.utils import translation

    settings = request.getfixturevalue("settings")
    # every test starts in the default language (Vietnamese): a request of an earlier test
    # with "Accept-Language: en" leaves English active in the worker's thread otherwise
    translation.activate(settings.LANGUAGE_CODE)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # a private in-process cache, emptied for every test (cached aggregates are keyed by a
    # data version that restarts with each test database)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{request.node.nodeid}",
        }
    }
    from django.core.cache import cache

    from giaoban.core.cache import clear_process_memos

    cache.clear()
    clear_process_memos()
    yield
    translation.deactivate()


@pytest.fixture
def frozen():
    """Time stands still at giaoban.core.tests.support.NOW (a Monday, 16/03/2026, 09:30 in
    Hà Nội) for the whole test: nothing a test checks may depend on the day it runs."""
    import time_machine

    from giaoban.core.tests.support import NOW, TODAY

    with time_machine.travel(NOW, tick=False):
        yield TODAY


@pytest.fixture
def cast(db, frozen):
    """The fixed test cast, built on the frozen day (time stays frozen during the test)."""
    from giaoban.test import make_cast

    return make_cast(frozen)


@pytest.fixture
def login(client):
    """login(user) -> the test client logged in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login

"""Project-wide pytest fixtures: the fixed cast and logged-in clients."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_settings(request, tmp_path):
    """Fast password hashing and a private media folder (skipped for pure tests run with -p no:django)."""
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
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

    cache.clear()


@pytest.fixture
def cast(db):
    from giaoban.test import make_cast

    return make_cast()


@pytest.fixture
def login(client):
    """login(user) -> the test client logged in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login

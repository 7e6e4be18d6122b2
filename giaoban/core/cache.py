"""A data version for caching read-heavy aggregates (the dashboard's counts).

Every audited change bumps the version when its transaction commits
(``log_action`` calls ``bump_on_commit``), so cached aggregates are keyed by
the version and never outlive a change made through the services or the
admin. A time limit bounds staleness for anything written around them
(bulk loads, SQL by hand). The cache is Django's: a file cache under var/
shared by the processes of one host by default; Redis or memcached via
settings when several hosts serve.
"""

from __future__ import annotations

from typing import Any, Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "giaoban:data-version"


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key is missing (cache cleared): start again above any cached entry
        cache.set(VERSION_KEY, data_version() + 1, timeout=None)


def bump_on_commit() -> None:
    """Bump now and again when the transaction commits: a request that recomputes an
    aggregate between the two (seeing the data before the commit) cannot keep it."""
    bump()
    transaction.on_commit(bump)


def cached(key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` cached under ``key`` at the current data version."""
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    if timeout <= 0:
        return compute()
    full_key = f"giaoban:v{data_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout=timeout)
    return value

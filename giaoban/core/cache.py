"""Data versions for caching read-heavy aggregates (the dashboard's counts).

Every audited change bumps the version of its unit's committees (the unit
and each ancestor, e.g. commune committee → province → nation) and the
global one, now and when its transaction commits (``log_action`` calls
``bump_on_commit``). Cached aggregates are keyed by the versions of the
committees they cover, so they never outlive a change made through the
services or the admin, and a change in one province leaves the other
provinces' cached dashboards alone. A time limit bounds staleness for anything written around them
(bulk loads, SQL by hand). The cache is Django's: a file cache under var/
shared by the processes of one host by default; Redis or memcached via
settings when several hosts serve.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

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


def _version_key(root: int | None) -> str:
    return VERSION_KEY if root is None else f"{VERSION_KEY}:{root}"


def _version(root: int | None) -> int:
    key = _version_key(root)
    version = cache.get(key)
    if version is None:
        # a missing key (new, evicted, cleared) must not bring back an older cached value:
        # start from the global version, which only grows
        start = data_version() if root is not None else 1
        cache.add(key, start, timeout=None)
        version = cache.get(key, start)
    return int(version)


def _incr(root: int | None) -> None:
    key = _version_key(root)
    try:
        cache.incr(key)
    except ValueError:  # missing: start again above any cached entry
        cache.set(key, data_version() + 1, timeout=None)


def ancestor_ids(unit_id: int) -> list[int]:
    """The unit and every unit above it (cached; the tree changes rarely, see ``forget_tree``)."""
    key = f"giaoban:ancestors:{unit_id}"
    ids = cache.get(key)
    if ids is None:
        from giaoban.org.models import Unit

        ids, node = [], Unit.objects.filter(pk=unit_id).values_list("pk", "parent_id").first()
        while node is not None:
            ids.append(node[0])
            node = (
                Unit.objects.filter(pk=node[1]).values_list("pk", "parent_id").first()
                if node[1]
                else None
            )
        cache.set(key, ids, timeout=24 * 3600)
    return ids


def forget_tree() -> None:
    """After the tree changes (a unit moved), drop cached ancestors and all aggregates."""
    cache.clear()


def bump(unit_id: int | None = None) -> None:
    """A change happened in ``unit_id`` (or somewhere unknown): its committees' aggregates are stale."""
    _incr(None)
    if unit_id is not None:
        for root in ancestor_ids(unit_id):
            _incr(root)


def bump_on_commit(unit_id: int | None = None) -> None:
    """Bump now and again when the transaction commits: a request that recomputes an
    aggregate between the two (seeing the data before the commit) cannot keep it."""
    bump(unit_id)
    transaction.on_commit(lambda: bump(unit_id))


def cached(key: str, compute: Callable[[], Any], roots: Iterable[int] | None = None) -> Any:
    """``compute()`` cached under ``key`` at the current versions of the committees
    ``roots`` whose subtrees it reads (``None``: the whole tree, the global version)."""
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    if timeout <= 0:
        return compute()
    if roots is None:
        versions = f"g{data_version()}"
    else:
        versions = ".".join(f"{root}-{_version(root)}" for root in sorted(roots))
    full_key = f"giaoban:{versions}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout=timeout)
    return value

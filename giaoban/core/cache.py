"""Data versions for caching read-heavy aggregates (the dashboard's counts).

Every audited change bumps the version of its unit's committees (the unit
and each ancestor, e.g. commune committee → province → nation) and the
global one, now and when its transaction commits (``log_action`` calls
``bump_on_commit``). Cached aggregates are keyed by the versions of the
committees they cover, so they never outlive a change made through the
services or the admin, and a change in one province leaves the other
provinces' cached dashboards alone. A time limit bounds staleness for anything written around them
(bulk loads, SQL by hand). The versions live in the same cache, which culls entries when it is
full: a version key that was culled starts again at a random value, never one it had before,
so an entry cached under an older version can never become current again. The cache is Django's: a file cache under var/
shared by the processes of one host by default; Redis or memcached via
settings when several hosts serve.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "giaoban:data-version"


def _fresh() -> int:
    """A version for a key that is missing (new, culled, cleared): a random 62-bit number, never
    one the key had before (a counter restarting at 1, or at the global version, could meet a
    value an old cached entry is still filed under, and serve it). Increments go on from it;
    two draws meet with a chance of about one in 2**62 / bumps."""
    return secrets.randbits(62) + 1


def _read(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, _fresh(), timeout=None)
        version = cache.get(key)
        if version is None:  # culled again at once: a fresh value is still never a reused one
            version = _fresh()
    return int(version)


def data_version() -> int:
    return _read(VERSION_KEY)


def _version_key(root: int | None) -> str:
    return VERSION_KEY if root is None else f"{VERSION_KEY}:{root}"


def _version(root: int | None) -> int:
    return _read(_version_key(root))


def _incr(root: int | None) -> None:
    key = _version_key(root)
    try:
        cache.incr(key)
    except ValueError:  # missing: a fresh value, above no cached entry's
        cache.set(key, _fresh(), timeout=None)


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


#: the process's memos (``process_memo``), emptied together by ``clear_process_memos``
_MEMOS: list[dict] = []


def process_memo() -> dict:
    """A dict kept in this process for values that are a pure function of their key (the key
    holds everything the value depends on, e.g. a content hash): no version is read, nothing
    goes stale. The caller bounds its size. Emptied by ``clear_process_memos`` (the tests call
    it between test databases, whose rows reuse ids)."""
    memo: dict = {}
    _MEMOS.append(memo)
    return memo


def clear_process_memos() -> None:
    for memo in _MEMOS:
        memo.clear()


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

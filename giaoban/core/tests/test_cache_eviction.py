"""Data versions live in the cache that culls: a culled version key must never bring back an
entry cached under an older version (a stale page or section)."""

from __future__ import annotations

import random

import pytest
from django.core.cache import cache

from giaoban.core import cache as data_cache

ROOT = 5  # a committee; its unit's ancestors are itself (the tree is not under test here)


@pytest.fixture
def file_cache(settings, tmp_path, monkeypatch):
    """The production backend (the file cache) with Django's default culling: MAX_ENTRIES
    300, a third of the files dropped when full."""
    settings.CACHES = {
        "default": {
            "BACKEND": "giaoban.core.filecache.FastFileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    settings.GIAOBAN_AGGREGATE_CACHE_SECONDS = 300
    monkeypatch.setattr(data_cache, "ancestor_ids", lambda unit_id: [unit_id])
    assert cache._max_entries == 300
    cache.clear()
    return tmp_path / "cache"


def _reads(state):
    return (
        data_cache.cached("all", lambda: state["value"]),
        data_cache.cached("one", lambda: state["value"], roots=[ROOT]),
    )


def test_a_culled_version_key_does_not_bring_back_an_older_entry(file_cache):
    state = {"value": "before"}
    assert _reads(state) == ("before", "before")
    state["value"] = "after"
    data_cache.bump(ROOT)
    assert _reads(state) == ("after", "after")
    # what culling does to the version keys (the entries cached under them stay)
    cache.delete(data_cache.VERSION_KEY)
    cache.delete(f"{data_cache.VERSION_KEY}:{ROOT}")
    assert _reads(state) == ("after", "after")
    state["value"] = "later"
    data_cache.bump(ROOT)  # a bump of a culled key starts it afresh too
    cache.delete(data_cache.VERSION_KEY)
    assert _reads(state) == ("later", "later")


def test_filling_the_cache_past_max_entries_never_serves_stale_data(file_cache):
    random.seed(11)  # the file cache culls a random sample: the same run every time
    state = {"value": 0}
    culled = 0
    for round_ in range(1, 61):
        state["value"] = round_
        data_cache.bump(ROOT)
        for j in range(40):  # other cached things: pages, sections, ancestors
            cache.set(f"giaoban:filler:{round_}:{j}", j, timeout=300)
        culled += cache.get(data_cache.VERSION_KEY) is None
        assert _reads(state) == (round_, round_), f"stale data in round {round_}"
    assert culled > 0, "the version key was never culled: the test proves nothing"
    assert len(list(file_cache.glob("*.djcache"))) <= 300

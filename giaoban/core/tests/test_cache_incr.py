"""The file cache is shared by the processes of one host (the server's workers): a data
version bumped by two of them at the same moment must go up twice, or an entry computed between
the two bumps would be served after the second change."""

from __future__ import annotations

import subprocess
import sys

import time_machine

from giaoban.core.filecache import FastFileBasedCache

WORKERS = 4
BUMPS = 150

BUMPER = """
import sys
import time_machine

from giaoban.core.filecache import FastFileBasedCache
cache = FastFileBasedCache(sys.argv[1], {})
sys.stdin.read()  # all start together
for _ in range(int(sys.argv[2])):
    cache.incr("giaoban:data-version:7")
"""


def test_bumps_from_several_processes_at_once_are_all_counted(tmp_path):
    location = str(tmp_path / "cache")
    cache = FastFileBasedCache(location, {})
    cache.set("giaoban:data-version:7", 1000, timeout=None)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", BUMPER, location, str(BUMPS)], stdin=subprocess.PIPE
        )
        for _ in range(WORKERS)
    ]
    for w in workers:
        w.stdin.close()  # go
    assert [w.wait(timeout=120) for w in workers] == [0] * WORKERS
    assert cache.get("giaoban:data-version:7") == 1000 + WORKERS * BUMPS


def test_incr_of_a_missing_key_says_so_and_adds_nothing(tmp_path):
    cache = FastFileBasedCache(str(tmp_path / "cache"), {})
    try:
        cache.incr("giaoban:absent")
    except ValueError:
        pass
    else:
        raise AssertionError("incr of a missing key must raise ValueError, as Django's caches do")
    assert cache.get("giaoban:absent") is None
    assert cache.add("giaoban:absent", 5) and not cache.add("giaoban:absent", 6)
    assert cache.incr("giaoban:absent", 3) == 8 and cache.decr("giaoban:absent") == 7


def test_add_keeps_the_cache_s_default_timeout(tmp_path):
    cache = FastFileBasedCache(str(tmp_path / "cache"), {"TIMEOUT": 60})
    with time_machine.travel("2026-03-16 08:00:00Z", tick=False):
        assert cache.add("k", 1)
    with time_machine.travel("2026-03-16 08:00:59Z", tick=False):
        assert cache.get("k") == 1
    with time_machine.travel("2026-03-16 08:01:01Z", tick=False):
        assert cache.get("k") is None  # expired, as Django's add with no timeout given

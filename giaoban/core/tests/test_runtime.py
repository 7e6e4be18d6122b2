"""The serving process's tuning (core/runtime.py) and the file cache's compression level."""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from giaoban.core.filecache import FastFileBasedCache
from giaoban.core.runtime import gc_threshold, tune_for_serving

ROOT = Path(__file__).resolve().parents[3]


def test_threshold_default_and_setting():
    assert gc_threshold("50000,20,100") == (50000, 20, 100)
    assert gc_threshold(" 1000, 10 ,10 ") == (1000, 10, 10)
    assert gc_threshold("off") is None and gc_threshold("Python") is None


@pytest.mark.parametrize("raw", ["", "50000", "1,2,3,4", "a,b,c", "0,10,10", "-5,10,10"])
def test_bad_threshold_is_refused_with_its_name(raw):
    with pytest.raises(ImproperlyConfigured, match="GIAOBAN_GC_THRESHOLD"):
        gc_threshold(raw)


def test_tune_for_serving_freezes_the_loaded_app_and_sets_the_thresholds(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setenv("GIAOBAN_GC_THRESHOLD", "40000,15,90")
    try:
        assert tune_for_serving() == (40000, 15, 90)
        assert gc.get_threshold() == (40000, 15, 90)
        assert gc.get_freeze_count() > 10_000  # the app's objects, out of every collection
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_off_keeps_pythons_collector(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setenv("GIAOBAN_GC_THRESHOLD", "off")
    assert tune_for_serving() is None
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def _server_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIAOBAN_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(GIAOBAN_VAR_DIR=str(tmp_path), GIAOBAN_SECRET_KEY="k" * 50, **extra)
    return env


def test_the_web_server_entry_point_is_tuned(tmp_path):
    code = "import gc, giaoban.wsgi; print(gc.get_threshold(), gc.get_freeze_count() > 10000)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=_server_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(50000, 20, 100) True"


def test_a_bad_setting_stops_the_server_with_a_clear_message(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import giaoban.wsgi"],
        env=_server_env(tmp_path, GIAOBAN_GC_THRESHOLD="lots"),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "GIAOBAN_GC_THRESHOLD must be three non-negative integers" in result.stderr


def test_file_cache_writes_the_fastest_level_and_reads_both(tmp_path):
    cache = FastFileBasedCache(str(tmp_path), {})
    value = {"html": "<tr><td>Ban Tuyên giáo</td></tr>" * 2000}
    cache.set("review", value, timeout=60)
    assert cache.get("review") == value
    (path,) = tmp_path.glob("*.djcache")
    with open(path, "rb") as fh:
        pickle.load(fh)  # the expiry
        body = fh.read()
    assert body[:2] == b"\x78\x01"  # zlib header of level 1 (level 6 writes 78 9c)
    assert pickle.loads(zlib.decompress(body)) == value
    # an entry written by Django's own file cache (level 6) is still read
    with open(path, "wb") as fh:
        fh.write(pickle.dumps(None, pickle.HIGHEST_PROTOCOL))
        fh.write(zlib.compress(pickle.dumps("old", pickle.HIGHEST_PROTOCOL)))
    assert cache.get("review") == "old"
    assert cache.touch("review", timeout=60) and cache.get("review") == "old"

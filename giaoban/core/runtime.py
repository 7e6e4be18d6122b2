"""Tuning of a serving process: Python's garbage collector.

A loaded giaoban process holds a few hundred thousand long-lived objects (Django, the apps,
the URL patterns, the translation catalogues). With Python's default thresholds (700, 10, 10) a
page that builds many short-lived objects (the review section of a national-scale briefing
builds ~100,000) triggers many collections, and the collections of the older generations walk
those long-lived objects again: measured in ``bench/briefings.py --national``, the process CPU
p95 of the review section was about twice its p50 for the same work, and the difference went
away with the tuning below.

So a serving process (``giaoban.wsgi``, ``giaoban run``) does two things once it is loaded:

* ``gc.freeze()`` moves every object alive after start-up into the permanent generation,
  which collections no longer walk (they are the app itself: never garbage);
* the young-generation threshold is raised (``GIAOBAN_GC_THRESHOLD``, default
  ``50000,20,100``), so a page's temporary objects are mostly freed by reference counting
  before a collection runs at all, and full collections are rare. Cycles are still
  collected: only later. "off" keeps Python's defaults.

Measured effect and memory cost: docs/deploy.md ("Garbage collector").
"""

from __future__ import annotations

import gc
import os

from django.core.exceptions import ImproperlyConfigured

DEFAULT_THRESHOLD = "50000,20,100"


def gc_threshold(raw: str | None = None) -> tuple[int, int, int] | None:
    """The thresholds from ``GIAOBAN_GC_THRESHOLD`` (None for "off": Python's own)."""
    if raw is None:
        raw = os.environ.get("GIAOBAN_GC_THRESHOLD") or DEFAULT_THRESHOLD
    if raw.strip().lower() in {"off", "default", "python"}:
        return None
    parts = [p.strip() for p in raw.split(",")]
    try:
        values = tuple(int(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 3 or values[0] < 1 or min(values) < 0:
        raise ImproperlyConfigured(
            "GIAOBAN_GC_THRESHOLD must be three non-negative integers such as 50000,20,100 "
            f"(the first at least 1), or off; got {raw!r}"
        )
    return values  # type: ignore[return-value]


def load_everything() -> None:
    """Import what the first request would: the URL patterns and through them every view."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (the import is the point)


def tune_for_serving() -> tuple[int, int, int] | None:
    """Load the app, freeze what is alive and set the thresholds; returns them (None: off)."""
    threshold = gc_threshold()
    if threshold is None:
        return None
    load_everything()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*threshold)
    return threshold

"""The tasks table of acts (tasks/tests/acts.py) holds every act URL of the app (made with
``tasks.urls.act``) and every write of its API. The acts themselves are done through their page
and API, as every role, by giaoban/core/tests/test_acts.py.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver

from giaoban.tasks import urls as tasks_urls
from giaoban.tasks.tests.acts import ACTS

pytestmark = pytest.mark.usefixtures("frozen")

PAGE_ACTS = [a for a in ACTS if a.page is not None]
API_ACTS = [a for a in ACTS if a.api is not None]


def _wrapped_acts() -> set[str]:
    """Routes of the tasks URLs made with ``tasks.urls.act`` (an act: POST, GET goes back)."""
    [resolver] = [
        p for p in get_resolver().url_patterns if getattr(p, "urlconf_module", None) is tasks_urls
    ]
    prefix = str(resolver.pattern)
    return {
        prefix + str(p.pattern)
        for p in tasks_urls.urlpatterns
        if isinstance(p, URLPattern) and getattr(p.callback, "is_act", False)
    }


def test_every_act_is_in_the_table(db):
    """Each act URL of the app and each write operation of its API has its row in ACTS."""
    from giaoban.api.api import api

    pages = {a.page for a in PAGE_ACTS}
    assert _wrapped_acts() <= pages, _wrapped_acts() - pages
    doc = api.get_openapi_schema()
    writes = {
        (method, path)
        for path, ops in doc["paths"].items()
        if path.startswith(("/api/tasks", "/api/assignments"))
        for method in ops
        if method != "get"
    }
    assert writes == {a.api for a in API_ACTS}, writes ^ {a.api for a in API_ACTS}

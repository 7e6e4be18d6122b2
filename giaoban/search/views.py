"""One search box for every kind of record the user may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from giaoban.core.forms import invalid_choice
from giaoban.core.views import querystring_without_page
from giaoban.search.searchers import CAP, PER_PAGE, kinds, search


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    # "search" comes from the header's box (named apart from the pages' own "q" filters)
    query = (request.GET.get("q") or request.GET.get("search") or "").strip()[:200]
    kind = request.GET.get("kind", "")
    known = dict(kinds())
    error = ""
    if kind and kind not in known:  # said, and nothing searched (never everything instead)
        error = invalid_choice(kind)
        kind = ""
    asked = request.GET.get("page", "1")
    number = int(asked) if asked.isdigit() else 1  # Paginator says what a bad number means
    results = search(request.user, query, kind, page=number) if query and not error else []
    page = Paginator(results, PER_PAGE).get_page(asked)
    hits = list(page.object_list)
    page.object_list = hits  # built once: the template reads them twice
    ctx = {
        "hits": hits,
        "more": getattr(results, "more", False),
        "total": getattr(results, "total", 0),
        "phrase_found": getattr(results, "phrase_found", False),
        "first_partial": next((i for i, h in enumerate(hits) if h.partial), None),
        "q": query,
        "kind": kind,
        "kinds": kinds(),
        "page": page,
        "qs": querystring_without_page(request),
        "filter_error": error,
        "cap": CAP,
    }
    return render(request, "search/results.html", ctx, status=400 if error else 200)

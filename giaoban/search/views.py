"""One search box for every kind of record the user may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from giaoban.core.forms import invalid_choice
from giaoban.core.views import querystring_without_page
from giaoban.search.searchers import kinds, search


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
    hits = search(request.user, query, kind) if query and not error else []
    page = Paginator(hits, 20).get_page(request.GET.get("page"))
    ctx = {
        "q": query,
        "kind": kind,
        "kinds": kinds(),
        "page": page,
        "qs": querystring_without_page(request),
        "filter_error": error,
    }
    return render(request, "search/results.html", ctx, status=400 if error else 200)

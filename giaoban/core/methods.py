"""A page URL that only takes a POST (an act: submit, approve, sign…) opened with GET — a
bookmark, a reload, a link pasted in a message — answers the app's own page (status 405,
Allow kept) with a link back to the page the act belongs to, never Django's empty 405."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve


def page_of(path: str) -> str:
    """The nearest page above ``path`` that exists: /meetings/notices/5/submit/ ->
    /meetings/notices/5/ (the page itself checks the user's scope)."""
    parts = [p for p in path.split("/") if p]
    for n in range(len(parts) - 1, 0, -1):
        candidate = "/" + "/".join(parts[:n]) + "/"
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return "/"


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.method not in ("GET", "HEAD")
            or request.path.startswith("/api/")
            or response.content
        ):
            return response
        page = render(request, "405.html", {"back": page_of(request.path)}, status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page

"""Small helpers shared by views."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest
from django.shortcuts import redirect


def act(view: Callable, back: str, pk: str | None = "pk") -> Callable:
    """An act answers POST; a GET (a bookmarked or reloaded action URL) goes back to the page
    the act belongs to (the URL name ``back``, given the URL's ``pk`` argument, or none when
    ``pk`` is None) instead of a bare 405 with an empty body. The page itself loads the object
    through the scope, so a user outside it still gets a 404 there."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return redirect(back, *([kwargs[pk]] if pk and pk in kwargs else []))
        return view(request, *args, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "act")
    wrapped.__doc__ = view.__doc__
    wrapped.act_back = back  # type: ignore[attr-defined]
    wrapped.is_act = True  # type: ignore[attr-defined]  (tasks/tests/test_acts.py finds them)
    return wrapped


def apply_validation_error(form: Form, exc: ValidationError) -> None:
    """Copy a service's ValidationError onto the form (field errors or non-field)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def paginate(request: HttpRequest, qs, per_page: int = 25):
    paginator = Paginator(qs, per_page)
    return paginator.get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

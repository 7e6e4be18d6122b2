from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import path

from giaoban.tasks import awaiting_views, edit_views, register_views, views

app_name = "tasks"


def act(view: Callable, back: str) -> Callable:
    """An act answers POST; a GET (a bookmarked or reloaded action URL) goes back to the page
    the act belongs to (``back``, given the URL's pk) instead of a bare 405."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return redirect(back, *([kwargs["pk"]] if "pk" in kwargs else []))
        return view(request, *args, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "act")
    wrapped.is_act = True  # type: ignore[attr-defined]  (tasks/tests/test_acts.py finds them)
    return wrapped


urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_create, name="create"),
    path("<int:pk>/", views.task_detail, name="detail"),
    # corrections after entry (edit_views.py)
    path("<int:pk>/edit/", edit_views.task_edit, name="edit"),
    path("<int:pk>/units/", act(edit_views.task_add_units, "tasks:edit"), name="add_units"),
    path(
        "<int:pk>/units/<int:assignment_pk>/remove/",
        act(edit_views.task_remove_unit, "tasks:edit"),
        name="remove_unit",
    ),
    path(
        "assignments/<int:pk>/record/",
        act(edit_views.assignment_record_completion, "tasks:assignment"),
        name="record_completion",
    ),
    # what awaits the office (awaiting_views.py)
    path("awaiting/", awaiting_views.awaiting_list, name="awaiting"),
    path("awaiting/count/", awaiting_views.awaiting_badge, name="awaiting_count"),
    path(
        "awaiting/confirm/", act(awaiting_views.bulk_confirm, "tasks:awaiting"), name="bulk_confirm"
    ),
    path("assignments/", views.assignment_list, name="assignments"),
    # the paper register ("sổ theo dõi") with its Excel export and import
    path("register/", register_views.register, name="register"),
    path("register/export/", register_views.register_export, name="register_export"),
    path("register/import/", register_views.register_import, name="register_import"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path(
        "assignments/<int:pk>/progress/",
        act(views.assignment_progress, "tasks:assignment"),
        name="progress",
    ),
    path(
        "assignments/<int:pk>/claim/", act(views.assignment_claim, "tasks:assignment"), name="claim"
    ),
    path(
        "assignments/<int:pk>/confirm/",
        act(views.assignment_confirm, "tasks:assignment"),
        name="confirm",
    ),
    path(
        "assignments/<int:pk>/return/",
        act(views.assignment_return, "tasks:assignment"),
        name="return",
    ),
    path(
        "assignments/<int:pk>/extension/",
        act(views.assignment_extension, "tasks:assignment"),
        name="extension",
    ),
    path(
        "assignments/<int:pk>/extension/<int:req_pk>/decide/",
        act(views.extension_decide, "tasks:assignment"),
        name="extension_decide",
    ),
    path(
        "assignments/<int:pk>/cancel/",
        act(views.assignment_cancel, "tasks:assignment"),
        name="cancel",
    ),
    path(
        "assignments/<int:pk>/files/<str:kind>/<int:item_pk>/", views.attachment, name="attachment"
    ),
]

from django.urls import path

from giaoban.core.views import act
from giaoban.tasks import awaiting_views, edit_views, leader_views, register_views, views

app_name = "tasks"

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
    # statistics per directing leader (leader_views.py)
    path("leaders/", leader_views.leader_stats, name="leaders"),
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

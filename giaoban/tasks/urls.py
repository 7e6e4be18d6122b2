from django.urls import path

from giaoban.tasks import awaiting_views, edit_views, views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_create, name="create"),
    path("<int:pk>/", views.task_detail, name="detail"),
    # corrections after entry (edit_views.py)
    path("<int:pk>/edit/", edit_views.task_edit, name="edit"),
    path("<int:pk>/units/", edit_views.task_add_units, name="add_units"),
    path(
        "<int:pk>/units/<int:assignment_pk>/remove/",
        edit_views.task_remove_unit,
        name="remove_unit",
    ),
    path(
        "assignments/<int:pk>/record/",
        edit_views.assignment_record_completion,
        name="record_completion",
    ),
    # what awaits the office (awaiting_views.py)
    path("awaiting/", awaiting_views.awaiting_list, name="awaiting"),
    path("awaiting/count/", awaiting_views.awaiting_badge, name="awaiting_count"),
    path("awaiting/confirm/", awaiting_views.bulk_confirm, name="bulk_confirm"),
    path("assignments/", views.assignment_list, name="assignments"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/progress/", views.assignment_progress, name="progress"),
    path("assignments/<int:pk>/claim/", views.assignment_claim, name="claim"),
    path("assignments/<int:pk>/confirm/", views.assignment_confirm, name="confirm"),
    path("assignments/<int:pk>/return/", views.assignment_return, name="return"),
    path("assignments/<int:pk>/extension/", views.assignment_extension, name="extension"),
    path(
        "assignments/<int:pk>/extension/<int:req_pk>/decide/",
        views.extension_decide,
        name="extension_decide",
    ),
    path("assignments/<int:pk>/cancel/", views.assignment_cancel, name="cancel"),
    path(
        "assignments/<int:pk>/files/<str:kind>/<int:item_pk>/", views.attachment, name="attachment"
    ),
]

from django.urls import path

from giaoban.tasks import register_views, views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_create, name="create"),
    path("<int:pk>/", views.task_detail, name="detail"),
    path("assignments/", views.assignment_list, name="assignments"),
    # the paper register ("sổ theo dõi") with its Excel export and import
    path("register/", register_views.register, name="register"),
    path("register/export/", register_views.register_export, name="register_export"),
    path("register/import/", register_views.register_import, name="register_import"),
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

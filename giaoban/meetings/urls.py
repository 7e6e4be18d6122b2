from django.urls import path

from giaoban.meetings import import_views, notice_views, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("calendar/", views.meeting_calendar, name="calendar"),
    path("new/", views.meeting_create, name="create"),
    path("import/", import_views.import_text, name="import"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/held/", views.meeting_held, name="held"),
    path("<int:pk>/present/", views.meeting_present, name="present"),
    path("<int:pk>/minutes/", views.minutes_edit, name="minutes"),
    path("<int:pk>/minutes/<int:minutes_pk>/sign/", views.minutes_sign, name="minutes_sign"),
    path(
        "<int:pk>/minutes/<int:minutes_pk>/docx/",
        views.minutes_document,
        {"fmt": "docx"},
        name="minutes_docx",
    ),
    path(
        "<int:pk>/minutes/<int:minutes_pk>/pdf/",
        views.minutes_document,
        {"fmt": "pdf"},
        name="minutes_pdf",
    ),
    path("<int:pk>/files/", views.file_upload, name="file_upload"),
    path("<int:pk>/files/<int:file_pk>/", views.file_download, name="file"),
    path("notices/", notice_views.notice_list, name="notices"),
    path("notices/new/", notice_views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", notice_views.notice_detail, name="notice"),
    path("notices/<int:pk>/edit/", notice_views.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/items/<int:item_pk>/tasks/", notice_views.item_tasks, name="item_tasks"),
    path("notices/<int:pk>/submit/", notice_views.notice_submit, name="notice_submit"),
    path("notices/<int:pk>/approve/", notice_views.notice_approve, name="notice_approve"),
    path("notices/<int:pk>/return/", notice_views.notice_return, name="notice_return"),
    path("notices/<int:pk>/issue/", notice_views.notice_issue, name="notice_issue"),
    path("notices/<int:pk>/withdraw/", notice_views.notice_withdraw, name="notice_withdraw"),
    path("notices/<int:pk>/in-force/", notice_views.notice_in_force, name="notice_in_force"),
    path(
        "notices/<int:pk>/docx/", notice_views.notice_document, {"fmt": "docx"}, name="notice_docx"
    ),
    path("notices/<int:pk>/pdf/", notice_views.notice_document, {"fmt": "pdf"}, name="notice_pdf"),
]

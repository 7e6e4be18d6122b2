from django.urls import path

from giaoban.reports import views, views_setup

app_name = "reports"
urlpatterns = [
    path("", views.period_list, name="periods"),
    path("periods/new/", views.period_create, name="period_create"),
    path("periods/<int:pk>/", views.period_detail, name="period"),
    path("periods/<int:pk>/expected/", views.period_expected, name="period_expected"),
    path("periods/<int:pk>/open/", views.period_open, name="period_open"),
    path("periods/<int:pk>/close/", views.period_close, name="period_close"),
    path("periods/<int:pk>/start/", views.report_start, name="report_start"),
    path(
        "periods/<int:pk>/completeness.xlsx",
        views_setup.completeness_xlsx,
        name="completeness_xlsx",
    ),
    path("periods/<int:pk>/synthesis/", views_setup.synthesis_create, name="synthesis"),
    path(
        "periods/<int:pk>/synthesis/<int:number>/",
        views_setup.synthesis_file,
        name="synthesis_file",
    ),
    path("r/<int:pk>/", views.report_detail, name="report"),
    path("r/<int:pk>/save/", views.report_save, name="report_save"),
    path("r/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("r/<int:pk>/accept/", views.report_accept, name="report_accept"),
    path("r/<int:pk>/return/", views.report_return, name="report_return"),
    path("r/<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("r/<int:pk>/versions/<int:number>/file/", views.version_file, name="version_file"),
    path("units/<int:unit_id>/", views.unit_history_view, name="unit_history"),
    path("committees/<int:committee_id>/rules/", views_setup.rules_edit, name="rules"),
    path(
        "committees/<int:committee_id>/forms/<str:period_type>/",
        views_setup.form_edit,
        name="form_edit",
    ),
]

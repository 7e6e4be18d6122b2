from django.urls import path

from giaoban.reports import views, views_plans, views_setup

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
        "periods/<int:pk>/synthesis/upload/", views_setup.synthesis_upload, name="synthesis_upload"
    ),
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
    path("indicators/", views_plans.indicator_list, name="indicators"),
    path("indicators/new/", views_plans.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", views_plans.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/targets/", views_plans.indicator_target, name="indicator_target"),
    path("indicators/units/<int:unit_id>/", views_plans.indicator_unit, name="indicator_unit"),
    path("plans/", views_plans.plan_list, name="plans"),
    path("plans/new/", views_plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views_plans.plan_detail, name="plan"),
    path("plans/<int:pk>/items/", views_plans.plan_item_add, name="plan_item_add"),
    path(
        "plans/<int:pk>/items/<int:item_pk>/remove/",
        views_plans.plan_item_remove,
        name="plan_item_remove",
    ),
    path("plans/<int:pk>/submit/", views_plans.plan_submit, name="plan_submit"),
    path("plans/<int:pk>/decide/", views_plans.plan_decide, name="plan_decide"),
    path("committees/<int:committee_id>/rules/", views_setup.rules_edit, name="rules"),
    path(
        "committees/<int:committee_id>/forms/<str:period_type>/",
        views_setup.form_edit,
        name="form_edit",
    ),
    path("r/<int:pk>/carry/", views_plans.report_carry, name="report_carry"),
    path(
        "periods/<int:pk>/synthesis/<int:number>/pdf/",
        views_setup.synthesis_pdf,
        name="synthesis_pdf",
    ),
]

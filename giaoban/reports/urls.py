from django.urls import path

from giaoban.core.views import act
from giaoban.reports import views, views_plans, views_setup

# Acts answer POST; a GET on their URL goes back to the page of the object (core.views.act).
PERIOD, REPORT, PLAN = "reports:period", "reports:report", "reports:plan"

app_name = "reports"
urlpatterns = [
    path("", views.period_list, name="periods"),
    path("periods/new/", views.period_create, name="period_create"),
    path("periods/<int:pk>/", views.period_detail, name="period"),
    path("periods/<int:pk>/expected/", act(views.period_expected, PERIOD), name="period_expected"),
    path("periods/<int:pk>/open/", act(views.period_open, PERIOD), name="period_open"),
    path("periods/<int:pk>/close/", act(views.period_close, PERIOD), name="period_close"),
    path("periods/<int:pk>/start/", act(views.report_start, PERIOD), name="report_start"),
    path(
        "periods/<int:pk>/completeness.xlsx",
        views_setup.completeness_xlsx,
        name="completeness_xlsx",
    ),
    path(
        "periods/<int:pk>/synthesis/", act(views_setup.synthesis_create, PERIOD), name="synthesis"
    ),
    path(
        "periods/<int:pk>/synthesis/upload/",
        act(views_setup.synthesis_upload, PERIOD),
        name="synthesis_upload",
    ),
    path(
        "periods/<int:pk>/synthesis/<int:number>/",
        views_setup.synthesis_file,
        name="synthesis_file",
    ),
    path("r/<int:pk>/", views.report_detail, name="report"),
    path("r/<int:pk>/save/", act(views.report_save, REPORT), name="report_save"),
    path("r/<int:pk>/submit/", act(views.report_submit, REPORT), name="report_submit"),
    path("r/<int:pk>/accept/", act(views.report_accept, REPORT), name="report_accept"),
    path("r/<int:pk>/return/", act(views.report_return, REPORT), name="report_return"),
    path("r/<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("r/<int:pk>/versions/<int:number>/file/", views.version_file, name="version_file"),
    path("units/<int:unit_id>/", views.unit_history_view, name="unit_history"),
    path("indicators/", views_plans.indicator_list, name="indicators"),
    path("indicators/new/", views_plans.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", views_plans.indicator_detail, name="indicator"),
    path(
        "indicators/<int:pk>/targets/",
        act(views_plans.indicator_target, "reports:indicator"),
        name="indicator_target",
    ),
    path("indicators/units/<int:unit_id>/", views_plans.indicator_unit, name="indicator_unit"),
    path("plans/", views_plans.plan_list, name="plans"),
    path("plans/new/", act(views_plans.plan_create, "reports:plans", pk=None), name="plan_create"),
    path("plans/<int:pk>/", views_plans.plan_detail, name="plan"),
    path("plans/<int:pk>/items/", act(views_plans.plan_item_add, PLAN), name="plan_item_add"),
    path(
        "plans/<int:pk>/items/<int:item_pk>/remove/",
        act(views_plans.plan_item_remove, PLAN),
        name="plan_item_remove",
    ),
    path("plans/<int:pk>/submit/", act(views_plans.plan_submit, PLAN), name="plan_submit"),
    path("plans/<int:pk>/decide/", act(views_plans.plan_decide, PLAN), name="plan_decide"),
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

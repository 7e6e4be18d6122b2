from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from giaoban.api.api import api

urlpatterns = [
    path("", include("giaoban.dashboard.urls")),
    path("tasks/", include("giaoban.tasks.urls")),
    path("notifications/", include("giaoban.notifications.urls")),
    path("desk/", include("giaoban.evidence.urls")),
    path("search/", include("giaoban.search.urls")),
    path("meetings/", include("giaoban.meetings.urls")),
    path("reports/", include("giaoban.reports.urls")),
    path("recommendations/", include("giaoban.recommendations.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("giaoban.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    # browsers ask for /favicon.ico on pages without an icon link (admin, API docs)
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "giaoban/favicon.svg")),
]

# malformed or oversized requests: the app's own page (JSON on the API), not a bare English 400
handler400 = "giaoban.core.limits.bad_request"

# Attached files are never served from MEDIA_URL, not even with DEBUG on: every download goes
# through a view that loads its record through the user's scope (another unit's file is 404).

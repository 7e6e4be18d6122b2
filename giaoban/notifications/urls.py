from django.urls import path

from giaoban.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_all_read, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("rules/", views.rules, name="rules"),
    path("<int:pk>/", views.open_notification, name="open"),
    path("<int:pk>/read/", views.mark_read, name="read"),
]

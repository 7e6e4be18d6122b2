from django.urls import path

from giaoban.notifications import calendar_views, letter_views, views

app_name = "notifications"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.mark_all_read, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("rules/", views.rules, name="rules"),
    path("<int:pk>/", views.open_notification, name="open"),
    path("<int:pk>/read/", views.mark_read, name="read"),
    path("calendar/", calendar_views.calendar_page, name="calendar"),
    path("calendar/new/", calendar_views.calendar_create, name="calendar_create"),
    path("calendar/<int:pk>/revoke/", calendar_views.calendar_revoke, name="calendar_revoke"),
    path("calendar/<int:pk>/<str:secret>.ics", calendar_views.feed, name="feed"),
    path("letters/", letter_views.letter_list, name="letters"),
    path("letters/new/", letter_views.letter_create, name="letter_create"),
    path("letters/<int:pk>/file/", letter_views.letter_file, name="letter_file"),
]

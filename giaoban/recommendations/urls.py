from django.urls import path

from giaoban.recommendations import views

app_name = "recommendations"
urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.raise_view, name="raise"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/forward/", views.forward, name="forward"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/close/", views.close, name="close"),
]

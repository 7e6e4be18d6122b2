from django.urls import path

from giaoban.core.views import act
from giaoban.recommendations import views

DETAIL = "recommendations:detail"  # a GET on an act's URL goes back to the recommendation

app_name = "recommendations"
urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.raise_view, name="raise"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/forward/", act(views.forward, DETAIL), name="forward"),
    path("<int:pk>/answer/", act(views.answer, DETAIL), name="answer"),
    path("<int:pk>/close/", act(views.close, DETAIL), name="close"),
]

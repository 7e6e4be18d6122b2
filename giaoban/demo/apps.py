from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data and the commands that load it (``giaoban demo``, ``giaoban run``)."""

    name = "giaoban.demo"
    label = "demo"

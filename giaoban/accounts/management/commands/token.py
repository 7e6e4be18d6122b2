"""giaoban token USERNAME [--name NAME]: issue an API token and print it once."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from giaoban.accounts.models import ApiToken, User
from giaoban.core.audit import log_action


class Command(BaseCommand):
    help = "Issue an API bearer token for a user; the token is shown only once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="api", help="a label to recognise the token by")

    def handle(self, *args, username: str, name: str, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng / no such user: {username}")
        token, raw = ApiToken.issue(user=user, name=name)
        log_action(
            token,
            "accounts.token.issued",
            user=None,
            data={"user": user.pk, "name": name, "prefix": token.prefix},
        )
        self.stdout.write(raw)

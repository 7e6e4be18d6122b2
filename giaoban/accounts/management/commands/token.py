"""giaoban token USERNAME [--name NAME] [--days N]: issue an API token and print it once."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from giaoban.accounts import services
from giaoban.accounts.models import User


class Command(BaseCommand):
    help = "Issue an API bearer token for a user; the token is shown only once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="api", help="a label to recognise the token by")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"valid this many days (default GIAOBAN_TOKEN_DAYS = {settings.GIAOBAN_TOKEN_DAYS};"
            f" at most GIAOBAN_TOKEN_MAX_DAYS; 0: never expires)",
        )

    def handle(self, *args, username: str, name: str, days: int | None, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng / no such user: {username}")
        try:
            token, raw = services.issue_token(
                user=user, name=name, days=days, actor=None, allow_never=True
            )
        except ValidationError as exc:
            limit = settings.GIAOBAN_TOKEN_MAX_DAYS
            raise CommandError(
                f"Thời hạn từ 1 đến {limit} ngày, hoặc 0 (không hết hạn) / "
                f"valid from 1 to {limit} days, or 0 (never expires): {'; '.join(exc.messages)}"
            ) from None
        self.stdout.write(raw)
        until = (
            f"hết hạn / expires {timezone.localtime(token.expires_at):%d/%m/%Y %H:%M}"
            if token.expires_at
            else "không hết hạn / never expires"
        )
        self.stderr.write(f"{token.name} ({token.prefix}…): {until}")

"""``giaoban remind``: compute the reminders due and send the e-mails. Run daily (docs/deploy.md)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from giaoban.notifications import engine


def _day(value: str) -> date:
    for parse in (date.fromisoformat, lambda v: date(*reversed([int(p) for p in v.split("/")]))):
        try:
            return parse(value)
        except (ValueError, TypeError):
            continue
    raise CommandError(f"--date: expected dd/mm/yyyy or yyyy-mm-dd, got {value!r}")


class Command(BaseCommand):
    help = "Write the reminders due by the committees' rules and send the e-mail digests."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="run as of this day (default: today)")
        parser.add_argument(
            "--no-mail", action="store_true", help="write the reminders, send no e-mail"
        )
        parser.add_argument(
            "--force-mail",
            action="store_true",
            help="send e-mail even on a day off (normally held for the next working day)",
        )

    def handle(self, *args, **options) -> None:
        today = _day(options["date"]) if options["date"] else None
        try:
            result = engine.run(
                today=today, send_mail=not options["no_mail"], force_mail=options["force_mail"]
            )
        except engine.AlreadyRunning:
            raise CommandError("another 'giaoban remind' is running; nothing done") from None
        self.stdout.write(result.summary())

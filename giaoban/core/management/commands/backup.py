"""giaoban backup [ARCHIVE]: database and attachment files in one checked archive."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from giaoban.core.backup import BackupError, Database, write_backup


class Command(BaseCommand):
    help = "Write one archive with the database dump, the attachment files and a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help="where to write (default var/backups/giaoban-DATE.tar)"
        )
        parser.add_argument(
            "--no-clean",
            action="store_true",
            help="do not remove orphaned attachment files first (giaoban cleanfiles --delete)",
        )

    def handle(self, *args, archive: str | None, no_clean: bool = False, **options):
        if not no_clean:  # orphans (uploads that never committed) are not worth keeping
            call_command("cleanfiles", delete=True, stdout=self.stdout)
        if archive is None:
            folder = Path(settings.VAR_DIR) / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            archive = str(folder / f"giaoban-{timezone.localtime():%Y%m%d-%H%M%S}.tar")
        applied = [
            f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
        ]
        try:
            manifest = write_backup(
                Path(archive),
                db=Database(connection.settings_dict),
                connection=connection,
                media_root=Path(settings.MEDIA_ROOT),
                migrations=sorted(applied),
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        files = len(manifest["files"]) - 1
        self.stdout.write(f"backup: {archive} ({manifest['engine']}, {files} tệp / files)")

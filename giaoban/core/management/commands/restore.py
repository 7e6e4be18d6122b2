"""giaoban restore ARCHIVE: into an empty database and media folder, after checking it all."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from giaoban.core.backup import BackupError, Database, restore_backup


class Command(BaseCommand):
    help = "Restore an archive of `giaoban backup` into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive: str, **options):
        known = [f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations]
        try:
            manifest = restore_backup(
                Path(archive),
                db=Database(connection.settings_dict),
                connection=connection,
                media_root=Path(settings.MEDIA_ROOT),
                migrations=known,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        connection.close()
        files = len(manifest["files"]) - 1
        self.stdout.write(f"restore: {archive} ({manifest['engine']}, {files} tệp / files)")

"""giaoban cleanfiles [--delete] [--grace-hours H]: remove orphaned attachment files.

Orphans are the temporary files of uploads whose transaction never committed (a process killed
mid-write) and the files under MEDIA_ROOT that no row references, both only once older than the
grace period (GIAOBAN_CLEANFILES_GRACE_HOURS, default 24). Without ``--delete`` (or with
``--dry-run``) it only lists what it would remove; ``giaoban backup`` runs it with ``--delete``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from giaoban.core.storage import sweep


class Command(BaseCommand):
    help = "List (default) or remove (--delete) orphaned attachment files."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--delete", action="store_true", help="remove the files listed")
        mode.add_argument("--dry-run", action="store_true", help="only list them (the default)")
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=None,
            help="leave files younger than this alone (default GIAOBAN_CLEANFILES_GRACE_HOURS)",
        )

    def handle(self, *args, delete: bool, dry_run: bool, grace_hours: float | None, **options):
        if grace_hours is not None and grace_hours < 0:
            raise CommandError("Thời gian chờ không âm / the grace period cannot be negative.")
        grace = None if grace_hours is None else int(grace_hours * 3600)
        result = sweep(grace_seconds=grace, dry_run=not delete)
        verb = "đã xóa / removed" if delete else "sẽ xóa / would remove"
        for name in result.temporary:
            self.stdout.write(f"{verb}: {name}  (tệp tạm chưa ghi nhận / uncommitted upload)")
        for name in result.unreferenced:
            self.stdout.write(f"{verb}: {name}  (không bản ghi nào dùng / no row references it)")
        self.stdout.write(
            f"cleanfiles: {len(result.removed)} {verb}, {result.kept_referenced} "
            f"đang dùng / in use, {result.kept_recent} còn mới / recent, kept "
            f"({settings.MEDIA_ROOT})"
        )
        if not delete and result.removed:
            self.stdout.write("Chạy lại với --delete để xóa / run again with --delete to remove.")

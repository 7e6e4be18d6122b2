"""giaoban run: migrate, load the demo into an empty database, serve on 127.0.0.1."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from giaoban.org.models import Unit


class Command(BaseCommand):
    help = "Migrate, load the demo when the database is empty, and serve on http://127.0.0.1:8000"

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-demo", action="store_true", help="do not load the demo data")

    def handle(self, *args, port: int, no_demo: bool, **options):
        from django.conf import settings

        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        from giaoban.core.bulk import unfinished_load

        load = unfinished_load()
        if load is not None:  # the server refuses to serve it (core/loadguard.py): say why here
            from giaoban.core.loadguard import describe

            self.stderr.write(" / ".join(describe(load)))
            self.stderr.write("giaoban demo --resume | giaoban demo --reset")
        if not no_demo and not Unit.objects.exists():
            self.stdout.write("Đang tạo dữ liệu mẫu / loading demo data…")
            call_command("demo")
        elif not no_demo:
            from giaoban.demo import print_logins

            print_logins(self.stdout)
        self.stdout.write(f"giaoban: http://127.0.0.1:{port}/  (Ctrl+C để dừng / to stop)")
        from giaoban.core.runtime import tune_for_serving

        tune_for_serving()  # as giaoban.wsgi does (giaoban/core/runtime.py)
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)

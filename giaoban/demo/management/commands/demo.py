"""giaoban demo [--scale province|national]: build realistic demo data."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Build a demo province (default) or the whole country (--scale national) for load tests."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["province", "national"], default="province")
        parser.add_argument(
            "--provinces", type=int, default=34, help="national scale: number of provinces"
        )
        parser.add_argument(
            "--assignments",
            type=int,
            default=3_000_000,
            help="national scale: at least this many assignments",
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale: str, provinces: int, assignments: int, seed: int, **options):
        from giaoban import demo
        from giaoban.org.models import Unit

        started = time.perf_counter()
        if scale == "province":
            if Unit.objects.exists():
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu / the database is not empty.")
            summary = demo.build_province(seed=seed)
            demo.print_logins(self.stdout)
        else:
            if Unit.objects.exists():
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu / the database is not empty.")
            try:
                summary = demo.build_national(
                    provinces=provinces,
                    min_assignments=assignments,
                    seed=seed,
                    progress=self.stdout.write,
                )
            except ValueError as exc:
                raise CommandError(str(exc)) from None
        elapsed = time.perf_counter() - started
        self.stdout.write(f"demo {scale}: {summary} in {elapsed:.1f} s")

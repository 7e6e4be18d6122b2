"""giaoban demo [--scale province|national] [--resume | --reset]: build realistic demo data.

The national load runs for many minutes in many transactions and marks itself (core.BulkLoad):
when a load was interrupted, ``demo`` says so and stops; ``--resume`` carries it on from its last
committed step, ``--reset`` wipes the database and loads again with the same parameters.
"""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from giaoban.core.bulk import restore_indexes, still_running, unfinished_load
from giaoban.core.loadguard import describe


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
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--resume", action="store_true", help="carry on an interrupted load where it stopped"
        )
        mode.add_argument(
            "--reset",
            action="store_true",
            help="after an interrupted load: wipe the database and load again",
        )

    def handle(
        self,
        *args,
        scale: str,
        provinces: int,
        assignments: int,
        seed: int,
        resume: bool = False,
        reset: bool = False,
        **options,
    ):
        from giaoban import demo
        from giaoban.demo.national import NATIONAL_KIND
        from giaoban.org.models import Unit

        started = time.perf_counter()
        load = unfinished_load()
        if load is not None:
            vi, en = describe(load)
            if still_running(load):
                raise CommandError(
                    f"{vi} Đợi tiến trình {load.pid} chạy xong. / {en} "
                    f"Wait for process {load.pid} to finish."
                )
            if not (resume or reset):
                raise CommandError(
                    f"{vi} Chạy «giaoban demo --resume» để nạp tiếp hoặc «giaoban demo --reset» "
                    f"để xóa và nạp lại. / {en} Run 'giaoban demo --resume' to carry on or "
                    f"'giaoban demo --reset' to wipe it and load again."
                )
            if load.kind != NATIONAL_KIND:
                raise CommandError(
                    f"{vi} / {en} ({load.kind}: không nạp tiếp được / cannot resume)"
                )
        elif resume or reset:
            raise CommandError(
                "Không có lần nạp nào bị gián đoạn: không có gì để nạp tiếp hay xóa. / "
                "No interrupted load: nothing to resume or reset (a complete database is never "
                "wiped by this command)."
            )
        progress = self.stdout.write
        if resume:
            self.stdout.write(f"Nạp tiếp / resuming ({len(load.steps)} bước đã xong / steps done)")
            summary = demo.build_national(resume=load, progress=progress)
            scale = "national"
        elif reset:
            params = dict(load.parameters)
            built = restore_indexes(load.dropped_indexes)
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write(
                f"Đã xóa cơ sở dữ liệu / database wiped ({built} chỉ mục dựng lại / indexes "
                f"rebuilt); nạp lại / loading again: {params}"
            )
            summary = self._national(demo, progress, **params)
            scale = "national"
        elif scale == "province":
            if Unit.objects.exists():
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu / the database is not empty.")
            summary = demo.build_province(seed=seed)
            demo.print_logins(self.stdout)
        else:
            if Unit.objects.exists():
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu / the database is not empty.")
            summary = self._national(
                demo, progress, provinces=provinces, min_assignments=assignments, seed=seed
            )
        elapsed = time.perf_counter() - started
        self.stdout.write(f"demo {scale}: {summary} in {elapsed:.1f} s")

    def _national(self, demo, progress, **params) -> str:
        from datetime import date

        if isinstance(params.get("today"), str):
            params["today"] = date.fromisoformat(params["today"])
        try:
            return demo.build_national(progress=progress, **params)
        except ValueError as exc:
            raise CommandError(str(exc)) from None

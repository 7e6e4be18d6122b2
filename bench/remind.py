#!/usr/bin/env python3
"""Benchmark of ``giaoban remind``: time and peak memory of one morning's run.

    .venv/bin/python bench/remind.py                    # national data (~6 min to load once)
    .venv/bin/python bench/remind.py --scale province   # one province, quick
    .venv/bin/python bench/remind.py --reuse            # keep the database loaded last time

Loads ``giaoban demo --scale …`` into var/bench/remind-<scale>.sqlite3 (SQLite, the default
install) unless --reuse finds it, gives every demo user an e-mail address, then runs
``giaoban remind`` in a child process for a working day (first run: every reminder of the day
and the digests, e-mail to files under var/bench/mail) and a second time the same day (the
idempotent rerun), printing wall time and the child's peak RSS for each, and the counts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "var", "bench")
GIAOBAN = os.path.join(ROOT, ".venv", "bin", "giaoban")


def env_for(db: str) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{db}"
    env["GIAOBAN_VAR_DIR"] = os.path.join(BENCH, "remind-var")
    env["GIAOBAN_EMAIL"] = "file"
    env["GIAOBAN_CACHE"] = "none"
    return env


PYTHON = os.path.join(ROOT, ".venv", "bin", "python")
#: the child reports its own peak RSS (the parent's RUSAGE_CHILDREN is a maximum over all children)
CHILD = (
    "import resource, sys; from giaoban.cli import main; main(sys.argv[1:]);"
    "sys.stderr.write('MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [PYTHON, "-c", CHILD, *args], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    )
    wall = time.perf_counter() - start
    rss = next(int(x.split()[1]) for x in out.stderr.splitlines() if x.startswith("MAXRSS"))
    return wall, rss / 1024, out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=["province", "national"], default="national")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--date", default="", help="day of the run (default: the demo's today)")
    args = ap.parse_args()
    os.makedirs(BENCH, exist_ok=True)
    db = os.path.join(BENCH, f"remind-{args.scale}.sqlite3")
    env = env_for(db)
    if not (args.reuse and os.path.exists(db)):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.rmtree(env["GIAOBAN_VAR_DIR"], ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([GIAOBAN, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [GIAOBAN, "demo", "--scale", args.scale],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        print(f"loaded {args.scale} demo in {time.perf_counter() - t:.0f} s")
        code = (
            "from giaoban.accounts.models import User;"
            "from django.db.models import F, Value;"
            "from django.db.models.functions import Concat;"
            "User.objects.update(email=Concat(F('username'), Value('@bench.test')));"
            "from giaoban.notifications.models import Notification;"
            "Notification.objects.update(mail='taken')"  # the demo's own acts: not this run's work
        )
        subprocess.run([GIAOBAN, "shell", "-c", code], env=env, check=True, cwd=ROOT)
    counts = subprocess.run(
        [
            GIAOBAN,
            "shell",
            "-c",
            "from giaoban.tasks.models import Assignment; from giaoban.accounts.models import User;"
            "print(Assignment.objects.count(), User.objects.count())",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()[-2:]  # Django's shell may print a line about auto-imports first
    print(f"data: {int(counts[0]):,} assignments, {int(counts[1]):,} users ({args.scale}, SQLite)")
    cmd = ["remind", "--force-mail"] + (["--date", args.date] if args.date else [])
    wall, rss, line = run(cmd, env)
    print(f"first run:  {wall:6.1f} s, peak RSS {rss:6.0f} MB  | {line}")
    wall2, rss2, line2 = run(cmd, env)
    print(f"second run: {wall2:6.1f} s, peak RSS {rss2:6.0f} MB  | {line2}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark of the register's XLSX export for one province (≈ 90,000 tasks): time and peak
memory of the whole download, as a browser gets it.

    nice -n 10 .venv/bin/python bench/register_export.py            # load once (~4 min), run
    nice -n 10 .venv/bin/python bench/register_export.py --reuse    # keep last time's database

Loads ``giaoban demo --scale national --provinces 1`` into var/bench/register.sqlite3 (SQLite,
the default install) unless --reuse finds it, and copies its tasks (new numbers, their first unit
and one in eight of the others: the demo gives most tasks to every commune, a province's own
register gives a few units a task) until the register has --tasks rows; then in a
child process signs in the province's office user (vp01) and GETs /tasks/register/export/
through Django's test client (every middleware, the real view), reading the streamed body
into a file chunk by chunk. It prints the rows, the time to the first byte and to the last,
the file's size, the CPU time the export took (on a shared machine the wall time includes
waiting for a core) and the child's peak RSS; then it opens the file (outside the timing) and
checks the row count and the last row's STT. Targets: ≤ 30 s, ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "var", "bench")
GIAOBAN = os.path.join(ROOT, ".venv", "bin", "giaoban")
PYTHON = os.path.join(ROOT, ".venv", "bin", "python")

CHILD = r"""
import os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
os.environ.setdefault("GIAOBAN_INSTALLATION_KEY", "true")
import django
django.setup()
from django.conf import settings
settings.ALLOWED_HOSTS = ["testserver"]
from django.test import Client
from giaoban.accounts.models import User
client = Client()
client.force_login(User.objects.get(username="vp01"))
out_path = sys.argv[1]
start = time.perf_counter()
u0 = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = u0.ru_utime + u0.ru_stime
response = client.get("/tasks/register/export/")
assert response.status_code == 200, response.status_code
assert response.streaming, "the export must be streamed"
first = None
size = 0
with open(out_path, "wb") as fh:
    for chunk in response.streaming_content:
        if first is None:
            first = time.perf_counter() - start
        fh.write(chunk)
        size += len(chunk)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
rss = usage.ru_maxrss / 1024
cpu = usage.ru_utime + usage.ru_stime - cpu0
print(f"RESULT {wall:.2f} {first:.2f} {size} {rss:.0f} {cpu:.2f}")
"""

CHECK = r"""
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
ws = wb.active
n = 0
last = None
for row in ws.iter_rows(min_row=6, values_only=True):
    if row and row[0] is not None:
        n += 1
        last = row[0]
print(n, last)
"""


#: copies the demo's tasks (new numbers, same texts and dates) until the register has TARGET
#: rows; each copy keeps its first unit and about one in eight of the others, as a province's
#: own tasks have a few units each (the demo gives most tasks to every commune)
GROW = r"""
import sys
from django.db import connection, transaction
from giaoban.demo.national_rows import _ASG_COLS, _TASK_COLS
from giaoban.tasks.models import Assignment, Task
target = int(sys.argv[-1])
have = Task.objects.count()
max_task = Task.objects.order_by("-id").values_list("id", flat=True).first()
max_asg = Assignment.objects.order_by("-id").values_list("id", flat=True).first()
t_cols = ", ".join(_TASK_COLS)
t_sel = ", ".join(
    {"id": "id + %(toff)s",
     "doc_number": "(CAST(doc_number AS INTEGER) + %(k)s * 1000) || '-TB/TU'"}.get(c, c)
    for c in _TASK_COLS
)
a_cols = ", ".join(_ASG_COLS)
a_sel = ", ".join(
    {"id": "id + %(aoff)s", "task_id": "task_id + %(toff)s"}.get(c, c) for c in _ASG_COLS
)
k = 0
with transaction.atomic(), connection.cursor() as cur:
    while have < target:
        k += 1
        limit = min(target - have, max_task)
        p = {"k": k, "toff": k * max_task, "aoff": k * max_asg, "limit": limit}
        cur.execute(
            f"INSERT INTO tasks_task ({t_cols}) SELECT {t_sel} FROM tasks_task "
            f"WHERE id <= %(limit)s", p
        )
        cur.execute(
            f"INSERT INTO tasks_assignment ({a_cols}) SELECT {a_sel} FROM tasks_assignment "
            f"WHERE task_id <= %(limit)s AND (id %% 8 = 0 OR id = (SELECT MIN(b.id) "
            f"FROM tasks_assignment b WHERE b.task_id = tasks_assignment.task_id))", p
        )
        have += limit
    cur.execute("ANALYZE")
print(Task.objects.count(), Assignment.objects.count())
"""


def env_for(db: str) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{db}"
    env["GIAOBAN_VAR_DIR"] = os.path.join(BENCH, "register-var")
    env["GIAOBAN_CACHE"] = "none"
    return env


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument(
        "--assignments", type=int, default=200_000, help="assignments of the demo province"
    )
    ap.add_argument("--tasks", type=int, default=90_000, help="rows of the register")
    args = ap.parse_args()
    os.makedirs(BENCH, exist_ok=True)
    db = os.path.join(BENCH, "register.sqlite3")
    env = env_for(db)
    if not (args.reuse and os.path.exists(db)):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        t = time.perf_counter()
        subprocess.run([GIAOBAN, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [
                GIAOBAN,
                "demo",
                "--scale",
                "national",
                "--provinces",
                "1",
                "--assignments",
                str(args.assignments),
            ],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [GIAOBAN, "shell", "-c", GROW.replace("sys.argv[-1]", repr(str(args.tasks)))],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        print(f"loaded one province in {time.perf_counter() - t:.0f} s")
    counts = subprocess.run(
        [
            GIAOBAN,
            "shell",
            "-c",
            "from giaoban.tasks.models import Assignment, Task;"
            "print(Task.objects.count(), Assignment.objects.count())",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()[-2:]
    print(f"data: {int(counts[0]):,} tasks, {int(counts[1]):,} assignments (one province, SQLite)")
    out_path = os.path.join(BENCH, "register-export.xlsx")
    run = subprocess.run(
        [PYTHON, "-c", CHILD, out_path],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("RESULT"))
    wall, first, size, rss, cpu = line.split()[1:]
    rows, last = subprocess.run(
        [PYTHON, "-c", CHECK, out_path], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    print(
        f"export: {int(rows):,} rows (last STT {last}), {int(size) / 1e6:.1f} MB file, "
        f"first byte {float(first):.1f} s, whole download {float(wall):.1f} s "
        f"(CPU {float(cpu):.1f} s), peak RSS {float(rss):.0f} MB"
    )
    ok = float(wall) <= 30 and float(rss) <= 200
    print("targets (≤ 30 s, ≤ 200 MB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

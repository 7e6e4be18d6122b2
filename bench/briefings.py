#!/usr/bin/env python3
"""Speed of the briefing pages: import to the review screen, a 20-item notice as DOCX, and the
review section of a briefing over a province's worth of notice assignments.

    .venv/bin/python bench/briefings.py [--assignments 90000] [--runs 20]
    .venv/bin/python bin/with-postgres .venv/bin/python bench/briefings.py   # on PostgreSQL

Builds its own data in a fresh database (SQLite file under var/bench/, or the PostgreSQL of
DATABASE_URL): the fixed test cast plus ``--units`` commune committees under committee Alpha,
and issued notices whose items carry tasks fanned out to every unit until ``--assignments``
assignments exist (the national demo has ~3 million over 34 provinces: ~90,000 per province,
and a review reads one committee's notices only). Then, as Alpha's office user through the
Django test client (full request: middleware, scope, template):

- POST the import page with seed 001 (read + extract + match + review screen), ``--runs`` times;
- build the DOCX of a 20-item notice, ``--runs`` times;
- GET the page of the next briefing (live review of every earlier notice), ``--runs`` times.

Prints p50/p95 in ms for each. Targets (issue 9): import ≤ 300 ms, DOCX ≤ 300 ms, review
≤ 100 ms p95.

National scale (``--national``, PostgreSQL through ``bin/with-postgres``):

    nice -n 10 .venv/bin/python bin/with-postgres .venv/bin/python bench/briefings.py --national

loads ``giaoban demo --scale national --provinces N`` (the data of bench/load.py: 34 provinces,
~88,000 assignments each, their held briefings with issued notices, one coming briefing per
province) into the empty database of DATABASE_URL (a database that already holds it is reused:
keep a cluster of bench/load.py's settings — JIT off — between runs and pass its URL), freezes
the review of the province's last held briefing if the bulk load left it without a snapshot (as
marking it held does), then, as the office user of the first province (``vp01``), measures the
review section of the briefing page (``meetings.review_section``) of the coming briefing and of
the held one (after a change in one unit, with nothing changed, and cold: the cache cleared and
the process's memos emptied, as in a freshly started server process),
the whole page after a change, the review computed from scratch (coming, and held as of its date:
the historical form of the status rule), and the live JSON. Each line gives wall time, this
process's CPU time and the database backend's CPU time (p50/p95, ms); ``--only TEXT`` keeps the
lines whose label holds TEXT.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
os.environ.setdefault("GIAOBAN_CACHE", "locmem")
os.environ.setdefault("GIAOBAN_INSTALLATION_KEY", "true")  # a key of its own under var/
os.environ.setdefault("GIAOBAN_LOG_LEVEL", "WARNING")
if "DATABASE_URL" not in os.environ and "--national" not in sys.argv:
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    db = bench_dir / "briefings.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEED = ROOT / "giaoban" / "meetings" / "tests" / "data" / "seed_001.txt"


def _pct(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return _pct(samples)


def _server_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (same machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_cpu(fn, runs: int, prepare=None) -> dict[str, tuple[float, float]]:
    """Wall time, this process's CPU time and the database backend's CPU time of ``fn``, in
    ms (p50, p95); ``prepare`` runs before each call, outside the timing."""
    wall, cpu, server = [], [], []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        s0, c0, w0 = _server_cpu(), time.process_time(), time.perf_counter()
        fn()
        w1, c1 = time.perf_counter(), time.process_time()
        wall.append((w1 - w0) * 1000)
        cpu.append((c1 - c0) * 1000)
        server.append((_server_cpu() - s0) * 1000)
    return {"wall": _pct(wall), "cpu": _pct(cpu), "db cpu": _pct(server)}


def build(units: int, assignments: int):
    from django.contrib.auth.hashers import make_password

    from giaoban.meetings.models import (
        ItemTask,
        Meeting,
        MeetingState,
        Notice,
        NoticeItem,
        NoticeState,
    )
    from giaoban.org.models import Unit, UnitKind
    from giaoban.tasks.models import Assignment, AssignmentState, Task
    from giaoban.test import make_cast

    cast = make_cast(date(2026, 3, 16))
    del make_password
    Unit.objects.bulk_create(
        Unit(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã {i:03d}",
            parent=cast.committee_a,
            sort_order=10 + i,
        )
        for i in range(units)
    )
    all_units = list(Unit.objects.filter(parent=cast.committee_a).values_list("pk", flat=True))
    per_task = len(all_units)
    n_tasks = max(1, assignments // per_task)
    per_notice = 8
    n_notices = (n_tasks + per_notice - 1) // per_notice
    states = [
        AssignmentState.OPEN,
        AssignmentState.DONE,
        AssignmentState.OPEN,
        AssignmentState.CLAIMED,
    ]
    made = 0
    for n in range(n_notices):
        doc_date = date(2025, 1, 1 + n % 28) if n < 28 else date(2025, 2, 1 + n % 28)
        meeting = Meeting.objects.create(
            committee=cast.committee_a,
            title=f"Giao ban {n}",
            starts_at=datetime(2025, 1, 1, 8, tzinfo=TZ),
            created_by=cast.office_a,
            state=MeetingState.HELD,
        )
        notice = Notice.objects.create(
            committee=cast.committee_a,
            meeting=meeting,
            number=f"{100 + n}-TB/TU",
            doc_date=doc_date,
            issuer="TỈNH ỦY",
            title=f"kết luận số {n}",
            signing_formula="T/M THƯỜNG TRỰC TỈNH ỦY",
            state=NoticeState.ISSUED,
            created_by=cast.office_a,
        )
        for item_no in range(1, per_notice + 1):
            if made >= n_tasks:
                break
            task = Task.objects.create(
                committee=cast.committee_a,
                doc_number=notice.number,
                doc_date=doc_date,
                item_number=str(item_no),
                text=f"Nhiệm vụ {item_no} của thông báo {notice.number}",
                deadline=date(2025, 6, 30) if item_no % 3 else None,
                created_by=cast.office_a,
                created_on=doc_date,
            )
            item = NoticeItem.objects.create(notice=notice, number=item_no, text=task.text)
            ItemTask.objects.create(item=item, text=task.text, task=task, deadline=task.deadline)
            Assignment.objects.bulk_create(
                Assignment(
                    task=task,
                    unit_id=u,
                    deadline=task.deadline,
                    original_deadline=task.deadline,
                    state=states[(u + item_no) % 4],
                    completed_on=date(2025, 5, 1)
                    if states[(u + item_no) % 4] == AssignmentState.DONE
                    else None,
                )
                for u in all_units
            )
            made += 1
    nxt = Meeting.objects.create(
        committee=cast.committee_a,
        title="Giao ban quý I/2026",
        starts_at=datetime(2026, 3, 16, 8, tzinfo=TZ),
        created_by=cast.office_a,
    )
    return cast, nxt, Assignment.objects.count(), n_notices


def national(runs: int, provinces: int, only: list[str] | None = None) -> None:
    """The review at national scale, as the office user of the first province."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from giaoban.accounts.models import Membership, Role, User
    from giaoban.meetings.models import Meeting
    from giaoban.meetings.review import _compute_review
    from giaoban.tasks.models import Assignment

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    if not User.objects.filter(username="vp01").exists():
        started = time.perf_counter()
        call_command("demo", scale="national", provinces=provinces)
        print(f"loaded in {time.perf_counter() - started:.0f} s")
    else:
        print("reusing the national data already loaded")
    office = User.objects.get(username="vp01")
    committee = Membership.objects.get(user=office, role=Role.OFFICE).unit.parent
    coming = Meeting.objects.filter(committee=committee, state="planned").latest("starts_at")
    held = Meeting.objects.filter(committee=committee, state="held").latest("starts_at")
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(",")[0]
        # as docs/deploy.md configures production (bin/with-postgres's throw-away cluster keeps
        # the default, under which the historical review's plan costs ~1 s of JIT compilation)
        cursor.execute("SET jit = off")
    print(
        f"{version}: {Assignment.objects.count():,} assignments, "
        f"{Meeting.objects.filter(state='held').count():,} held briefings over "
        f"{Membership.objects.filter(role=Role.OFFICE).count()} provinces; as vp01 "
        f"({committee.name}), the review reads "
        f"{_compute_review(coming, coming.date)['totals']['total']:,} assignments "
        f"({len(_compute_review(coming, coming.date)['notices'])} notices)"
    )
    from giaoban.core.cache import bump_on_commit
    from giaoban.meetings.models import ReviewSnapshot
    from giaoban.meetings.review import build_review
    from giaoban.meetings.review_section import review_section
    from giaoban.meetings.services import mark_held

    if not ReviewSnapshot.objects.filter(meeting=held).exists():
        # the national data marks its briefings held in bulk; freeze the last one's review as
        # the office does when it marks a meeting held
        started = time.perf_counter()
        mark_held(meeting=held, user=office)
        print(f"froze the review of the held briefing in {time.perf_counter() - started:.1f} s")
    snap = ReviewSnapshot.objects.get(meeting=held)
    print(
        f"held briefing {held.date:%d/%m/%Y}: its snapshot holds "
        f"{len(snap.data['notices'])} notices, {snap.data['totals']['total']:,} assignments"
    )
    client = Client()
    client.force_login(office)
    translation.activate("vi")

    # a change in one unit between reads, as a clerk's confirmation makes it: the assignment's
    # state written and its unit's data version bumped (what log_action does)
    unit_rows = list(
        Assignment.objects.filter(
            task__notice_link__item__notice__committee=committee, state="open"
        ).values_list("pk", "unit_id")[:200]
    )
    flips = iter(unit_rows * 50)

    def one_change():
        pk, unit_id = next(flips)
        row = Assignment.objects.get(pk=pk)
        done = row.state == "open"
        Assignment.objects.filter(pk=pk).update(
            state="done" if done else "open", completed_on=coming.date if done else None
        )
        bump_on_commit(unit_id)

    def page(meeting):
        def get():
            r = client.get(f"/meetings/{meeting.pk}/")
            assert r.status_code == 200, r.status_code

        return get

    def section(meeting):
        return lambda: review_section(meeting, office)

    from giaoban.core.cache import clear_process_memos

    def new_process():
        """As the first read of a freshly started server process after a cache clear."""
        cache.clear()
        clear_process_memos()

    rows = [
        (
            "review section, coming briefing, after a change in one unit",
            section(coming),
            one_change,
        ),
        ("review section, coming briefing, nothing changed", section(coming), None),
        ("review section, coming briefing, cold (cache cleared)", section(coming), new_process),
        ("review section, held briefing (snapshot), after a change", section(held), one_change),
        ("review section, held briefing (snapshot), nothing changed", section(held), None),
        (
            "review section, held briefing (snapshot), cold (cache cleared)",
            section(held),
            new_process,
        ),
        ("briefing page whole, coming briefing, after a change", page(coming), one_change),
        ("briefing page whole, held briefing, after a change", page(held), one_change),
        (
            "review computed from scratch, coming briefing",
            lambda: _compute_review(coming, coming.date),
            None,
        ),
        (
            f"review computed from scratch, held briefing as of {held.date:%d/%m/%Y}",
            lambda: _compute_review(held, held.date),
            None,
        ),
        (
            "review kept up to date after a change in one unit (JSON)",
            lambda: build_review(coming),
            one_change,
        ),
    ]
    wanted = [r for r in rows if not only or any(w in r[0] for w in only)]
    print(
        f"{'':<66} {'wall p50':>9} {'p95':>7}   {'cpu p50':>8} {'p95':>6}   {'db cpu p50':>10} {'p95':>6}  (ms)"
    )
    for label, fn, prepare in wanted:
        if prepare is not None:
            prepare()
        fn()  # warm up
        r = timed_cpu(fn, runs, prepare)
        print(
            f"{label:<66} {r['wall'][0]:9.1f} {r['wall'][1]:7.1f}   {r['cpu'][0]:8.1f} {r['cpu'][1]:6.1f}"
            f"   {r['db cpu'][0]:10.1f} {r['db cpu'][1]:6.1f}",
            flush=True,
        )
    import resource

    print(
        f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f};"
        f" peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assignments", type=int, default=90_000)
    ap.add_argument("--units", type=int, default=110)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--national", action="store_true", help="the review at national scale")
    ap.add_argument("--provinces", type=int, default=34, help="with --national: provinces")
    ap.add_argument(
        "--only", action="append", help="with --national: the measures whose label holds this"
    )
    ap.add_argument(
        "--python-gc",
        action="store_true",
        help="keep Python's garbage collector defaults instead of the server's tuning",
    )
    args = ap.parse_args()

    import django

    django.setup()
    from giaoban.core.runtime import tune_for_serving

    # as the server process does (giaoban.wsgi, giaoban run): see giaoban/core/runtime.py
    print("garbage collector:", "Python defaults" if args.python_gc else tune_for_serving())
    if args.national:
        national(args.runs, args.provinces, args.only)
        return
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    cast, nxt, n_asg, n_notices = build(args.units, args.assignments)
    print(
        f"{connection.vendor}: {n_asg} assignments in {n_notices} notices built in {time.perf_counter() - started:.1f} s"
    )

    client = Client()
    client.force_login(cast.office_a)
    text = SEED.read_text(encoding="utf-8")

    def import_once():
        r = client.post(
            "/meetings/import/", {"committee": cast.committee_a.pk, "stage": "read", "text": text}
        )
        assert r.status_code == 200, r.status_code

    from giaoban.documents import Header, Item, OfficialDocument, Section, Signature, build_docx

    doc = OfficialDocument(
        header=Header("ĐẢNG BỘ TỈNH ALPHA", "TỈNH ỦY", "90-TB/TU", "Alpha", date(2026, 3, 16)),
        kind_title="THÔNG BÁO",
        title="kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý I/2026",
        opening=("Ngày 16/3/2026, Thường trực Tỉnh ủy chủ trì hội nghị giao ban.",),
        sections=(
            Section(
                heading="NHIỆM VỤ", items=tuple(Item(f"{i}.", text[:400]) for i in range(1, 21))
            ),
        ),
        signature=Signature(("T/M THƯỜNG TRỰC TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC"), "Hồ Thanh Sơn"),
        recipients=("- Như trên,", "- Lưu VP."),
    )

    def review_once():
        r = client.get(f"/meetings/{nxt.pk}/")
        assert r.status_code == 200, r.status_code

    from django.core.cache import cache

    from giaoban.meetings.review import build_review

    def cold(fn):
        def run():
            cache.clear()  # as after any change in the committee: the review is recomputed
            fn()

        return run

    for label, fn in (
        ("import seed 001 to the review screen", import_once),
        ("DOCX of a 20-item notice", lambda: build_docx(doc, kind="notice")),
        (f"review computed (cold cache, {n_asg} assignments)", cold(lambda: build_review(nxt))),
        (f"briefing page, review recomputed ({n_asg} assignments)", cold(review_once)),
        (f"briefing page, review cached ({n_asg} assignments)", review_once),
    ):
        fn()  # warm up
        p50, p95 = timed(fn, args.runs)
        print(f"{label:<60} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()

"""An interrupted national load is seen for what it is: the mark stays "in progress", the web
server refuses the database (503), `giaoban demo` says so in Vietnamese and English, and
`demo --resume` (carry on) or `demo --reset` (wipe, load again) gives the complete database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from giaoban.core.bulk import unfinished_load
from giaoban.core.loadguard import LoadGuard
from giaoban.core.models import BulkLoad
from giaoban.demo import national_rows
from giaoban.org.models import Unit
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, Task

ROOT = Path(__file__).resolve().parents[3]
PARAMS = ["--scale", "national", "--provinces", "2", "--assignments", "3000"]


def _fingerprint() -> dict:
    """The loaded data without ids and clocks: equal for two loads that wrote the same rows."""
    return {
        "tasks": sorted(
            Task.objects.values_list(
                "committee__code", "doc_number", "item_number", "text", "deadline"
            )
        ),
        "assignments": sorted(
            Assignment.objects.values_list(
                "task__committee__code",
                "task__doc_number",
                "task__item_number",
                "unit__code",
                "state",
                "deadline",
            )
        ),
        "claims": CompletionClaim.objects.count(),
        "extensions": ExtensionRequest.objects.count(),
        "units": Unit.objects.count(),
    }


def _fail_midway(monkeypatch) -> None:
    """The second batch of the second province fails (power cut, disk full)."""
    monkeypatch.setattr(national_rows, "NATIONAL_BATCH_TASKS", 20)
    real = national_rows.copy_rows
    batches: Counter = Counter()

    def flaky(table, columns, rows):
        if table == Task._meta.db_table:
            rows = list(rows)
            batches[rows[0][1]] += 1
            if rows[0][1] == Unit.objects.get(code="P02").pk and batches[rows[0][1]] == 2:
                raise RuntimeError("mất điện / power cut")
        return real(table, columns, rows)

    monkeypatch.setattr(national_rows, "copy_rows", flaky)


def _guard_answer() -> tuple[str, bytes, bool]:
    served = []
    status = []

    def app(environ, start_response):
        served.append(True)
        start_response("200 OK", [])
        return [b"ok"]

    body = b"".join(
        LoadGuard(app)({"PATH_INFO": "/"}, lambda s, headers: status.append((s, headers)))
    )
    return status[0][0], body, bool(served)


def _interrupted_load(monkeypatch) -> BulkLoad:
    with monkeypatch.context() as m:
        _fail_midway(m)
        with pytest.raises(RuntimeError, match="power cut"):
            call_command("demo", *PARAMS, stdout=open(os.devnull, "w"))
    load = unfinished_load()
    assert load is not None
    return load


@pytest.mark.django_db(transaction=True)
def test_interrupted_load_is_detected_then_resumed_then_equals_a_reset(monkeypatch, capsys):
    load = _interrupted_load(monkeypatch)
    assert load.state == "running" and load.steps == ["units", "province:P01"]
    assert "power cut" in load.error
    assert load.parameters["provinces"] == 2 and load.parameters["min_assignments"] == 3000
    # it looks loaded: both provinces, tasks of the second one too (its first batch committed)
    p02 = Task.objects.filter(committee__code="P02").count()
    assert Unit.objects.filter(code="P02").exists() and 0 < p02 <= 20

    # detection: the web server refuses, the demo command says what to do
    status, body, served = _guard_answer()
    assert status.startswith("503") and not served
    text = body.decode()
    assert "bị gián đoạn" in text and "was interrupted" in text
    assert "giaoban demo --resume" in text and "giaoban demo --reset" in text
    with pytest.raises(CommandError) as refused:
        call_command("demo", *PARAMS)
    message = str(refused.value)
    assert "--resume" in message and "--reset" in message
    assert "bị gián đoạn" in message and "interrupted" in message
    with pytest.raises(CommandError, match="not empty|interrupted"):
        call_command("demo")  # the province demo neither

    call_command("demo", "--resume", stdout=open(os.devnull, "w"))
    assert unfinished_load() is None
    done = BulkLoad.objects.get()
    assert done.state == "finished" and done.finished_at and done.dropped_indexes == []
    assert done.steps == ["units", "province:P01", "province:P02", "briefings", "reports"]
    assert Assignment.objects.count() >= 3000
    status, body, served = _guard_answer()
    assert status.startswith("200") and served
    resumed = _fingerprint()
    assert resumed["assignments"] and resumed["claims"]

    # a complete database is never wiped by --reset / --resume
    with pytest.raises(CommandError, match="nothing to resume or reset"):
        call_command("demo", "--reset")
    with pytest.raises(CommandError, match="nothing to resume or reset"):
        call_command("demo", "--resume")

    # the same load interrupted again, then --reset: wiped and loaded whole, the same rows
    call_command("flush", interactive=False, verbosity=0)
    _interrupted_load(monkeypatch)
    out = open(os.devnull, "w")
    call_command("demo", "--reset", stdout=out)
    assert unfinished_load() is None
    assert BulkLoad.objects.get().state == "finished"
    assert _fingerprint() == resumed


def _database_url(tmp_path: Path) -> tuple[str, object]:
    """A copy of the (migrated, empty) test database for the child process, and how to drop it:
    SQLite's online backup of the in-memory test database, or a PostgreSQL database made from
    the test database as template (no migrate: minutes on a busy machine)."""
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql":
        target = tmp_path / "load.sqlite3"
        connection.ensure_connection()
        dest = sqlite3.connect(target)
        try:
            connection.connection.backup(dest)
        finally:
            dest.close()
        return f"sqlite:///{target}", lambda: None
    import psycopg

    template = settings_dict["NAME"]
    name = f"giaoban_kill_{uuid.uuid4().hex[:8]}"
    dsn = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
        "dbname": "postgres",
    }
    dsn = {k: v for k, v in dsn.items() if v is not None}
    connection.close()  # a template database must have no other session
    with psycopg.connect(**dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def drop():
        with psycopg.connect(**dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    from urllib.parse import quote

    auth = quote(dsn.get("user", ""))
    if dsn.get("password"):
        auth += ":" + quote(dsn["password"], safe="")
    url = f"postgresql://{auth}@{dsn.get('host', '127.0.0.1')}:{dsn.get('port', 5432)}/{name}"
    return url, drop


def _giaoban(env, *args, **kw):
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from giaoban.cli import main; sys.exit(main())", *args],
        env=env,
        cwd=ROOT,
        text=True,
        **kw,
    )


def _run(env, *args) -> subprocess.CompletedProcess:
    proc = _giaoban(env, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _indexes_missing(env) -> list[str]:
    code = (
        "import django; django.setup();"
        "from django.db import connection;"
        "from giaoban.core.bulk import _index_exists;"
        "from giaoban.core.models import BulkLoad;"
        "cur = connection.cursor();"
        "print([n for l in BulkLoad.objects.all() for n, _s in l.dropped_indexes"
        " if not _index_exists(cur, n)])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return eval(proc.stdout.strip())  # a printed list of names


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_load_killed_with_sigkill_is_detected_and_resumed(tmp_path):
    url, drop = _database_url(tmp_path)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GIAOBAN_")
        and k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "GIAOBAN_DATABASE_PASSWORD")
    }
    env.update(
        DATABASE_URL=url,
        GIAOBAN_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="giaoban.settings",
        PYTHONUNBUFFERED="1",
        GIAOBAN_INSTALLATION_KEY="true",
    )
    try:
        load = _giaoban(
            env,
            "demo",
            "--scale",
            "national",
            "--provinces",
            "2",
            "--assignments",
            "8000",
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        seen = []
        for line in load.stdout:  # killed as soon as the first province is written
            seen.append(line)
            if line.startswith("  ") and ": " in line and "tasks (" in line:
                load.send_signal(signal.SIGKILL)
                break
        load.wait(timeout=60)  # reaped: the mark's process is gone
        assert load.returncode == -signal.SIGKILL, "".join(seen)

        missing = _indexes_missing(env)
        assert missing, "the load was killed with its indexes dropped"
        refused = _run(env, "demo", "--scale", "national")
        assert refused.returncode != 0
        assert "bị gián đoạn" in refused.stderr and "was interrupted" in refused.stderr
        assert "--resume" in refused.stderr and "--reset" in refused.stderr

        resumed = _run(env, "demo", "--resume")
        assert resumed.returncode == 0, resumed.stderr
        assert "demo national: 2 provinces" in resumed.stdout
        assert _indexes_missing(env) == []
        if url.startswith("sqlite"):
            db = sqlite3.connect(url.removeprefix("sqlite:///"))
            state = db.execute("SELECT state FROM core_bulkload").fetchall()
            asg = db.execute("SELECT count(*) FROM tasks_assignment").fetchone()[0]
            per = db.execute("SELECT count(DISTINCT committee_id) FROM tasks_task").fetchone()[0]
            db.close()
            assert state == [("finished",)] and asg >= 8000 and per == 2
    finally:
        drop()

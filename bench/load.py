#!/usr/bin/env python3
"""Load benchmark: the whole country's data, served by gunicorn, under a bounded load.

    .venv/bin/python bench/load.py                       # both databases, defaults
    .venv/bin/python bench/load.py --db postgres --reuse --requests 1000 --concurrency 4

For each database (a private PostgreSQL cluster in var/bench/pg, tuned for the
benchmark, and a SQLite file var/bench/giaoban.sqlite3) it loads national
scale data (``giaoban demo --scale national``: 34 provinces, >= 3 million
assignments) unless --reuse finds it there, starts gunicorn on 127.0.0.1,
logs in through the login form as a province's office user (vp01), issues an
API token for that user, then sends a fixed number of GET requests per URL at
a fixed concurrency from a small threaded client (http.client, keep-alive) on
loopback only, and prints p50/p95/p99 latency and requests/s per URL. Results
are also written to var/bench/results.json. Nothing is left running.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bin"))  # pgcluster: test and bench tooling, not shipped

from pgcluster import BENCH_SETTINGS, Cluster, free_port  # noqa: E402

BENCH_DIR = os.path.join(ROOT, "var", "bench")
PG_ROOT = os.path.join(BENCH_DIR, "pg")
SQLITE_PATH = os.path.join(BENCH_DIR, "giaoban.sqlite3")
BIN = os.path.dirname(sys.executable)
USER, PASSWORD = "vp01", "giaoban2026"
MIN_ASSIGNMENTS = 3_000_000

PG_SETTINGS = BENCH_SETTINGS  # bin/pgcluster.py

URLS = [
    ("overdue list", "/tasks/assignments/?status=open_overdue", "session"),
    ("office dashboard", "/", "session"),
    ("API overdue (session)", "/api/assignments?status=open_overdue", "session"),
    ("API overdue (bearer)", "/api/assignments?status=open_overdue", "bearer"),
]


def log(msg: str) -> None:
    print(msg, flush=True)


def manage(env: dict, *args: str, capture: bool = False) -> str:
    proc = subprocess.run(
        [os.path.join(BIN, "python"), os.path.join(ROOT, "manage.py"), *args],
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return proc.stdout or ""


_COUNT = (
    "from giaoban.tasks.models import Assignment; from giaoban.accounts.models import User; "
    "print(Assignment.objects.count() if User.objects.filter(username='vp01').exists() else 0)"
)


def assignment_count(env: dict) -> int:
    try:
        out = manage(env, "shell", "-v", "0", "-c", _COUNT, capture=True)
    except subprocess.CalledProcessError:
        return 0
    return int(out.strip().splitlines()[-1])


def load(env: dict, reuse: bool, label: str) -> float | None:
    """Migrate and load national data; returns the seconds taken (None when reused)."""
    manage(env, "migrate", "-v", "0")
    if reuse:
        n = assignment_count(env)
        if n >= MIN_ASSIGNMENTS:
            log(f"[{label}] reusing {n:,} assignments")
            return None
    log(f"[{label}] loading national data …")
    started = time.perf_counter()
    manage(env, "demo", "--scale", "national")
    return time.perf_counter() - started


def issue_token(env: dict) -> str:
    code = (
        "from giaoban.accounts.models import ApiToken, User; "
        "print(ApiToken.issue(user=User.objects.get(username='vp01'), name='bench')[1])"
    )
    return manage(env, "shell", "-v", "0", "-c", code, capture=True).strip().splitlines()[-1]


def login(port: int) -> str:
    """Log in through the login form; returns the Cookie header."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/accounts/login/")
    resp = conn.getresponse()
    body = resp.read().decode()
    cookies = {}
    for header, value in resp.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": USER, "password": PASSWORD}
    )
    conn.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    resp = conn.getresponse()
    resp.read()
    for header, value in resp.getheaders():
        if header.lower() == "set-cookie" and value.startswith("sessionid="):
            conn.close()
            return f"sessionid={value.split(';')[0].split('=', 1)[1]}"
    raise SystemExit(f"login as {USER} failed (status {resp.status})")


@dataclass
class Result:
    db: str
    name: str
    url: str
    auth: str
    requests: int
    concurrency: int
    errors: int
    p50: float
    p95: float
    p99: float
    rps: float
    bytes: int


def hammer(
    port: int, path: str, headers: dict, requests: int, concurrency: int
) -> tuple[list[float], int, float, int]:
    """Send ``requests`` GETs with ``concurrency`` keep-alive connections; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    size = 0
    lock = threading.Lock()
    remaining = [requests]

    def worker() -> None:
        nonlocal errors, size
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                ok, body = False, b""
            ms = (time.perf_counter() - t) * 1000
            with lock:
                latencies.append(ms)
                size = len(body) or size
                errors += not ok
        conn.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors, time.perf_counter() - started, size


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def serve_and_measure(env: dict, label: str, args) -> list[Result]:
    port = free_port()
    cmd = [
        os.path.join(BIN, "gunicorn"),
        "giaoban.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--worker-class",
        "gthread",
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
        "--chdir",
        ROOT,
    ]
    server = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        for _ in range(200):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/accounts/login/")
                c.getresponse().read()
                break
            except OSError:
                time.sleep(0.1)
        cookie = login(port)
        token = issue_token(env)
        results = []
        for name, path, auth in URLS:
            headers = (
                {"Cookie": cookie} if auth == "session" else {"Authorization": f"Bearer {token}"}
            )
            headers["Accept-Language"] = "vi"
            hammer(
                port, path, headers, args.warmup, args.concurrency
            )  # warm caches and connections
            lat, errors, elapsed, size = hammer(
                port, path, headers, args.requests, args.concurrency
            )
            r = Result(
                label,
                name,
                path,
                auth,
                len(lat),
                args.concurrency,
                errors,
                percentile(lat, 50),
                percentile(lat, 95),
                percentile(lat, 99),
                len(lat) / elapsed,
                size,
            )
            log(
                f"[{label}] {name:<22} p50 {r.p50:6.1f} ms  p95 {r.p95:6.1f} ms  p99 {r.p99:6.1f} ms  "
                f"{r.rps:6.1f} req/s  errors {errors}  ({size:,} bytes)"
            )
            results.append(r)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def run_postgres(args, base_env: dict) -> tuple[float | None, list[Result]]:
    if not args.reuse and os.path.exists(PG_ROOT):
        shutil.rmtree(PG_ROOT)
    cluster = Cluster(PG_ROOT, PG_SETTINGS)
    url = cluster.start()
    log(f"[postgres] PostgreSQL {cluster.version} on 127.0.0.1:{cluster.port} ({PG_ROOT})")
    try:
        env = {**base_env, "DATABASE_URL": url}
        seconds = load(env, args.reuse, "postgres")
        return seconds, serve_and_measure(env, "postgres", args)
    finally:
        cluster.stop()


def run_sqlite(args, base_env: dict) -> tuple[float | None, list[Result]]:
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(SQLITE_PATH + suffix):
                os.remove(SQLITE_PATH + suffix)
    env = {**base_env, "DATABASE_URL": f"sqlite:///{SQLITE_PATH}"}
    seconds = load(env, args.reuse, "sqlite")
    return seconds, serve_and_measure(env, "sqlite", args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument(
        "--requests", type=int, default=500, help="measured requests per URL (default 500)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, help="concurrent connections (default 4)"
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="unmeasured requests per URL first (default 20)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn worker processes (default 2)"
    )
    parser.add_argument(
        "--threads", type=int, default=2, help="threads per gunicorn worker (default 2)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep the data already loaded, if complete"
    )
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be positive")
    os.makedirs(BENCH_DIR, exist_ok=True)
    base_env = {
        **os.environ,
        "GIAOBAN_DEBUG": "false",
        "GIAOBAN_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "giaoban.settings",
    }
    base_env.pop("DATABASE_URL", None)
    log(
        f"machine: {os.cpu_count()} CPUs; {args.requests} requests per URL at concurrency {args.concurrency}; "
        f"gunicorn {args.workers} workers x {args.threads} threads"
    )
    summary: dict = {
        "requests": args.requests,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "threads": args.threads,
        "load_seconds": {},
        "results": [],
    }
    runs = {"postgres": run_postgres, "sqlite": run_sqlite}
    for db in ["postgres", "sqlite"] if args.db == "both" else [args.db]:
        seconds, results = runs[db](args, base_env)
        summary["load_seconds"][db] = seconds
        summary["results"] += [asdict(r) for r in results]
        if seconds is not None:
            log(f"[{db}] load time {seconds:.0f} s")
    log("")
    log("| database | URL | p50 ms | p95 ms | p99 ms | req/s | errors |")
    log("|---|---|---:|---:|---:|---:|---:|")
    for r in summary["results"]:
        log(
            f"| {r['db']} | {r['name']} `{r['url']}` | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
            f"{r['rps']:.1f} | {r['errors']} |"
        )
    for db, seconds in summary["load_seconds"].items():
        log(f"load time {db}: " + ("reused" if seconds is None else f"{seconds:.0f} s"))
    with open(os.path.join(BENCH_DIR, "results.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
    return 1 if any(r["errors"] for r in summary["results"]) else 0


if __name__ == "__main__":
    sys.exit(main())

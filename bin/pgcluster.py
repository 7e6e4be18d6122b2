"""A private PostgreSQL cluster on loopback, for tests (bin/with-postgres) and the load
benchmark (bench/load.py). Development tooling only: production uses a managed server.

Uses Debian's server binaries (initdb, pg_ctl); when run as root the cluster
runs as the ``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time


def pg_bindir() -> str:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: settings for a throw-away cluster: durability off (the data can always be rebuilt), JIT off
#: as production is configured (docs/deploy.md): the tests and the test server then run the
#: plans production runs
THROWAWAY = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
    "jit": "off",
}

#: the benchmark clusters (documented in docs/performance.md): durability off as for tests (the
#: data is rebuilt at will; reads do not depend on it), memory sized for a 3-million-row table
#: on a 2-core/24 GB machine, JIT off (it costs tens of milliseconds on short queries whose
#: estimated cost crosses jit_above_cost), no parallel workers (two cores already shared)
BENCH_SETTINGS = {
    **THROWAWAY,
    "shared_buffers": "1GB",
    "effective_cache_size": "8GB",
    "work_mem": "16MB",
    "maintenance_work_mem": "512MB",
    "random_page_cost": "1.1",
    "jit": "off",
    "max_parallel_workers_per_gather": "0",
}


class Cluster:
    """A cluster in ``root`` (data in root/data, socket and log in root)."""

    def __init__(self, root: str, settings: dict[str, str] | None = None) -> None:
        self.root = os.path.abspath(root)
        self.data = os.path.join(self.root, "data")
        self.settings = dict(THROWAWAY if settings is None else settings)
        self.bindir = pg_bindir()
        self.port: int | None = None
        self.prefix: list[str] = []
        self.env = {**os.environ, "LC_ALL": "C.UTF-8"}
        if os.geteuid() == 0:
            self.prefix = ["runuser", "-u", "postgres", "--"]

    @property
    def version(self) -> str:
        return os.path.basename(os.path.dirname(self.bindir))

    @property
    def initialized(self) -> bool:
        return os.path.exists(os.path.join(self.data, "PG_VERSION"))

    def init(self) -> None:
        os.makedirs(self.root, exist_ok=True)
        if self.prefix:
            import pwd

            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        subprocess.run(
            self.prefix
            + [
                f"{self.bindir}/initdb",
                "-D",
                self.data,
                "-U",
                "giaoban",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env=self.env,
        )

    def start(self, port: int | None = None) -> str:
        """Start on 127.0.0.1 (a free port unless given); returns the DATABASE_URL."""
        if not self.initialized:
            self.init()
        self.port = port or free_port()
        opts = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
        opts += " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        subprocess.run(
            self.prefix
            + [
                f"{self.bindir}/pg_ctl",
                "-D",
                self.data,
                "-o",
                opts,
                "-l",
                os.path.join(self.root, "log"),
                "-w",
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env=self.env,
        )
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        return self.url

    @property
    def url(self) -> str:
        return f"postgres://giaoban@127.0.0.1:{self.port}/postgres"

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            self.prefix + [f"{self.bindir}/pg_ctl", "-D", self.data, "-m", mode, "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

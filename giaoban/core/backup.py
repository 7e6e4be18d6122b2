"""One-archive backups of an installation: the database and the attachment files.

The archive (a tar file) holds ``manifest.json`` (format, database engine, applied
migrations, then the size and SHA-256 of every other member), the database dump
(``database.sqlite3`` made with SQLite's online backup API, or ``database.pgdump`` from
``pg_dump -Fc``) and the files under ``media/``. A restore checks every checksum and the
engine first, and writes only into an empty database and an empty media folder, so a
damaged or mismatched archive never half-replaces a working installation.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from giaoban.core.storage import SUFFIX as UNCOMMITTED

FORMAT = "giaoban-backup"
VERSION = 1


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why (bilingual)."""


@dataclass(frozen=True)
class Database:
    """Where the dump comes from or goes to: Django's settings dict of one database."""

    settings: dict[str, Any]

    @property
    def engine(self) -> str:
        return "sqlite" if "sqlite" in self.settings["ENGINE"] else "postgresql"

    def pg_args(self) -> tuple[list[str], dict[str, str]]:
        s = self.settings
        args = ["--dbname", s["NAME"]]
        if s.get("HOST"):
            args += ["--host", str(s["HOST"])]
        if s.get("PORT"):
            args += ["--port", str(s["PORT"])]
        if s.get("USER"):
            args += ["--username", str(s["USER"])]
        env = {**os.environ}
        if s.get("PASSWORD"):
            env["PGPASSWORD"] = str(s["PASSWORD"])
        return args, env


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_tool(name: str) -> str:
    """pg_dump / pg_restore: the newest of Debian's server packages, else the one on PATH."""
    import glob

    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if not on_path:
        raise BackupError(f"{name} không có / not found (apt-get install postgresql-client)")
    return on_path


def _dump_database(db: Database, connection: Any, target: Path) -> None:
    if db.engine == "sqlite":
        connection.ensure_connection()
        raw = connection.connection  # the live sqlite3 connection: consistent online copy
        dest = sqlite3.connect(target)
        try:
            raw.backup(dest)
        finally:
            dest.close()
        return
    args, env = db.pg_args()
    result = subprocess.run(
        [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump: {result.stderr.strip()}")


def write_backup(
    output: Path, *, db: Database, connection: Any, media_root: Path, migrations: list[str]
) -> dict[str, Any]:
    """Write the archive to ``output`` (atomically: a temporary name, then renamed)."""
    output = Path(output)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / ("database.sqlite3" if db.engine == "sqlite" else "database.pgdump")
        _dump_database(db, connection, dump)
        members: dict[str, Path] = {dump.name: dump}
        media_root = Path(media_root)
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                if path.name.endswith(UNCOMMITTED):  # an upload whose transaction is still open
                    continue
                members["media/" + path.relative_to(media_root).as_posix()] = path
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "engine": db.engine,
            "migrations": migrations,
            "files": {
                name: {"size": path.stat().st_size, "sha256": _sha256(path)}
                for name, path in members.items()
            },
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w") as tar:
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                tar.add(path, arcname=name, recursive=False)
        os.replace(partial, output)
    return manifest


def read_verified(archive: Path, into: Path) -> dict[str, Any]:
    """Extract ``archive`` into ``into`` and check it whole; raises BackupError if damaged."""
    try:
        with tarfile.open(archive, "r") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"Tệp sao lưu hỏng / damaged archive: {exc}") from None
    try:
        manifest = json.loads((into / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError("Thiếu manifest / the archive has no valid manifest") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("Không phải bản sao lưu giaoban / not a giaoban backup")
    files = manifest.get("files", {})
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {
        "manifest.json"
    }
    if present != set(files):
        raise BackupError("Danh sách tệp không khớp / files do not match the manifest")
    for name, meta in files.items():
        path = into / name
        if path.stat().st_size != meta["size"] or _sha256(path) != meta["sha256"]:
            raise BackupError(f"Sai mã kiểm tra / checksum mismatch: {name}")
    return manifest


def _database_is_empty(db: Database, connection: Any) -> bool:
    if connection is not None:
        return not connection.introspection.table_names()
    if db.engine == "sqlite":
        name = db.settings["NAME"]
        if not name or not Path(str(name)).exists():
            return True
        with sqlite3.connect(name) as conn:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        return tables == 0
    return not connection.introspection.table_names()


def restore_backup(
    archive: Path, *, db: Database, connection: Any, media_root: Path, migrations: list[str]
) -> dict[str, Any]:
    """Restore into an empty database and an empty media folder, after checking everything."""
    media_root = Path(media_root)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = read_verified(Path(archive), Path(tmp))
        if manifest["engine"] != db.engine:
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']}, cơ sở dữ liệu là {db.engine} / "
                f"archive is for {manifest['engine']}, this database is {db.engine}"
            )
        unknown = sorted(set(manifest["migrations"]) - set(migrations))
        if unknown:
            raise BackupError(
                "Bản sao lưu mới hơn phần mềm / the archive is from a newer version: "
                + ", ".join(unknown[:5])
            )
        if not _database_is_empty(db, connection):
            raise BackupError("Cơ sở dữ liệu không trống / the database is not empty")
        if media_root.exists() and any(media_root.iterdir()):
            raise BackupError(
                f"Thư mục tệp không trống / the media folder is not empty: {media_root}"
            )
        if db.engine == "sqlite":
            src = sqlite3.connect(Path(tmp) / "database.sqlite3")
            name = str(db.settings["NAME"])
            dest = sqlite3.connect(name, uri=name.startswith("file:"))
            try:
                src.backup(dest)
            finally:
                src.close()
                dest.close()
        else:
            args, env = db.pg_args()
            result = subprocess.run(
                [
                    _pg_tool("pg_restore"),
                    "--no-owner",
                    "--exit-on-error",
                    "--single-transaction",
                    *args,
                    str(Path(tmp) / "database.pgdump"),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore: {result.stderr.strip()}")
        media = Path(tmp) / "media"
        if media.is_dir():
            media_root.mkdir(parents=True, exist_ok=True)
            for path in media.rglob("*"):
                if path.is_file():
                    target = media_root / path.relative_to(media)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target)
    return manifest

"""giaoban backup / restore: a populated installation round-trips identically (every table,
every file) on SQLite and on PostgreSQL; damaged, mismatched or misplaced restores are refused."""

from __future__ import annotations

import io
import json
import sqlite3
import tarfile
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from giaoban.core.backup import BackupError, Database, restore_backup, write_backup
from giaoban.tasks import services

pytestmark = pytest.mark.django_db(transaction=True)


def _populate(cast) -> None:
    services.add_progress(
        assignment=cast.asg_a,
        user=cast.unit_a,
        text="Đã xây dựng dự thảo",
        percent=40,
        attachment=SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 " + bytes(range(256)) * 20),
    )
    services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date.today(),
        evidence_number="335-BC/ĐU",
    )


def _migrations() -> list[str]:
    return sorted(f"{a}.{n}" for a, n in MigrationRecorder(connection).applied_migrations())


def _backup(tmp_path: Path, settings) -> Path:
    archive = tmp_path / "giaoban.tar"
    write_backup(
        archive,
        db=Database(connection.settings_dict),
        connection=connection,
        media_root=Path(settings.MEDIA_ROOT),
        migrations=_migrations(),
    )
    return archive


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _rows_django(conn) -> dict[str, list]:
    with conn.cursor() as cur:
        tables = sorted(conn.introspection.table_names(cur))
        out = {}
        for table in tables:
            cur.execute(f'SELECT * FROM "{table}"')
            out[table] = sorted(map(repr, cur.fetchall()))
    return out


@pytest.fixture
def restored_target(tmp_path):
    """An empty database of the same engine, and a way to read every table of it."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        settings_dict = {**connection.settings_dict, "NAME": str(path)}

        def rows():
            with sqlite3.connect(path) as conn:
                names = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type='table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                    )
                ]
                return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}

        yield settings_dict, None, rows
        return
    from django.db.backends.postgresql.base import DatabaseWrapper

    name = f"restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    settings_dict = {**connection.settings_dict, "NAME": name}
    target = DatabaseWrapper(settings_dict, alias="restore")
    yield settings_dict, target, lambda: _rows_django(target)
    target.close()
    with connection.cursor() as cur:
        cur.execute(f'DROP DATABASE "{name}"')


def _source_rows() -> dict[str, list]:
    if connection.vendor == "sqlite":
        # a plain connection (Django's converts dates), to the same (shared in-memory) database
        name = connection.settings_dict["NAME"]
        raw = sqlite3.connect(name, uri=str(name).startswith("file:"))
        names = [
            r[0]
            for r in raw.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: sorted(map(repr, raw.execute(f'SELECT * FROM "{n}"'))) for n in names}
    return _rows_django(connection)


def test_round_trip_is_identical(cast, settings, tmp_path, restored_target):
    _populate(cast)
    media = Path(settings.MEDIA_ROOT)
    assert _files(media), "the populated installation has an attachment"
    archive = _backup(tmp_path, settings)
    settings_dict, target_conn, read_rows = restored_target
    new_media = tmp_path / "new-media"
    restore_backup(
        archive,
        db=Database(settings_dict),
        connection=target_conn,
        media_root=new_media,
        migrations=_migrations(),
    )
    source = _source_rows()
    restored = read_rows()
    assert set(restored) == set(source)
    assert restored == source
    assert sum(len(r) for r in source.values()) > 50  # really populated
    assert _files(new_media) == _files(media)


def test_damaged_archive_is_refused(cast, settings, tmp_path, restored_target):
    _populate(cast)
    archive = _backup(tmp_path, settings)
    data = bytearray(archive.read_bytes())
    # flip one byte inside the attachment's content (past the tar headers)
    pos = data.find(b"%PDF-1.4 ") + 100
    data[pos] ^= 0xFF
    archive.write_bytes(bytes(data))
    settings_dict, target_conn, read_rows = restored_target
    with pytest.raises(BackupError, match="checksum"):
        restore_backup(
            archive,
            db=Database(settings_dict),
            connection=target_conn,
            media_root=tmp_path / "m",
            migrations=_migrations(),
        )
    assert read_rows() == {}  # nothing written
    truncated = tmp_path / "cut.tar"
    truncated.write_bytes(archive.read_bytes()[:3000])
    with pytest.raises(BackupError):
        restore_backup(
            truncated,
            db=Database(settings_dict),
            connection=target_conn,
            media_root=tmp_path / "m",
            migrations=_migrations(),
        )


def test_mismatched_archive_and_non_empty_database_are_refused(cast, settings, tmp_path):
    archive = _backup(tmp_path, settings)
    # an archive from the other engine
    other = tmp_path / "other.tar"
    with tarfile.open(archive) as src, tarfile.open(other, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
                data = json.dumps(manifest).encode()
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    kwargs = dict(connection=connection, media_root=tmp_path / "m", migrations=_migrations())
    with pytest.raises(BackupError, match="archive is for"):
        restore_backup(other, db=Database(connection.settings_dict), **kwargs)
    # from a newer version (a migration this code does not know)
    with pytest.raises(BackupError, match="newer version"):
        restore_backup(
            archive,
            db=Database(connection.settings_dict),
            connection=connection,
            media_root=tmp_path / "m",
            migrations=_migrations()[:-1],
        )
    # into the working database itself: refused, it is not empty
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive, db=Database(connection.settings_dict), **kwargs)

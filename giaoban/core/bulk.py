"""Bulk loading for scale data and imports: rows straight into tables, around the ORM.

``copy_rows`` writes an iterable of tuples (COPY on PostgreSQL, executemany on SQLite);
``indexes_dropped`` drops a table's plain indexes for the load and builds them again after;
``reset_sequences`` moves PostgreSQL's id sequences past explicitly written ids. Rows written this
way skip ``save()``, the services and the audit log: the caller fills derived columns itself.

A load that spans several transactions marks itself (``BulkLoad`` rows): ``start_load`` before
the first row, ``LoadMark.step_done`` after each committed step, ``LoadMark.finish`` after the
last; each mark is written in its own transaction. ``indexes_dropped(..., mark=...)`` records
the indexes it drops before dropping them, so a load killed before it built them again leaves
the statements to build them (``restore_indexes``). ``unfinished_load()`` is the load that never
finished, if any: the web server refuses to serve such a database (``LoadGuard``) and the
``demo`` command says so and offers ``--resume`` and ``--reset``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.utils import timezone

if TYPE_CHECKING:
    from giaoban.core.models import BulkLoad


def copy_rows(table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Bulk insert ``rows`` (an iterable, consumed once): COPY on PostgreSQL,
    executemany in slices of 20,000 on SQLite. Returns the number of rows."""
    n = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        else:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch: list[tuple] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 20_000:
                    cursor.executemany(sql, batch)
                    n += len(batch)
                    batch.clear()
            if batch:
                cursor.executemany(sql, batch)
                n += len(batch)
    return n


def secondary_indexes(tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the plain (non-unique, non-constraint) indexes of ``tables``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%%' "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                [tables],
            )
        else:
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({', '.join(['%s'] * len(tables))})",
                tables,
            )
        return list(cursor.fetchall())


@contextmanager
def indexes_dropped(tables: list[str], mark: LoadMark | None = None) -> Iterator[None]:
    """Drop the plain indexes of ``tables`` for a bulk load and build them again afterwards
    (one sorted build per index is several times faster than millions of inserts into each).
    With ``mark``, the dropped indexes are recorded on the load first (kept from an earlier,
    interrupted run of the same load) and forgotten once built again."""
    indexes = [tuple(i) for i in secondary_indexes(tables)]
    if mark is not None:
        indexes = _merged(mark.row.dropped_indexes, indexes)
        mark.record_indexes(indexes)
    with connection.cursor() as cursor:
        for name, _sql in indexes:
            if _index_exists(cursor, name):
                cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            deferred = connection.vendor == "postgresql" and connection.in_atomic_block
            if deferred:  # PostgreSQL builds no index while deferred foreign-key checks are pending
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for name, sql in indexes:
                if not _index_exists(cursor, name):
                    cursor.execute(sql)
            if deferred:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if mark is not None:
            mark.record_indexes([])


def _merged(recorded: list, current: list[tuple]) -> list[tuple]:
    names = {name for name, _sql in current}
    return [tuple(i) for i in recorded if i[0] not in names] + current


def _index_exists(cursor, name: str) -> bool:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
    else:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = %s", [name])
    return cursor.fetchone() is not None


def restore_indexes(indexes: list) -> int:
    """Build again the recorded indexes that are missing; the number built."""
    built = 0
    with connection.cursor() as cursor:
        for name, sql in indexes:
            if not _index_exists(cursor, name):
                cursor.execute(sql)
                built += 1
    return built


def reset_sequences(models: list[type[Model]]) -> None:
    """After rows written with explicit ids: move PostgreSQL's id sequences past them."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


# -- in-progress and finished marks -----------------------------------------------------------


class LoadMark:
    """The mark of one running load; every write is its own transaction (a savepoint when the
    caller holds a transaction open, as the tests do)."""

    def __init__(self, row: BulkLoad):
        self.row = row

    def _save(self, **fields: Any) -> None:
        from giaoban.core.models import BulkLoad

        for name, value in fields.items():
            setattr(self.row, name, value)
        self.row.updated_at = timezone.now()
        with transaction.atomic():
            BulkLoad.objects.filter(pk=self.row.pk).update(updated_at=self.row.updated_at, **fields)

    def done(self, step: str) -> bool:
        return step in self.row.steps

    def step_done(self, step: str) -> None:
        if step not in self.row.steps:
            self._save(steps=[*self.row.steps, step])

    def record_indexes(self, indexes: list) -> None:
        self._save(dropped_indexes=[list(i) for i in indexes])

    def failed(self, error: str) -> None:
        self._save(error=error[:2000])

    def finish(self, summary: str) -> None:
        from giaoban.core.models import BulkLoad

        self._save(state=BulkLoad.State.FINISHED, finished_at=timezone.now(), summary=summary)


def start_load(kind: str, parameters: dict[str, Any]) -> LoadMark:
    """Mark a load of ``kind`` in progress (with what it loads) before its first row."""
    from giaoban.core.models import BulkLoad

    now = timezone.now()
    with transaction.atomic():
        row = BulkLoad.objects.create(
            kind=kind,
            parameters=parameters,
            pid=os.getpid(),
            host=socket.gethostname()[:255],
            started_at=now,
            updated_at=now,
        )
    return LoadMark(row)


def resume_load(row: BulkLoad) -> LoadMark:
    """Take over an interrupted load: this process carries it on."""
    mark = LoadMark(row)
    mark._save(pid=os.getpid(), host=socket.gethostname()[:255], error="")
    return mark


def unfinished_load() -> BulkLoad | None:
    """The most recent load that never finished, or None (also before the table exists)."""
    from giaoban.core.models import BulkLoad

    try:
        return BulkLoad.objects.filter(state=BulkLoad.State.RUNNING).order_by("-started_at").first()
    except DatabaseError:  # not migrated yet
        return None


def still_running(row: BulkLoad) -> bool:
    """Is the process that marked the load alive on this machine? (False when unknown)."""
    if not row.pid or row.host != socket.gethostname()[:255]:
        return False
    try:
        os.kill(row.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return row.pid != os.getpid()

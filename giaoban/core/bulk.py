"""Bulk loading for scale data and imports: rows straight into tables, around the ORM.

``copy_rows`` writes an iterable of tuples (COPY on PostgreSQL, executemany on SQLite);
``indexes_dropped`` drops a table's plain indexes for the load and builds them again after;
``reset_sequences`` moves PostgreSQL's id sequences past explicitly written ids. Rows written this
way skip ``save()``, the services and the audit log: the caller fills derived columns itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import Model


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
def indexes_dropped(tables: list[str]) -> Iterator[None]:
    """Drop the plain indexes of ``tables`` for a bulk load and build them again afterwards
    (one sorted build per index is several times faster than millions of inserts into each)."""
    indexes = secondary_indexes(tables)
    with connection.cursor() as cursor:
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            deferred = connection.vendor == "postgresql" and connection.in_atomic_block
            if deferred:  # PostgreSQL builds no index while deferred foreign-key checks are pending
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, sql in indexes:
                cursor.execute(sql)
            if deferred:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def reset_sequences(models: list[type[Model]]) -> None:
    """After rows written with explicit ids: move PostgreSQL's id sequences past them."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)

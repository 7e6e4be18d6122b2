"""Where attached files live: written under a temporary name, moved into place on commit.

Every FileField of giaoban (assignment evidence, meeting attachments and imported texts, report
documents and syntheses, letters) saves through the default storage, ``CommitStorage``. Inside a
transaction a file is written as ``NAME.uncommitted`` and renamed to ``NAME`` when the transaction
commits (``transaction.on_commit``); a rollback deletes it at once. A process that dies between
the two (kill -9, power cut) leaves only a ``.uncommitted`` file, which ``giaoban cleanfiles``
removes after a grace period — never a file that looks attached to nothing.

Until the commit the file is visible to its own transaction only, like the row: ``path()``,
``open()``, ``size()`` of the pending name on the writing connection read the temporary file;
other connections (threads, processes) see no file yet. ``exists()`` counts a pending name as
taken, so two uploads never get the same final name.

``sweep()`` is the cleaning: temporary files older than the grace period, and files under
MEDIA_ROOT that no row references (also after the grace period: outside a transaction a file is
written a moment before its row).
"""

from __future__ import annotations

import logging
import os
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models import Q

logger = logging.getLogger(__name__)

#: the suffix of a file whose transaction has not committed yet
SUFFIX = ".uncommitted"


def _pending_of(connection) -> dict[str, str]:
    """final name -> temporary name of the files the connection's open transaction wrote."""
    pending = getattr(connection, "_giaoban_pending_files", None)
    if pending is None:
        pending = connection._giaoban_pending_files = {}
    return pending


class _Promotion:
    """The on_commit callback of one file; when the transaction rolls back, Django drops the
    callback and its finalizer deletes the temporary file (CPython frees it at once)."""

    def __init__(self, tmp: str, final: str, name: str, pending: dict[str, str]):
        self.tmp, self.final, self.name, self.pending = tmp, final, name, pending
        self.state = {"done": False}
        weakref.finalize(self, _discard, tmp, name, pending, self.state)

    def __call__(self) -> None:
        self.state["done"] = True
        self.pending.pop(self.name, None)
        try:
            # link + unlink rather than rename: never overwrite a file that took the name
            os.link(self.tmp, self.final)
            os.unlink(self.tmp)
        except FileNotFoundError:  # deleted again inside the same transaction
            pass
        except FileExistsError:
            logger.error("attachment %s exists: its upload stays as %s", self.final, self.tmp)


def _discard(tmp: str, name: str, pending: dict[str, str], state: dict) -> None:
    if state["done"]:
        return
    pending.pop(name, None)
    try:
        os.unlink(tmp)
    except OSError:
        pass


class CommitStorage(FileSystemStorage):
    """FileSystemStorage whose writes inside a transaction appear only when it commits."""

    def _pending(self) -> dict[str, str]:
        return _pending_of(transaction.get_connection())

    def path(self, name: str) -> str:
        tmp = self._pending().get(str(name).replace("\\", "/"))
        return super().path(tmp if tmp is not None else name)

    def exists(self, name: str) -> bool:
        return os.path.lexists(self.path(name)) or os.path.lexists(super().path(str(name) + SUFFIX))

    def _save(self, name: str, content) -> str:
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            return super()._save(name, content)
        name = str(name).replace("\\", "/")
        while True:
            tmp_path = super().path(name + SUFFIX)
            os.makedirs(os.path.dirname(tmp_path), exist_ok=True)
            try:
                fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                name = self.get_available_name(name)
                continue
            if os.path.lexists(super().path(name)):  # committed by another process meanwhile
                os.close(fd)
                os.unlink(tmp_path)
                name = self.get_available_name(name)
                continue
            break
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
        except BaseException:
            os.unlink(tmp_path)
            raise
        if self.file_permissions_mode is not None:
            os.chmod(tmp_path, self.file_permissions_mode)
        pending = _pending_of(connection)
        pending[name] = name + SUFFIX
        transaction.on_commit(_Promotion(tmp_path, super().path(name), name, pending), robust=True)
        return name


# -- cleaning ------------------------------------------------------------------------------


def referenced_names() -> set[str]:
    """Every file name a row of any model holds in a FileField."""
    names: set[str] = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                rows = (
                    model._base_manager.exclude(Q(**{f.attname: ""}) | Q(**{f.attname: None}))
                    .values_list(f.attname, flat=True)
                    .distinct()
                )
                names.update(rows.iterator(chunk_size=10_000))
    return names


@dataclass
class SweepResult:
    temporary: list[str] = field(default_factory=list)
    unreferenced: list[str] = field(default_factory=list)
    kept_recent: int = 0
    kept_referenced: int = 0

    @property
    def removed(self) -> list[str]:
        return self.temporary + self.unreferenced


def sweep(
    *, grace_seconds: int | None = None, dry_run: bool = True, root: Path | None = None
) -> SweepResult:
    """Find (and unless ``dry_run`` remove) the temporary files older than the grace period and
    the files no row references. Names are relative to MEDIA_ROOT."""
    root = Path(root or settings.MEDIA_ROOT)
    grace = settings.GIAOBAN_CLEANFILES_GRACE_SECONDS if grace_seconds is None else grace_seconds
    result = SweepResult()
    if not root.is_dir():
        return result
    referenced = referenced_names()
    cutoff = time.time() - grace
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(root).as_posix()
        if rel in referenced:
            result.kept_referenced += 1
            continue
        try:
            recent = path.lstat().st_mtime > cutoff
        except FileNotFoundError:  # promoted or removed meanwhile
            continue
        if recent:
            result.kept_recent += 1
            continue
        (result.temporary if rel.endswith(SUFFIX) else result.unreferenced).append(rel)
        if not dry_run:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
    if not dry_run:
        for directory in sorted((d for d in root.rglob("*") if d.is_dir()), reverse=True):
            try:
                directory.rmdir()  # only the empty ones
            except OSError:
                pass
    return result

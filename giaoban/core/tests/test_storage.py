"""Attached files appear only when their transaction commits; `giaoban cleanfiles` removes the
orphans (uploads of a killed process, files no row references) and never a referenced file."""

from __future__ import annotations

import io
import os
import tarfile
import time
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models, transaction

from giaoban.core.storage import SUFFIX, CommitStorage, sweep
from giaoban.tasks import services
from giaoban.tasks.models import ProgressUpdate

PDF = b"%PDF-1.4 " + bytes(range(256)) * 8


def _files(settings) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _progress(cast, name="bien-ban.pdf") -> ProgressUpdate:
    return services.add_progress(
        assignment=cast.asg_a,
        user=cast.unit_a,
        text="Đã gửi dự thảo",
        attachment=SimpleUploadedFile(name, PDF),
    )


def _age(path: Path, hours: float) -> None:
    old = time.time() - hours * 3600
    os.utime(path, (old, old))


def test_every_file_field_saves_through_the_commit_storage():
    fields = [
        (m._meta.label, f.name)
        for m in apps.get_models()
        for f in m._meta.concrete_fields
        if isinstance(f, models.FileField)
    ]
    # evidence, meeting attachments and imported texts, report documents, syntheses, letters
    assert len(fields) >= 6, fields
    for label, name in fields:
        storage = apps.get_model(label)._meta.get_field(name).storage
        assert isinstance(storage, CommitStorage), (label, name)


@pytest.mark.django_db(transaction=True)
def test_a_committed_upload_is_moved_into_place(cast, settings):
    update = _progress(cast)
    name = update.attachment.name
    assert name.endswith("bien-ban.pdf")
    assert _files(settings) == [name]  # no temporary file left
    assert (Path(settings.MEDIA_ROOT) / name).read_bytes() == PDF


@pytest.mark.django_db(transaction=True)
def test_a_rollback_leaves_no_file(cast, settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        update = _progress(cast)
        # inside its transaction the file is there for the writer, under a temporary name
        assert _files(settings) == [update.attachment.name + SUFFIX]
        with update.attachment.open("rb") as fh:
            assert fh.read() == PDF
        assert update.attachment.size == len(PDF)
        raise RuntimeError("the request fails after the upload")
    assert not ProgressUpdate.objects.exists()
    assert _files(settings) == []


def test_a_rolled_back_savepoint_deletes_its_file(cast, settings):
    # the test runs inside a transaction that never commits: a savepoint rolls back
    with pytest.raises(RuntimeError), transaction.atomic():
        _progress(cast)
        raise RuntimeError
    assert _files(settings) == []
    kept = _progress(cast, "giu-lai.pdf")
    assert _files(settings) == [kept.attachment.name + SUFFIX]


@pytest.mark.django_db(transaction=True)
def test_two_uploads_of_one_name_in_one_transaction_get_two_files(cast, settings):
    with transaction.atomic():
        first = _progress(cast)
        second = _progress(cast)
    assert first.attachment.name != second.attachment.name
    assert _files(settings) == sorted([first.attachment.name, second.attachment.name])


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_file_is_written_in_place(cast, settings):
    update = ProgressUpdate.objects.get(pk=_progress(cast).pk)
    update.attachment.save("them.pdf", ContentFile(PDF))  # autocommit: no temporary name
    assert update.attachment.name in _files(settings)


@pytest.mark.django_db(transaction=True)
def test_cleanfiles_removes_a_killed_upload_and_keeps_referenced_files(cast, settings):
    media = Path(settings.MEDIA_ROOT)
    kept = _progress(cast).attachment.name
    # what a process killed between writing and committing leaves: a temporary file, no row
    killed = media / "attachments/2026/03/bao-cao.pdf.uncommitted"
    killed.parent.mkdir(parents=True, exist_ok=True)
    killed.write_bytes(PDF)
    stray = media / "meetings/2026/03/khong-ai-dung.pdf"  # no row references it
    stray.parent.mkdir(parents=True)
    stray.write_bytes(PDF)
    young = media / "attachments/2026/03/dang-tai.pdf.uncommitted"  # an upload in flight
    young.write_bytes(PDF)
    for path in (killed, stray, media / kept):
        _age(path, 48)
    _age(young, 1)  # (time is frozen in these tests: every age is set explicitly)

    out = io.StringIO()
    call_command("cleanfiles", stdout=out)  # dry run by default
    text = out.getvalue()
    assert "attachments/2026/03/bao-cao.pdf.uncommitted" in text
    assert "meetings/2026/03/khong-ai-dung.pdf" in text
    assert kept not in text and "dang-tai" not in text
    assert "--delete" in text
    assert killed.exists() and stray.exists()

    out = io.StringIO()
    call_command("cleanfiles", "--dry-run", stdout=out)
    assert killed.exists() and "bao-cao" in out.getvalue()

    out = io.StringIO()
    call_command("cleanfiles", "--delete", stdout=out)
    assert "2 đã xóa / removed" in out.getvalue()
    assert not killed.exists() and not stray.exists()
    assert not (media / "meetings").exists()  # emptied folders go too
    assert (media / kept).read_bytes() == PDF  # referenced: never removed, however old
    assert young.exists()  # younger than the grace period (24 h by default)

    call_command("cleanfiles", "--delete", "--grace-hours", "0", stdout=io.StringIO())
    assert not young.exists() and (media / kept).exists()


@pytest.mark.django_db(transaction=True)
def test_a_referenced_file_is_kept_even_without_a_grace_period(cast, settings):
    media = Path(settings.MEDIA_ROOT)
    name = _progress(cast).attachment.name
    _age(media / name, 100)
    result = sweep(grace_seconds=0, dry_run=False)
    assert result.removed == [] and result.kept_referenced == 1
    assert (media / name).exists()


@pytest.mark.django_db(transaction=True)
def test_backup_cleans_first_and_never_archives_an_orphan(cast, settings, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    kept = _progress(cast).attachment.name
    orphan = media / "attachments/2026/03/mo-coi.pdf.uncommitted"
    orphan.write_bytes(PDF)
    _age(orphan, 48)
    archive = tmp_path / "b.tar"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "cleanfiles: 1 đã xóa / removed" in out.getvalue()
    assert not orphan.exists()
    with tarfile.open(archive) as tar:
        members = tar.getnames()
    assert "media/" + kept in members
    assert not any(m.endswith(SUFFIX) for m in members)


def test_cleanfiles_refuses_a_negative_grace_period(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="grace period"):
        call_command("cleanfiles", "--grace-hours", "-1")

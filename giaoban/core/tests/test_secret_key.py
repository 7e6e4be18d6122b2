"""The signing key: never a key written in the repository; secrets readable from files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import override_settings

#: the key the repository used to ship (anyone could forge sessions and messages with it)
OLD_PUBLIC_KEY = "giaoban-insecure-development-key-change-me"
ROOT = Path(__file__).resolve().parents[3]

PRINT_SETTINGS = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'giaoban.settings';"
    "from django.conf import settings as s;"
    "print(s.SECRET_KEY); print(s.DATABASES['default'].get('PASSWORD', ''));"
    "print(s.EMAIL_HOST_PASSWORD)"
)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GIAOBAN_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update(GIAOBAN_VAR_DIR=str(tmp_path / "var"), **extra)
    return env


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )


def test_web_server_refuses_to_start_without_a_key(tmp_path):
    result = _run("import giaoban.wsgi", _env(tmp_path))
    assert result.returncode != 0
    assert "GIAOBAN_SECRET_KEY" in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_console_generates_one_private_key_per_installation(tmp_path):
    env = _env(tmp_path, GIAOBAN_INSTALLATION_KEY="true")
    first = _run(PRINT_SETTINGS, env)
    assert first.returncode == 0, first.stderr
    key = first.stdout.splitlines()[0]
    assert len(key) >= 50 and key != OLD_PUBLIC_KEY
    path = tmp_path / "var" / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _run(PRINT_SETTINGS, env).stdout.splitlines()[0] == key  # kept, not regenerated
    other = _run(PRINT_SETTINGS, _env(tmp_path / "other", GIAOBAN_INSTALLATION_KEY="true"))
    assert other.stdout.splitlines()[0] != key


def test_giaoban_command_uses_the_installation_key(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("giaoban")), "check"],
        env=_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "secret_key").exists()


def test_secrets_read_from_files(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("k" * 60 + "\n")
    (tmp_path / "dbpw").write_text("db-secret\n")
    (tmp_path / "smtppw").write_text("smtp-secret")
    env = _env(
        tmp_path,
        GIAOBAN_SECRET_KEY_FILE=str(key_file),
        GIAOBAN_DATABASE_PASSWORD_FILE=str(tmp_path / "dbpw"),
        GIAOBAN_SMTP_PASSWORD_FILE=str(tmp_path / "smtppw"),
    )
    result = _run(PRINT_SETTINGS, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["k" * 60, "db-secret", "smtp-secret"]


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"GIAOBAN_SECRET_KEY_FILE": "/nonexistent/key"}, "cannot read /nonexistent/key"),
        ({"GIAOBAN_SECRET_KEY": "x" * 60, "GIAOBAN_SECRET_KEY_FILE": "/k"}, "not both"),
        ({"GIAOBAN_SECRET_KEY": "short"}, "at least 32 characters"),
    ],
)
def test_bad_key_settings_fail_loudly(tmp_path, extra, message):
    result = _run(PRINT_SETTINGS, _env(tmp_path, **extra))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def _message_cookie(text: str) -> str:
    """A messages cookie signed the way Django signs it, with the settings' current key."""
    storage = CookieStorage(None)
    return storage._encode([Message(constants.ERROR, text)])


def test_message_forged_with_the_old_public_key_is_not_shown(client, db, settings):
    assert OLD_PUBLIC_KEY not in settings.SECRET_KEY
    with override_settings(SECRET_KEY=OLD_PUBLIC_KEY):
        forged = _message_cookie("FORGED: gọi số 0900")  # what an attacker could do offline
    client.cookies["messages"] = forged
    assert "FORGED" not in client.get("/accounts/login/").content.decode()
    # control: the same cookie signed with the real key is shown, so the check above means it
    client.cookies["messages"] = _message_cookie("GENUINE message")
    assert "GENUINE message" in client.get("/accounts/login/").content.decode()


def test_no_signing_key_in_the_repository():
    tracked = subprocess.run(
        ["git", "grep", "-l", OLD_PUBLIC_KEY, "--", ":!*test_secret_key.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert tracked.stdout == ""

"""Security headers and the deployment check: `giaoban check --deploy`, run under exactly the
production environment that docs/deploy.md documents, reports no issue."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def documented_environment() -> dict[str, str]:
    """The `/etc/giaoban.env` block of docs/deploy.md."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = re.search(r"`/etc/giaoban\.env`.*?```sh\n(.*?)```", text, re.S)
    assert block, "docs/deploy.md lost its environment block"
    env = {}
    for line in block.group(1).splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def test_check_deploy_is_clean_under_the_documented_environment(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GIAOBAN_")
        # the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in-process: not part of a deployment
        and k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    documented = documented_environment()
    assert documented["GIAOBAN_SECRET_KEY_FILE"].startswith("/etc/")
    key = tmp_path / "secret_key"
    key.write_text(os.urandom(40).hex() + "\n")
    documented["GIAOBAN_SECRET_KEY_FILE"] = str(key)  # the test cannot write to /etc
    documented["GIAOBAN_VAR_DIR"] = str(tmp_path / "var")
    env.update(documented)
    giaoban = Path(sys.executable).with_name("giaoban")
    result = subprocess.run(
        [str(giaoban), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]  # no inline script, no other origin
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_scripts_or_event_handlers_in_templates():
    offenders = []
    for path in (ROOT / "giaoban").rglob("templates/**/*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            if "src=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{path.relative_to(ROOT)}: {tag}")
        if re.search(r"\son[a-z]+\s*=", html):
            offenders.append(f"{path.relative_to(ROOT)}: inline event handler")
    assert offenders == []


def test_api_docs_require_login(client, cast, login):
    assert client.get("/api/docs").status_code == 302
    assert client.get("/api/openapi.json").status_code == 302
    signed_in = login(cast.unit_a)
    assert signed_in.get("/api/docs").status_code == 200
    assert signed_in.get("/api/openapi.json").json()["info"]["title"] == "giaoban API"

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from giaoban.accounts.models import ApiToken, hash_token
from giaoban.core.models import AuditEntry


def test_token_command_issues_a_working_token(cast, client):
    out = StringIO()
    call_command("token", "unit_a", "--name", "script", stdout=out)
    raw = out.getvalue().strip()
    token = ApiToken.objects.get(user=cast.unit_a)
    assert token.key_hash == hash_token(raw) and raw.startswith(token.prefix)
    assert AuditEntry.objects.filter(
        action="accounts.token.issued", object_id=str(token.pk)
    ).exists()
    response = client.get("/api/assignments", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert [row["unit_id"] for row in response.json()["items"]] == [cast.board_a.pk]


def test_token_command_unknown_user(db):
    with pytest.raises(CommandError, match="no such user"):
        call_command("token", "nobody")


def test_token_last_use_is_written_at_most_once_a_minute(cast, client):
    import time_machine

    headers = {}
    with time_machine.travel("2026-11-22 09:00 +0700", tick=False):
        token, raw = ApiToken.issue(user=cast.unit_a, name="t")  # valid from this day
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        assert client.get("/api/units/", **headers).status_code == 200
        token.refresh_from_db()
        first = token.last_used_at
        assert first is not None
    with time_machine.travel("2026-11-22 09:00:30 +0700", tick=False):
        client.get("/api/units/", **headers)
        token.refresh_from_db()
        assert token.last_used_at == first
    with time_machine.travel("2026-11-22 09:02 +0700", tick=False):
        client.get("/api/units/", **headers)
        token.refresh_from_db()
        assert token.last_used_at > first

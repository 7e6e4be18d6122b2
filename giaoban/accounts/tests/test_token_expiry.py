"""API tokens expire (default GIAOBAN_TOKEN_DAYS, chosen on the owner's page or on the command
line); an expired token is a 401 with a clear message; the owner sees when each token was issued,
when it expires and when and from where it was last used; the digest never enters the audit."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from giaoban.accounts.models import ApiToken
from giaoban.core.models import AuditEntry

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _issue_on_page(client, **data) -> tuple[str, str]:
    response = client.post("/accounts/me/tokens/", {"name": "Bảng tính", **data})
    html = response.content.decode()
    assert response.status_code == 200, html
    raw = html.split('<code class="user-select-all fs-6">')[1].split("</code>")[0]
    return raw, html


def _api(raw: str, **extra):
    return Client().get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}", **extra)


def test_a_token_from_my_page_expires_after_the_default_and_then_answers_401(cast, login, settings):
    settings.GIAOBAN_TOKEN_DAYS = 90
    client = login(cast.unit_a)
    page = client.get("/accounts/me/").content.decode()
    assert 'name="days"' in page and 'value="90"' in page  # the default, shown and changeable
    raw, html = _issue_on_page(client)
    token = ApiToken.objects.get(user=cast.unit_a)
    # issued 16/03/2026 09:30 (frozen), valid 90 days
    assert timezone_local(token.expires_at) == datetime(2026, 6, 14, 9, 30, tzinfo=HCM)
    assert "14/06/2026 09:30" in html
    assert _api(raw).status_code == 200
    with time_machine.travel(datetime(2026, 6, 14, 9, 29, tzinfo=HCM), tick=False):
        assert _api(raw).status_code == 200
    with time_machine.travel(datetime(2026, 6, 14, 9, 31, tzinfo=HCM), tick=False):
        expired = _api(raw)
        assert expired.status_code == 401
        assert "14/06/2026 09:30" in expired.json()["detail"]
        assert "hết hạn" in expired.json()["detail"]
        english = _api(raw, HTTP_ACCEPT_LANGUAGE="en")
        assert english.status_code == 401
        assert "expired on 14/06/2026 09:30" in english.json()["detail"]
        # a write with the expired token: 401 as well, never a CSRF 403
        write = Client().post(
            "/api/tasks", "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
        assert write.status_code == 401
        listed = login(cast.unit_a).get("/accounts/me/").content.decode()
        row = listed.split(f'data-prefix="{token.prefix}"')[1].split("</tr>")[0]
        assert "badge" in row and "14/06/2026 09:30" in row


def timezone_local(value):
    return value.astimezone(HCM)


def test_the_owner_chooses_the_length_within_the_limit(cast, login, settings):
    settings.GIAOBAN_TOKEN_MAX_DAYS = 365
    client = login(cast.unit_a)
    raw, _html = _issue_on_page(client, days="7")
    token = ApiToken.objects.get(user=cast.unit_a)
    assert token.expires_at - token.created_at == timedelta(days=7)
    for bad in ("0", "366", "-3", "abc"):
        response = client.post("/accounts/me/tokens/", {"name": "x", "days": bad})
        assert response.status_code == 400, bad
        assert 'id="new-token"' not in response.content.decode()
    too_long = client.post("/accounts/me/tokens/", {"name": "x", "days": "366"}).content.decode()
    assert "365" in too_long  # the message says the limit
    assert ApiToken.objects.count() == 1


def test_last_use_time_and_address_are_shown_to_the_owner_only(cast, login):
    client = login(cast.unit_a)
    raw, _html = _issue_on_page(client)
    token = ApiToken.objects.get(user=cast.unit_a)
    page = client.get("/accounts/me/").content.decode()
    row = page.split(f'data-prefix="{token.prefix}"')[1].split("</tr>")[0]
    assert "16/03/2026 09:30" in row  # issued
    assert "never used" in row or "chưa dùng" in row
    with time_machine.travel(datetime(2026, 3, 20, 14, 5, tzinfo=HCM), tick=False):
        assert _api(raw, REMOTE_ADDR="10.1.2.3").status_code == 200
    token.refresh_from_db()
    assert token.last_used_from == "10.1.2.3"
    page = client.get("/accounts/me/").content.decode()
    row = page.split(f'data-prefix="{token.prefix}"')[1].split("</tr>")[0]
    assert "20/03/2026 14:05" in row and "10.1.2.3" in row
    other = login(cast.unit_b).get("/accounts/me/").content.decode()
    assert token.prefix not in other and "10.1.2.3" not in other


def test_last_use_is_written_at_most_once_a_minute_with_its_address(cast):
    token, raw = ApiToken.issue(user=cast.unit_a, name="t")
    with time_machine.travel(datetime(2026, 3, 20, 9, 0, tzinfo=HCM), tick=False):
        _api(raw, REMOTE_ADDR="10.0.0.1")
    with time_machine.travel(datetime(2026, 3, 20, 9, 0, 30, tzinfo=HCM), tick=False):
        _api(raw, REMOTE_ADDR="10.0.0.2")  # within the minute: no write
    token.refresh_from_db()
    assert token.last_used_from == "10.0.0.1"
    with time_machine.travel(datetime(2026, 3, 20, 9, 2, tzinfo=HCM), tick=False):
        _api(raw, REMOTE_ADDR="10.0.0.2")
    token.refresh_from_db()
    assert token.last_used_from == "10.0.0.2"
    assert timezone_local(token.last_used_at) == datetime(2026, 3, 20, 9, 2, tzinfo=HCM)


def test_command_line_days_default_and_never(cast, settings):
    settings.GIAOBAN_TOKEN_DAYS = 30
    out, err = StringIO(), StringIO()
    call_command("token", "unit_a", "--name", "bc", stdout=out, stderr=err)
    token = ApiToken.objects.get(name="bc")
    assert token.expires_at - token.created_at == timedelta(days=30)
    assert "15/04/2026 09:30" in err.getvalue()
    assert out.getvalue().strip().startswith("gb_")  # stdout: the token alone, for scripts
    call_command("token", "unit_a", "--name", "lau", "--days", "200", stdout=StringIO(), stderr=err)
    assert ApiToken.objects.get(name="lau").expires_at - token.created_at == timedelta(days=200)
    call_command("token", "unit_a", "--name", "mai", "--days", "0", stdout=StringIO(), stderr=err)
    assert ApiToken.objects.get(name="mai").expires_at is None
    with pytest.raises(CommandError, match="valid from 1 to"):
        call_command("token", "unit_a", "--days", "9999", stdout=StringIO(), stderr=StringIO())


def test_issue_and_revoke_are_audited_without_the_digest(cast, login):
    client = login(cast.unit_a)
    raw, _html = _issue_on_page(client)
    call_command("token", "unit_a", "--name", "console", stdout=StringIO(), stderr=StringIO())
    for token in ApiToken.objects.all():
        client.post(f"/accounts/me/tokens/{token.pk}/revoke/")
    entries = list(AuditEntry.objects.filter(action__startswith="accounts.token."))
    assert sorted(e.action for e in entries) == [
        "accounts.token.issued",
        "accounts.token.issued",
        "accounts.token.revoked",
        "accounts.token.revoked",
    ]
    issued = [e for e in entries if e.action == "accounts.token.issued"]
    assert all(e.data["expires_at"] for e in issued)
    from giaoban.accounts.models import hash_token

    digest = hash_token(raw)
    for entry in entries:
        text = f"{entry.data} {entry.before}"
        assert digest not in text and raw not in text and "key_hash" not in text
    assert {e.actor_id for e in issued} == {cast.unit_a.pk, None}  # the console: no user

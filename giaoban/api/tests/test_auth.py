"""How the API authenticates, for every router: bearer tokens (only a hash stored, last use
recorded) or the signed-in session (with its CSRF token); 401 without either, nothing written.
The requests go to the tasks endpoints as examples; the rule is the API object's."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from giaoban.accounts.models import ApiToken
from giaoban.api.tests.support import api
from giaoban.core.tests.support import frozen, row_counts  # noqa: F401
from giaoban.tasks.models import ProgressUpdate

pytestmark = pytest.mark.usefixtures("frozen")


def _asg(cast, suffix: str = "") -> str:
    return f"/api/assignments/{cast.asg_a.pk}{suffix}"


# -- auth ---------------------------------------------------------------------------


def test_no_auth_is_401(cast):
    anon = api(cast, None)
    for url in ("/api/tasks", "/api/assignments", _asg(cast), "/api/units/"):
        response = anon.get(url)
        assert response.status_code == 401, url
        assert response.json() == {"detail": "Authentication required."}
    before = row_counts()
    assert anon.post(_asg(cast, "/progress"), {"text": "x"}).status_code == 401
    assert row_counts() == before


def test_unknown_token_and_inactive_user_are_401(cast):
    client = Client()
    assert client.get("/api/tasks", HTTP_AUTHORIZATION="Bearer gb_not-a-token").status_code == 401
    _, raw = ApiToken.issue(user=cast.unit_a, name="old laptop")
    cast.unit_a.is_active = False
    cast.unit_a.save()
    assert client.get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_token_auth_records_last_use_and_stores_only_a_hash(cast):
    token, raw = ApiToken.issue(user=cast.unit_a, name="script")
    assert token.last_used_at is None and raw not in token.key_hash and token.prefix == raw[:8]
    assert Client().get("/api/assignments", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_session_auth(cast, login):
    client = login(cast.unit_a)
    assert client.get("/api/assignments").status_code == 200
    response = client.post(
        _asg(cast, "/progress"),
        json.dumps({"text": "Qua phiên đăng nhập"}),
        content_type="application/json",
    )
    assert response.status_code == 201


def test_session_post_needs_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.unit_a)
    response = client.post(
        _asg(cast, "/progress"), json.dumps({"text": "x"}), content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert ProgressUpdate.objects.count() == 0

"""Login throttling (django-axes): per user name and per address, configurable, unlocked by an
administrator; lockouts and unlocks are audited. Bearer-token failures are throttled too."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client

from giaoban.accounts.models import ApiToken
from giaoban.core.models import AuditEntry
from giaoban.test import PASSWORD


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_a_user_name_is_locked_after_the_limit_even_with_the_right_password(cast):
    client = Client()
    # one guess from each of three addresses: the third failure reaches the limit
    assert [
        _login(client, "unit_a", "wrong", ip).status_code
        for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3")
    ] == [200, 200, 429]
    response = _login(client, "unit_a", PASSWORD, "10.0.0.9")
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert client.get("/tasks/").status_code == 302  # not signed in
    entry = AuditEntry.objects.filter(action="accounts.login.locked_out").first()
    assert entry.data["username"] == "unit_a"
    # another user is not affected
    assert _login(Client(), "office_a", PASSWORD, "10.0.0.8").status_code == 302


def test_an_address_is_locked_after_the_limit_for_every_user_name(cast):
    client = Client()
    for name in ("a1", "a2", "a3"):
        _login(client, name, "wrong", "10.9.9.9")
    assert _login(client, "office_a", PASSWORD, "10.9.9.9").status_code == 429
    assert _login(Client(), "office_a", PASSWORD, "10.9.9.10").status_code == 302


def test_a_success_below_the_limit_resets_the_count(cast):
    client = Client()
    _login(client, "unit_a", "wrong")
    _login(client, "unit_a", "wrong")
    assert _login(client, "unit_a", PASSWORD).status_code == 302
    client.logout()
    _login(client, "unit_a", "wrong")
    _login(client, "unit_a", "wrong")
    assert _login(client, "unit_a", PASSWORD).status_code == 302


def test_the_administrator_unlocks_and_it_is_audited(cast, login):
    for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        _login(Client(), "unit_a", "wrong", ip)
    assert _login(Client(), "unit_a", PASSWORD, "10.0.0.7").status_code == 429
    admin = login(cast.admin)
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert AuditEntry.objects.filter(
        action="axes.accessattempt.unlocked", actor=cast.admin
    ).count() == len(ids)
    assert _login(Client(), "unit_a", PASSWORD, "10.0.0.7").status_code == 302


def test_behind_the_proxy_the_address_is_the_one_nginx_saw(cast, settings):
    settings.GIAOBAN_BEHIND_TLS_PROXY = True
    client = Client()
    for name in ("a1", "a2", "a3"):
        client.post(
            "/accounts/login/",
            {"username": name, "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 10.1.1.1",  # the first part is the client's claim
        )
    assert AccessAttempt.objects.filter(ip_address="10.1.1.1").count() == 3
    other = Client().post(
        "/accounts/login/",
        {"username": "office_a", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="10.1.1.2",
    )
    assert other.status_code == 302  # another client behind the same proxy is not locked


def test_wrong_bearer_tokens_are_throttled_per_address(cast, settings):
    settings.GIAOBAN_TOKEN_FAILURES = 3
    token, raw = ApiToken.issue(user=cast.office_a, name="script")
    client = Client()
    for i in range(3):
        response = client.get(
            "/api/tasks", HTTP_AUTHORIZATION=f"Bearer gb_wrong{i}", REMOTE_ADDR="10.5.5.5"
        )
        assert response.status_code == 401
    # now even the right token is refused from that address, with 429
    response = client.get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="10.5.5.5")
    assert response.status_code == 429
    assert (
        client.get(
            "/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="10.5.5.6"
        ).status_code
        == 200
    )

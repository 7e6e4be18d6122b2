"""Signing in and out, the language switch (the URLs the permission matrix leaves to
their own tests), and API tokens as stored."""

from __future__ import annotations

import pytest
from django.test import Client

from giaoban.accounts.models import ApiToken, hash_token
from giaoban.test import PASSWORD


def test_login_page(db, client):
    response = client.get("/accounts/login/?next=/tasks/")
    assert response.status_code == 200
    assert 'name="next" value="/tasks/"' in response.content.decode()


def test_login_and_back_to_the_page_asked_for(cast, client):
    response = client.post(
        "/accounts/login/", {"username": "unit_a", "password": PASSWORD, "next": "/tasks/"}
    )
    assert response.status_code == 302 and response["Location"] == "/tasks/"
    assert client.get("/tasks/").status_code == 200


def test_login_default_goes_to_the_dashboard(cast, client):
    response = client.post("/accounts/login/", {"username": "office_a", "password": PASSWORD})
    assert response["Location"] == "/"


def test_wrong_password(cast, client):
    response = client.post(
        "/accounts/login/", {"username": "unit_a", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Wrong username or password." in response.content.decode()
    assert client.get("/tasks/").status_code == 302


def test_login_refuses_a_foreign_next(cast, client):
    response = client.post(
        "/accounts/login/",
        {"username": "unit_a", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_inactive_user_cannot_log_in(cast, client):
    cast.unit_a.is_active = False
    cast.unit_a.save()
    client.post("/accounts/login/", {"username": "unit_a", "password": PASSWORD})
    assert client.get("/tasks/").status_code == 302


def test_logout_is_post_only(cast, login):
    client = login(cast.unit_a)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/tasks/").status_code == 200
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert client.get("/tasks/").status_code == 302


def test_language_switch(cast, login):
    client = login(cast.unit_a)
    assert '<html lang="vi">' in client.get("/").content.decode(), "Vietnamese by default"
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/tasks/"})
    assert response.status_code == 302 and response["Location"] == "/tasks/"
    assert '<html lang="en">' in client.get("/tasks/").content.decode()
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert '<html lang="en">' in client.get("/").content.decode(), (
        "an unknown language changes nothing"
    )


def test_accept_language_picks_english(cast):
    client = Client()
    client.force_login(cast.unit_a)
    assert (
        '<html lang="en">'
        in client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    )
    assert '<html lang="vi">' in client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_tokens_are_stored_hashed_and_unique(cast):
    a, raw_a = ApiToken.issue(user=cast.unit_a, name="one")
    b, raw_b = ApiToken.issue(user=cast.unit_a, name="two")
    assert raw_a != raw_b and raw_a.startswith("gb_") and len(raw_a) > 40
    assert a.key_hash == hash_token(raw_a) and raw_a not in (a.key_hash, a.prefix + "x")
    assert str(a) == f"one ({raw_a[:8]}…)"
    assert set(ApiToken.objects.values_list("key_hash", flat=True)) == {
        hash_token(raw_a),
        hash_token(raw_b),
    }


@pytest.mark.parametrize("header", ["Bearer", "Token abc", "Basic dXNlcjpwYXNz", "Bearer "])
def test_malformed_authorization_is_401(cast, header):
    assert Client().get("/api/tasks", HTTP_AUTHORIZATION=header).status_code == 401

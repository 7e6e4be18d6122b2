"""The API's answers to what it must not accept: anonymous and revoked-token writes are 401
(not a CSRF 403), numbers are numbers, dates are dates an office may mean, bodies are JSON."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from giaoban.accounts.models import ApiToken
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks.models import Task

pytestmark = pytest.mark.usefixtures("frozen")


def _task_payload(cast, **kw):
    payload = {
        "committee": cast.committee_a.pk,
        "doc_number": "99-TB/TU",
        "doc_date": "2026-03-01",
        "text": "Kiểm tra",
        "lead_units": [cast.board_a.pk],
    }
    payload.update(kw)
    return payload


def _post(client, url, payload, content_type="application/json", **headers):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(url, body, content_type=content_type, HTTP_ACCEPT_LANGUAGE="en", **headers)


def test_anonymous_write_is_401(cast):
    client = Client(enforce_csrf_checks=True)
    response = _post(client, f"/api/assignments/{cast.asg_a.pk}/confirm", {})
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required."}
    response = _post(client, "/api/tasks", _task_payload(cast))
    assert response.status_code == 401


def test_revoked_token_write_is_401(cast):
    token, raw = ApiToken.issue(user=cast.office_a, name="script")
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert _post(client, "/api/tasks", _task_payload(cast), **auth).status_code == 201
    token.delete()
    response = _post(client, "/api/tasks", _task_payload(cast, item_number="2"), **auth)
    assert response.status_code == 401
    assert Task.objects.filter(doc_number="99-TB/TU").count() == 1


def test_signed_in_write_without_csrf_token_is_still_refused(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.office_a)
    response = _post(client, "/api/tasks", _task_payload(cast))
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Task.objects.filter(doc_number="99-TB/TU").exists()


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"text": "x", "percent": True}, "percent"),
        ({"text": "x", "percent": "40"}, "percent"),
        ({"text": "x", "percent": 40.5}, "percent"),
        ({"text": 5}, "text"),
    ],
)
def test_numbers_and_text_are_of_their_type(cast, login, payload, field):
    client = login(cast.unit_a)
    response = _post(client, f"/api/assignments/{cast.asg_a.pk}/progress", payload)
    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert cast.asg_a.progress_updates.count() == 0


@pytest.mark.parametrize(
    "extra",
    [
        {"committee": "1"},
        {"committee": True},
        {"all_units": "yes"},
        {"all_units": 1},
        {"lead_units": ["1"]},
    ],
)
def test_ids_and_booleans_are_of_their_type(cast, login, extra):
    client = login(cast.office_a)
    response = _post(client, "/api/tasks", _task_payload(cast, **extra))
    assert response.status_code == 422, response.content
    assert set(response.json()["errors"]) <= {"committee", "all_units", "lead_units.0"}


@pytest.mark.parametrize("doc_date", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_dates_outside_1900_2999_are_refused(cast, login, doc_date):
    client = login(cast.office_a)
    response = _post(client, "/api/tasks", _task_payload(cast, doc_date=doc_date))
    assert response.status_code == 422
    assert response.json()["errors"]["doc_date"] == [
        "Enter a date between 01/01/1900 and 31/12/2999."
    ]
    assert not Task.objects.filter(doc_number="99-TB/TU").exists()


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_json_must_be_sent_as_json(cast, login, content_type):
    client = login(cast.office_a)
    response = _post(client, "/api/tasks", _task_payload(cast), content_type=content_type)
    assert response.status_code == 415
    assert response.json() == {"detail": "Send the body as JSON (Content-Type: application/json)."}
    assert not Task.objects.filter(doc_number="99-TB/TU").exists()


def test_broken_json_is_400(cast, login):
    client = login(cast.office_a)
    response = _post(client, "/api/tasks", '{"committee": ')
    assert response.status_code == 400
    assert response.json() == {"detail": "The body is not valid JSON."}


def test_json_with_charset_is_accepted(cast, login):
    client = login(cast.office_a)
    response = _post(
        client, "/api/tasks", _task_payload(cast), content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201

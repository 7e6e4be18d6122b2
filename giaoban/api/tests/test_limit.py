"""The API's `limit` has a ceiling, stated in the OpenAPI document; above it is a 400 (a query parameter the server does not accept)."""

from __future__ import annotations

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")


def test_limit_is_capped_and_documented(cast, client):
    client.force_login(cast.office_a)
    response = client.get("/api/assignments", {"limit": 100000})
    assert response.status_code == 400
    assert "limit" in response.json()["errors"]
    assert client.get("/api/assignments", {"limit": 500}).status_code == 200
    doc = client.get("/api/openapi.json").json()
    params = doc["paths"]["/api/assignments"]["get"]["parameters"]
    [limit] = [p for p in params if p["name"] == "limit"]
    assert limit["schema"]["maximum"] == 500

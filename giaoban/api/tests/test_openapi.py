"""The OpenAPI document lists every operation the routers register, each declaring its auth;
the documentation page reads it."""

from __future__ import annotations

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")

# -- the OpenAPI document -------------------------------------------------------------------

EXPECTED_OPERATIONS = {
    ("get", "/api/units/"),
    ("get", "/api/units/{unit_id}"),
    ("get", "/api/tasks"),
    ("post", "/api/tasks"),
    ("get", "/api/tasks/{task_id}"),
    ("get", "/api/assignments"),
    ("get", "/api/assignments/{assignment_id}"),
    ("post", "/api/assignments/{assignment_id}/progress"),
    ("post", "/api/assignments/{assignment_id}/claim"),
    ("post", "/api/assignments/{assignment_id}/confirm"),
    ("post", "/api/assignments/{assignment_id}/return"),
    ("post", "/api/assignments/{assignment_id}/extensions"),
    ("post", "/api/assignments/{assignment_id}/extensions/{request_id}/decide"),
    ("post", "/api/assignments/{assignment_id}/cancel"),
    # corrections after entry
    ("patch", "/api/tasks/{task_id}"),
    ("post", "/api/tasks/{task_id}/units"),
    ("post", "/api/assignments/{assignment_id}/remove"),
    ("post", "/api/assignments/{assignment_id}/record"),
}


def test_openapi_lists_every_endpoint(cast, login):
    response = login(cast.unit_a).get("/api/openapi.json")  # the document is for signed-in users
    assert response.status_code == 200
    doc = response.json()
    listed = {(method, path) for path, ops in doc["paths"].items() for method in ops}
    assert EXPECTED_OPERATIONS <= listed, EXPECTED_OPERATIONS - listed
    # every operation the routers register is documented (nothing hidden from the document)
    from giaoban.api.api import api as ninja_api

    registered = set()
    for prefix, router in ninja_api._routers:
        for path, path_view in router.path_operations.items():
            for op in path_view.operations:
                for method in op.methods:
                    full = "/api/" + "/".join(p.strip("/") for p in (prefix, path) if p.strip("/"))
                    registered.add((method.lower(), full.replace("<int:", "{").replace(">", "}")))
    # other apps mount their own routers (listed in the permission matrix): these are all here
    assert {(m, p.rstrip("/")) for m, p in EXPECTED_OPERATIONS} <= {
        (m, p.rstrip("/")) for m, p in registered
    }
    normalised = {(m, p.rstrip("/")) for m, p in listed}
    assert {(m, p.rstrip("/")) for m, p in registered} <= normalised
    # each operation declares that it needs auth, and documents its bearer scheme
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op.get("security"), (method, path)
    assert "TokenAuth" in doc["components"]["securitySchemes"]


def test_api_docs_page(cast, login):
    response = login(cast.unit_a).get("/api/docs")
    assert response.status_code == 200 and b"openapi.json" in response.content


def test_the_document_s_description_and_tags_follow_the_reader_s_language(cast, client):
    client.force_login(cast.unit_a)
    english = client.get("/api/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()
    vietnamese = client.get("/api/openapi.json", HTTP_ACCEPT_LANGUAGE="vi").json()
    en, vi = english["info"]["description"], vietnamese["info"]["description"]
    # it names what the API holds today and where a user issues a token (their own page)
    for word in ("meetings", "conclusion notices", "reporting periods", "recommendations"):
        assert word in en
    assert "My account" in en and "period_code" in en and "giaoban token" not in en
    assert "Tài khoản của tôi" in vi and "thông báo kết luận" in vi and "period_code" in vi
    assert "The briefing cycle" not in vi
    tags = {t["name"]: t["description"] for t in vietnamese["tags"]}
    assert set(tags) == {"units", "tasks", "reports", "recommendations", "meetings"}
    assert tags["meetings"].startswith("Hội nghị")
    # every tag an operation uses is described
    used = {
        t for ops in english["paths"].values() for op in ops.values() for t in op.get("tags", [])
    }
    assert used <= set(tags)

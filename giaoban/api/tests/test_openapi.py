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

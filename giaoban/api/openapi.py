"""The error answers, written into the OpenAPI document of every operation.

Every operation may answer with the same error body: ``{"detail": "...", "errors": {field:
[messages]}}``. Documenting it lets clients (and the schemathesis run in the tests) check
every answer against the document, errors included.
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "what went wrong, in the user's language"},
        "errors": {
            "type": "object",
            "description": "messages per field ('__all__' for the request as a whole)",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail"],
}

ERRORS = {
    "400": "The request breaks a rule, or a query parameter is not valid (the messages say which)",
    "401": "Authentication required (session or bearer token)",
    "403": "Not permitted for this user (or CSRF check failed)",
    "404": "Not found, or outside the user's units",
    "415": "The body is not JSON",
    "422": "The body (or a path parameter) does not match the schema",
    "429": "Too many failed attempts: wait and try again",
}
METHODS = {"get", "post", "put", "patch", "delete"}


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(
                    code,
                    {"description": description, "content": {"application/json": {"schema": ref}}},
                )
    return schema

"""Property-based run of the whole API from its OpenAPI document (schemathesis), as an office
user and as a unit user: no answer is a server error, and every answer conforms to the document
(a documented status code, the documented content type, a body of the documented shape).

Bounded and repeatable: a fixed number of examples per operation, derandomized; the calls go
in-process through Django's WSGI handler, nothing leaves the machine. It runs on SQLite and on
PostgreSQL (bin/with-postgres) like the rest of the suite.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from giaoban.accounts.models import ApiToken
from giaoban.api.api import api

pytestmark = pytest.mark.slow
#: examples per operation and user (GIAOBAN_FUZZ_EXAMPLES runs a longer search on demand)
EXAMPLES = int(os.environ.get("GIAOBAN_FUZZ_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_test_transaction(db):
    """As Django's test client does: the test's transaction must survive each request."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# the document as served (built at collection: Django is set up by then)
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()
schema.location = "/api/openapi.json"


def _bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user=user, name='fuzz')[1]}"}


@pytest.fixture
def office_auth(cast):
    return _bearer(cast.office_a)


@pytest.fixture
def unit_auth(cast):
    return _bearer(cast.unit_a)


FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FUZZ
def test_api_as_office(case, office_auth):
    case.call_and_validate(headers=office_auth, checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_api_as_unit(case, unit_auth):
    case.call_and_validate(headers=unit_auth, checks=CHECKS)

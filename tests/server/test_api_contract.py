"""The API contract, tested against the live server on each backend: the OpenAPI document is valid
3.1, and a bounded schemathesis run (a few dozen examples per operation, with and without a valid
token) finds no 5xx, no undocumented status and no response that breaks its schema."""

from __future__ import annotations

import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, checks
from schemathesis.core.result import Ok

from tests import http_calls
from tests.server.live import Database, LiveServer, enrol, headers


@pytest.fixture(scope="session")
def api_token(server: LiveServer, db: Database) -> str:
    return enrol(server.url, db.user("manager", team=db.team()))["token"]


EXAMPLES = 25  # per operation and backend: bounded, so the run stays about a minute
# What the contract promises: no 5xx, only documented statuses, and bodies (errors included)
# that fit their schemas. Not checked: whether schema-valid data is accepted (the server rightly
# refuses a missing protocol header with 426 and a business rule with 400, both documented).
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


def test_the_document_is_openapi_3_1_with_every_error_documented(server: LiveServer) -> None:
    doc = http_calls.get(server.url + "/openapi.json", timeout=10).json()
    assert doc["openapi"].startswith("3.1")
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            statuses = set(op["responses"])
            assert "200" in statuses, (method, path)
            if path != "/api/v1/health":
                assert {"401", "413", "422", "426"} <= statuses or path == "/api/v1/enrol", path
            for status, response in op["responses"].items():
                if status != "200":
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorBody"), (path, status)
    for name, component in doc["components"]["schemas"].items():
        # OpenAPI 3.1 schemas are JSON Schema 2020-12: each must pass the meta-schema.
        assert jsonschema_rs.meta.is_valid({"$schema": DRAFT_2020_12, **component}), name


def test_no_5xx_and_every_answer_fits_the_contract(server: LiveServer, api_token: str) -> None:
    """Every operation, a few dozen generated requests each: half with a real token and the
    current protocol (the routes' bodies are then reached), half with whatever was generated
    (the 401 and 426 paths)."""
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # an operation schemathesis cannot read
        operations.append(result.ok())
    assert len(operations) >= 12

    for operation in operations:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy(), signed_in=st.booleans())
        def run(case: Case, signed_in: bool) -> None:
            if signed_in:
                for name, value in headers(api_token).items():
                    case.headers[name] = value
            if case.path.endswith("/sync/wait") and isinstance(case.body, dict):
                case.body["timeout"] = 0.2  # a long poll: answered at its timeout, keep it short
            case.call_and_validate(checks=CHECKS, timeout=90)

        run()

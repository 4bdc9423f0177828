"""Errors the API returns, each with a stable code. Messages never name a record outside the
caller's scope."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from crmdesk.core.errors import CrmdeskError
from crmdesk.sync.protocol import DEVICE_REVOKED


class ErrorBody(BaseModel):
    """Every error the API returns, malformed requests included: a stable ``code`` the client
    acts on and a ``message`` for people (never echoing the input)."""

    code: str
    message: str
    last_seq: int | None = None  # with 409 seq_gap: where the device's pushes must resume
    retry_after: int | None = None  # with 429: seconds to wait


_MEANING = {
    400: "a value the server cannot accept (code names it)",
    401: "not signed in, a wrong password, or the device was revoked (device_revoked)",
    403: "not allowed for this user",
    404: "no such record or user in the caller's scope",
    409: "a conflict with the stored state (seq_gap, id_clash, unassigned)",
    413: "the request body is larger than the server accepts",
    422: "the request is not valid JSON or does not fit the schema",
    426: "the client's protocol is too old (update_required)",
    429: "sign-in throttled after failures (rate_limited): retry after the given seconds",
}


def responses(*statuses: int, ok: type[BaseModel] | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error statuses a route returns (plus the ones every route
    may return: 413 and 422); ``ok``: the 200 body of a route that answers with raw JSON."""
    out: dict[int | str, dict[str, Any]] = {
        s: {"model": ErrorBody, "description": _MEANING[s]} for s in sorted({*statuses, 413, 422})
    }
    if ok is not None:
        out[200] = {"model": ok}
    return out


class ApiError(CrmdeskError):
    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str,
        status: int,
        last_seq: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.last_seq = last_seq
        self.retry_after = retry_after


def unauthorised() -> ApiError:
    return ApiError("not signed in, or the device was revoked", code="unauthorised", status=401)


def device_revoked() -> ApiError:
    # The client wipes its book and key on this code: only a known token ever gets it.
    return ApiError("this device was revoked", code=DEVICE_REVOKED, status=401)


def forbidden() -> ApiError:
    return ApiError("not allowed for this user", code="forbidden", status=403)


def not_found() -> ApiError:
    return ApiError("no such record in your scope", code="not_found", status=404)

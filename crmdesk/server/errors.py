"""Errors the API returns, each with a stable code. Messages never name a record outside the
caller's scope."""

from __future__ import annotations

from crmdesk.core.errors import CrmdeskError
from crmdesk.sync.protocol import DEVICE_REVOKED


class ApiError(CrmdeskError):
    status = 400

    def __init__(
        self, message: str, *, code: str, status: int, last_seq: int | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.last_seq = last_seq


def unauthorised() -> ApiError:
    return ApiError("not signed in, or the device was revoked", code="unauthorised", status=401)


def device_revoked() -> ApiError:
    # The client wipes its book and key on this code: only a known token ever gets it.
    return ApiError("this device was revoked", code=DEVICE_REVOKED, status=401)


def forbidden() -> ApiError:
    return ApiError("not allowed for this user", code="forbidden", status=403)


def not_found() -> ApiError:
    return ApiError("no such record in your scope", code="not_found", status=404)

"""The company-asset calls of the sync client: the team and its devices, handover (离职交接),
account reassignment, device revocation, and the audit events the device reports.
"""

from __future__ import annotations

import json

from crmdesk.db.audit_queue import PENDING_AUDIT, record_audit_event
from crmdesk.sync.connection import ServerConnection, SyncError, wipes_when_revoked
from crmdesk.sync.protocol import (
    AuditEventsResponse,
    HandoverRequest,
    HandoverResponse,
    RevokeResponse,
    TeamResponse,
)

MAX_AUDIT_BATCH = 1000  # AuditEventsRequest's limit


class CompanyCalls(ServerConnection):
    """Calls for managers and admins, and the audit queue (a part of ``SyncClient``)."""

    @wipes_when_revoked
    def reassign(self, account_id: str, to_username: str) -> int:
        """Hand an account and all on it to another user (managers and admins)."""
        body = self._post(
            "/api/v1/reassign",
            {"protocol": self._protocol, "account_id": account_id, "to_user": to_username},
        )
        return int(body["moved"])

    @wipes_when_revoked
    def team(self) -> TeamResponse:
        """The people the caller manages, with their devices (a rep: only self). Remembers
        which device is whose, so the conflicts screen can name the writer."""
        resp = TeamResponse.model_validate(self._post("/api/v1/team", {"protocol": self._protocol}))
        with self.book.engine.begin() as conn:
            names = json.loads(self._meta(conn, "device_names") or "{}")
            for member in resp.members:
                for device in member.devices:
                    names[device.id] = member.username
            self._set_meta(conn, "device_names", json.dumps(names, sort_keys=True))
        return resp

    @wipes_when_revoked
    def handover(self, request: HandoverRequest) -> HandoverResponse:
        """Offboard a rep (离职交接): their records pass to the successors named in
        ``request`` (managers and admins). Sync afterwards to see the change."""
        body = request.model_copy(update={"protocol": self._protocol}).model_dump(mode="json")
        return HandoverResponse.model_validate(self._post("/api/v1/handover", body))

    @wipes_when_revoked
    def revoke_device(self, device_id: str) -> bool:
        """Revoke a device: at its next contact it wipes its book. True when it was revoked
        now (False: it already was)."""
        body = {"protocol": self._protocol, "device_id": device_id}
        return RevokeResponse.model_validate(self._post("/api/v1/devices/revoke", body)).revoked

    def record_event(self, action: str, what: str, count: int = 0) -> bool:
        """Queue an audit event; see :func:`record_audit_event`."""
        return record_audit_event(self.book, action, what, count)

    @wipes_when_revoked
    def send_audit_events(self) -> int:
        """Send the queued audit events; each leaves the queue only once the server accepted
        it. Returns how many were sent."""
        sent = 0
        with self._lock:
            while True:
                queue = json.loads(self._read(PENDING_AUDIT)[PENDING_AUDIT] or "[]")
                batch = queue[:MAX_AUDIT_BATCH]
                if not batch:
                    return sent
                body = {"protocol": self._protocol, "events": batch}
                try:
                    answer = self._post("/api/v1/audit/events", body)
                except SyncError as exc:
                    if getattr(exc, "status", None) == 404:
                        return sent  # a server without audit events yet: keep them for later
                    raise
                AuditEventsResponse.model_validate(answer)
                with self.book.engine.begin() as conn:
                    # Events queued meanwhile were appended: drop exactly the ones sent.
                    now = json.loads(self._meta(conn, PENDING_AUDIT) or "[]")
                    rest = now[len(batch) :] if now[: len(batch)] == batch else now
                    self._set_meta(conn, PENDING_AUDIT, json.dumps(rest) if rest else None)

"""What the sync client and the company server say to each other (protocol version 2).

Pydantic models for every request and response body. The synced tables (their fields and the
foreign keys by which records "hang on" others) and the JSON encoding of field values belong to the
book: :mod:`crmdesk.db.record_schema`. See ``docs/sync.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field, WithJsonSchema

from crmdesk.db.audit_event import AuditEvent
from crmdesk.db.record_schema import FieldValue

# Version history (the forward-compatibility rule in docs/sync.md: a change an older client
# cannot read raises the version, and the server answers every version from the minimum on in
# the form that version knows):
#   1: the first protocol.
#   2: a push answers a mutation that breaks the record schema ``invalid`` (with the field and
#      why). A version-1 client does not know that status: it is told ``quarantined`` instead
#      (kept on the server, not applied, which is what happened), and syncs on.
PROTOCOL_VERSION = 2
MIN_PROTOCOL_VERSION = 1
INVALID_STATUS_SINCE = 2  # the first version that is answered ``invalid``
PROTOCOL_HEADER = "X-Crmdesk-Protocol"

COMPANY_BOOK = "company"
CONFLICTS_TABLE = "_conflicts"
SHARED_TABLES = frozenset({"tiers"})  # live in the company book
SILENT_FIELDS = frozenset({"updated_at"})  # last applied wins, never a conflict
MAX_PUSH_BATCH = 500
MAX_SEQ = 2**62  # sequence numbers and versions: inside every database's 64-bit integers
Seq = Annotated[int, Field(ge=0, le=MAX_SEQ)]
# Names and ids: printable text (a NUL cannot be stored in PostgreSQL text at all).
Name = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[^\x00-\x1f\x7f]+$")]
RecordId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
MAX_PULL_LIMIT = 10_000
DEFAULT_LEASE_DAYS = 30  # a book not synced for this long will not open without the server

# Error codes the client acts on (beyond showing the message).
DEVICE_REVOKED = "device_revoked"  # 401: the device was revoked: wipe the local book and key

# ---- enrolment ---------------------------------------------------------------------------------


class EnrolRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    username: Name
    password: str = Field(min_length=1, max_length=1024, repr=False)
    device_name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
    # The device's outbox high-water mark: its next push starts after it.
    start_seq: int = Field(default=0, ge=0, le=MAX_SEQ)


class EnrolResponse(BaseModel):
    device_id: str
    token: str = Field(repr=False)
    user_id: str
    username: str
    role: str
    book_id: str
    epoch: str
    protocol: int = PROTOCOL_VERSION


# ---- push --------------------------------------------------------------------------------------


class Mutation(BaseModel):
    seq: int = Field(ge=1, le=MAX_SEQ)
    tbl: str = Field(pattern=r"^[a-z_][a-z0-9_]{0,39}$")
    id: RecordId
    base_version: int = Field(default=0, ge=0, le=MAX_SEQ)
    fields: dict[str, FieldValue]
    row: dict[str, FieldValue] | None = None


class PushRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    # An Alembic revision of the book ("0010"); kept on the device's row, so no control
    # characters (PostgreSQL refuses a NUL in text: it was a 500, found by schemathesis).
    schema_rev: str = Field(default="", max_length=40, pattern=r"^[0-9A-Za-z_.-]*$")
    acked_through: int = Field(default=0, ge=0, le=MAX_SEQ)
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_BATCH)


PushStatus = Literal[
    "applied", "merged", "conflict", "quarantined", "need_row", "replay", "invalid"
]


class FieldProblem(BaseModel):
    """What is wrong with one field of a mutation (``field`` empty: with the record as a whole);
    ``code`` is stable (``type``, ``too_long``, ``required``, ``unknown_field``...)."""

    field: str
    reason: str
    code: str


class MutationResult(BaseModel):
    seq: int
    status: PushStatus
    version: int | None = None
    # For a quarantined mutation on a record the caller may read: its current server row, so the
    # device can put its copy back; ``gone`` when the record is outside the caller's scope.
    current: Change | None = None
    gone: bool = False
    # For an ``invalid`` mutation (kept in quarantine, never stored): the first field at fault
    # and why, then every problem found.
    field: str | None = None
    reason: str | None = None
    problems: list[FieldProblem] = Field(default_factory=list)


class PushResponse(BaseModel):
    last_seq: int
    results: list[MutationResult]
    server_restored: bool = False
    epoch: str
    lease_days: int = DEFAULT_LEASE_DAYS

    def for_protocol(self, protocol: int) -> PushResponse:
        """This answer as a client speaking ``protocol`` can read it (see PROTOCOL_VERSION)."""
        if protocol >= INVALID_STATUS_SINCE or all(r.status != "invalid" for r in self.results):
            return self
        older = [
            MutationResult(seq=r.seq, status="quarantined") if r.status == "invalid" else r
            for r in self.results
        ]
        return self.model_copy(update={"results": older})


# ---- pull --------------------------------------------------------------------------------------


class Change(BaseModel):
    tbl: str
    id: str
    book: str
    version: int
    seq: int
    deleted: bool
    data: dict[str, FieldValue]


class Departure(BaseModel):
    tbl: str
    id: str
    book: str
    seq: int


class PullRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    cursor: dict[str, Seq] = Field(default_factory=dict)  # read after this
    applied: dict[str, Seq] | None = None  # what the device has applied (default: cursor)
    limit: int = Field(default=5000, ge=1, le=MAX_PULL_LIMIT)


class PullResponse(BaseModel):
    epoch: str
    changes: list[Change]
    departures: list[Departure]
    cursor: dict[str, int]
    more: bool
    resync: list[str] = Field(default_factory=list)
    server_behind: bool = False
    # Renewed at every pull: the book may stay offline this many days from now.
    lease_days: int = DEFAULT_LEASE_DAYS
    # Book id -> the username of its owner ("company" -> ""), for every book in the scope: lets a
    # manager's app say whose record is whose.
    book_names: dict[str, str] = Field(default_factory=dict)


class WaitRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    cursor: dict[str, Seq] = Field(default_factory=dict)
    timeout: float = Field(default=25.0, ge=0, le=60)


class WaitResponse(BaseModel):
    changed: bool


# (table, record id, version) travels as a three-item array. Its schema is written out because
# pydantic's serialisation schema of a tuple uses the array form of "items", which OpenAPI 3.1
# (JSON Schema 2020-12) rejects; and "prefixItems", the 2020-12 way, is not understood by every
# OpenAPI tool (schemathesis rewrites it into the rejected form). Three strings-or-integers.
_TRIPLE_SCHEMA = {
    "type": "array",
    "items": {"type": ["string", "integer"]},
    "minItems": 3,
    "maxItems": 3,
    "description": "[table, record id, version]",
}
RecordVersions = Annotated[
    list[tuple[str, str, int]], WithJsonSchema({"type": "array", "items": _TRIPLE_SCHEMA})
]


class RestoreCheckRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    records: Annotated[
        list[tuple[str, str, int]],
        WithJsonSchema({"type": "array", "items": _TRIPLE_SCHEMA, "maxItems": MAX_PULL_LIMIT}),
    ] = Field(max_length=MAX_PULL_LIMIT)  # tbl, id, version


class RestoreCheckResponse(BaseModel):
    # The records the server lacks, or holds at an older version: (tbl, id, server version).
    behind: RecordVersions


class ReassignRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    account_id: RecordId
    to_user: Name  # username of the new owner


class ReassignResponse(BaseModel):
    moved: int


class StatusResponse(BaseModel):
    user_id: str
    username: str
    role: str
    book_id: str
    books: list[str]
    epoch: str
    device_id: str
    last_seq: int
    lease_days: int = DEFAULT_LEASE_DAYS
    book_names: dict[str, str] = Field(default_factory=dict)


# ---- company assets: team, handover, revocation, audit events -----------------------------------


class DeviceInfo(BaseModel):
    id: str
    name: str
    last_seen_at: dt.datetime
    revoked: bool


class TeamMember(BaseModel):
    user_id: str  # also the id of the member's book
    username: str
    role: str
    active: bool
    devices: list[DeviceInfo] = Field(default_factory=list)


class TeamRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION


class TeamResponse(BaseModel):
    """The people the caller manages: a manager's team, every user for an admin, else self."""

    members: list[TeamMember]


class HandoverRequest(BaseModel):
    """Offboard ``leaver`` (离职交接): every record of their book passes to a successor.

    ``accounts`` names a successor per account (with everything hanging on it); every other
    record goes to ``default_to``. A record left without a successor refuses the whole handover
    (409 ``unassigned``), so nothing is half-moved. Stages, follow-ups and ``recorded_by`` are
    kept as they are; ``owner`` fields become the successor.
    """

    protocol: int = PROTOCOL_VERSION
    leaver: Name  # username
    default_to: Name | None = None  # username
    accounts: dict[RecordId, Name] = Field(default_factory=dict)  # account id -> successor
    revoke_devices: bool = True
    deactivate: bool = True


class HandoverResponse(BaseModel):
    moved: int  # records
    accounts: int
    successors: dict[str, int]  # username -> records received
    revoked_devices: int


class RevokeRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    device_id: RecordId


class RevokeResponse(BaseModel):
    revoked: bool


class AuditEventsRequest(BaseModel):
    protocol: int = PROTOCOL_VERSION
    events: list[AuditEvent] = Field(max_length=1000)


class AuditEventsResponse(BaseModel):
    accepted: int


MutationResult.model_rebuild()

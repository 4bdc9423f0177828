"""Push, pull, wait (long-poll), restore check and ownership changes.

Each route runs on one worker thread: it opens its session, signs the caller in, does the work
and commits before it answers (so what the answer acknowledges is durable).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from crmdesk.server import syncing
from crmdesk.server.api.deps import (
    EpochDep,
    ProtocolDep,
    SessionsDep,
    SettingsDep,
    TokenDep,
    sign_in,
)
from crmdesk.server.crud import read_books
from crmdesk.server.db import READONLY
from crmdesk.server.errors import device_revoked, responses
from crmdesk.server.models import User
from crmdesk.sync.protocol import (
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ReassignRequest,
    ReassignResponse,
    RestoreCheckRequest,
    RestoreCheckResponse,
    WaitRequest,
    WaitResponse,
)

router = APIRouter(prefix="/api/v1", tags=["sync"])
JSON = "application/json"


@router.post("/sync/push", responses=responses(400, 401, 409, 426, ok=PushResponse))
def push(
    body: PushRequest,
    token: TokenDep,
    protocol: ProtocolDep,
    sessions: SessionsDep,
    epoch: EpochDep,
) -> Response:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol, revoked_ok=True, for_push=True)
        if caller.revoked:
            # Kept for review (committed), never applied; then the device learns it is revoked.
            syncing.quarantine_revoked(
                session, device=caller.device, user=caller.user, request=body
            )
            session.commit()
            raise device_revoked()
        answer = syncing.push(
            session,
            device=caller.device,
            user=caller.user,
            request=body,
            epoch=epoch,
            lease_days=caller.lease_days,
        )
        session.commit()
    return Response(answer.for_protocol(protocol).model_dump_json(), media_type=JSON)


@router.post("/sync/pull", responses=responses(400, 401, 426, ok=PullResponse))
def pull(
    body: PullRequest,
    token: TokenDep,
    protocol: ProtocolDep,
    sessions: SessionsDep,
    epoch: EpochDep,
) -> Response:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        page = syncing.pull(
            session, device=caller.device, user=caller.user, request=body, epoch=epoch
        )
        session.commit()
    return Response(page, media_type=JSON)


@router.post("/sync/wait", responses=responses(400, 401, 426))
async def wait(
    body: WaitRequest,
    request: Request,
    token: TokenDep,
    protocol: ProtocolDep,
    sessions: SessionsDep,
    settings: SettingsDep,
) -> WaitResponse:
    """Answer at once if the caller's scope moved past ``cursor``, else when it does or at
    ``timeout`` (capped by the server's long-poll setting). Holds no connection while waiting."""

    def scope() -> tuple[list[str], User]:
        with sessions() as session:
            caller = sign_in(session, token=token, protocol=protocol)
            books = read_books(session, user=caller.user)
            session.commit()
            return books, caller.user

    books, user = await run_in_threadpool(scope)

    def check() -> bool:
        with sessions() as s:
            s.connection(execution_options={READONLY: True})
            return syncing.changed_since(s, user=user, cursor=body.cursor)

    timeout = min(body.timeout, settings.long_poll_seconds)
    changed = await request.app.state.notifier.wait(set(books), timeout, check)
    return WaitResponse(changed=changed)


@router.post("/sync/restore-check", responses=responses(400, 401, 426))
def restore_check(
    body: RestoreCheckRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> RestoreCheckResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        behind = syncing.restore_check(session, user=caller.user, records=body.records)
        session.commit()
    return RestoreCheckResponse(behind=behind)


@router.post("/reassign", responses=responses(400, 401, 403, 404, 409, 426))
def reassign(
    body: ReassignRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> ReassignResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        moved = syncing.reassign(
            session, actor=caller.user, account_id=body.account_id, to_username=body.to_user
        )
        session.commit()
    return ReassignResponse(moved=moved)

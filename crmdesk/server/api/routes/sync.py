"""Push, pull, wait (long-poll), restore check and ownership changes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from crmdesk.server import syncing
from crmdesk.server.api.deps import CallerDep, EpochDep, SessionDep, SessionsDep, SettingsDep
from crmdesk.server.crud import read_books
from crmdesk.sync.protocol import (
    PullRequest,
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


@router.post("/sync/push")
def push(
    body: PushRequest, caller: CallerDep, session: SessionDep, epoch: EpochDep
) -> PushResponse:
    with session.begin():
        return syncing.push(
            session, device=caller.device, user=caller.user, request=body, epoch=epoch
        )


@router.post("/sync/pull")
def pull(body: PullRequest, caller: CallerDep, session: SessionDep, epoch: EpochDep) -> Response:
    with session.begin():
        page = syncing.pull(
            session, device=caller.device, user=caller.user, request=body, epoch=epoch
        )
    return Response(page, media_type="application/json")


@router.post("/sync/wait")
async def wait(
    body: WaitRequest,
    request: Request,
    caller: CallerDep,
    sessions: SessionsDep,
    settings: SettingsDep,
) -> WaitResponse:
    """Answer at once if the caller's scope moved past ``cursor``, else when it does or at
    ``timeout`` (capped by the server's long-poll setting)."""

    def check() -> bool:
        with sessions() as session:
            return syncing.changed_since(session, user=caller.user, cursor=body.cursor)

    def scope() -> list[str]:
        with sessions() as session:
            return read_books(session, user=caller.user)

    books = set(await run_in_threadpool(scope))
    timeout = min(body.timeout, settings.long_poll_seconds)
    changed = await request.app.state.notifier.wait(books, timeout, check)
    return WaitResponse(changed=changed)


@router.post("/sync/restore-check")
def restore_check(
    body: RestoreCheckRequest, caller: CallerDep, session: SessionDep
) -> RestoreCheckResponse:
    with session.begin():
        behind = syncing.restore_check(session, user=caller.user, records=body.records)
    return RestoreCheckResponse(behind=behind)


@router.post("/reassign")
def reassign(body: ReassignRequest, caller: CallerDep, session: SessionDep) -> ReassignResponse:
    with session.begin():
        moved = syncing.reassign(
            session, actor=caller.user, account_id=body.account_id, to_username=body.to_user
        )
    return ReassignResponse(moved=moved)

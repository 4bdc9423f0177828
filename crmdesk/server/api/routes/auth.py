"""Enrolment of a device and the caller's own status."""

from __future__ import annotations

from fastapi import APIRouter, Request

from crmdesk.server import crud
from crmdesk.server.api.deps import (
    EpochDep,
    ProtocolDep,
    SessionsDep,
    SettingsDep,
    TokenDep,
    sign_in,
)
from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError, responses
from crmdesk.sync.protocol import (
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    EnrolRequest,
    EnrolResponse,
    StatusResponse,
)

router = APIRouter(prefix="/api/v1", tags=["auth"])


def client_address(request: Request, settings: Settings) -> str:
    """The caller's address: the peer's, or the client a trusted proxy names in
    X-Forwarded-For (its last hop, the one the proxy itself saw)."""
    peer = request.client.host if request.client else ""
    trusted = {a.strip() for a in settings.trusted_proxies.split(",") if a.strip()}
    forwarded = request.headers.get("x-forwarded-for")
    if peer in trusted and forwarded:
        return forwarded.split(",")[-1].strip()[:64]
    return peer[:64]


@router.get("/health")
def health() -> dict[str, int]:
    return {"protocol": PROTOCOL_VERSION, "min_protocol": MIN_PROTOCOL_VERSION}


@router.post("/enrol", responses=responses(400, 401, 426, 429))
def enrol(
    body: EnrolRequest,
    request: Request,
    _protocol: ProtocolDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    epoch: EpochDep,
) -> EnrolResponse:
    address = client_address(request, settings)
    try:
        with sessions() as session, session.begin():
            made = crud.enrol(
                session,
                username=body.username,
                password=body.password,
                device_name=body.device_name,
                settings=settings,
                start_seq=body.start_seq,
                address=address,
            )
            return EnrolResponse(
                device_id=made.device.id,
                token=made.token,
                user_id=made.user.id,
                username=made.user.username,
                role=made.user.role,
                book_id=made.user.id,
                epoch=epoch,
            )
    except ApiError as exc:
        if exc.code == "bad_login":
            with sessions() as session, session.begin():
                crud.record_login_failure(session, username=body.username, address=address)
        raise


@router.get("/status", responses=responses(401, 426))
def status(
    token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep, epoch: EpochDep
) -> StatusResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        books = crud.read_books(session, user=caller.user)
        answer = StatusResponse(
            user_id=caller.user.id,
            username=caller.user.username,
            role=caller.user.role,
            book_id=caller.user.id,
            books=books,
            epoch=epoch,
            device_id=caller.device.id,
            last_seq=caller.device.last_seq,
            lease_days=crud.lease_days(session),
            book_names=crud.book_names(session, books),
        )
        session.commit()
    return answer

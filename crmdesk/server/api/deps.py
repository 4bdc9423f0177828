"""Request dependencies: a database session per request, the signed-in device, the protocol."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.server import crud
from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError, unauthorised
from crmdesk.server.models import Device, User
from crmdesk.sync.protocol import MIN_PROTOCOL_VERSION, PROTOCOL_HEADER


def get_sessions(request: Request) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    return sessions


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_epoch(request: Request) -> str:
    epoch: str = request.app.state.epoch
    return epoch


def get_session(request: Request) -> Iterator[Session]:
    """A session for the request. Routes run their transaction in ``with session.begin():`` and
    answer only after it committed (code after a dependency's ``yield`` may run after the
    response is sent, too late to commit what the answer acknowledges)."""
    with get_sessions(request)() as session:
        yield session


def check_protocol(
    protocol: Annotated[int | None, Header(alias=PROTOCOL_HEADER)] = None,
) -> int:
    if protocol is None or protocol < MIN_PROTOCOL_VERSION:
        raise ApiError(
            "this crmdesk is too old for the server: update crmdesk (your edits are kept)",
            code="update_required",
            status=426,
        )
    return protocol


@dataclass(frozen=True)
class Caller:
    device: Device
    user: User


def get_caller(
    request: Request,
    protocol: Annotated[int, Depends(check_protocol)],
    authorization: Annotated[str | None, Header()] = None,
) -> Caller:
    if not authorization or not authorization.startswith("Bearer "):
        raise unauthorised()
    token = authorization.removeprefix("Bearer ").strip()
    with get_sessions(request)() as session, session.begin():
        found = crud.authenticate(session, token=token)
        if found is None:
            raise unauthorised()
        device, user = found
        crud.touch_device(session, device=device, protocol=protocol)
    return Caller(device=device, user=user)


SessionDep = Annotated[Session, Depends(get_session)]
SessionsDep = Annotated[sessionmaker[Session], Depends(get_sessions)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EpochDep = Annotated[str, Depends(get_epoch)]
CallerDep = Annotated[Caller, Depends(get_caller)]
ProtocolDep = Annotated[int, Depends(check_protocol)]

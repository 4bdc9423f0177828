"""Request dependencies: settings, the session factory, the protocol, the bearer token.

None of them touches the database: a route opens its session, authenticates and does its work
in one step on one worker thread. (Dependencies that hold a connection while the route waits for
a thread can exhaust the pool under load: every thread then waits for a connection held by a
request that waits for a thread.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from crmdesk.server import audit, crud
from crmdesk.server.config import Settings
from crmdesk.server.errors import ApiError, device_revoked, unauthorised
from crmdesk.server.models import Device, User
from crmdesk.sync.protocol import MIN_PROTOCOL_VERSION, PROTOCOL_HEADER


async def get_sessions(request: Request) -> sessionmaker[Session]:
    sessions: sessionmaker[Session] = request.app.state.sessions
    return sessions


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_epoch(request: Request) -> str:
    epoch: str = request.app.state.epoch
    return epoch


async def check_protocol(
    protocol: Annotated[int | None, Header(alias=PROTOCOL_HEADER)] = None,
) -> int:
    if protocol is None or protocol < MIN_PROTOCOL_VERSION:
        raise ApiError(
            "this crmdesk is too old for the server: update crmdesk (your edits are kept)",
            code="update_required",
            status=426,
        )
    return protocol


async def get_token(authorization: Annotated[str | None, Header()] = None) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise unauthorised()
    return authorization.removeprefix("Bearer ").strip()


@dataclass(frozen=True)
class Caller:
    device: Device
    user: User
    revoked: bool = False
    lease_days: int = 0  # read by a push's sign-in (0: not read)


def sign_in(
    session: Session,
    *,
    token: str,
    protocol: int,
    revoked_ok: bool = False,
    for_push: bool = False,
) -> Caller:
    """The device holding ``token``, checked in the route's own transaction; it becomes the
    actor of the transaction's audit entries.

    A revoked device (or one of a deactivated user) gets ``device_revoked``, unless the route
    asks for it (``revoked_ok``: a push keeps what the device sends before refusing it).
    ``for_push``: the device row is locked and the lease read in the same query.
    """
    lease = 0
    if for_push:
        pushing = crud.authenticate_for_push(session, token=token)
        found = None if pushing is None else (pushing[0], pushing[1])
        lease = 0 if pushing is None else pushing[2]
    else:
        found = crud.authenticate(session, token=token)
    if found is None:
        raise unauthorised()
    device, user = found
    revoked = crud.is_revoked(device, user)
    if revoked and not revoked_ok:
        raise device_revoked()
    crud.touch_device(session, device=device, protocol=protocol)
    audit.set_actor(session, audit.Actor.of(user, device))
    return Caller(device=device, user=user, revoked=revoked, lease_days=lease)


SessionsDep = Annotated[sessionmaker[Session], Depends(get_sessions)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
EpochDep = Annotated[str, Depends(get_epoch)]
ProtocolDep = Annotated[int, Depends(check_protocol)]
TokenDep = Annotated[str, Depends(get_token)]

"""The people side: the caller's team, handover of a leaver's book, device revocation, and the
events devices report for the audit log (exports, imports)."""

from __future__ import annotations

from fastapi import APIRouter

from crmdesk.server import audit, crud
from crmdesk.server.api.deps import ProtocolDep, SessionsDep, TokenDep, sign_in
from crmdesk.server.errors import forbidden, not_found, responses
from crmdesk.server.handover import handover as hand_over
from crmdesk.server.models import Device
from crmdesk.sync.protocol import (
    AuditEventsRequest,
    AuditEventsResponse,
    DeviceInfo,
    HandoverRequest,
    HandoverResponse,
    RevokeRequest,
    RevokeResponse,
    TeamMember,
    TeamRequest,
    TeamResponse,
)

router = APIRouter(prefix="/api/v1", tags=["admin"])


@router.post("/team", responses=responses(400, 401, 426))
def team(
    _body: TeamRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> TeamResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        members = [
            TeamMember(
                user_id=user.id,
                username=user.username,
                role=user.role,
                active=user.active,
                devices=[
                    DeviceInfo(
                        id=d.id,
                        name=d.name,
                        last_seen_at=d.last_seen_at,
                        revoked=d.revoked_at is not None,
                    )
                    for d in devices
                ],
            )
            for user, devices in crud.team_of(session, actor=caller.user)
        ]
        session.commit()
    return TeamResponse(members=members)


@router.post("/handover", responses=responses(400, 401, 403, 404, 409, 426))
def handover(
    body: HandoverRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> HandoverResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        answer = hand_over(session, actor=caller.user, request=body)
        session.commit()
    return answer


@router.post("/devices/revoke", responses=responses(400, 401, 403, 404, 426))
def revoke(
    body: RevokeRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> RevokeResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        device = session.get(Device, body.device_id)
        if device is None or not crud.can_revoke(session, actor=caller.user, device=device):
            # Outside the caller's people a device is as unknown as a made-up id.
            raise not_found() if caller.user.role == "admin" else forbidden()
        crud.revoke_device(session, device_id=device.id)
        session.commit()
    return RevokeResponse(revoked=True)


@router.post("/audit/events", responses=responses(400, 401, 426))
def audit_events(
    body: AuditEventsRequest, token: TokenDep, protocol: ProtocolDep, sessions: SessionsDep
) -> AuditEventsResponse:
    with sessions() as session:
        caller = sign_in(session, token=token, protocol=protocol)
        audit.set_chain(session, caller.user.id)
        for event in body.events:
            audit.record(
                session,
                event.action,
                detail={"what": event.what, "count": event.count, "at": event.at.isoformat()},
            )
        session.commit()
    return AuditEventsResponse(accepted=len(body.events))

"""A real HTTP transport with faults injected on purpose: the request never leaves, the answer
is lost after the server committed, the request is sent twice, or it is held back and delivered
later (after newer ones). The server behind it is the real one."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import httpx

FAULTS = ("drop_request", "drop_response", "duplicate", "hold")


@dataclass
class FaultyTransport(httpx.BaseTransport):
    inner: httpx.HTTPTransport = field(default_factory=httpx.HTTPTransport)
    plan: deque[str] = field(default_factory=deque)
    held: list[httpx.Request] = field(default_factory=list)
    delivered_late: int = 0

    def _copy(self, request: httpx.Request) -> httpx.Request:
        return httpx.Request(
            request.method, request.url, headers=request.headers, content=request.content
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        fault = self.plan.popleft() if self.plan else None
        if fault == "drop_request":
            raise httpx.ConnectError("injected: request dropped", request=request)
        if fault == "hold":
            self.held.append(self._copy(request))
            raise httpx.ConnectError("injected: request held back", request=request)
        if fault == "drop_response":
            r = self.inner.handle_request(request)
            r.read()
            r.close()
            raise httpx.ReadError(
                "injected: response lost after the server answered", request=request
            )
        if fault == "duplicate":
            first = self.inner.handle_request(self._copy(request))
            first.read()
            first.close()
        return self.inner.handle_request(request)

    def release(self) -> None:
        """Deliver the held requests now, out of order, and drop their answers."""
        while self.held:
            r = self.inner.handle_request(self.held.pop(0))
            r.read()
            r.close()
            self.delivered_late += 1

    def close(self) -> None:
        self.inner.close()

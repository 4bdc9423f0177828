"""``get`` and ``post`` as ``httpx.get``/``httpx.post`` make them, minus the TLS set-up per call.

``httpx.get`` makes a client each call, and each client a TLS context that loads the whole CA
bundle: about 25 ms of CPU a call, whatever the URL's scheme. Across the suite that was a minute
of CPU (py-spy, whole run), mostly polling servers that were starting. Here every call with the
default verification shares one client; it keeps no connection alive, so each call still opens
its own, as before. A call that verifies otherwise (a test's own CA) gets a client of its own.
"""

from __future__ import annotations

from typing import Any

import httpx

_SHARED = httpx.Client(limits=httpx.Limits(max_keepalive_connections=0))


def request(method: str, url: str, *, verify: Any = True, **kwargs: Any) -> httpx.Response:
    if verify is not True:
        with httpx.Client(verify=verify) as client:
            return client.request(method, url, **kwargs)
    return _SHARED.request(method, url, **kwargs)


def get(url: str, **kwargs: Any) -> httpx.Response:
    return request("GET", url, **kwargs)


def post(url: str, **kwargs: Any) -> httpx.Response:
    return request("POST", url, **kwargs)

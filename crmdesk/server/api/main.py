"""The FastAPI application: one per worker process, holding no state but its connections."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from crmdesk.core.errors import CrmdeskError
from crmdesk.server.api.limits import BodyLimit
from crmdesk.server.api.routes import admin, auth, sync
from crmdesk.server.config import Settings, get_settings
from crmdesk.server.db import make_engine, make_sessions
from crmdesk.server.errors import ApiError
from crmdesk.server.migrate import epoch
from crmdesk.server.notify import Notifier


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Requests run their database work in threads; a few per worker keep the interpreter
        # lock from being fought over by dozens (requests wait their turn in the event loop).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        engine = make_engine(settings.resolved_database_url(), pool_size=settings.pool_size)
        sessions = make_sessions(engine)
        with sessions() as session:
            app.state.epoch = epoch(session)
        app.state.settings = settings
        app.state.sessions = sessions
        app.state.notifier = Notifier(engine, poll_seconds=settings.sqlite_poll_seconds)
        app.state.notifier.start()
        try:
            yield
        finally:
            app.state.notifier.stop()
            engine.dispose()

    app = FastAPI(title="crmdesk server", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.include_router(auth.router)
    app.include_router(sync.router)
    app.include_router(admin.router)

    app.add_middleware(BodyLimit, max_body_bytes=settings.max_body_bytes)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, object] = {"code": exc.code, "message": exc.message}
        if exc.last_seq is not None:
            body["last_seq"] = exc.last_seq
        headers = {}
        if exc.retry_after is not None:
            body["retry_after"] = exc.retry_after
            headers["Retry-After"] = str(exc.retry_after)
        return JSONResponse(body, status_code=exc.status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Unknown paths and methods: the same error shape as everything else.
        codes = {404: "no_route", 405: "method_not_allowed"}
        return JSONResponse(
            {"code": codes.get(exc.status_code, "http"), "message": str(exc.detail)},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(CrmdeskError)
    async def _crmdesk_error(_request: Request, exc: CrmdeskError) -> JSONResponse:
        return JSONResponse({"code": exc.code, "message": exc.message}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Field locations only: never echo the input (it may hold a password).
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return JSONResponse(
                {"code": "bad_json", "message": "the request body is not valid JSON"},
                status_code=422,
            )
        where = sorted({".".join(str(p) for p in e.get("loc", ())) for e in errors})
        return JSONResponse(
            {"code": "invalid", "message": "invalid request: " + ", ".join(where)[:500]},
            status_code=422,
        )

    return app

"""Who is calling: the bearer token of the request resolved to an Account.

`current_account(info)` is None for anonymous requests; `require_account(info)` and
`require_role(info, "curator"|"admin")` raise NotAuthenticated / Forbidden (expected errors the
resolvers turn into schema error types). The resolved account is cached on the request, so a query
touching many fields costs one token lookup.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from peergraph.accounts.errors import Forbidden, NotAuthenticated
from peergraph.accounts.identity import AccountData, account_for_token
from peergraph.store.driver import Graph

_CACHE_KEY = "peergraph_account"
_MISSING = object()


def request_of(info: Any) -> HTTPConnection:
    ctx = info.context
    request = ctx.get("request") if isinstance(ctx, dict) else getattr(ctx, "request", None)
    if request is None:
        raise RuntimeError("the GraphQL context carries no request")
    return request


def graph_of(info: Any) -> Graph:
    ctx = info.context
    graph = ctx.get("graph") if isinstance(ctx, dict) else getattr(ctx, "graph", None)
    return graph if graph is not None else request_of(info).app.state.graph


def bearer_token(request: HTTPConnection) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def client_address(info: Any) -> str:
    request = request_of(info)
    return request.client.host if request.client else ""


async def current_account(info: Any) -> AccountData | None:
    request = request_of(info)
    cached = request.scope.get(_CACHE_KEY, _MISSING)
    if cached is not _MISSING:
        return cached
    token = bearer_token(request)
    account = await run_in_threadpool(account_for_token, graph_of(info), token) if token else None
    request.scope[_CACHE_KEY] = account
    return account


async def require_account(info: Any) -> AccountData:
    account = await current_account(info)
    if account is None:
        raise NotAuthenticated("log in first: send `Authorization: Bearer <token>` from logIn or signUp")
    return account


async def require_role(info: Any, role: str) -> AccountData:
    """The account, if its role is `role` or above (admin is above curator)."""
    account = await require_account(info)
    allowed = {"curator": ("curator", "admin"), "admin": ("admin",)}.get(role, (role,))
    if account.role not in allowed:
        raise Forbidden(f"this needs the {role} role")
    return account

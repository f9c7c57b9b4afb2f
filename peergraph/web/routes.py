"""Routes of the web pages: `/authors/{id}` (researcher profile), `/explore` (graph explorer),
`/login`, and `/static`. Pages are rendered on the server from GraphQL results, so they read
without JavaScript; the scripts only draw graphs and run the actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from peergraph import __version__ as VERSION
from peergraph.web import api, views

HERE = Path(__file__).parent
ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every value is escaped, whatever the template's file name
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals.update(version=VERSION, type_name=views.type_name, node_type=views.node_type)
ENV.filters["number"] = views.number

# Scripts and styles come only from this server; no inline script runs (data travels as JSON blocks).
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    html = ENV.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def error_page(request: Request, error: api.PageError) -> HTMLResponse:
    return render(request, "error.html", {"error": error}, status=error.status)


def bad_request(request: Request, message: str) -> HTMLResponse:
    return error_page(request, api.PageError(400, "That link does not look right", message))


async def profile_page(request: Request) -> Response:
    author_id = request.path_params["id"]
    after = request.query_params.get("after") or None
    if len(author_id) > 200 or (after is not None and len(after) > 200):
        return bad_request(request, "The author id or page cursor in this link is too long.")
    try:
        data = await api.execute(request, api.profile_query(), {"id": author_id, "after": after})
    except api.PageError as error:
        return error_page(request, error)
    profile = data.get("profile")
    if not profile:
        return error_page(request, api.not_found("researcher with this id"))
    author = profile["author"]
    slice_ = data.get("neighborhood") or {"nodes": [], "edges": [], "truncated": []}
    trust = profile.get("trust") or {}
    context = {
        "profile": profile,
        "author": author,
        "trust": trust,
        "band_class": views.band_class(trust.get("band")),
        "affiliation": views.affiliation_text(profile.get("affiliation"), profile.get("affiliationStatus")),
        "works": profile["works"],
        "after": after,
        "groups": views.group_slice(slice_, center=author["id"]),
        "slice": slice_,
    }
    return render(request, "profile.html", context)


async def explore_page(request: Request) -> Response:
    params = request.query_params
    try:
        query = views.parse_query(params.get("q"))
        types = views.parse_types(params.get("types"))
        since = views.parse_year(params.get("since"), "since")
        until = views.parse_year(params.get("until"), "until")
    except views.BadParameter as exc:
        return bad_request(request, str(exc).capitalize() + ".")
    focus = (params.get("focus") or "").strip()[:200] or None
    context: dict[str, Any] = {
        "query": query,
        "focus": focus,
        "types": types,
        "since": since,
        "until": until,
        "hits": None,
        "slice": None,
        "groups": [],
        "focus_node": None,
    }
    status = 200
    try:
        if query:
            data = await api.execute(request, api.SEARCH_QUERY, {"query": query})
            context["hits"] = views.search_hits(data)
        if focus:
            variables = {"id": focus, "since": since, "until": until}
            try:
                data = await api.execute(request, api.NEIGHBORHOOD_QUERY, variables)
            except api.PageError as error:
                if error.status != 404:
                    raise
                data = {}  # the explorer stays usable: it says so and keeps the search box
            slice_ = data.get("neighborhood")
            if not slice_ or not slice_.get("nodes"):
                status = 404
            else:
                context["slice"] = slice_
                groups = views.group_slice(slice_, center=focus)
                context["groups"] = [g for g in groups if not types or g.type in types]
                context["focus_node"] = next((n for n in slice_["nodes"] if n["id"] == focus), None)
    except api.PageError as error:
        return error_page(request, error)
    return render(request, "explore.html", context, status=status)


async def login_page(request: Request) -> Response:
    target = request.query_params.get("next") or "/explore"
    # Only paths on this site, so the form cannot be used to send people elsewhere after signing in.
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/explore"
    return render(request, "login.html", {"next": target[:300]})


async def home(request: Request) -> Response:
    return RedirectResponse("/explore", status_code=302)


def web_routes() -> list[BaseRoute]:
    return [
        Route("/", home, methods=["GET"]),
        Route("/authors/{id:str}", profile_page, methods=["GET"]),
        Route("/explore", explore_page, methods=["GET"]),
        Route("/login", login_page, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]

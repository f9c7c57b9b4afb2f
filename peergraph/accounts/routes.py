"""Browser routes of the claim flows: ORCID's redirect back, and the e-mail confirmation link.

- GET /accounts/orcid/callback?code&state: finishes an ORCID claim (the signed single-use state is
  the proof of who started it) and shows the outcome.
- GET /accounts/confirm-email#token=...: shows a confirm button (the token stays in the URL fragment,
  which browsers do not send, so it never reaches access logs); POST confirms. The GET verifies
  nothing, so mail scanners that prefetch links cannot use up or trigger the confirmation.
"""

from __future__ import annotations

import html
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from peergraph.accounts import mail, orcid
from peergraph.accounts.claims import ClaimData
from peergraph.errors import PeerGraphError

log = logging.getLogger("peergraph.accounts.routes")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(title)} - PeerGraph</title>"
        f"</head><body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>",
        status_code=status, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


def _outcome(claim: ClaimData) -> HTMLResponse:
    author = html.escape(claim.author_name)
    link = f'<a href="/authors/{html.escape(claim.author_uid)}">{author}</a>'
    if claim.status == "verified":
        return _page("Claim verified", f"<p>You are now the verified claimant of {link}.</p>")
    if claim.status == "rejected":
        return _page("Claim rejected", f"<p>{html.escape(claim.reason or '')}</p>", 400)
    return _page("Claim pending", f"<p>Your claim on {link} awaits a curator's decision.</p>")


async def orcid_callback(request: Request) -> HTMLResponse:
    code, state = request.query_params.get("code", ""), request.query_params.get("state", "")
    if request.query_params.get("error"):
        return _page("ORCID sign-in cancelled", "<p>Nothing changed. You can start the claim again.</p>", 400)
    try:
        claim = await run_in_threadpool(orcid.complete_orcid_claim, request.app.state.graph, code, state)
    except PeerGraphError as exc:
        return _page("ORCID claim not completed", f"<p>{html.escape(str(exc))}</p>", 400)
    return _outcome(claim)


async def confirm_email(request: Request) -> HTMLResponse:
    if request.method == "GET":
        # The link carries the token in its fragment (kept out of access logs); the page copies it into the form.
        return _page("Confirm your claim", '<form method="post"><input type="hidden" name="token" id="token">'
                     '<button type="submit">Confirm my author claim</button></form>'
                     "<script>document.getElementById('token').value = "
                     "new URLSearchParams(location.hash.slice(1)).get('token') || '';</script>")
    form = await request.form()
    try:
        claim = await run_in_threadpool(mail.confirm_email_claim, request.app.state.graph, str(form.get("token", "")))
    except PeerGraphError as exc:
        return _page("Claim not confirmed", f"<p>{html.escape(str(exc))}</p>", 400)
    return _outcome(claim)


def account_routes() -> list[BaseRoute]:
    return [Route("/accounts/orcid/callback", orcid_callback, methods=["GET"]),
            Route("/accounts/confirm-email", confirm_email, methods=["GET", "POST"])]

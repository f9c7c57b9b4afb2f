"""Claim verification by e-mail: a signed single-use link sent to an address at an institution's domain.

The address must belong to a domain (or a subdomain of one) listed on one of the author's
institutions (Institution.domains). The link carries a signed, expiring token naming the claim; the
claim stores only the hash of the token's nonce and clears it when the link is used.

SMTP settings (environment): PEERGRAPH_SMTP_HOST, PEERGRAPH_SMTP_PORT (default 25, or 587 with a
user), PEERGRAPH_SMTP_USER, PEERGRAPH_SMTP_PASSWORD (STARTTLS is used when a user is set),
PEERGRAPH_SMTP_FROM, PEERGRAPH_PUBLIC_URL (the links' base, default http://127.0.0.1:8000).
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import urlencode

from peergraph.accounts import claims, signing
from peergraph.accounts.errors import BadInput, RateLimited
from peergraph.accounts.identity import AccountData, normalize_email
from peergraph.accounts.ratelimit import SlidingWindowLimiter
from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.accounts.mail")

LINK_TTL_S = 48 * 3600
PURPOSE = "email-claim"
confirmation_mails = SlidingWindowLimiter(5, 3600)  # per account: a claim link is not a spam cannon


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str
    password: str = field(repr=False)
    sender: str
    public_url: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> SmtpConfig:
        env = dict(os.environ if env is None else env)
        user = env.get("PEERGRAPH_SMTP_USER") or ""
        return cls(
            host=env.get("PEERGRAPH_SMTP_HOST") or "",
            port=int(env.get("PEERGRAPH_SMTP_PORT") or (587 if user else 25)),
            user=user,
            password=env.get("PEERGRAPH_SMTP_PASSWORD") or "",
            sender=env.get("PEERGRAPH_SMTP_FROM") or "PeerGraph <no-reply@localhost>",
            public_url=(env.get("PEERGRAPH_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/"),
        )


class MailUnavailable(PeerGraphError):
    """The SMTP server could not be reached or refused the message."""


def domain_matches(address: str, domains: list[str]) -> str | None:
    """The institution domain that `address` belongs to (exact or subdomain), if any."""
    host = address.rsplit("@", 1)[-1].lower()
    for domain in sorted(d.lower().lstrip("@.") for d in domains if d):
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def send(config: SmtpConfig, to: str, subject: str, body: str) -> None:
    if not config.host:
        raise MailUnavailable("e-mail is not configured: set PEERGRAPH_SMTP_HOST (and PORT, USER, PASSWORD, FROM)")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config.sender, to, subject
    message.set_content(body)
    try:
        with smtplib.SMTP(config.host, config.port, timeout=15) as smtp:
            if config.user:
                smtp.starttls()
                smtp.login(config.user, config.password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailUnavailable(f"could not send e-mail through {config.host}:{config.port} ({type(exc).__name__})") from None


def request_email_claim(graph: Graph, account: AccountData, author_uid: str, address: str,
                        config: SmtpConfig | None = None) -> claims.ClaimData:
    """Open (or reuse) the claim and mail a confirmation link to `address`."""
    config = config or SmtpConfig.from_env()
    address = normalize_email(address)
    affiliations = graph.read(load("accounts/author_domains"), {"uid": author_uid})
    match = next(((r["institution"], d) for r in affiliations
                  if (d := domain_matches(address, list(r["domains"]))) is not None), None)
    if match is None:
        claims.author_for_claim(graph, author_uid)  # NotFound first, for an unknown author
        known = sorted({d for r in affiliations for d in r["domains"]})
        raise BadInput("the address must be at one of this author's institutions' domains"
                       + (f" ({', '.join(known)})" if known else "; this author has no institution with a known "
                          "e-mail domain, so ask a curator to verify the claim"))
    claim = claims.claim_author(graph, account, author_uid, method="email")
    if claim.status == "verified":
        raise BadInput("you already hold the verified claim on this author")
    wait = confirmation_mails.retry_after(account.uid)
    if wait:
        raise RateLimited(f"too many confirmation e-mails; try again in {wait} seconds", retry_after=wait)
    token, nonce = signing.sign(PURPOSE, claim.uid, LINK_TTL_S)
    graph.write(load("accounts/set_claim_pending"), {
        "uid": claim.uid, "method": "email", "nonce_hash": signing.nonce_hash(nonce),
        "evidence": json.dumps({"email": address, "institution": match[0], "domain": match[1]}, sort_keys=True)})
    # The token travels in the fragment, which browsers never send to servers: it stays out of access logs.
    link = f"{config.public_url}/accounts/confirm-email#{urlencode({'token': token})}"
    send(config, address, "Confirm your PeerGraph author claim",
         f"Someone (hopefully you) asked to claim the author record \"{claim.author_name}\" on PeerGraph.\n\n"
         f"To confirm, open this link within {LINK_TTL_S // 3600} hours:\n\n{link}\n\n"
         "If this was not you, ignore this message: nothing changes without the link.\n")
    confirmation_mails.record(account.uid)
    log.info("confirmation e-mail sent for claim %s", claim.uid)
    return claims.get_claim(graph, claim.uid)


def confirm_email_claim(graph: Graph, token: str) -> claims.ClaimData:
    """Verify the claim named by a confirmation link (once)."""
    claim_uid, nonce = signing.verify(token, PURPOSE)
    row = claims.claim_row(graph, claim_uid)
    if row["status"] != "pending" or not row["nonce_hash"] or row["nonce_hash"] != signing.nonce_hash(nonce):
        raise BadInput("this confirmation link was already used or replaced; request a new one")
    evidence = {**json.loads(row["evidence"] or "{}"), "confirmed": True}
    return claims.verify(graph, claim_uid, "email", evidence, "email")

"""Claims of author records: pending -> verified | rejected, one verified claimant per author.

A claim is verified by ORCID sign-in (orcid_flow.py), by a confirmed e-mail at an institution's
domain (email_flow.py) or by a curator. A second account claiming an author that already has a
verified claimant gets ClaimConflict: nothing changes, nothing is taken over. Verifying checks for
a competing verified claim in the same statement that sets the status.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from peergraph.accounts.errors import BadInput, ClaimConflict, Forbidden, NotFound
from peergraph.accounts.identity import AccountData
from peergraph.cypher_files import load
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.accounts.claims")

METHODS = ("curator", "orcid", "email")
REASON_MAX = 500


@dataclass(frozen=True)
class ClaimData:
    uid: str
    status: str
    method: str
    author_uid: str
    author_name: str
    account_uid: str
    account_name: str = ""
    evidence: dict[str, Any] | None = None
    reason: str | None = None
    created_at: float | None = None
    decided_at: float | None = None


def _claim(row: dict) -> ClaimData:
    evidence = json.loads(row["evidence"]) if row.get("evidence") else None
    return ClaimData(uid=row["uid"], status=row["status"], method=row["method"] or "curator",
                     author_uid=row["author_uid"], author_name=row["author_name"] or "",
                     account_uid=row["account_uid"], account_name=row.get("account_name") or "",
                     evidence=evidence, reason=row.get("reason"), created_at=row.get("created_at"),
                     decided_at=row.get("decided_at"))


def get_claim(graph: Graph, claim_uid: str) -> ClaimData:
    rows = graph.read(load("accounts/claim_by_uid"), {"uid": claim_uid})
    if not rows:
        raise NotFound(f"no claim {claim_uid!r}")
    return _claim(rows[0])


def claim_row(graph: Graph, claim_uid: str) -> dict:
    rows = graph.read(load("accounts/claim_by_uid"), {"uid": claim_uid})
    if not rows:
        raise NotFound(f"no claim {claim_uid!r}")
    return rows[0]


def author_for_claim(graph: Graph, author_uid: str) -> dict:
    rows = graph.read(load("accounts/author_for_claim"), {"uid": author_uid})
    if not rows:
        raise NotFound(f"no author {author_uid!r}")
    row = rows[0]
    row["claims"] = [c for c in row["claims"] if c and c.get("uid")]
    return row


def claim_author(graph: Graph, account: AccountData, author_uid: str, method: str = "curator") -> ClaimData:
    """The account's claim on the author: an existing open one, or a new pending one.

    ClaimConflict when another account holds the verified claim.
    """
    if method not in METHODS:
        raise BadInput(f"method must be one of {', '.join(METHODS)}")
    author = author_for_claim(graph, author_uid)
    for c in author["claims"]:
        if c["status"] == "verified" and c["account"] != account.uid:
            raise ClaimConflict(
                f"{author['name']} is already claimed by another account; if that is wrong, ask a curator "
                "to review it (your claim was not recorded)", author_uid)
    mine = sorted((c for c in author["claims"] if c["account"] == account.uid and c["status"] != "rejected"),
                  key=lambda c: c["status"] != "verified")
    if mine:
        return get_claim(graph, mine[0]["uid"])
    uid = f"claim-{uuid.uuid4().hex}"
    graph.write(load("accounts/create_claim"), {"account_uid": account.uid, "author_uid": author_uid,
                                                "uid": uid, "method": method, "now": time.time()})
    log.info("claim %s opened by %s on %s (%s)", uid, account.uid, author_uid, method)
    return get_claim(graph, uid)


def own_pending_claim(graph: Graph, account: AccountData, claim_uid: str) -> ClaimData:
    claim = get_claim(graph, claim_uid)
    if claim.account_uid != account.uid:
        raise Forbidden("this claim belongs to another account")
    if claim.status != "pending":
        raise BadInput(f"this claim is already {claim.status}")
    return claim


def verify(graph: Graph, claim_uid: str, method: str, evidence: dict[str, Any], decided_by: str) -> ClaimData:
    """Mark a pending claim verified (ClaimConflict if the author already has a verified claimant)."""
    rows = graph.write(load("accounts/verify_claim"), {
        "uid": claim_uid, "method": method, "evidence": json.dumps(evidence, sort_keys=True),
        "decided_by": decided_by, "now": time.time()})
    if not rows:
        claim = get_claim(graph, claim_uid)
        raise BadInput(f"this claim is already {claim.status}")
    if rows[0]["conflicts"]:
        raise ClaimConflict("another account already holds the verified claim on this author; "
                            "reject one of them first", rows[0]["author_uid"])
    log.info("claim %s verified by %s (%s)", claim_uid, decided_by, method)
    refresh_trust(graph, rows[0]["author_uid"])
    return get_claim(graph, claim_uid)


def refresh_trust(graph: Graph, author_uid: str) -> None:
    """The author's level and score change now; neighbours follow at the next `peergraph trust recompute`."""
    from neo4j.exceptions import Neo4jError

    from peergraph.errors import PeerGraphError
    from peergraph.trust.recompute import recompute

    try:
        recompute(graph, only=[author_uid])
    except (PeerGraphError, Neo4jError) as exc:  # the decision stands; the score catches up at the next recompute
        log.warning("trust refresh of %s failed (%s); run `peergraph trust recompute`", author_uid, type(exc).__name__)


def approve(graph: Graph, curator: AccountData, claim_uid: str) -> ClaimData:
    if not curator.is_curator:
        raise Forbidden("deciding claims needs the curator role")
    claim = get_claim(graph, claim_uid)
    if claim.status != "pending":
        raise BadInput(f"this claim is already {claim.status}")
    evidence = {**(claim.evidence or {}), "approved_by": curator.uid}
    return verify(graph, claim_uid, "curator", evidence, curator.uid)


def reject(graph: Graph, curator: AccountData, claim_uid: str, reason: str) -> ClaimData:
    if not curator.is_curator:
        raise Forbidden("deciding claims needs the curator role")
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        raise BadInput(f"give a reason of 1 to {REASON_MAX} characters")
    rows = graph.write(load("accounts/reject_claim"), {"uid": claim_uid, "reason": reason,
                                                       "decided_by": curator.uid, "now": time.time()})
    if not rows:
        raise BadInput(f"this claim is already {get_claim(graph, claim_uid).status}")
    log.info("claim %s rejected by %s", claim_uid, curator.uid)
    refresh_trust(graph, rows[0]["author_uid"])
    return get_claim(graph, claim_uid)


def pending(graph: Graph, limit: int = 100) -> list[ClaimData]:
    rows = graph.read(load("accounts/pending_claims"), {"limit": max(1, min(limit, 1000))})
    return [_claim({**r, "status": "pending"}) for r in rows]


def of_account(graph: Graph, account_uid: str) -> list[ClaimData]:
    rows = graph.read(load("accounts/account_claims"), {"account_uid": account_uid})
    return [_claim({**r, "account_uid": account_uid}) for r in rows]


def verified_authors_of(graph: Graph, account_uid: str) -> list[str]:
    return [c.author_uid for c in of_account(graph, account_uid) if c.status == "verified"]

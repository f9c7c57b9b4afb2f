"""What accounts do around authors: follow, open to collaborate, invite, vouch.

- Following is open to any account; the trust score weighs followers by their own verification.
- `open_to_collaborate` is set by the author's verified claimant only.
- An invitation goes from an L2+ account (one holding a verified claim) to a claimed author and lands
  in the inbox of that author's claimant; each sender may send INVITES_PER_DAY per rolling 24 hours
  (counted from the graph, so the limit holds across processes and restarts).
- A vouch comes from an L2+ account whose author shares a paper with the vouched-for author; two
  of them make a verified author L3.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from peergraph.accounts import claims
from peergraph.accounts.errors import BadInput, Forbidden, NotFound, RateLimited
from peergraph.accounts.identity import AccountData
from peergraph.cypher_files import load
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.accounts.network")

INVITES_PER_DAY = 10
DAY_S = 24 * 3600
MESSAGE_MAX = 2000


@dataclass(frozen=True)
class FollowState:
    author_uid: str
    followers: int
    following: bool


@dataclass(frozen=True)
class InvitationData:
    uid: str
    message: str
    created_at: float
    to_author_uid: str
    to_author_name: str
    sender_name: str
    sender_author_uid: str | None
    sender_author_name: str | None


def _author_must_exist(graph: Graph, author_uid: str) -> None:
    if not graph.read(load("accounts/follow_state"), {"author_uid": author_uid, "account_uid": ""}):
        raise NotFound(f"no author {author_uid!r}")


def follow_state(graph: Graph, author_uid: str, account: AccountData | None) -> FollowState:
    rows = graph.read(load("accounts/follow_state"),
                      {"author_uid": author_uid, "account_uid": account.uid if account else ""})
    if not rows:
        raise NotFound(f"no author {author_uid!r}")
    return FollowState(author_uid, int(rows[0]["followers"]), bool(rows[0]["following"]))


def follow(graph: Graph, account: AccountData, author_uid: str) -> FollowState:
    rows = graph.write(load("accounts/follow"), {"account_uid": account.uid, "author_uid": author_uid})
    if not rows:
        raise NotFound(f"no author {author_uid!r}")
    return FollowState(author_uid, int(rows[0]["followers"]), True)


def unfollow(graph: Graph, account: AccountData, author_uid: str) -> FollowState:
    rows = graph.write(load("accounts/unfollow"), {"account_uid": account.uid, "author_uid": author_uid})
    if not rows:
        raise NotFound(f"no author {author_uid!r}")
    return FollowState(author_uid, int(rows[0]["followers"]), False)


def set_open_to_collaborate(graph: Graph, account: AccountData, author_uid: str, open_: bool) -> bool:
    rows = graph.write(load("accounts/set_open_to_collaborate"),
                       {"account_uid": account.uid, "author_uid": author_uid, "open": open_})
    if not rows:
        _author_must_exist(graph, author_uid)
        raise Forbidden("only the author's verified claimant can change this")
    return bool(rows[0]["open"])


def account_level(graph: Graph, account_uid: str) -> str | None:
    """"L2"/"L3" for an account holding a verified claim (its best author's level), else None."""
    levels = [r["level"] for r in graph.read(load("accounts/account_level"), {"account_uid": account_uid})]
    return max((lvl for lvl in levels if lvl in ("L2", "L3")), default="L2" if levels else None)


def invite(graph: Graph, account: AccountData, author_uid: str, message: str,
           now: float | None = None) -> InvitationData:
    now = time.time() if now is None else now
    message = (message or "").strip()
    if not message or len(message) > MESSAGE_MAX:
        raise BadInput(f"write a message of 1 to {MESSAGE_MAX} characters")
    if account_level(graph, account.uid) is None:
        raise Forbidden("invitations need a verified author claim (level L2 or above); claim your author record first")
    author = claims.author_for_claim(graph, author_uid)
    holders = {c["account"] for c in author["claims"] if c["status"] == "verified"}
    if not holders:
        raise BadInput(f"{author['name']} has not claimed this record yet, so there is nobody to receive the invitation")
    if account.uid in holders:
        raise BadInput("you cannot invite your own author record")
    sent = [r["created_at"] for r in graph.read(load("accounts/invitations_sent_since"),
                                                {"account_uid": account.uid, "since": now - DAY_S})]
    if len(sent) >= INVITES_PER_DAY:
        wait = max(1, int(sent[0] + DAY_S - now + 0.999))
        raise RateLimited(f"at most {INVITES_PER_DAY} invitations per day; try again in {wait} seconds",
                          retry_after=wait)
    uid = f"inv-{uuid.uuid4().hex}"
    graph.write(load("accounts/create_invitation"), {"uid": uid, "account_uid": account.uid,
                                                     "author_uid": author_uid, "message": message, "now": now})
    log.info("invitation %s from %s to %s", uid, account.uid, author_uid)
    mine = graph.read(load("accounts/account_level"), {"account_uid": account.uid})
    return InvitationData(uid=uid, message=message, created_at=now, to_author_uid=author_uid,
                          to_author_name=author["name"], sender_name=account.display_name,
                          sender_author_uid=mine[0]["author_uid"] if mine else None,
                          sender_author_name=mine[0]["author_name"] if mine else None)


def inbox(graph: Graph, account: AccountData, limit: int = 50) -> list[InvitationData]:
    rows = graph.read(load("accounts/inbox"), {"account_uid": account.uid, "limit": max(1, min(limit, 200))})
    return [InvitationData(**r) for r in rows]


def vouch(graph: Graph, account: AccountData, author_uid: str) -> int:
    """Vouch for a co-author; returns how many accounts vouch for them now."""
    author = claims.author_for_claim(graph, author_uid)
    if any(c["status"] == "verified" and c["account"] == account.uid for c in author["claims"]):
        raise BadInput("you cannot vouch for your own author record")
    if account_level(graph, account.uid) is None:
        raise Forbidden("vouching needs a verified author claim (level L2 or above)")
    rows = graph.write(load("accounts/vouch"), {"account_uid": account.uid, "author_uid": author_uid,
                                                "now": time.time()})
    if not rows:
        raise Forbidden("you can vouch only for co-authors of the author you have verified")
    log.info("vouch by %s for %s", account.uid, author_uid)
    claims.refresh_trust(graph, author_uid)
    return int(rows[0]["vouches"])

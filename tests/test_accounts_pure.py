"""Pure pieces of the account services: signed links, the rate limiter, ORCID iDs, e-mail domains."""

from __future__ import annotations

import pytest

from peergraph.accounts import signing
from peergraph.accounts.errors import BadInput
from peergraph.accounts.mail import domain_matches
from peergraph.accounts.orcid import OrcidConfig, authorize_url, valid_orcid
from peergraph.accounts.ratelimit import SlidingWindowLimiter


def test_signed_links_expire_and_resist_forgery():
    token, nonce = signing.sign("email-claim", "claim-1", ttl_s=60, now=1000.0)
    assert signing.verify(token, "email-claim", now=1059.0) == ("claim-1", nonce)
    with pytest.raises(BadInput, match="expired"):
        signing.verify(token, "email-claim", now=1061.0)
    with pytest.raises(BadInput, match="not valid for this action"):
        signing.verify(token, "orcid-claim", now=1000.0)
    body, mac = token.split(".")
    other, _ = signing.sign("email-claim", "claim-2", ttl_s=60, now=1000.0)
    with pytest.raises(BadInput, match="signature"):
        signing.verify(other.split(".")[0] + "." + mac, "email-claim", now=1000.0)
    with pytest.raises(BadInput, match="malformed"):
        signing.verify("garbage", "email-claim")


def test_sliding_window_limiter():
    now = [0.0]
    limiter = SlidingWindowLimiter(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("k") == 0
        limiter.record("k")
    assert limiter.retry_after("k") == 60
    now[0] = 30.0
    assert limiter.retry_after("k") == 30
    assert limiter.retry_after("other") == 0
    now[0] = 60.5
    assert limiter.retry_after("k") == 0


def test_orcid_ids_and_authorize_url():
    assert valid_orcid("0000-0002-1825-0097") and valid_orcid("0000-0002-9079-593X")
    assert not valid_orcid("0000-0002-1825-0098") and not valid_orcid("0000-0002-1825")
    config = OrcidConfig.from_env({"PEERGRAPH_ORCID_CLIENT_ID": "APP-1", "PEERGRAPH_ORCID_CLIENT_SECRET": "very-secret-value",
                                   "PEERGRAPH_PUBLIC_URL": "https://peergraph.example/"})
    assert "very-secret-value" not in repr(config)
    url = authorize_url(config, "STATE")
    assert url.startswith("https://orcid.org/oauth/authorize?client_id=APP-1&response_type=code&scope=%2Fauthenticate")
    assert "redirect_uri=https%3A%2F%2Fpeergraph.example%2Faccounts%2Forcid%2Fcallback" in url


def test_email_domains_match_exactly_or_as_subdomains():
    assert domain_matches("ada@cs.brown.edu", ["brown.edu"]) == "brown.edu"
    assert domain_matches("ada@brown.edu", ["@brown.edu"]) == "brown.edu"
    assert domain_matches("ada@notbrown.edu", ["brown.edu"]) is None
    assert domain_matches("ada@brown.edu.evil.com", ["brown.edu"]) is None

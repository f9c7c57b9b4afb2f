"""Which identifier a client passed: a uid, an arXiv id, a DOI, an ORCID, an OpenAlex or ROR id.

Every id argument of the API accepts these forms; `lookup_key` reduces each to the normalized value
stored on the node (see peergraph/schema/nodes.py), so one indexed lookup per form finds the node.
"""

from __future__ import annotations

import re

_ARXIV_NEW = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$", re.I)
_ARXIV_OLD = re.compile(r"^(?:arxiv:)?([a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?$", re.I)
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.I)
_ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$", re.I)
_OPENALEX = re.compile(r"^(?:https?://openalex\.org/)?([WAISVT]\d{4,})$", re.I)
_ROR = re.compile(r"^(?:https?://ror\.org/)(0[a-z0-9]{8})$", re.I)


def lookup_key(raw: str) -> str:
    """The stored form of `raw`: arXiv ids without version, DOIs lower-case without resolver, etc.

    A uid comes back unchanged; every lookup query tries the key against uid and each identifier
    property of its label, so callers never need to say which form they used.
    """
    value = raw.strip()
    for pattern in (_ARXIV_NEW, _ARXIV_OLD, _ORCID, _ROR):
        match = pattern.match(value)
        if match:
            return match.group(1).upper() if pattern is _ORCID else match.group(1).lower()
    match = _DOI.match(value)
    if match:
        return match.group(1).lower()
    match = _OPENALEX.match(value)
    if match:
        return match.group(1).upper()
    return value

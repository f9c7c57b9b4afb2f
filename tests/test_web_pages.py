"""The profile and explorer pages over plain HTTP (no JavaScript): what a reader, a crawler or a
screen reader gets, the error pages, and escaping. Data: the five seed pages ingested (`seed_graph`).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest
from browser import SEVEN_WORKS, author_uid
from starlette.testclient import TestClient

from peergraph.app import create_app
from peergraph.store.driver import Graph
from peergraph.web import api


@pytest.fixture(scope="module")
def client(seed_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(graph=seed_graph)) as c:
        yield c


@pytest.fixture(scope="module")
def song(seed_graph: Graph) -> str:
    return author_uid(seed_graph, "Xiaodan Song")


def text_of(html: str) -> str:
    """Visible text, roughly: tags dropped, whitespace collapsed."""
    without_data = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", without_data).split())


def test_profile_reads_without_javascript(client: TestClient, song: str) -> None:
    response = client.get(f"/authors/{song}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    text = text_of(response.text)
    assert "Xiaodan Song" in text
    assert "Affiliation not imported" in text
    assert re.search(r"Trust \d+ - (Emerging|Developing|Established|Trusted)", text)
    assert re.search(r"Verification L[0-3]", text)
    assert "Unclaimed author" in text
    assert "7 published item(s)" in text
    for title in SEVEN_WORKS:
        assert title in response.text.replace("&#39;", "'")
    assert "Log in to claim" in text
    assert "Claim this author entity first to unlock direct invitations." in text
    assert f'href="/explore?focus={song}"' in response.text
    # The trust components open without JavaScript.
    assert '<details class="trust-components"' in response.text


def test_profile_counts_and_graph_list(client: TestClient, song: str) -> None:
    html = client.get(f"/authors/{song}").text
    counts = {k: int(v) for k, v in re.findall(r'<dd id="count-(\w+)">(\d+)</dd>', html)}
    assert counts["works"] == 7
    assert counts["followers"] == 0
    assert counts["topics"] >= 1
    assert "collaborators" in counts
    # The no-JS list of the research graph names the papers around the author and their topics.
    assert 'data-type="PAPER"' in html and 'data-type="TOPIC"' in html
    assert "Token Dropping for Efficient BERT Pretraining" in text_of(html.split('id="graph-list"')[1])


def test_works_are_paged_with_cursor_links(client: TestClient, song: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "WORKS_PAGE_SIZE", 4)
    first = client.get(f"/authors/{song}").text
    assert first.count('class="work"') == 4
    next_link = re.search(r'href="([^"]+)" id="works-next"', first)
    assert next_link, "a second page link"
    second = client.get(next_link.group(1).replace("&amp;", "&")).text
    assert second.count('class="work"') == 3
    assert 'id="works-next"' not in second
    assert 'id="works-first"' in second
    titles = re.findall(r'<h3 class="work-title"><a [^>]+>([^<]+)</a>', first + second)
    assert len(set(titles)) == 7


def test_unknown_author_is_a_404_page_and_a_bad_cursor_a_400(client: TestClient, song: str) -> None:
    response = client.get("/authors/no-such-author")
    assert response.status_code == 404
    assert "Not found" in response.text
    assert "Traceback" not in response.text
    response = client.get(f"/authors/{song}", params={"after": "not-a-cursor"})
    assert response.status_code == 400
    assert "is not a cursor from this API" in response.text


def test_text_from_the_data_is_escaped(client: TestClient, seed_graph: Graph) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    seed_graph.write(
        "CREATE (a:Author {uid: 'web-test-evil', name: $evil, name_key: 'evil|x', headline: $evil})"
        "-[:AUTHORED {position: 0}]->(:Paper {uid: 'web-test-evil-paper', title: $evil, abstract: $evil, year: 2021})",
        {"evil": evil},
    )
    try:
        html = client.get("/authors/web-test-evil").text
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert" in html
        # The JSON block for the graph panel escapes '<' too, so it cannot close its <script> element.
        block = html.split('id="graph-data">')[1].split("</script>")[0]
        assert "<" not in block
    finally:
        seed_graph.write("MATCH (n) WHERE n.uid IN ['web-test-evil', 'web-test-evil-paper'] DETACH DELETE n")


def test_explorer_without_javascript_lists_search_hits_and_the_neighborhood(client: TestClient, song: str) -> None:
    response = client.get("/explore", params={"q": "Xiaodan Song"})
    assert response.status_code == 200
    assert f'href="/authors/{song}"' in response.text
    response = client.get("/explore", params={"focus": song})
    assert response.status_code == 200
    listing = text_of(response.text.split('id="graph-list"')[1])
    assert "MobileBERT: a Compact Task-Agnostic BERT for Resource-Limited Devices" in listing


def test_explorer_explains_empty_results_and_bad_links(client: TestClient) -> None:
    response = client.get("/explore", params={"q": "qqqzzzxxyy"})
    assert response.status_code == 200
    assert "No matches for" in response.text
    response = client.get("/explore", params={"focus": "no-such-node"})
    assert response.status_code == 404
    assert "There is no node with id" in response.text
    response = client.get("/explore", params={"since": "last year"})
    assert response.status_code == 400
    assert "Since must be a year" in response.text
    response = client.get("/explore", params={"types": "PAPER,DRAGON"})
    assert response.status_code == 400


def test_pages_send_a_content_security_policy_and_serve_the_vendored_library(client: TestClient, song: str) -> None:
    response = client.get(f"/authors/{song}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<script>" not in response.text  # no inline script; data travels as a JSON block
    library = client.get("/static/vendor/cytoscape.min.js")
    assert library.status_code == 200
    assert len(library.content) > 100_000
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 302 and home.headers["location"] == "/explore"


def test_store_down_gives_a_friendly_503(song: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    down = Graph(f"bolt://127.0.0.1:{closed_port}", ("root", "unused"), "peergraph", "embedded-arcadedb",
                 connection_timeout=1.0, connection_acquisition_timeout=2.0, max_transaction_retry_time=0.5)
    try:
        with TestClient(create_app(graph=down)) as c:
            response = c.get(f"/authors/{song}")
    finally:
        down.close()
    assert response.status_code == 503
    assert "temporarily unavailable" in response.text
    assert "Traceback" not in response.text and "ServiceUnavailable" not in response.text

"""The pages in a real headless Chromium (Playwright, system Chromium) against a real uvicorn server
on 127.0.0.1, with the five seed pages ingested. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from browser import CHROMIUM_ARGS, SEVEN_WORKS, author_uid, live_server, require_chromium, screenshot_path

from peergraph.app import create_app
from peergraph.store.driver import Graph

pytestmark = pytest.mark.browser
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def base_url(seed_graph: Graph) -> Iterator[str]:
    with live_server(create_app(graph=seed_graph)) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.js_errors = errors
    try:
        yield page
    finally:
        context.close()


def explorer_count(page: Any, name: str) -> int:
    return int(page.get_attribute("#explorer", f"data-{name}"))


def wait_until(page: Any, expression: str, timeout_s: float = TIMEOUT_MS / 1000) -> None:
    """Poll a JS expression with page.evaluate (wait_for_function would need 'unsafe-eval', which the CSP forbids)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s:g} s: {expression}")
        page.wait_for_timeout(50)


def wait_ready(page: Any) -> None:
    page.wait_for_selector("#explorer[data-status='ready']")


def test_profile_of_xiaodan_song(page: Any, base_url: str, seed_graph: Graph) -> None:
    song = author_uid(seed_graph, "Xiaodan Song")
    page.goto(f"{base_url}/authors/{song}")
    assert page.inner_text("h1") == "Xiaodan Song"
    assert page.locator("li.work").count() == 7
    titles = page.locator("li.work .work-title").all_inner_texts()
    assert sorted(titles) == sorted(SEVEN_WORKS)
    assert re.fullmatch(r"Trust \d+ - (Emerging|Developing|Established|Trusted)", page.inner_text("#trust-band"))
    # The research graph panel is drawn by cytoscape from the embedded slice.
    page.wait_for_selector("#profile-graph[data-status='ready']")
    drawn = page.evaluate("window.peergraphProfile.cy.nodes().length")
    assert drawn == int(page.get_attribute("#profile-graph", "data-node-count")) > 7
    assert page.evaluate("window.peergraphProfile.cy.nodes('[type = \"PAPER\"]').length") >= 7
    # Anonymous: every action is explained, none is clickable.
    assert page.is_disabled("#follow-button") and page.is_disabled("#claim-button")
    assert "Log in to claim" in page.inner_text("#claim-hint")
    page.click("#trust-components summary")
    assert page.is_visible("#trust-components table")
    page.screenshot(path=str(screenshot_path("profile.png")), full_page=True)
    assert page.js_errors == []


def test_explorer_draws_expands_filters_and_scrubs_years(page: Any, base_url: str, seed_graph: Graph) -> None:
    song = author_uid(seed_graph, "Xiaodan Song")
    page.goto(f"{base_url}/explore?focus={song}")
    wait_ready(page)
    first = explorer_count(page, "node-count")
    assert first >= 8  # the author and at least the seven papers
    assert page.evaluate("window.peergraphExplorer.cy.$('.center').id()") == song

    # Double-click a paper: its co-authors and topics join the graph.
    paper = page.evaluate("window.peergraphExplorer.cy.nodes('[type = \"PAPER\"]').first().id()")
    point = page.evaluate(
        """id => { const cy = window.peergraphExplorer.cy; const n = cy.getElementById(id);
                   cy.center(n); const p = n.renderedPosition();
                   const r = cy.container().getBoundingClientRect(); return {x: r.left + p.x, y: r.top + p.y}; }""",
        paper,
    )
    page.mouse.dblclick(point["x"], point["y"])
    wait_until(page, f"Number(document.getElementById('explorer').dataset.nodeCount) > {first}")
    wait_ready(page)
    expanded = explorer_count(page, "node-count")
    assert page.evaluate("id => window.peergraphExplorer.cy.getElementById(id).hasClass('expanded')", paper)

    # The type filter hides the topics the expansion brought, and the URL keeps the choice.
    topics = page.evaluate("window.peergraphExplorer.cy.nodes('[type = \"TOPIC\"]').length")
    assert topics >= 1
    page.uncheck("#type-filter input[value='TOPIC']")
    assert explorer_count(page, "visible-count") == expanded - topics
    assert page.evaluate("window.peergraphExplorer.cy.nodes('[type = \"TOPIC\"]').every(n => !n.visible())")
    assert "types=AUTHOR%2CPAPER%2CINSTITUTION%2CVENUE" in page.url
    page.check("#type-filter input[value='TOPIC']")
    assert explorer_count(page, "visible-count") == expanded

    # The year range refetches with since/until: the 2020 papers leave, the 2022 ones stay.
    page.evaluate(
        """() => { const s = document.getElementById('year-since'); s.value = '2021';
                   s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); }"""
    )
    wait_until(page, "new URL(location.href).searchParams.get('since') === '2021'")
    wait_ready(page)
    years = page.evaluate("window.peergraphExplorer.cy.nodes('[type = \"PAPER\"]').map(n => n.data('year'))")
    assert years and all(y is None or y >= 2021 for y in years)
    assert explorer_count(page, "node-count") < expanded
    # What the slice left out is said, not silently dropped.
    assert page.is_visible("#truncated-hint")
    assert re.match(r"Not shown: \d+ more papers", page.inner_text("#truncated-hint"))
    page.screenshot(path=str(screenshot_path("explorer.png")), full_page=True)

    # The URL is a shareable view: opening it again gives the same year window.
    page.goto(page.url)
    wait_ready(page)
    assert page.input_value("#year-since") == "2021"
    assert page.js_errors == []


def test_explorer_search_finds_a_person_by_name_variant(page: Any, base_url: str, seed_graph: Graph) -> None:
    song = author_uid(seed_graph, "Xiaodan Song")
    page.goto(f"{base_url}/explore")
    page.fill("#explorer-q", "X. Song")
    page.click("#explorer-search button[type=submit]")
    hit = page.locator(f"#search-results a[data-id='{song}']")
    hit.wait_for()
    hit.click()
    wait_ready(page)
    assert f"focus={song}" in page.url
    page.fill("#explorer-q", "qqqzzzxxyy")
    page.click("#explorer-search button[type=submit]")
    page.wait_for_selector("#search-results .empty")
    assert page.js_errors == []


def test_signed_in_reader_follows_and_claims_from_the_profile(page: Any, base_url: str, seed_graph: Graph) -> None:
    song = author_uid(seed_graph, "Xiaodan Song")
    page.goto(f"{base_url}/authors/{song}")
    page.click("#follow-hint a")  # "Log in to follow"
    page.wait_for_url(f"**/login?next=/authors/{song}")
    page.fill("input[name=email]", "reader@example.org")
    page.fill("input[name=password]", "a long enough passphrase")
    page.click("button[data-mode=signup]")  # first press asks for a display name
    page.fill("input[name=displayName]", "A. Reader")
    page.click("button[data-mode=signup]")
    page.wait_for_url(f"**/authors/{song}")
    page.wait_for_selector("#follow-button:not([disabled])")
    assert page.inner_text("#session-name") == "A. Reader"
    assert page.inner_text("#follow-count") == "0"
    page.click("#follow-button")
    page.wait_for_selector("#follow-button[aria-pressed='true']:not([disabled])")
    assert page.inner_text("#follow-count") == "1"
    assert page.inner_text("#count-followers") == "1"
    # Invitations stay explained until the record is claimed; the claim goes to a curator.
    assert page.is_disabled("#invite-button")
    assert "Claim this author entity first" in page.inner_text("#invite-hint")
    page.click("#claim-button")
    page.wait_for_selector("#action-message:has-text('curator')")
    assert page.is_disabled("#claim-button")
    page.reload()
    page.wait_for_selector("#follow-button[aria-pressed='true']")
    assert "waiting for a curator" in page.inner_text("#claim-hint")
    assert page.js_errors == []

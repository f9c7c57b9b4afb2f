// The graph explorer: search, ego graph of the focus node, click for details, double-click to expand,
// type filter, year range (refetches with since/until), truncation hints, and a URL that holds the view.
// Test hook: window.peergraphExplorer ({cy, state, ...}); #explorer carries data-status and node counts.
(function () {
  "use strict";
  var S = window.PeerGraphStyle;
  var LIMIT_PER_TYPE = 25;
  // Page sizes are literals: the API bounds a request by them (a variable counts as the maximum).
  var NEIGHBORHOOD = "query Slice($id: ID!, $since: Int, $until: Int) {" +
    " neighborhood(id: $id, depth: 1, limitPerType: " + LIMIT_PER_TYPE + ", since: $since, until: $until) {" +
    " nodes { id type label year weight } edges { source target type weight } truncated { type count } } }";
  var SEARCH = "query Search($query: String!) { search(query: $query, first: 20) {" +
    " edges { score node { __typename ... on Author { id name } ... on Paper { id title year }" +
    " ... on Topic { id label } ... on Institution { id name } } } } }";

  var root, cy;
  var state = { focus: null, visible: {}, since: null, until: null, expanded: [], truncated: {}, domain: null };
  var $ = function (id) { return document.getElementById(id); };

  function status(text, kind) {
    $("explorer-status").textContent = text;
    if (kind) root.dataset.status = kind;
  }

  function allTypesVisible() { return S.ORDER.every(function (t) { return state.visible[t]; }); }

  function writeUrl() {
    var params = new URLSearchParams();
    if (state.focus) params.set("focus", state.focus);
    if (!allTypesVisible()) params.set("types", S.ORDER.filter(function (t) { return state.visible[t]; }).join(","));
    if (state.since) params.set("since", String(state.since));
    if (state.until) params.set("until", String(state.until));
    var query = params.toString();
    window.history.replaceState(null, "", "/explore" + (query ? "?" + query : ""));
  }

  function readState() {
    var params = new URLSearchParams(window.location.search);
    state.focus = params.get("focus") || null;
    var types = (params.get("types") || "").split(",").filter(Boolean).map(S.typeOf);
    S.ORDER.forEach(function (t) { state.visible[t] = !types.length || types.indexOf(t) >= 0; });
    state.since = parseInt(params.get("since"), 10) || null;
    state.until = parseInt(params.get("until"), 10) || null;
  }

  function fetchSlice(id) {
    return window.PeerGraph.gql(NEIGHBORHOOD, { id: id, since: state.since, until: state.until })
      .then(function (data) { return data.neighborhood || { nodes: [], edges: [], truncated: [] }; });
  }

  function has(id) { return cy.getElementById(id).length > 0; }

  // ----- drawing -----

  function ringAround(node, added) {
    // New nodes go on a ring around the node they came from, so nothing already placed moves.
    var p = node.position();
    var n = added.length;
    var radius = 60 + 6 * n;
    added.forEach(function (el, i) {
      var angle = (2 * Math.PI * i) / Math.max(n, 1);
      el.position({ x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) });
    });
  }

  function egoLayout() {
    var rank = { AUTHOR: 4, PAPER: 3, TOPIC: 2, INSTITUTION: 1, VENUE: 1 };
    return cy.layout({ name: "concentric", animate: false, minNodeSpacing: 14, levelWidth: function () { return 1; },
      concentric: function (n) { return n.hasClass("center") ? 10 : rank[n.data("type")] || 0; } });
  }

  function relayout() {
    // A force layout reads best but costs O(n^2) per step: past 150 nodes rings by type and degree
    // keep "Re-arrange" instant.
    if (cy.nodes().length > 150) {
      var rank = { AUTHOR: 4, PAPER: 3, TOPIC: 2, INSTITUTION: 1, VENUE: 1 };
      cy.layout({ name: "concentric", animate: false, minNodeSpacing: 10, padding: 30,
        concentric: function (n) { return n.hasClass("center") ? 1000 : (rank[n.data("type")] || 0) * 100 + n.degree(); },
        levelWidth: function () { return 100; } }).run();
      return;
    }
    cy.layout({ name: "cose", animate: false, randomize: false, numIter: 400, nodeRepulsion: function () { return 6000; },
      idealEdgeLength: function () { return 60; }, fit: true, padding: 30 }).run();
  }

  function applyFilter() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var hide = !state.visible[n.data("type")] && !n.hasClass("center");
        n.toggleClass("filtered", hide);
      });
    });
    updateCounts();
  }

  function updateCounts() {
    var counts = {};
    cy.nodes().forEach(function (n) { counts[n.data("type")] = (counts[n.data("type")] || 0) + 1; });
    document.querySelectorAll(".type-count").forEach(function (span) {
      span.textContent = counts[span.dataset.type] ? "(" + counts[span.dataset.type] + ")" : "";
    });
    root.dataset.nodeCount = String(cy.nodes().length);
    root.dataset.visibleCount = String(cy.nodes().not(".filtered").length);
    root.dataset.edgeCount = String(cy.edges().length);
    showTruncated();
  }

  function showTruncated() {
    var totals = {};
    Object.keys(state.truncated).forEach(function (id) {
      (state.truncated[id] || []).forEach(function (t) {
        var type = S.typeOf(t.type);
        totals[type] = (totals[type] || 0) + (Number(t.count) || 0);
      });
    });
    var parts = S.ORDER.filter(function (t) { return totals[t]; }).map(function (t) {
      return totals[t] + " more " + S.TYPES[t].plural.toLowerCase();
    });
    var hint = $("truncated-hint");
    hint.hidden = !parts.length;
    var why = state.since || state.until
      ? " (outside the chosen years, or past the cap of " + LIMIT_PER_TYPE + " neighbors per type and node)."
      : " (past the cap of " + LIMIT_PER_TYPE + " neighbors per type and node). Narrow the years or double-click a node to see more.";
    hint.textContent = parts.length ? "Not shown: " + parts.join(", ") + why : "";
    root.dataset.truncated = String(Object.keys(totals).reduce(function (s, k) { return s + totals[k]; }, 0));
  }

  function addSlice(slice, from) {
    var elements = S.toElements(slice, has);
    var added = cy.add(elements);
    if (from) ringAround(from, added.nodes());
    return added;
  }

  async function load(focus, options) {
    options = options || {};
    state.focus = focus;
    writeUrl();
    status("Loading the neighborhood…", "loading");
    var ids = [focus].concat(options.keepExpanded ? state.expanded : []);
    var slices;
    try {
      // The server already fetched the first view of a shared link into the page; no second round trip.
      slices = options.initial ? [options.initial] : await Promise.all(ids.map(fetchSlice));
    } catch (e) {
      status(e.message, "error");
      return;
    }
    var first = slices[0];
    cy.elements().remove();
    state.truncated = {};
    if (!first.nodes.length) {
      state.expanded = [];
      updateCounts();
      status("Nothing found for this node" + (state.since || state.until ? " in the chosen years" : "") + ".", "empty");
      return;
    }
    addSlice(first);
    var center = cy.getElementById(focus);
    if (!center.length) center = cy.nodes().first();
    center.addClass("center");
    state.truncated[focus] = first.truncated || [];
    egoLayout().run();
    state.expanded = options.keepExpanded ? state.expanded.filter(has) : [];
    slices.slice(1).forEach(function (slice, i) {
      var node = cy.getElementById(ids[i + 1]);
      if (!node.length) return;
      addSlice(slice, node);
      node.addClass("expanded");
      state.truncated[node.id()] = slice.truncated || [];
    });
    if (state.domain === null) initYears();
    applyFilter();
    cy.fit(undefined, 30);
    var label = center.data("label");
    status(cy.nodes().length <= 1 ? "Nothing is connected to " + label + (state.since || state.until ? " in the chosen years." : ".")
      : cy.nodes().length + " nodes around " + label + ". Double-click a node to expand it.",
      cy.nodes().length <= 1 ? "empty" : "ready");
    showDetails(center);
  }

  async function expand(node) {
    if (node.hasClass("expanded") || node.hasClass("center")) return;
    status("Expanding " + node.data("label") + "…", "loading");
    try {
      var slice = await fetchSlice(node.id());
      var added = addSlice(slice, node);
      node.addClass("expanded");
      state.expanded.push(node.id());
      state.truncated[node.id()] = slice.truncated || [];
      applyFilter();
      status("Added " + added.nodes().length + " nodes around " + node.data("label") + ".", "ready");
    } catch (e) {
      status(e.message, "error");
    }
  }

  // ----- details -----

  function showDetails(node) {
    var body = $("details-body");
    body.textContent = "";
    $("details-empty").hidden = true;
    body.hidden = false;
    var t = node.data("type");
    var title = document.createElement("h3");
    title.textContent = node.data("label");
    body.appendChild(title);
    var dl = document.createElement("dl");
    [["Type", (S.TYPES[t] || { name: t }).name], ["Year", node.data("year")], ["Connections on screen", node.degree()],
      ["Id", node.id()]].forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      var dt = document.createElement("dt"); dt.textContent = row[0];
      var dd = document.createElement("dd"); dd.textContent = String(row[1]);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    body.appendChild(dl);
    var links = document.createElement("p");
    links.className = "row";
    if (t === "AUTHOR") links.appendChild(link("Open profile", "/authors/" + encodeURIComponent(node.id())));
    if (!node.hasClass("center")) {
      links.appendChild(button("Center here", function () { load(node.id()); }));
      if (!node.hasClass("expanded")) links.appendChild(button("Expand", function () { expand(node); }));
    }
    body.appendChild(links);
  }

  function link(text, href) { var a = document.createElement("a"); a.textContent = text; a.href = href; return a; }
  function button(text, onClick) {
    var b = document.createElement("button"); b.type = "button"; b.className = "secondary"; b.textContent = text;
    b.addEventListener("click", onClick); return b;
  }

  // ----- years -----

  function initYears() {
    var now = new Date().getFullYear();
    var years = cy.nodes().map(function (n) { return n.data("year"); }).filter(function (y) { return y; });
    var low = Math.min.apply(null, years.concat([state.since || now, now - 10])) - 1;
    state.domain = [low, now];
    [$("year-since"), $("year-until")].forEach(function (input) { input.min = String(low); input.max = String(now); });
    $("year-since").value = String(state.since || low);
    $("year-until").value = String(state.until || now);
    showYears();
  }

  function showYears() {
    $("year-output").textContent = (state.since || "any") + " – " + (state.until || "any");
  }

  function readYears() {
    if (!state.domain) return;
    var a = parseInt($("year-since").value, 10);
    var b = parseInt($("year-until").value, 10);
    if (a > b) { var c = a; a = b; b = c; }
    state.since = a > state.domain[0] ? a : null;
    state.until = b < state.domain[1] ? b : null;
    showYears();
  }

  // ----- search -----

  async function search(text) {
    var list = $("search-results");
    list.textContent = "";
    if (!text) return;
    status("Searching…");
    try {
      var data = await window.PeerGraph.gql(SEARCH, { query: text });
      var edges = (data.search && data.search.edges) || [];
      if (!edges.length) {
        var empty = document.createElement("li");
        empty.className = "empty";
        empty.textContent = "No matches for “" + text + "”. Try fewer words or another spelling.";
        list.appendChild(empty);
        status("No matches.");
        return;
      }
      edges.forEach(function (edge) {
        var node = edge.node;
        var type = S.typeOf(node.__typename);
        var item = document.createElement("li");
        var a = link("", "/explore?focus=" + encodeURIComponent(node.id));
        var swatch = document.createElement("span");
        swatch.className = "swatch type-" + type.toLowerCase();
        a.appendChild(swatch);
        a.appendChild(document.createTextNode(node.name || node.title || node.label || node.id));
        a.dataset.id = node.id;
        a.addEventListener("click", function (event) { event.preventDefault(); load(node.id); });
        item.appendChild(a);
        var meta = document.createElement("span");
        meta.className = "muted";
        meta.textContent = " " + ((S.TYPES[type] || { name: type }).name) + (node.year ? ", " + node.year : "");
        item.appendChild(meta);
        list.appendChild(item);
      });
      status(edges.length + " matches. Pick one to draw its neighborhood.");
    } catch (e) {
      status(e.message, "error");
    }
  }

  // ----- wiring -----

  function start() {
    root = $("explorer");
    if (!root || !window.cytoscape) return;
    readState();
    var box = $("explorer-graph");
    box.textContent = "";
    // Haystack edges, labels hidden when small, a pixel ratio of 1 and a cached texture while panning
    // keep a few hundred nodes smooth (bench/explorer_render.py).
    cy = window.cytoscape({ container: box, style: S.stylesheet(), minZoom: 0.05, maxZoom: 4, pixelRatio: 1,
      textureOnViewport: true });
    cy.on("tap", "node", function (event) { showDetails(event.target); });
    cy.on("dbltap", "node", function (event) { expand(event.target); });

    document.querySelectorAll("#type-filter input[type=checkbox]").forEach(function (input) {
      input.checked = !!state.visible[input.value];
      input.addEventListener("change", function () {
        state.visible[input.value] = input.checked;
        applyFilter();
        writeUrl();
      });
    });
    ["year-since", "year-until"].forEach(function (id) {
      $(id).addEventListener("input", readYears);
      $(id).addEventListener("change", function () {
        readYears();
        if (state.focus) load(state.focus, { keepExpanded: true }); else writeUrl();
      });
    });
    $("year-reset").addEventListener("click", function () {
      if (!state.domain) return;
      $("year-since").value = String(state.domain[0]);
      $("year-until").value = String(state.domain[1]);
      readYears();
      if (state.focus) load(state.focus, { keepExpanded: true });
    });
    $("relayout").addEventListener("click", relayout);
    $("fit").addEventListener("click", function () { cy.fit(cy.nodes().not(".filtered"), 30); });
    $("explorer-search").addEventListener("submit", function (event) {
      event.preventDefault();
      search($("explorer-q").value.trim());
    });
    document.querySelectorAll("#search-results a[data-id]").forEach(function (a) {
      a.addEventListener("click", function (event) { event.preventDefault(); load(a.dataset.id); });
    });
    var list = $("graph-list");
    if (list) list.open = false;

    window.peergraphExplorer = { cy: cy, state: state, load: load, expand: expand, search: search, relayout: relayout };
    var embedded = $("graph-data") ? JSON.parse($("graph-data").textContent) : null;
    var initial = embedded && embedded.center === state.focus ? embedded.slice : null;
    if (state.focus) load(state.focus, { initial: initial }); else root.dataset.status = "idle";
  }

  document.addEventListener("DOMContentLoaded", start);
})();

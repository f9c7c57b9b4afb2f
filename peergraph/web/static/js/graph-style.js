// Look of the graph, shared by the profile panel and the explorer: one color and shape per node type
// (the same colors as peergraph.css and the legend), labels hidden when zoomed out to stay fast.
(function () {
  "use strict";
  var TYPES = {
    AUTHOR: { name: "Person", plural: "People", color: "#2f5bd3", shape: "ellipse" },
    PAPER: { name: "Paper", plural: "Papers", color: "#d9822b", shape: "round-rectangle" },
    TOPIC: { name: "Topic", plural: "Topics", color: "#2a9d8f", shape: "diamond" },
    INSTITUTION: { name: "Institution", plural: "Institutions", color: "#8e44ad", shape: "triangle" },
    VENUE: { name: "Venue", plural: "Venues", color: "#7f8c8d", shape: "hexagon" }
  };
  var ORDER = ["AUTHOR", "PAPER", "TOPIC", "INSTITUTION", "VENUE"];

  function typeOf(value) { return String(value || "").toUpperCase(); }

  function shorten(text, n) {
    text = String(text || "");
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  function stylesheet() {
    var style = [
      { selector: "node", style: {
        "background-color": "#999", "label": "data(short)", "font-size": 9, "color": "#1d2330",
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 120,
        "min-zoomed-font-size": 7, "width": "mapData(size, 0, 1, 14, 34)", "height": "mapData(size, 0, 1, 14, 34)",
        "border-width": 1, "border-color": "#fff" } },
      { selector: "node.center", style: { "border-width": 4, "border-color": "#1d2330", "font-weight": "bold",
        "font-size": 11, "min-zoomed-font-size": 0 } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#555" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2c94c" } },
      { selector: "node.filtered", style: { "display": "none" } },
      { selector: "edge", style: { "width": "mapData(weight, 0, 1, 0.6, 3)", "line-color": "#c3cad6",
        "curve-style": "haystack", "haystack-radius": 0, "opacity": 0.8 } },
      { selector: "edge[type = 'CITES']", style: { "line-style": "dashed" } }
    ];
    ORDER.forEach(function (t) {
      style.push({ selector: "node[type = '" + t + "']",
        style: { "background-color": TYPES[t].color, "shape": TYPES[t].shape } });
    });
    return style;
  }

  // A GraphSlice from the API as cytoscape elements; ids already on the graph are skipped.
  function toElements(slice, existing) {
    var have = existing || function () { return false; };
    var elements = [];
    var maxWeight = 0;
    (slice.nodes || []).forEach(function (n) { maxWeight = Math.max(maxWeight, Number(n.weight) || 0); });
    (slice.nodes || []).forEach(function (n) {
      if (have(n.id)) return;
      var t = typeOf(n.type);
      elements.push({ group: "nodes", data: {
        id: n.id, type: t, label: String(n.label || n.id), short: shorten(n.label || n.id, 40), year: n.year,
        weight: n.weight, size: maxWeight > 0 ? (Number(n.weight) || 0) / maxWeight : 0.3 } });
    });
    var present = {};
    elements.forEach(function (el) { present[el.data.id] = true; });
    (slice.edges || []).forEach(function (e) {
      var id = e.source + "|" + e.type + "|" + e.target;
      if (have(id) || present[id]) return;
      // An edge is drawn only between nodes that are (or will be) on the graph.
      if (!(present[e.source] || have(e.source)) || !(present[e.target] || have(e.target))) return;
      present[id] = true;
      elements.push({ group: "edges", data: {
        id: id, source: e.source, target: e.target, type: String(e.type || ""),
        weight: Math.min(1, Number(e.weight) || 0.3) } });
    });
    return elements;
  }

  function legend(list, counts) {
    if (!list) return;
    list.textContent = "";
    ORDER.forEach(function (t) {
      if (counts && !counts[t]) return;
      var item = document.createElement("li");
      item.className = "legend-item";
      var swatch = document.createElement("span");
      swatch.className = "swatch shape type-" + t.toLowerCase();
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(TYPES[t].plural + (counts ? " (" + counts[t] + ")" : "")));
      item.dataset.type = t;
      list.appendChild(item);
    });
  }

  window.PeerGraphStyle = { TYPES: TYPES, ORDER: ORDER, typeOf: typeOf, stylesheet: stylesheet,
    toElements: toElements, legend: legend, shorten: shorten };
})();

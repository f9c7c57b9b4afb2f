// The profile page: draws the "Research graph" panel from the slice the server embedded, and runs
// the actions (follow, claim, invite) for whoever is signed in. Reading the page needs none of this.
(function () {
  "use strict";
  var S = window.PeerGraphStyle;

  function drawPanel() {
    var box = document.getElementById("profile-graph");
    var dataBlock = document.getElementById("graph-data");
    if (!box || !dataBlock || !window.cytoscape) return;
    var payload = JSON.parse(dataBlock.textContent);
    var slice = payload.slice || { nodes: [], edges: [] };
    box.textContent = "";
    if (!slice.nodes || slice.nodes.length <= 1) {
      box.dataset.status = "empty";
      var p = document.createElement("p");
      p.className = "empty";
      p.textContent = "Nothing is connected to this record yet.";
      box.appendChild(p);
      return;
    }
    var cy = window.cytoscape({
      container: box, elements: S.toElements(slice), style: S.stylesheet(),
      layout: { name: "concentric", concentric: function (n) { return n.id() === payload.center ? 10 : (n.data("type") === "PAPER" ? 5 : 1); },
        levelWidth: function () { return 1; }, minNodeSpacing: 12, animate: false },
      minZoom: 0.2, maxZoom: 3
    });
    var center = cy.getElementById(payload.center);
    center.addClass("center");
    cy.on("tap", "node", function (event) {
      var node = event.target;
      if (node.id() === payload.center) return;
      window.location.assign(node.data("type") === "AUTHOR"
        ? "/authors/" + encodeURIComponent(node.id())
        : "/explore?focus=" + encodeURIComponent(node.id()));
    });
    var counts = {};
    cy.nodes().forEach(function (n) { counts[n.data("type")] = (counts[n.data("type")] || 0) + 1; });
    S.legend(document.getElementById("profile-legend"), counts);
    box.dataset.nodeCount = String(cy.nodes().length);
    box.dataset.status = "ready";
    var list = document.getElementById("graph-list");
    if (list) list.open = false; // the drawing is there now; the list stays one click away
    window.peergraphProfile = { cy: cy };
  }

  // ----- actions -----
  var el = function (id) { return document.getElementById(id); };

  function say(text, isError) {
    var box = el("action-message");
    box.className = "form-message" + (isError ? " error" : "");
    box.textContent = text;
  }

  function explain(id, text) { el(id).textContent = text; }

  function setupActions(account) {
    var profile = el("profile");
    var authorId = profile.dataset.authorId;
    var actions = window.PeerGraphActions;
    if (!account || !actions) return; // the server-rendered hints already explain what to do
    actions.viewerState(authorId).then(function (state) {
      renderFollow(state);
      renderClaim(state);
      renderInvite(state);
    }, function (e) { say(e.message, true); });

    function renderFollow(state) {
      var button = el("follow-button");
      button.disabled = false;
      button.querySelector(".label").textContent = state.following ? "Following" : "Follow researcher";
      button.setAttribute("aria-pressed", state.following ? "true" : "false");
      el("follow-count").textContent = String(state.followersCount);
      explain("follow-hint", state.following ? "You follow this researcher. Click to unfollow." : "Get this researcher's new work in your feed.");
      button.onclick = async function () {
        button.disabled = true;
        try {
          var next = await actions.setFollow(authorId, !state.following);
          state.following = next.following;
          state.followersCount = next.followersCount;
          el("count-followers").textContent = String(next.followersCount);
        } catch (e) { say(e.message, true); }
        renderFollow(state);
      };
    }

    function renderClaim(state) {
      var button = el("claim-button");
      button.disabled = !state.canClaim;
      explain("claim-hint", state.claimHint);
      button.onclick = async function () {
        button.disabled = true;
        try {
          var outcome = await actions.claim(authorId);
          say(outcome.message, !outcome.ok);
          if (outcome.ok) { state.canClaim = false; state.claimHint = outcome.message; }
        } catch (e) { say(e.message, true); }
        renderClaim(state);
      };
    }

    function renderInvite(state) {
      var form = el("invite-form");
      var message = el("invite-message");
      el("invite-button").disabled = message.disabled = !state.canInvite;
      explain("invite-hint", state.inviteHint);
      form.onsubmit = async function (event) {
        event.preventDefault();
        if (!message.value.trim()) { say("Write a short message first.", true); return; }
        el("invite-button").disabled = true;
        try {
          var outcome = await actions.invite(authorId, message.value.trim());
          say(outcome.message, !outcome.ok);
          if (outcome.ok) message.value = "";
        } catch (e) { say(e.message, true); }
        el("invite-button").disabled = !state.canInvite;
      };
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    try { drawPanel(); } catch (e) {
      var box = document.getElementById("profile-graph");
      if (box) { box.dataset.status = "error"; box.textContent = "The graph could not be drawn; the list below has the same content."; }
    }
    if (window.PeerGraph) window.PeerGraph.session.then(setupActions);
  });
})();

// Who is signed in, and the one way the pages talk to the API: PeerGraph.gql(query, variables).
// The bearer token from logIn/signUp lives in localStorage and is sent only to this site's /graphql.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var KEY = "peergraph.token";

  function token() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function setToken(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* private mode: stays anonymous */ }
  }
  function clearToken() {
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
  }

  function GraphQLError(message, data) {
    this.name = "GraphQLError";
    this.message = message;
    this.data = data;
  }
  GraphQLError.prototype = Object.create(Error.prototype);

  async function gql(query, variables) {
    var headers = { "content-type": "application/json", accept: "application/json" };
    var t = token();
    if (t) headers.authorization = "Bearer " + t;
    var response;
    try {
      response = await fetch("/graphql", {
        method: "POST", headers: headers, credentials: "same-origin",
        body: JSON.stringify({ query: query, variables: variables || {} })
      });
    } catch (e) {
      throw new GraphQLError("PeerGraph cannot be reached; check your connection and try again.");
    }
    var body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!body) {
      throw new GraphQLError(response.status === 503
        ? "The graph store is not answering right now; try again in a minute."
        : "The server answered with an error (" + response.status + ").");
    }
    if (body.errors && body.errors.length) {
      throw new GraphQLError(body.errors.map(function (e) { return e.message; }).join("; "), body.data);
    }
    return body.data;
  }

  var ME = "query Me { me { id displayName role } }";

  function loadSession() {
    if (!token()) return Promise.resolve(null);
    return gql(ME).then(function (data) {
      if (!data.me) clearToken(); // expired or logged out elsewhere
      return data.me || null;
    }, function () { return null; });
  }

  var session = loadSession();

  function showSession(account) {
    var box = document.getElementById("session");
    if (!box) return;
    var login = document.getElementById("session-login");
    var name = document.getElementById("session-name");
    var logout = document.getElementById("session-logout");
    box.dataset.state = account ? "signed-in" : "anonymous";
    login.hidden = !!account;
    name.hidden = logout.hidden = !account;
    name.textContent = account ? (account.displayName || "Signed in") : "";
  }

  async function logOut() {
    try { await gql("mutation { logOut { __typename } }"); } catch (e) { /* the token is dropped anyway */ }
    clearToken();
    window.location.reload();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var logout = document.getElementById("session-logout");
    if (logout) logout.addEventListener("click", logOut);
    session.then(showSession);
  });

  window.PeerGraph = { gql: gql, token: token, setToken: setToken, clearToken: clearToken, session: session };
})();

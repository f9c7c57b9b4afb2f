// Log in or create an account through the GraphQL mutations, keep the token, go back where the person was.
(function () {
  "use strict";
  var LOG_IN = "mutation LogIn($email: String!, $password: String!) { logIn(email: $email, password: $password) {" +
    " __typename ... on AuthPayload { token account { displayName } } ... on LoginFailedError { message }" +
    " ... on RateLimitedError { message retryAfterSeconds } ... on InvalidInputError { message } } }";
  var SIGN_UP = "mutation SignUp($email: String!, $password: String!, $displayName: String) {" +
    " signUp(email: $email, password: $password, displayName: $displayName) {" +
    " __typename ... on AuthPayload { token account { displayName } } ... on InvalidInputError { message }" +
    " ... on EmailTakenError { message } } }";

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("login-form");
    if (!form) return;
    var message = document.getElementById("login-message");
    var nameRow = document.getElementById("name-row");
    var mode = "login";
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.addEventListener("click", function () { mode = button.dataset.mode; });
    });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (mode === "signup" && nameRow.hidden) {
        nameRow.hidden = false; // ask for a display name first
        message.textContent = "Choose a display name, then press Create account again.";
        return;
      }
      var values = { email: form.email.value.trim(), password: form.password.value };
      if (mode === "signup") values.displayName = form.displayName.value.trim() || null;
      message.className = "form-message";
      message.textContent = mode === "signup" ? "Creating your account…" : "Logging in…";
      try {
        var data = await window.PeerGraph.gql(mode === "signup" ? SIGN_UP : LOG_IN, values);
        var result = mode === "signup" ? data.signUp : data.logIn;
        if (result.__typename !== "AuthPayload") {
          message.className = "form-message error";
          message.textContent = result.message || "That did not work; please try again.";
          return;
        }
        window.PeerGraph.setToken(result.token);
        window.location.assign(form.dataset.next || "/explore");
      } catch (e) {
        message.className = "form-message error";
        message.textContent = e.message;
      }
    });
  });
})();

// The profile page's actions as GraphQL calls for the signed-in account: follow/unfollow, claim the
// author record, invite to collaborate. The server decides what is allowed; this only asks and explains.
(function () {
  "use strict";
  var VIEWER = "query Viewer($id: ID!) {" +
    " followState(authorId: $id) { __typename ... on FollowResult { followers following }" +
    " ... on NotFoundError { message } ... on NotAuthorizedError { message } ... on InvalidInputError { message } }" +
    " myClaims { __typename ... on ClaimList { claims { id status authorId reason } } ... on NotAuthorizedError { message } } }";
  var FOLLOW_FIELDS = " { __typename ... on FollowResult { followers following } ... on NotFoundError { message }" +
    " ... on NotAuthorizedError { message } ... on InvalidInputError { message } } }";
  var FOLLOW = "mutation Follow($id: ID!) { follow(authorId: $id)" + FOLLOW_FIELDS;
  var UNFOLLOW = "mutation Unfollow($id: ID!) { unfollow(authorId: $id)" + FOLLOW_FIELDS;
  var CLAIM = "mutation Claim($id: ID!) { claimAuthor(authorId: $id) { __typename ... on Claim { id status }" +
    " ... on ClaimConflictError { message } ... on RateLimitedError { message } ... on ServiceUnavailableError { message }" +
    " ... on NotAuthorizedError { message } ... on NotFoundError { message } ... on InvalidInputError { message } } }";
  var INVITE = "mutation Invite($id: ID!, $message: String!) { inviteToCollaborate(authorId: $id, message: $message) {" +
    " __typename ... on Invitation { id toAuthorName } ... on RateLimitedError { message retryAfterSeconds }" +
    " ... on NotAuthorizedError { message } ... on NotFoundError { message } ... on InvalidInputError { message } } }";

  function gql(query, variables) { return window.PeerGraph.gql(query, variables); }

  function claimedByAuthorPage() {
    var profile = document.getElementById("profile");
    return profile && profile.dataset.claimed === "true";
  }

  async function viewerState(authorId) {
    var data = await gql(VIEWER, { id: authorId });
    var follow = data.followState.__typename === "FollowResult" ? data.followState : { followers: 0, following: false };
    var claims = data.myClaims.__typename === "ClaimList" ? data.myClaims.claims : [];
    var mine = claims.filter(function (c) { return c.authorId === authorId; })[0] || null;
    var verifiedSomewhere = claims.some(function (c) { return c.status === "verified"; });
    var claimed = claimedByAuthorPage() || (mine && mine.status === "verified");
    var state = { following: !!follow.following, followersCount: follow.followers || 0 };

    if (mine && mine.status === "verified") {
      state.canClaim = false; state.claimHint = "You have claimed this author record: it is yours.";
    } else if (claimed) {
      state.canClaim = false; state.claimHint = "This author record has been claimed by its researcher.";
    } else if (mine && mine.status === "pending") {
      state.canClaim = false; state.claimHint = "Your claim is waiting for a curator's decision.";
    } else {
      state.canClaim = true;
      state.claimHint = (mine && mine.status === "rejected" ? "Your earlier claim was rejected" +
        (mine.reason ? " (" + mine.reason + ")" : "") + ". You may claim again. " : "") +
        "A curator reviews each claim before it is verified.";
    }

    if (mine && mine.status === "verified") {
      state.canInvite = false; state.inviteHint = "This is your own author record.";
    } else if (!claimed) {
      state.canInvite = false; state.inviteHint = "Claim this author entity first to unlock direct invitations.";
    } else if (!verifiedSomewhere) {
      state.canInvite = false;
      state.inviteHint = "Invitations are sent from a verified researcher profile: claim and verify your own author record first.";
    } else {
      state.canInvite = true; state.inviteHint = "Your message goes to the researcher's PeerGraph inbox.";
    }
    return state;
  }

  async function setFollow(authorId, follow) {
    var data = await gql(follow ? FOLLOW : UNFOLLOW, { id: authorId });
    var result = follow ? data.follow : data.unfollow;
    if (result.__typename !== "FollowResult") throw new Error(result.message);
    return { following: result.following, followersCount: result.followers };
  }

  async function claim(authorId) {
    var result = (await gql(CLAIM, { id: authorId })).claimAuthor;
    if (result.__typename !== "Claim") return { ok: false, message: result.message };
    return { ok: true, message: result.status === "verified" ? "Your claim is verified."
      : "Your claim was recorded and is waiting for a curator's decision." };
  }

  async function invite(authorId, message) {
    var result = (await gql(INVITE, { id: authorId, message: message })).inviteToCollaborate;
    if (result.__typename !== "Invitation") return { ok: false, message: result.message };
    return { ok: true, message: "Invitation sent to " + result.toAuthorName + "." };
  }

  window.PeerGraphActions = { viewerState: viewerState, setFollow: setFollow, claim: claim, invite: invite };
})();

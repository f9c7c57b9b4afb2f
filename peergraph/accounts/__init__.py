"""Accounts, tokens, claims of author records, follows, invitations and vouches (see docs/trust.md)."""

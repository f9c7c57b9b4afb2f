"""Verification levels and the explainable trust score (see docs/trust.md)."""

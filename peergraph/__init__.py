"""PeerGraph: an open research knowledge graph."""

__version__ = "0.1.0"

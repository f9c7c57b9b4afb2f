"""The graph store: settings, the embedded server and the one driver every read and write goes through."""

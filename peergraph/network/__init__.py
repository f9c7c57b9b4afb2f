"""Pure domain logic about the collaboration network (no I/O): weights and who counts as close."""

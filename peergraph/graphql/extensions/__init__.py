"""Schema extensions: request limits and error masking."""

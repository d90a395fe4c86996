"""Compare mode: align a copy with its source, then classify every difference (GC7xx)."""

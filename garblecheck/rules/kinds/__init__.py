"""Rule kinds. Importing this package registers every kind in ``garblecheck.rules.base.KINDS``."""

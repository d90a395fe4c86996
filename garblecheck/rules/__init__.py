"""The rule engine: YAML rule files in ``rules/``, each run by a small engine of its kind."""

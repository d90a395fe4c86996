"""Grammar engines (Harper embedded, LanguageTool optional) and the analyser over them."""

from __future__ import annotations

from garblecheck.grammar.base import Engine, GrammarAnalyser, Match
from garblecheck.grammar.harper import HarperEngine
from garblecheck.grammar.languagetool import DEFAULT_TIMEOUT, LanguageToolEngine, local_engine

# the --languagetool-url value that starts the local install found in $LTP_PATH
LOCAL = "local"


def build_engines(
    *,
    harper: bool = True,
    languagetool_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Engine]:
    """The engines a run asked for: Harper unless switched off, LanguageTool when a server URL
    (or ``local``, for the install in $LTP_PATH) is given."""
    engines: list[Engine] = [HarperEngine()] if harper else []
    if languagetool_url == LOCAL:
        engines.append(local_engine(timeout=timeout))
    elif languagetool_url:
        engines.append(LanguageToolEngine(languagetool_url, timeout=timeout))
    return engines


__all__ = [
    "LOCAL",
    "Engine",
    "GrammarAnalyser",
    "HarperEngine",
    "LanguageToolEngine",
    "Match",
    "build_engines",
    "local_engine",
]

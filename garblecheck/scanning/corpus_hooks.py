"""The seam to corpus consensus (garblecheck.corpus): facts collected per article in pass 1,
one consensus built from all of them in the parent, its findings added to each report in pass 2.

Scan only needs the three calls below; ``default_corpus`` wires the real module when it is
installed, and tests (or other callers) may pass any object with the same calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from garblecheck.model import Document, Finding


class Consensus(Protocol):
    """What the corpus agrees on; picklable, shipped to every worker once."""

    def findings(self, doc_id: str, doc: Document) -> list[Finding]: ...


@dataclass(frozen=True)
class CorpusHooks:
    """``collect_facts`` runs in the workers (cheap, picklable result); ``from_facts`` in the
    parent, over the facts of every article."""

    collect_facts: Callable[[Document], Any]
    from_facts: Callable[[Iterable[tuple[str, Any]]], Consensus]


def default_corpus() -> CorpusHooks | None:
    """The corpus consensus of garblecheck.corpus, or None where that module is absent."""
    try:
        from garblecheck import corpus  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return CorpusHooks(corpus.collect_facts, corpus.Consensus.from_facts)

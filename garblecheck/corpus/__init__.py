"""Corpus consensus for ``garblecheck scan``: what most articles of a scan agree on (the title
each person is given, the spelling of each name, the wording of each quotation) and the
articles that say otherwise (GC151-GC153).

``collect_facts`` runs per document (in worker processes); ``Consensus.from_facts`` aggregates
once over the corpus; ``Consensus.findings`` words one document's disagreements as findings.
"""

from garblecheck.corpus.consensus import Consensus, Disagreement, Limits
from garblecheck.corpus.facts import DocFacts, NameFact, QuoteFact, TitleFact, collect_facts

__all__ = [
    "Consensus",
    "Disagreement",
    "DocFacts",
    "Limits",
    "NameFact",
    "QuoteFact",
    "TitleFact",
    "collect_facts",
]

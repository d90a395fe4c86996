"""``garblecheck scan``: bulk checking of a crawl in which rewritten copies sit beside their
sources. Versions of each story are grouped, the cleanest is chosen as the source, the others
are compared with it, and one JSON line per article is written as it is done (resumable).

    >>> from garblecheck.scanning import ScanOptions, scan
    >>> summary = scan(["crawl/"], options=ScanOptions(output="out.jsonl", jobs=2))
"""

from garblecheck.scanning.corpus_hooks import CorpusHooks, default_corpus
from garblecheck.scanning.grouping import GroupingOptions
from garblecheck.scanning.run import ScanOptions, scan
from garblecheck.scanning.summary import ScanSummary

__all__ = [
    "CorpusHooks", "GroupingOptions", "ScanOptions", "ScanSummary", "default_corpus", "scan",
]

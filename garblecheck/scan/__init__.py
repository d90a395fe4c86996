"""``garblecheck scan``: bulk checking of a crawl in which rewritten copies sit beside their
sources. Versions of each story are grouped, the cleanest is chosen as the source, the others
are compared with it, and one JSON line per article is written as it is done (resumable).

    >>> from garblecheck.scan import ScanOptions, scan
    >>> summary = scan(["crawl/"], options=ScanOptions(output="out.jsonl", jobs=2))
"""

import sys
import types
from collections.abc import Iterable

from garblecheck.scan.corpus_hooks import CorpusHooks, default_corpus
from garblecheck.scan.grouping import GroupingOptions
from garblecheck.scan.run import ScanOptions, scan
from garblecheck.scan.summary import ScanSummary

__all__ = [
    "CorpusHooks", "GroupingOptions", "ScanOptions", "ScanSummary", "default_corpus", "scan",
]


class _CallableModule(types.ModuleType):
    """``garblecheck.scan(paths)`` calls the function although ``garblecheck.scan`` is also
    this package: once imported, the package shadows the lazily exported function."""

    def __call__(
        self, paths: Iterable[str], *, options: ScanOptions | None = None
    ) -> ScanSummary:
        return scan(paths, options=options)


sys.modules[__name__].__class__ = _CallableModule

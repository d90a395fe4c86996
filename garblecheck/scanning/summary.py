"""What a scan adds up to: groups, verdicts, the rules that fired most, the slowest articles,
the errors. Counted from the output rows (a resumed run counts the rows it kept too), so the
summary describes the whole output file, not just the last run's share of it."""

from __future__ import annotations

import heapq
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from garblecheck.model import Severity

_TOP = 10


@dataclass
class ScanSummary:
    """The summary of a scan's output, built row by row."""

    articles: int = 0
    resumed: int = 0  # rows kept from an earlier run
    errors: int = 0
    seconds: float = 0.0
    verdicts: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    worst: Severity | None = None
    _groups: Counter[str] = field(default_factory=Counter)
    _slowest: list[tuple[float, str]] = field(default_factory=list)

    def add(self, info: dict[str, Any], *, resumed: bool = False) -> None:
        """Count one row (``work.summary_info`` of it)."""
        self.articles += 1
        self.resumed += resumed
        if info.get("error") is not None:
            self.errors += 1
            return
        self.verdicts[str(info["verdict"])] += 1
        self._groups[str(info["group"])] += 1
        for rule, severity in info["rules"]:
            self.rules[rule] += 1
            level = Severity(severity)
            if self.worst is None or level > self.worst:
                self.worst = level
        entry = (float(info.get("seconds") or 0.0), str(info.get("path")))
        if len(self._slowest) < _TOP:
            heapq.heappush(self._slowest, entry)
        else:
            heapq.heappushpop(self._slowest, entry)

    @property
    def groups(self) -> int:
        """Stories found in more than one version."""
        return sum(1 for n in self._groups.values() if n > 1)

    @property
    def singletons(self) -> int:
        return sum(1 for n in self._groups.values() if n == 1)

    def slowest(self) -> list[tuple[str, float]]:
        return [(path, seconds) for seconds, path in sorted(self._slowest, reverse=True)]

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "resumed": self.resumed,
            "errors": self.errors,
            "groups": self.groups,
            "grouped_articles": sum(n for n in self._groups.values() if n > 1),
            "singletons": self.singletons,
            "verdicts": dict(sorted(self.verdicts.items())),
            "top_rules": dict(self.rules.most_common(_TOP)),
            "slowest": [{"path": p, "seconds": round(s, 3)} for p, s in self.slowest()],
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None,
        }

    def render(self, fmt: str) -> str:
        """The summary as ``text`` for people or ``json`` for machines."""
        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        d = self.to_dict()
        verdicts = ", ".join(f"{n} {v}" for v, n in d["verdicts"].items()) or "none"  # type: ignore[attr-defined]
        lines = [
            f"Scanned {self.articles} article(s) in {self.seconds:.1f}s"
            + (f" ({self.resumed} kept from the earlier run)" if self.resumed else "")
            + f": {self.errors} error(s).",
            f"Stories: {self.groups} in several versions ({d['grouped_articles']} articles), "
            f"{self.singletons} single.",
            f"Verdicts: {verdicts}.",
        ]
        if self.rules:
            top = self.rules.most_common(_TOP)
            lines.append("Top rules: " + ", ".join(f"{r} ×{n}" for r, n in top))
        if self._slowest:
            lines.append("Slowest: " + ", ".join(f"{p} ({s:.2f}s)" for p, s in self.slowest()[:5]))
        return "\n".join(lines) + "\n"

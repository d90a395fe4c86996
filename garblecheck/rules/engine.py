"""The rule analyser: runs every enabled rule kind over a document.

A kind that crashes is a bug in a rule or its kind; it is reported as a RuleError naming the
rule file, so the pipeline can report it against the document instead of losing the run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from garblecheck.analyser import Analyser, Context
from garblecheck.config import Config
from garblecheck.errors import GarblecheckError, RuleError
from garblecheck.model import Finding, Origin
from garblecheck.rules.base import RuleKind


class RuleAnalyser(Analyser):
    """The rules of the packs whose kind runs here and whose code the configuration enables."""

    name: ClassVar[str] = "rules"
    origin: ClassVar[Origin] = "rules"

    def __init__(self, kinds: Iterable[RuleKind], config: Config) -> None:
        self.kinds = [k for k in kinds if k.runs_in_engine and config.enabled(k.spec.code)]

    def analyse(self, ctx: Context) -> list[Finding]:
        findings: list[Finding] = []
        for kind in self.kinds:
            try:
                findings.extend(kind.check(ctx))
            except GarblecheckError:
                raise
            except Exception as exc:
                raise RuleError(
                    str(kind.spec.path), f"rule {kind.spec.code} ({kind.kind}) failed: {exc!r}"
                ) from exc
        return findings

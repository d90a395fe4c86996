"""The compare analyser: every difference between a copy sentence and its aligned source,
classified into the GC7xx families and worded from their rule files.

Independent wording by another journalist is not garbling, so the tests that judge word choice
(GC706) only speak inside verbatim stretches, quotations (GC705) only count when the copy still
presents the words as a quotation, and reported speech ("Wallace said the UK had decided ...")
stays quiet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from garblecheck.analyser import Analyser, Context
from garblecheck.comparison import classify as c
from garblecheck.comparison.diff import Difference, Pair, compare_tokens
from garblecheck.comparison.tokens import NEGATORS, Token, tokenize
from garblecheck.errors import RuleError
from garblecheck.knowledge.lexicon import Lexicon, lexicon
from garblecheck.knowledge.phrases import PhraseTable, phrase_table
from garblecheck.model import AlignedSource, Document, Finding, Sentence, Severity
from garblecheck.rules.base import RuleSpec

DROPPED_MIN_CONTENT = 4  # content words a dropped stretch must hold to be worth a note
LOCAL = 3  # words either side: a negation or a quotation change is judged this locally
QUOTE_WORDS = 12  # longest stretch of source words a message quotes
_FIRST_PERSON = frozenset({"I", "we", "We", "my", "My", "our", "Our", "me", "us"})
_ATTRIBUTION = re.compile(
    r"[,—–]\s*(?:[\w’'.-]+\s+){0,5}?(?:said|says|added|adds|told|explained|stressed|warned|"
    r"insisted)\b[^,;:]{0,40}[.!?]?[”\"’']?\s*$"
)


class CompareAnalyser(Analyser):
    """Classify the differences of every aligned copy sentence (needs ``ctx.source`` and
    ``ctx.alignment``); unaligned sentences are left to the reference-free analysers."""

    name = "compare"
    origin = "compare"
    needs_source = True

    def __init__(self, specs: dict[str, RuleSpec]) -> None:
        self.specs = specs
        for spec in specs.values():
            try:
                spec.message.format(copy="", source="")
            except (KeyError, IndexError, ValueError) as exc:
                raise RuleError(str(spec.path), f"key 'message': bad template ({exc})") from None

    def analyse(self, ctx: Context) -> list[Finding]:
        if ctx.source is None or not ctx.alignment or not self.specs:
            return []
        run = _Run(self, ctx)
        for sentence, aligned in zip(ctx.doc.seg.sentences, ctx.alignment, strict=False):
            if aligned is not None:
                run.sentence(sentence, aligned)
        return run.findings


class _Run:
    """The state of one analysis: the documents, the lexicon and the findings so far."""

    def __init__(self, analyser: CompareAnalyser, ctx: Context) -> None:
        assert ctx.source is not None
        self.specs = analyser.specs
        self.ctx = ctx
        self.doc: Document = ctx.doc
        self.source: Document = ctx.source
        self.lex: Lexicon = lexicon()
        self.table: PhraseTable = phrase_table()
        self.findings: list[Finding] = []
        # copy words that cover each source sentence, over every copy sentence aligned to it:
        # a spinner splits sentences, so words "dropped" from one may sit in the next
        self.covering: dict[int, set[str]] = defaultdict(set)
        for sentence, aligned in zip(ctx.doc.seg.sentences, ctx.alignment, strict=False):
            if aligned is not None:
                keys = {t.key for t in tokenize(sentence.text, sentence.start)}
                for i in aligned.sentences:
                    self.covering[i] |= keys

    def sentence(self, sentence: Sentence, aligned: AlignedSource) -> None:
        copy = tokenize(sentence.text, sentence.start)
        source = [
            token
            for i in aligned.sentences
            for token in tokenize(
                self.source.seg.sentences[i].text, self.source.seg.sentences[i].start
            )
        ]
        pair = compare_tokens(copy, source)
        evidence = self.source.text[aligned.start : aligned.end].strip()
        speech = _presents_as_speech(self.doc, sentence, copy)
        copy_keys = {t.key for t in copy}
        source_keys = {t.key for t in _matched_region(pair)}
        negation_flip = c.negation_balance(_matched_region(pair), copy) != 0
        quote_changes: list[Difference] = []
        for d in pair.differences:
            verdict = self._classify(d, speech, copy_keys, source_keys, negation_flip, pair.follows)
            if verdict is None:
                continue
            if verdict.code == "GC705":
                quote_changes.append(d)
            else:
                self._report(verdict, d, evidence)
        if quote_changes:  # one finding per quotation, however many words changed
            # one word differing between two renderings of a quotation is often a different
            # transcript; a spinner's swap or several changes are not
            weak = len(quote_changes) == 1 and c.odd_synonym(quote_changes[0], self.lex) is None
            self._report(
                c.Verdict("GC705", min(0.9, 0.6 + 0.1 * len(quote_changes)), weak=weak),
                _joined(quote_changes),
                evidence,
            )
        for s, t in pair.matches:
            if c.dialect_switch(s, t):
                self._report(c.Verdict("GC709", 0.5, weak=True), _single(s, t), evidence)
        self._dropped(pair, aligned, evidence)

    def _classify(
        self,
        d: Difference,
        speech: bool,
        copy_keys: set[str],
        source_keys: set[str],
        negation_flip: bool,
        follows: bool,
    ) -> c.Verdict | None:
        # a word that occurs elsewhere on the other side was moved, not replaced
        moved = any(t.content and t.key in copy_keys for t in d.source) or any(
            t.content and t.key in source_keys for t in d.copy
        )
        tests: list[Callable[[], c.Verdict | None]] = [
            lambda: c.number_change(d),
            lambda: c.title_change(d, self.lex),
            lambda: c.name_change(d, self.lex),
            lambda: c.meaning_flip(d, self.lex),
            lambda: self._negation(d, negation_flip),
            lambda: self._quote(d, speech, copy_keys, source_keys),
            lambda: self._swap(d) if follows and not moved else None,
        ]
        for test in tests:
            if (verdict := test()) is not None:
                return verdict
        return None

    def _swap(self, d: Difference) -> c.Verdict | None:
        """A word swapped inside a stretch the copy follows: a thesaurus swap, or failing a
        sure one, words clean English hardly puts in that slot."""
        verdict = c.odd_synonym(d, self.lex)
        if verdict is not None and not verdict.weak:
            return verdict
        return c.less_fluent(d, self.table) or verdict

    def _negation(self, d: Difference, flip: bool) -> c.Verdict | None:
        if not d.verbatim or max(len(d.source), len(d.copy)) > LOCAL:
            return None
        if flip and any(t.key in NEGATORS for t in d.source + d.copy):
            return c.Verdict("GC707", 0.7)
        return None

    def _quote(
        self, d: Difference, speech: bool, copy_keys: set[str], source_keys: set[str]
    ) -> c.Verdict | None:
        """Changed words in a quotation that the copy still presents as a quotation."""
        if not d.left or not d.right:
            return None  # the edges of an alignment are where paraphrase and merging show
        place = d.source or d.after_source[:1]
        quoted = all(self.source.seg.quoted(t.start, t.end) for t in place)
        in_copy_quote = any(self.doc.seg.quoted(t.start, t.end) for t in d.copy)
        if not quoted or not (speech or in_copy_quote):
            return None
        if not c.changed_content(d, copy_keys, source_keys):
            return None
        return c.Verdict("GC705", 0.7)

    def _dropped(self, pair: Pair, aligned: AlignedSource, evidence: str) -> None:
        """Note the largest stretch of source content no copy sentence carries over."""
        covering = set().union(*(self.covering[i] for i in aligned.sentences))
        worst: Difference | None = None
        worst_size = DROPPED_MIN_CONTENT - 1
        for d in pair.differences:
            if not d.left or not d.right or not d.source:
                continue  # the edges of a merged span are the neighbours' business
            if self.source.seg.sentence_at(d.source[0].start) != self.source.seg.sentence_at(
                d.source[-1].start
            ):
                continue  # a whole sentence between two others belongs to no copy sentence
            lost = [t for t in d.source if t.content and t.key not in covering]
            if len(lost) > worst_size:
                worst, worst_size = d, len(lost)
        if worst is not None:
            self._report(c.Verdict("GC708", 0.5, weak=True), worst, evidence)

    def _report(self, verdict: c.Verdict, d: Difference, evidence: str) -> None:
        spec = self.specs.get(verdict.code)
        if spec is None or not self.ctx.config.enabled(spec.code):
            return
        if verdict.copy:
            d = _single(verdict.source[0], verdict.copy[0])
        start, end = d.span()
        source_words = _span_text(self.source, d.source) or _span_text(self.source, d.after_source)
        copy_words = _span_text(self.doc, d.copy) or self.doc.text[start:end]
        severity = Severity.INFO if verdict.weak else spec.severity
        self.findings.append(
            Finding(
                rule=spec.code,
                name=spec.name,
                category=spec.category,
                severity=severity,
                message=spec.message.format(copy=copy_words, source=source_words),
                start=start,
                end=end,
                origin="compare",
                confidence=verdict.confidence,
                suggestion=source_words or None,
                evidence=evidence,
                sentence=self.doc.seg.sentence_at(start),
            )
        )


def _single(source: Token, copy: Token) -> Difference:
    return Difference((source,), (copy,), 0, 0, (), (), ())


def _joined(diffs: list[Difference]) -> Difference:
    """Several differences of one sentence as one, from the first changed word to the last."""
    copy = tuple(t for d in diffs for t in d.copy)
    source = tuple(t for d in diffs for t in d.source)
    first, last = diffs[0], diffs[-1]
    return Difference(
        source, copy, first.left, last.right, first.before, last.after_source, last.after_copy
    )


def _span_text(doc: Document, tokens: tuple[Token, ...]) -> str:
    """The document's words for a token stretch, shortened to QUOTE_WORDS words."""
    if not tokens:
        return ""
    if len(tokens) > QUOTE_WORDS:
        return doc.text[tokens[0].start : tokens[QUOTE_WORDS - 1].end] + " …"
    return doc.text[tokens[0].start : tokens[-1].end]


def _matched_region(pair: Pair) -> tuple[Token, ...]:
    """The part of the source text the copy sentence actually follows (from its first matched
    word to its last), so that a merged span's other clauses do not count."""
    if not pair.matches:
        return ()
    first, last = pair.matches[0][0], pair.matches[-1][0]
    return tuple(t for t in pair.source if first.start <= t.start <= last.start)


def _presents_as_speech(doc: Document, sentence: Sentence, tokens: Sequence[Token]) -> bool:
    """Whether the copy sentence gives its words as someone's own: in quotation marks, in the
    first person, or with a "..., he said." attribution (not reported speech)."""
    if doc.seg.quoted_share(sentence.start, sentence.end) > 0.5:
        return True
    if any(t.text in _FIRST_PERSON and not doc.seg.quoted(t.start, t.end) for t in tokens):
        return True
    return _ATTRIBUTION.search(sentence.text) is not None

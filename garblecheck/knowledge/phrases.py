"""The phrase table: how often clean English puts two words side by side or close together.

Built by ``python -m garblecheck.build.phrases`` from about 50 M words of Wikipedia and news into
``rules/knowledge/phrases.npz`` and loaded once, lazily. It holds a vocabulary (ids 1..65535 by
frequency, 0 for every rarer word), adjacent-pair counts, ordered co-occurrence counts of
content words at most ``WINDOW`` tokens apart, and for each content word the WordNet synonyms a
spinner could have swapped in. Pair counts are exact 32-bit keys (``first << 16 | second``) with
log-quantised counts; pairs seen once are pruned, so "unseen" means "seen at most once".

The tokeniser lives here so the build and the run time cut text identically.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from garblecheck.errors import RuleError
from garblecheck.knowledge.arrays import load_npz
from garblecheck.packs import knowledge_path

FILE = "phrases.npz"
VERSION = 1
WINDOW = 4  # content-word pairs at most this many tokens apart count as co-occurring
QUANT = 16.0  # stored count q means exp(q / QUANT) occurrences
NUMBER = "0"  # every number is this one token

# words; clitics as their own token ("Putin's" -> "putin" + "'s"); numbers; single punctuation
# marks. Hyphens and stand-alone apostrophes are dropped, so "short-range" is "short range".
_TOKEN = re.compile(
    r"[^\W\d_]+|['’](?:s|re|ve|ll|d|m|t)\b|\d+(?:[.,]\d+)*|[^\w\s'’‘\-‐‑–—]", re.IGNORECASE
)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
_COUNTS = np.exp(np.arange(256) / QUANT)  # quantised count -> count


def line_tokens(line: str) -> list[str]:
    """Normalised tokens of one line of corpus text (numbers not yet merged; the build maps
    every token starting with a digit to ``NUMBER``, as ``token_key`` does)."""
    return _TOKEN.findall(line.lower().translate(_FOLD))


def token_key(token: str) -> str:
    """The table's key for a token as it appears in a text."""
    return NUMBER if token[0].isdigit() else token.lower().translate(_FOLD)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of every token of ``text``, offsets into ``text``. Keys are cut from
    the text folded once, where lowering keeps every character in place (it does not for a
    few letters: "İ" becomes two, a final "Σ" depends on what follows)."""
    folded = text.lower().translate(_FOLD)
    if len(folded) != len(text) or "Σ" in text:
        return [(token_key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    return [
        (NUMBER if text[a].isdigit() else folded[a:b], a, b)
        for a, b in (m.span() for m in _TOKEN.finditer(text))
    ]


@dataclass(frozen=True)
class PairTable:
    """Counts of ordered id pairs: sorted keys ``a << 16 | b`` and their quantised counts."""

    keys: npt.NDArray[np.uint32]
    quantised: npt.NDArray[np.uint8]

    def lookup(self, a: IntArray, b: IntArray) -> FloatArray:
        """Counts of the pairs (a[i], b[i]); 0 where unseen or either word is rare (id 0)."""
        query = (a.astype(np.uint32) << np.uint32(16)) | b.astype(np.uint32)
        idx = np.searchsorted(self.keys, query)
        idx[idx >= len(self.keys)] = 0
        hit = (self.keys[idx] == query) & (a > 0) & (b > 0)
        return np.where(hit, _COUNTS[self.quantised[idx]], 0.0)


class PhraseTable:
    """Word and word-pair counts from clean English, and questions about them."""

    def __init__(self, arrays: dict[str, npt.NDArray[np.generic]]) -> None:
        words = bytes(arrays["vocab"]).decode("utf-8").split("\n")
        self.words: list[str] = words  # id -> key; words[0] is "" (rare word)
        self.ids: dict[str, int] = {w: i for i, w in enumerate(words) if i}
        meta = arrays["meta"].astype(np.int64)
        self.tokens, self.rare_types, self.window_pairs = (int(x) for x in meta[1:4])
        self.unigram = arrays["unigram"].astype(np.float64)
        self.content = arrays["content"].astype(bool)
        self.follows = arrays["bigram_row"].astype(np.float64)  # times a word has a successor
        self.successors = arrays["bigram_types"].astype(np.float64)  # distinct successors
        self.window_first = arrays["window_row"].astype(np.float64)
        self.window_second = arrays["window_col"].astype(np.float64)
        self.bigrams = _pairs(arrays, "bigram")
        self.window = _pairs(arrays, "window")
        self._syn_offsets = arrays["syn_offsets"].astype(np.int64)
        self._syn_ids = arrays["syn_ids"].astype(np.int64)
        # a rare word's probability: the rare words' share spread over their types
        self.rare_p = float(self.unigram[0]) / self.tokens / max(self.rare_types, 1)

    def id_array(self, keys: list[str]) -> IntArray:
        """Ids of token keys (0 for words outside the vocabulary)."""
        get = self.ids.get
        return np.fromiter((get(k, 0) for k in keys), dtype=np.int64, count=len(keys))

    def probability(self, ids: IntArray) -> FloatArray:
        """Unigram probabilities, rare words given their share of the rare-word mass."""
        p = self.unigram[ids] / self.tokens
        return np.where(ids > 0, p, self.rare_p)

    def conditional(
        self, a: IntArray, b: IntArray, discount: float = 0.75, seen: FloatArray | None = None
    ) -> FloatArray:
        """P(b | a) of adjacent tokens, absolute discounting with back-off to P(b) (pairs
        pruned as singletons fall to the back-off, whose weight counted them); ``seen``: the
        pairs' counts, when the caller has looked them up already."""
        if seen is None:
            seen = self.bigrams.lookup(a, b)
        total = np.maximum(self.follows[a], 1.0)
        backoff = np.where(a > 0, discount * self.successors[a] / total, 1.0)
        direct = np.where(a > 0, np.maximum(seen - discount, 0.0) / total, 0.0)
        return direct + backoff * self.probability(b)

    def expected_bigram(self, a: IntArray, b: IntArray) -> FloatArray:
        """How often b would follow a if the two were independent."""
        return self.follows[a] * self.probability(b)

    def expected_window(self, a: IntArray, b: IntArray) -> FloatArray:
        """How often content words a then b would share a window if independent."""
        return self.window_first[a] * self.window_second[b] / max(self.window_pairs, 1)

    def synonyms(self, word: int) -> IntArray:
        """Vocabulary ids of the WordNet synonyms of a content word (most frequent first)."""
        return self._syn_ids[self._syn_offsets[word] : self._syn_offsets[word + 1]]


def _pairs(arrays: dict[str, npt.NDArray[np.generic]], name: str) -> PairTable:
    """A pair table from its compressed form: row offsets, second ids, quantised counts."""
    offsets = arrays[f"{name}_offsets"].astype(np.int64)
    rows = np.arange(len(offsets) - 1, dtype=np.uint32) << np.uint32(16)
    keys = np.repeat(rows, np.diff(offsets))
    np.bitwise_or(keys, arrays[f"{name}_second"], out=keys)
    return PairTable(keys, arrays[f"{name}_q"].astype(np.uint8, copy=False))


@lru_cache(maxsize=1)
def phrase_table() -> PhraseTable:
    """The shipped phrase table, read on first use."""
    path = knowledge_path(FILE)
    arrays = load_npz(path, "phrase table", "phrases", VERSION)
    try:
        return PhraseTable(arrays)
    except (KeyError, ValueError, IndexError) as exc:
        raise RuleError(str(path), f"phrase table is incomplete ({exc})") from exc


def poisson_surprise(seen: FloatArray, expected: FloatArray) -> FloatArray:
    """How unlikely (in nats, a log-likelihood ratio) it is to see ``seen`` or fewer when
    ``expected`` is the rate: 0 when at least the expected number was seen."""
    ratio = np.where(seen > 0, seen / np.maximum(expected, 1e-9), 1.0)
    llr = expected - seen + seen * np.log(ratio)
    return np.where(seen < expected, llr, 0.0)


def binomial_surprise(k: float, total: float, p: float) -> float:
    """How unlikely (in nats) it is that ``k`` or fewer of ``total`` events fall on a side
    that gets each with probability ``p``: 0 when at least the expected share did."""
    if total <= 0 or k >= total * p:
        return 0.0
    rest = total - k
    llr = rest * math.log(rest / (total * (1 - p)))
    return llr + (k * math.log(k / (total * p)) if k > 0 else 0.0)


def at_least_once(seen: FloatArray) -> FloatArray:
    """Pairs seen once were pruned, so an unseen pair counts as seen once: unseen is not odd."""
    return np.maximum(seen, 1.0)


@dataclass
class SentencePairs:
    """The tokens of one sentence and the statistics of its adjacent and nearby pairs.

    ``adjacent`` pairs are every two neighbouring tokens; ``window`` pairs are ordered pairs of
    content words at most ``WINDOW`` tokens apart, as the table counted them.
    """

    spans: list[tuple[str, int, int]]
    ids: IntArray
    adj_first: IntArray  # token index of the first word of each adjacent pair
    adj_seen: FloatArray
    adj_expected: FloatArray
    adj_logp: FloatArray  # log P(second | first)
    adj_assoc: FloatArray  # log P(second | first) - log P(second)
    win_first: IntArray
    win_second: IntArray
    win_seen: FloatArray
    win_expected: FloatArray
    # every odd pair, per table and thresholds: the rule and the classifier both ask for them
    odd: dict[tuple[PhraseTable, Thresholds], list[OddPair]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # the sentences computed together with this one: odd pairs are found for all at once
    batch: Batch | None = field(default=None, repr=False, compare=False)


@dataclass
class Batch:
    """Sentences whose statistics were computed together, and ``whole``: their tokens end to
    end (adjacent pairs include those across a boundary, window pairs do not; span offsets
    stay in their own sentence)."""

    whole: SentencePairs
    starts: list[int]  # token index of each member's first token in ``whole``
    members: list[SentencePairs]

    def find_odd(self, table: PhraseTable, th: Thresholds) -> None:
        """Every member's odd pairs, found in one pass over ``whole``."""
        found: list[list[OddPair]] = [[] for _ in self.members]
        for pair in _independent(self.whole, table, th) + _substituted(self.whole, table, th):
            k = bisect.bisect_right(self.starts, pair.first) - 1
            if pair.second < self.starts[k] + len(self.members[k].spans):  # not across
                found[k].append(_shifted(pair, -self.starts[k]))
        for member, pairs in zip(self.members, found, strict=True):
            member.odd[(table, th)] = _best(pairs)


_CACHED = 4096  # sentences whose statistics are kept: a few documents' worth
_cache: dict[str, SentencePairs] = {}
_cache_lock = threading.Lock()


def sentence_pairs(text: str) -> SentencePairs:
    """Pair statistics of one sentence (the unit the table was counted in). Cached, as the
    rules and the classifier all read every sentence; callers must not modify the result."""
    return document_pairs([text])[0]


def document_pairs(texts: Sequence[str]) -> list[SentencePairs]:
    """Pair statistics of each sentence of a document. The table is asked once for all the
    sentences not cached yet: per-sentence calls cost more in numpy's per-call overhead than
    in the lookups themselves."""
    with _cache_lock:
        known = {t: _cache[t] for t in texts if t in _cache}
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        computed = dict(zip(missing, _pairs_of(missing), strict=True))
        with _cache_lock:
            for text, sp in computed.items():
                if len(_cache) >= _CACHED:
                    del _cache[next(iter(_cache))]  # the oldest first
                _cache[text] = sp
        known |= computed
    return [known[t] for t in texts]


def _pairs_of(texts: list[str]) -> list[SentencePairs]:
    """Statistics of the sentences computed on their tokens laid end to end: adjacent pairs
    across a boundary and window pairs reaching into the next sentence are left out."""
    table = phrase_table()
    spans = [token_spans(text) for text in texts]
    starts = np.cumsum([0] + [len(s) for s in spans])
    ids = table.id_array([key for s in spans for key, _, _ in s])
    a, b = ids[:-1], ids[1:]
    adj_seen = table.bigrams.lookup(a, b)
    logp = np.log(table.conditional(a, b, seen=adj_seen))
    assoc = logp - np.log(table.probability(b))
    expected = table.expected_bigram(a, b)
    sentence = np.repeat(np.arange(len(texts)), np.diff(starts))
    pos = np.flatnonzero(table.content[ids] & (ids > 0))
    # pairs of content positions at most WINDOW apart are at most WINDOW apart in ``pos``
    # too: enumerate only those (in row order, as triu_indices would), not all n² pairs
    i = np.repeat(np.arange(len(pos)), WINDOW)
    j = i + np.tile(np.arange(1, WINDOW + 1), len(pos))
    i, j = i[j < len(pos)], j[j < len(pos)]
    near = ((pos[j] - pos[i]) <= WINDOW) & (sentence[pos[i]] == sentence[pos[j]])
    wi, wj = pos[i[near]], pos[j[near]]
    win_seen = table.window.lookup(ids[wi], ids[wj])
    win_expected = table.expected_window(ids[wi], ids[wj])
    whole = SentencePairs(
        [span for own in spans for span in own],
        ids,
        np.arange(len(a), dtype=np.int64),
        adj_seen,
        expected,
        logp,
        assoc,
        wi,
        wj,
        win_seen,
        win_expected,
    )
    cuts = np.searchsorted(wi, starts).tolist()
    batch = Batch(whole, starts[:-1].tolist(), [])
    for k, (s, e) in enumerate(itertools.pairwise(starts.tolist())):
        w = slice(cuts[k], cuts[k + 1])
        adjacent = slice(s, max(e - 1, s))
        batch.members.append(SentencePairs(
            spans[k],
            ids[s:e],
            np.arange(max(e - s - 1, 0), dtype=np.int64),
            adj_seen[adjacent],
            expected[adjacent],
            logp[adjacent],
            assoc[adjacent],
            wi[w] - s,
            wj[w] - s,
            win_seen[w],
            win_expected[w],
            batch=batch,
        ))
    return batch.members


@dataclass(frozen=True)
class OddPair:
    """Two words of a sentence that clean English hardly ever puts together.

    ``reason`` is "unrelated" when the pair is far rarer than two unrelated words that common
    would be, or "synonym" when a synonym of one word (``better``, replacing the word at token
    ``odd``) goes with the other far more often than the word itself does; ``expected`` is then
    what the word would show if it went with its partner as its synonym does.
    """

    first: int  # token indices into SentencePairs.spans
    second: int
    seen: float
    expected: float
    surprise: float  # nats of evidence that the pair is RATIO times rarer than expected
    reason: str
    odd: int | None = None
    better: str | None = None
    better_seen: float = 0.0


@dataclass(frozen=True)
class Thresholds:
    """What counts as odd. ``ratio``: how many times rarer than expected a pair must be
    (surprise measures the evidence for that, not for any shortfall); ``max_seen``: pairs
    seen more often are never substitutions; ``min_better``: how often the synonym must go
    with the partner for its evidence to count; ``distance``: how far apart (in tokens) two
    words may be for a substitution to be judged."""

    ratio: float = 4.0
    max_seen: float = 2.0
    min_better: float = 10.0
    distance: int = 2  # substitutions are judged between words at most this far apart


def _independent(sp: SentencePairs, table: PhraseTable, th: Thresholds) -> list[OddPair]:
    """Pairs of content words far rarer than independence predicts: neighbours by the
    adjacent-pair counts, words further apart by the window counts."""
    content = table.content[sp.ids] & (sp.ids > 0)
    a = sp.adj_first
    usable = content[a] & content[a + 1]
    apart = (sp.win_second - sp.win_first) > 1
    first = np.concatenate([a[usable], sp.win_first[apart]])
    second = np.concatenate([a[usable] + 1, sp.win_second[apart]])
    seen = np.concatenate([sp.adj_seen[usable], sp.win_seen[apart]])
    expected = np.concatenate([sp.adj_expected[usable], sp.win_expected[apart]])
    surprise = poisson_surprise(at_least_once(seen), expected / th.ratio)
    return [
        OddPair(int(i), int(j), float(o), float(e), float(x), "unrelated")
        for i, j, o, e, x in zip(first, second, seen, expected, surprise, strict=True)
        if x > 0
    ]


def _substituted(sp: SentencePairs, table: PhraseTable, th: Thresholds) -> list[OddPair]:
    """Close content words where a synonym of one goes with the other far more often than the
    word does, given how common each is: the trace of a spinner's swap. The evidence is how
    the pair's occurrences split between the word and its synonym, against the split of their
    occurrences overall discounted by ``ratio`` (a binomial test)."""
    words = np.array([key[0].isalpha() for key, _, _ in sp.spans], dtype=bool)
    gap = np.cumsum(~words)  # punctuation between two words breaks their bond
    i_all, j_all = sp.win_first, sp.win_second
    close = (j_all - i_all <= th.distance) & (gap[j_all] == gap[i_all])
    close &= sp.win_seen <= th.max_seen
    rows: list[tuple[int, int, IntArray]] = []  # (pair, odd token, its synonyms)
    for k in np.flatnonzero(close).tolist():
        for token in (int(j_all[k]), int(i_all[k])):
            synonyms = table.synonyms(int(sp.ids[token]))
            if len(synonyms):
                rows.append((k, token, synonyms))
    if not rows:
        return []
    pair = np.concatenate([np.full(len(s), k) for k, _, s in rows])
    odd = np.concatenate([np.full(len(s), o) for _, o, s in rows])
    syn = np.concatenate([s for _, _, s in rows])
    second_odd = odd == j_all[pair]
    adjacent = (j_all[pair] - i_all[pair]) == 1  # exact adjacent counts; else the window's
    partner = sp.ids[np.where(second_odd, i_all[pair], j_all[pair])]
    together = with_partner(table, partner, syn, second_odd, adjacent)
    unigram = np.stack([table.unigram[syn], table.unigram[sp.ids[odd]]])
    margin_col = np.stack([table.window_second[syn], table.window_second[sp.ids[odd]]])
    margin_row = np.stack([table.window_first[syn], table.window_first[sp.ids[odd]]])
    margins = np.where(adjacent, unigram, np.where(second_odd, margin_col, margin_row))
    margin, own = margins[0], margins[1]
    pair_seen = np.where(adjacent, sp.adj_seen[i_all[pair]], sp.win_seen[pair])
    expected = together * own / np.maximum(margin, 1.0)
    found = []
    for r in np.flatnonzero(together >= th.min_better).tolist():
        k, seen = int(pair[r]), float(pair_seen[r])
        surprise = swap_surprise(
            seen, float(together[r]), float(own[r]), float(margin[r]), th.ratio
        )
        if surprise > 0:
            found.append(
                OddPair(
                    int(i_all[k]),
                    int(j_all[k]),
                    seen,
                    float(expected[r]),
                    surprise,
                    "synonym",
                    int(odd[r]),
                    table.words[int(syn[r])],
                    float(together[r]),
                )
            )
    return found


def with_partner(
    table: PhraseTable,
    partner: IntArray,
    alt: IntArray,
    alt_second: npt.NDArray[np.bool_],
    adjacent: npt.NDArray[np.bool_] | None = None,
) -> FloatArray:
    """How often each alternative word goes with its partner, in the order of the pair it
    would stand in (``alt_second``: the alternative comes second): adjacent-pair counts, or
    the window's where ``adjacent`` is False."""
    first, second = np.where(alt_second, partner, alt), np.where(alt_second, alt, partner)
    bigram = table.bigrams.lookup(first, second)
    if adjacent is None:
        return bigram
    return np.where(adjacent, bigram, table.window.lookup(first, second))


def swap_surprise(seen: float, together: float, own: float, other: float, ratio: float) -> float:
    """Evidence (nats) that a word stands where an alternative belongs: the pair's occurrences
    split ``seen`` (at least 1: pairs seen once were pruned) to the word and ``together`` to
    the alternative, where their overall counts (``own``, ``other``) discounted by ``ratio``
    say the word should get its share (a binomial test)."""
    seen = max(seen, 1.0)
    return binomial_surprise(seen, seen + together, own / ratio / (own / ratio + other))


def odd_pairs(
    sp: SentencePairs,
    table: PhraseTable | None = None,
    *,
    min_surprise: float = 0.0,
    thresholds: Thresholds = Thresholds(),
) -> list[OddPair]:
    """Every odd pair of a sentence with at least ``min_surprise`` nats of evidence, the most
    surprising first, at most one per pair of words (found once per sentence, then filtered)."""
    table = table or phrase_table()
    key = (table, thresholds)
    if key not in sp.odd:
        (sp.batch or Batch(sp, [0], [sp])).find_odd(table, thresholds)
    return [p for p in sp.odd[key] if p.surprise >= min_surprise]


def _best(found: list[OddPair]) -> list[OddPair]:
    """The most surprising finding per pair of words, the most surprising pair first."""
    best: dict[tuple[int, int], OddPair] = {}
    for pair in found:
        key = (pair.first, pair.second)
        if key not in best or pair.surprise > best[key].surprise:
            best[key] = pair
    return sorted(best.values(), key=lambda p: (-p.surprise, p.first, p.second))


def _shifted(pair: OddPair, by: int) -> OddPair:
    """The pair with its token indices moved by ``by``."""
    odd = None if pair.odd is None else pair.odd + by
    return replace(pair, first=pair.first + by, second=pair.second + by, odd=odd)


def describe(pair: OddPair, sp: SentencePairs, text: str, table: PhraseTable) -> str:
    """A sentence a reader can check: which words, what clean text does, the numbers."""
    first = text[sp.spans[pair.first][1] : sp.spans[pair.first][2]]
    second = text[sp.spans[pair.second][1] : sp.spans[pair.second][2]]
    millions = f"{table.tokens / 1e6:.0f} M words of clean English"
    seen = "at most once" if pair.seen < 2 else f"{pair.seen:,.0f} times"
    if pair.reason == "synonym" and pair.odd is not None:
        odd, partner = (second, first) if pair.odd == pair.second else (first, second)
        return (
            f"'{odd}' rarely goes with '{partner}': its synonym '{pair.better}' does "
            f"{pair.better_seen:,.0f} times in {millions}; used like it, '{odd}' would be "
            f"seen about {pair.expected:,.0f} times, it is seen {seen}"
        )
    return (
        f"'{first}' and '{second}' are common words that clean English hardly puts together: "
        f"expected {pair.expected:,.0f} times in {millions} if unrelated, seen {seen}"
    )

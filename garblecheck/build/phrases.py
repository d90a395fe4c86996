"""Build the phrase table (``rules/knowledge/phrases.npz``) from the clean-English corpus.

    python -m garblecheck.build.phrases [--data ../shared/data] [--out rules/knowledge]

One streaming pass over ``corpus/*.sent.txt.gz`` (lower-cased, as one corpus is upstream),
cut by the run-time tokeniser of ``garblecheck.knowledge.phrases``. Every token becomes a
running id; counting is then done on numpy arrays (sorting packed pair keys), which keeps the
whole build to a few minutes on one core with no sampling. The BBC set is deliberately not
read: it is the clean-news yardstick the table must not have seen.

The output is byte-for-byte reproducible: fixed file order, ties broken by the word, and a zip
written with fixed timestamps.
"""

from __future__ import annotations

import gzip
import io
import itertools
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from garblecheck.knowledge.lexicon import lexicon
from garblecheck.knowledge.phrases import FILE, NUMBER, QUANT, VERSION, WINDOW, line_tokens

CORPORA = (
    "wiki_en2015",
    "news_cnndm_lc",
    "news_abc_au2006",
    "news_wsj_ptbsample_conll2000",
    "news_ieer_nyt_apw1998",
)
VOCAB = 65_535  # ids 1..65535 fit the 16-bit halves of a pair key; 0 is "rare word"
MIN_PAIR = 2  # pairs seen once are pruned (the back-off weights still count them)
MAX_SYNONYMS = 32
BREAK = "\n"  # end of a corpus line: pairs never span it
CHUNK = 20_000  # lines tokenised at a time
README = "PHRASES-README.md"
# words that carry grammar rather than content: never one end of a co-occurrence pair
_FUNCTION_WORDS = """
    a about above across after again against all almost along also although always am
    among an and another any anyone anything are around as at away back be became because
    become been before being below beside besides between both but by can cannot could did
    do does doing done down during each either else enough even ever every few for from
    further get gets getting got had has have having he her here hers herself him himself his
    how however i if in including into is it its itself just least less like made make many
    may me might more most much must my myself neither never no nor not now of off often on
    once one only onto or other others otherwise our ours ourselves out over own per perhaps
    quite rather really said same say says several shall she should since so some such than
    that the their theirs them themselves then there therefore these they this those though
    through thus to together too toward towards under unless until up upon us very was we
    well were what whatever when where whether which while who whom whose why will with
    within without would yet you your yours yourself yourselves 's 't 're 've 'll 'd 'm"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

IdArray = npt.NDArray[np.int32]
U32 = npt.NDArray[np.uint32]


def corpus_ids(paths: list[Path]) -> tuple[IdArray, list[str]]:
    """Every token of the corpora as a running id, and the token of each id."""
    index: defaultdict[str, int] = defaultdict(lambda: len(index))
    index[BREAK] = 0
    chunks: list[IdArray] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            while lines := list(itertools.islice(fh, CHUNK)):
                tokens = [t for line in lines for t in (*line_tokens(line), BREAK)]
                ids = np.fromiter(map(index.__getitem__, tokens), np.int32, len(tokens))
                chunks.append(ids)
    words = sorted(index, key=index.__getitem__)
    return np.concatenate(chunks), words


def vocabulary(ids: IdArray, words: list[str]) -> tuple[list[str], IdArray, IdArray, int]:
    """The VOCAB most frequent keys (numbers merged), the map from running ids to table ids
    (0 rare, -1 line break), table-id counts, and the number of rare types."""
    raw = np.bincount(ids, minlength=len(words))
    merged: dict[str, int] = {}
    for word, count in zip(words, raw.tolist(), strict=True):
        key = NUMBER if word[0].isdigit() else word
        merged[key] = merged.get(key, 0) + count
    del merged[BREAK]
    ranked = sorted(merged, key=lambda w: (-merged[w], w))
    kept = ranked[:VOCAB]
    table_id = {w: i + 1 for i, w in enumerate(kept)}
    remap = np.array(
        [table_id.get(NUMBER if w[0].isdigit() else w, 0) for w in words], dtype=np.int32
    )
    remap[0] = -1
    counts = np.zeros(VOCAB + 1, dtype=np.int64)
    counts[1 : len(kept) + 1] = [merged[w] for w in kept]
    counts[0] = sum(merged[w] for w in ranked[VOCAB:])
    return ["", *kept], remap, counts.astype(np.int32), len(ranked) - len(kept)


def pair_keys(first: IdArray, second: IdArray) -> U32:
    return (first.astype(np.uint32) << np.uint32(16)) | second.astype(np.uint32)


def compress(keys: U32, counts: npt.NDArray[np.int64], prefix: str) -> dict[str, np.ndarray]:
    """Sorted unique pair keys as row offsets + second ids + log-quantised counts."""
    offsets = np.zeros(VOCAB + 2, dtype=np.uint32)
    np.cumsum(np.bincount(keys >> np.uint32(16), minlength=VOCAB + 1), out=offsets[1:])
    q = np.clip(np.rint(np.log(counts) * QUANT), 0, 255).astype(np.uint8)
    return {
        f"{prefix}_offsets": offsets,
        f"{prefix}_second": (keys & np.uint32(0xFFFF)).astype(np.uint16),
        f"{prefix}_q": q,
    }


def bigram_arrays(ids: IdArray) -> dict[str, np.ndarray]:
    """Adjacent pairs of vocabulary words; row totals and distinct successors for back-off."""
    a, b = ids[:-1], ids[1:]
    keep = (a > 0) & (b > 0)
    keys, counts = np.unique(pair_keys(a[keep], b[keep]), return_counts=True)
    row = np.bincount(a[keep], minlength=VOCAB + 1)
    types = np.bincount(keys >> np.uint32(16), minlength=VOCAB + 1)
    frequent = counts >= MIN_PAIR
    return {
        **compress(keys[frequent], counts[frequent], "bigram"),
        "bigram_row": row.astype(np.uint32),
        "bigram_types": types.astype(np.uint32),
    }


def window_arrays(ids: IdArray, content: npt.NDArray[np.bool_]) -> dict[str, np.ndarray]:
    """Ordered pairs of content words 1..WINDOW tokens apart within a line."""
    line = np.cumsum(ids < 0)
    is_content = content[np.maximum(ids, 0)] & (ids > 0)
    parts = []
    for d in range(1, WINDOW + 1):
        keep = is_content[:-d] & is_content[d:] & (line[:-d] == line[d:])
        parts.append(pair_keys(ids[:-d][keep], ids[d:][keep]))
    keys, counts = np.unique(np.concatenate(parts), return_counts=True)
    first = (keys >> np.uint32(16)).astype(np.int64)
    second = (keys & np.uint32(0xFFFF)).astype(np.int64)
    row = np.bincount(first, weights=counts, minlength=VOCAB + 1)
    col = np.bincount(second, weights=counts, minlength=VOCAB + 1)
    frequent = counts >= MIN_PAIR
    return {
        **compress(keys[frequent], counts[frequent], "window"),
        "window_row": row.astype(np.uint32),
        "window_col": col.astype(np.uint32),
        "window_total": np.array([int(counts.sum())], dtype=np.int64),
    }


def content_mask(vocab: list[str]) -> npt.NDArray[np.bool_]:
    return np.array(
        [len(w) > 1 and w.isalpha() and w not in FUNCTION_WORDS for w in vocab], dtype=bool
    )


def ending(word: str) -> str:
    """A crude part-of-speech and number class from the word's ending, so a plural noun is
    never offered a verb in -ed as its synonym."""
    for suffix in ("ing", "ed", "ly", "s"):
        if word.endswith(suffix) and not word.endswith("ss"):
            return suffix
    return ""


def synonym_arrays(vocab: list[str], content: npt.NDArray[np.bool_]) -> dict[str, np.ndarray]:
    """For each content word, the content words a spinner could have swapped with it, most
    frequent first: they share a WordNet sense that is the first sense of one of them, and
    the same ending (inflections of the word itself excluded)."""
    lex = lexicon()
    by_sense: defaultdict[int, list[int]] = defaultdict(list)  # every sense
    by_primary: defaultdict[int, list[int]] = defaultdict(list)  # first senses only
    senses: dict[int, frozenset[int]] = {}
    primary: dict[int, frozenset[int]] = {}
    for i, word in enumerate(vocab):
        if content[i] and (s := lex.senses(word)):
            senses[i], primary[i] = s, lex.primary_senses(word)
            for sense in s:
                by_sense[sense].append(i)
            for sense in primary[i]:
                by_primary[sense].append(i)
    offsets = [0]
    flat: list[int] = []
    for i in range(len(vocab)):
        own = set(lex.lemmas(vocab[i]))
        found = sorted(
            j
            for j in {j for s in primary.get(i, ()) for j in by_sense[s]}
            | {j for s in senses.get(i, ()) for j in by_primary[s]}
            if j != i and ending(vocab[j]) == ending(vocab[i])
        )
        found = [j for j in found if not own & set(lex.lemmas(vocab[j]))]
        flat.extend(found[:MAX_SYNONYMS])  # ids are in frequency order already
        offsets.append(len(flat))
    return {
        "syn_offsets": np.array(offsets, dtype=np.uint32),
        "syn_ids": np.array(flat, dtype=np.uint16),
    }


def save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` with fixed member order and timestamps, so rebuilds are identical."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue(), compresslevel=6)


def readme(stats: dict[str, int]) -> str:
    lines = "\n".join(f"| {k} | {v:,} |" for k, v in stats.items())
    return f"""# Phrase table (`{FILE}`)

Word and word-pair counts from clean English, for judging how surprising a word combination
is (GC202 odd-collocation, fluency features). Generated by
`python -m garblecheck.build.phrases --data ../shared/data --out rules/knowledge`; do not edit.

## What it holds

- a vocabulary of the {VOCAB:,} most frequent lower-cased tokens (numbers are one token, `0`);
- counts of adjacent token pairs and of ordered content-word pairs at most {WINDOW} tokens
  apart, within a sentence; pairs seen fewer than {MIN_PAIR} times are pruned; counts are
  stored as round({QUANT:g} * ln(count)) in one byte;
- per word: how often it has a successor and how many distinct ones (for back-off);
- per content word: up to {MAX_SYNONYMS} WordNet 3.0 synonyms (via `lexicon.json.gz`).

| statistic | value |
| --- | --- |
{lines}

## Sources and licences

Counts (not text) derived from the `corpus/` files of the project's development data:

- English Wikipedia, c. 2015 (`wiki_en2015`, about 21 M words): CC BY-SA 3.0, Wikipedia
  contributors.
- CNN and Daily Mail articles (`news_cnndm_lc`, about 28 M words, lower-cased upstream): the
  CNN/DailyMail research dataset (Hermann et al. 2015; See et al. 2017 chunks), research use.
- NLTK corpora: ABC Australia rural and science news (`news_abc_au2006`), the Penn Treebank
  WSJ sample as used in CoNLL-2000 (`news_wsj_ptbsample_conll2000`), NIST IE-ER NYT/APW 1998
  (`news_ieer_nyt_apw1998`): research / non-commercial use.
- Synonyms: Princeton WordNet 3.0 (WordNet 3.0 licence, permissive).

The BBC 2005 news set is not used: it measures how quiet the checks stay on clean news.
"""


def build(data_dir: Path, out_dir: Path) -> str:
    """Build the table from ``data_dir/corpus`` into ``out_dir``; returns a summary line."""
    paths = [data_dir / "corpus" / f"{name}.sent.txt.gz" for name in CORPORA]
    ids, words = corpus_ids(paths)
    vocab, remap, counts, rare_types = vocabulary(ids, words)
    table_ids = remap[ids]
    del ids
    content = content_mask(vocab)
    arrays: dict[str, np.ndarray] = {
        "vocab": np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
        "unigram": counts.astype(np.uint32),
        "content": content,
        **bigram_arrays(table_ids),
        **window_arrays(table_ids, content),
        **synonym_arrays(vocab, content),
    }
    tokens = int((table_ids >= 0).sum())
    window_total = int(arrays.pop("window_total")[0])
    arrays["meta"] = np.array([VERSION, tokens, rare_types, window_total], dtype=np.int64)
    out_dir.mkdir(parents=True, exist_ok=True)
    save(out_dir / FILE, arrays)
    stats = {
        "tokens": tokens,
        "sentences": int((table_ids < 0).sum()),
        "vocabulary": len(vocab) - 1,
        "rarer word types (id 0)": rare_types,
        "adjacent pairs kept": len(arrays["bigram_second"]),
        "window pairs kept": len(arrays["window_second"]),
        "synonym links": len(arrays["syn_ids"]),
    }
    (out_dir / README).write_text(readme(stats), encoding="utf-8")
    size = (out_dir / FILE).stat().st_size
    return ", ".join(f"{k} {v:,}" for k, v in stats.items()) + f"; {size / 1e6:.1f} MB"


if __name__ == "__main__":
    from garblecheck.build import run

    run("phrases")

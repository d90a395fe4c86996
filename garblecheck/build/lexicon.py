"""Build the compact lexicon compare mode uses: WordNet senses, relations, antonyms, inflection
exceptions, and word frequencies from clean English.

Reads the WordNet 3.0 database files directly (their format is plain text), so neither the build
nor the run time needs nltk. Writes ``lexicon.json.gz`` (and a provenance note) under
``rules/knowledge``; ``garblecheck.knowledge.lexicon`` loads it.

    python -m garblecheck.build.lexicon [--data ../shared/data] [--out rules/knowledge]
"""

from __future__ import annotations

import gzip
import json
import re
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
# pointers that make two senses "related" for a substitution (hypernym, instance hypernym,
# similar-to, verb group, also-see, derivationally related form, pertainym)
RELATED_POINTERS = {"@", "@i", "&", "$", "^", "+", "\\"}
FREQ_WORDS = 100_000
_LEMMA_MARK = re.compile(r"\([a-z]+\)$")  # adjective position markers: "(a)", "(p)", "(ip)"
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


def _members(tar: tarfile.TarFile, name: str) -> Iterator[str]:
    """Lines of one file of the WordNet tarball, licence header skipped."""
    member = tar.extractfile(f"wordnet/{name}")
    if member is None:
        raise FileNotFoundError(name)
    for raw in member:
        line = raw.decode("utf-8", "replace")
        if not line.startswith("  "):
            yield line.rstrip("\n")


class _WordNet:
    """The parts of WordNet the lexicon keeps, keyed by dense synset numbers."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}  # "n00554200" -> dense id
        self.lemmas: list[list[str]] = []
        self.related: list[set[int]] = []
        self.antonyms: list[set[int]] = []
        self.similar: list[set[int]] = []
        self.senses: dict[str, list[int]] = {}
        self.exceptions: dict[str, str] = {}
        self.lowercase: set[str] = set()  # lemmas written in lower case (not only as names)

    def sid(self, key: str) -> int:
        if key not in self.ids:
            self.ids[key] = len(self.ids)
            self.lemmas.append([])
            self.related.append(set())
            self.antonyms.append(set())
            self.similar.append(set())
        return self.ids[key]

    def read(self, tar: tarfile.TarFile) -> None:
        for name, pos in POS.items():
            for line in _members(tar, f"data.{name}"):
                self._data_line(line, pos)
        for name, pos in POS.items():
            for line in _members(tar, f"index.{name}"):
                self._index_line(line, pos)
            for line in _members(tar, f"{name}.exc"):
                parts = line.split()
                if len(parts) >= 2 and "_" not in parts[0]:
                    self.exceptions.setdefault(parts[0], parts[1].replace("_", " "))

    def _data_line(self, line: str, pos: str) -> None:
        fields = line.split(" | ", 1)[0].split()
        offset, ss_type = fields[0], fields[2]
        own = self.sid(("a" if ss_type == "s" else pos) + offset)
        count = int(fields[3], 16)
        words = fields[4 : 4 + 2 * count : 2]
        self.lemmas[own] = [_LEMMA_MARK.sub("", w).replace("_", " ") for w in words]
        self.lowercase.update(w for w in self.lemmas[own] if w.islower())
        at = 4 + 2 * count
        for _ in range(int(fields[at])):
            symbol, target, tpos, _srctgt = fields[at + 1 : at + 5]
            at += 4
            other = self.sid(("a" if tpos == "s" else tpos) + target)
            if symbol == "!":
                self.antonyms[own].add(other)
            elif symbol == "&":
                self.similar[own].add(other)
            if symbol in RELATED_POINTERS:
                self.related[own].add(other)

    def _index_line(self, line: str, pos: str) -> None:
        fields = line.split()
        lemma = fields[0].replace("_", " ")
        p_cnt = int(fields[3])
        offsets = fields[6 + p_cnt :]
        self.senses.setdefault(lemma, []).extend(self.ids[pos + o] for o in offsets)

    def indirect_antonyms(self) -> list[set[int]]:
        """Antonyms spread over adjective clusters: 'wet' and 'arid' via 'dry'."""
        out = [set(a) for a in self.antonyms]
        for sid, ants in enumerate(self.antonyms):
            for ant in ants:
                for near in self.similar[ant]:
                    out[sid].add(near)
                    out[near].add(sid)
                for near in self.similar[sid]:
                    out[near].add(ant)
                    out[ant].add(near)
        return out


def read_wordnet(tarball: Path) -> dict[str, object]:
    """Senses, relations, antonyms and inflection exceptions, keeping the lemmas WordNet writes
    in lower case somewhere (the index files lower-case everything; names such as "Russian"
    or "Smith" are not words a spinner swaps, and must not count as dictionary words)."""
    wn = _WordNet()
    with tarfile.open(tarball) as tar:
        wn.read(tar)
    antonyms = wn.indirect_antonyms()
    senses = {
        lemma: ",".join(map(str, ids))
        for lemma, ids in wn.senses.items()
        if lemma in wn.lowercase and len(lemma.split()) <= 3
    }
    return {
        "senses": senses,
        "related": [",".join(map(str, sorted(r))) for r in wn.related],
        "antonyms": {str(i): ",".join(map(str, sorted(a))) for i, a in enumerate(antonyms) if a},
        "exceptions": wn.exceptions,
    }


def count_words(corpus_dir: Path, limit: int = FREQ_WORDS) -> dict[str, int]:
    """Lower-cased unigram counts of the most frequent words of the clean corpora."""
    counts: Counter[str] = Counter()
    for path in sorted(corpus_dir.glob("*.sent.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            while chunk := fh.read(1 << 24):
                counts.update(_WORD.findall(chunk.lower()))
    return dict(counts.most_common(limit))


def build(data: Path, out: Path) -> str:
    """Write ``lexicon.json.gz`` from the shared data folder; returns a summary line."""
    lexicon = read_wordnet(data / "wordnet-3.0.tar.gz")
    lexicon["freq"] = count_words(data / "corpus")
    lexicon["version"] = 1
    out.mkdir(parents=True, exist_ok=True)
    target = out / "lexicon.json.gz"
    payload = json.dumps(lexicon, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with gzip.GzipFile(target, "wb", mtime=0) as fh:
        fh.write(payload)
    (out / "lexicon.SOURCES.md").write_text(
        "lexicon.json.gz is built by `python -m garblecheck.build.lexicon` from\n"
        "- Princeton WordNet 3.0 (WordNet 3.0 licence, permissive): senses, relations, antonyms,\n"
        "  inflection exceptions;\n"
        f"- word counts of the {FREQ_WORDS} most frequent lower-cased words of the clean corpora\n"
        "  under data/corpus (Wikipedia 2015 CC BY-SA 3.0, CNN/Daily Mail, ABC, WSJ, NYT/APW).\n",
        encoding="utf-8",
    )
    return f"wrote {target} ({target.stat().st_size // 1024} KiB)"


if __name__ == "__main__":
    from garblecheck.build import run

    run("lexicon")

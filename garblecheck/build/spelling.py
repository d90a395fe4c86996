"""Build the British/American spelling pairs shipped as ``rules/knowledge/spelling-gb-us.tsv``.

Run from the repository root::

    python -m garblecheck.build.spelling ../shared/data/corpus rules/knowledge/spelling-gb-us.tsv

Candidate pairs come from the regular patterns of the two spellings (-our/-or, -re/-er,
-ise/-ize, -yse/-yze, doubled l) applied to every word of the clean corpora, plus a short
hand-written list of irregular pairs. A pattern alone is not evidence (four/for, filled/filed,
timbre/timber), so a generated pair is kept only when both forms are attested and the documents
that use them lean to opposite dialects: each document is first given a dialect from a few
unambiguous seed pairs, and the British form must be much more common in British documents than
the American form is. Proper names are kept out by counting lower-case occurrences only.

Classes written to the file:
- ``strong``: either form is good evidence of its dialect;
- ``ize``: -ise/-ize and similar, weaker because Oxford spelling uses -ize in British English;
- ``oneway``: only the British form is evidence; the American form is also correct British
  English in another sense (a computer program, to license, a tire as a verb).
"""

from __future__ import annotations

import gzip
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

# a generated pair needs both forms this often, and this gap between their dialect leanings
MIN_FREQ = 5
MIN_LEAN_GAP = 1.5

_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a block of data in this module."""
    return text.split()


# Unambiguous pairs that decide the dialect of a corpus document.
SEEDS: dict[str, str] = dict(
    pair.split("/")
    for pair in _words("""
    colour/color colours/colors favour/favor favourite/favorite honour/honor neighbour/neighbor
    neighbours/neighbors behaviour/behavior centre/center defence/defense
    organisation/organization organisations/organizations realise/realize realised/realized
    recognise/recognize recognised/recognized travelled/traveled travelling/traveling
    programme/program
""")
)

# Irregular pairs: (British stem, American stem, "gbsuffix:ussuffix,..." , class).
CURATED: list[tuple[str, str, str, str]] = [
    ("defenc", "defens", "e:e,es:es,eless:eless", "strong"),
    ("offenc", "offens", "e:e,es:es", "strong"),
    ("pretenc", "pretens", "e:e,es:es", "strong"),
    ("licenc", "licens", "e:e,es:es", "oneway"),
    ("practis", "practic", "e:e,ed:ed,ing:ing,es:es", "oneway"),
    ("programme", "program", ":,s:s", "oneway"),
    ("tyre", "tire", ":,s:s", "oneway"),
    ("metre", "meter", ":", "oneway"),
    ("kerb", "curb", ":,s:s", "oneway"),
    ("cheque", "check", ":,s:s", "oneway"),
    ("storey", "story", ":", "oneway"),
    ("storeys", "stories", ":", "oneway"),
    ("ageing", "aging", ":", "oneway"),
    ("judgement", "judgment", ":,s:s", "oneway"),
    ("annexe", "annex", ":", "oneway"),
    ("aluminium", "aluminum", ":", "strong"),
    ("grey", "gray", ":,s:s,ed:ed,ing:ing,er:er,est:est,ish:ish,ness:ness", "strong"),
    ("plough", "plow", ":,s:s,ed:ed,ing:ing", "strong"),
    ("sceptic", "skeptic", ":,s:s,al:al,ally:ally,ism:ism", "strong"),
    ("moustache", "mustache", ":,s:s,d:d", "strong"),
    ("jeweller", "jewelr", "y:y", "strong"),
    ("jewell", "jewel", "er:er,ers:ers", "strong"),
    ("manoeuvr", "maneuver", "e:,es:s,ed:ed,ing:ing,able:able,ability:ability", "strong"),
    ("mould", "mold", ":,s:s,ed:ed,ing:ing,y:y", "strong"),
    ("smoulder", "smolder", ":,s:s,ed:ed,ing:ing", "strong"),
    ("cos", "coz", "y:y,ier:ier,iest:iest", "strong"),
    ("sulphur", "sulfur", ":,ic:ic,ous:ous", "strong"),
    ("enrol", "enroll", ":,s:s,ment:ment,ments:ments", "strong"),
    ("fulfil", "fulfill", ":,s:s,ment:ment", "strong"),
    ("instalment", "installment", ":,s:s", "strong"),
    ("skilful", "skillful", ":,ly:ly", "strong"),
    ("wilful", "willful", ":,ly:ly", "strong"),
    ("distil", "distill", ":,s:s", "strong"),
    ("instil", "instill", ":,s:s", "strong"),
    ("artefact", "artifact", ":,s:s", "strong"),
    ("pyjama", "pajama", "s:s", "strong"),
    ("aeroplane", "airplane", ":,s:s", "strong"),
    ("paediatric", "pediatric", ":,s:s,ian:ian,ians:ians", "strong"),
    ("anaemi", "anemi", "a:a,c:c", "strong"),
    ("anaesthe", "anesthe", "tic:tic,tics:tics,sia:sia,tist:tist,tists:tists", "strong"),
    ("haemorrhag", "hemorrhag", "e:e,es:es,ic:ic,ing:ing", "strong"),
    ("haemo", "hemo", "philia:philia,globin:globin", "strong"),
    ("leukaemia", "leukemia", ":", "strong"),
    ("oestrogen", "estrogen", ":", "strong"),
    ("foet", "fet", "us:us,uses:uses,al:al", "strong"),
    ("diarrhoea", "diarrhea", ":", "strong"),
    ("oesophag", "esophag", "us:us,eal:eal", "strong"),
    ("orthopaedic", "orthopedic", ":,s:s", "strong"),
    ("gynaecolog", "gynecolog", "y:y,ist:ist,ists:ists,ical:ical", "strong"),
    ("encyclopaedi", "encyclopedi", "a:a,as:as", "ize"),
    ("mediaeval", "medieval", ":", "ize"),
]

# Pattern matches that are different words, or spelt the same way in both dialects.
# ("analyses" is also the plural of analysis, in both dialects)
NOT_PAIRS = set(
    _words("""
analyses
    timbre genre acre ogre massacre mediocre lucre cadre padre andre andres alexandre sylvestre
    silvestre castres sacre handre fondre quatre ambre chambre lettre lettres livres endres
    sangre entre fabre four hour your tour pour sour flour dour contour detour glamour paramour
    amour troubadour filled filling rise wise prise advertise compromise promise premise
    exercise surprise comprise enterprise franchise supervise televise revise devise expertise
    otherwise concise precise chastise despise disguise improvise excise circumcise merchandise
""")
)

PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(
            r"^([a-z]{2,}[^aeiou])our(s|ed|ing|ite|ites|able|ably|ful|fully|less|er|ers"
            r"|ism|ist|ists|y|ies|hood|hoods|ly|ably|ed|ment)?$"
        ),
        r"\1or\2",
        "strong",
    ),
    (re.compile(r"^([a-z]{2,}[bcdghtv])re(s|d)?$"), r"\1er\2", "strong"),
    (
        re.compile(r"^([a-z]{2,}[aeiou][a-z]?)is(e|es|ed|ing|ation|ations|ational|er|ers)$"),
        r"\1iz\2",
        "ize",
    ),
    (re.compile(r"^([a-z]+)ys(e|ed|ing|er|ers)$"), r"\1yz\2", "strong"),
    (
        re.compile(r"^([a-z]*[aeiou][^aeiou]+[aeiou]+)ll(ed|ing|er|ers|ous|ously)$"),
        r"\1l\2",
        "strong",
    ),
]


def documents(corpus_dir: Path) -> Iterator[list[str]]:
    """Lower-case word tokens of each document (documents end at an empty line)."""
    for path in sorted(corpus_dir.glob("*.sent.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            words: list[str] = []
            for line in fh:
                if line.strip():
                    words.extend(_WORD.findall(line))
                elif words:
                    yield words
                    words = []
            if words:
                yield words


def count(corpus_dir: Path) -> tuple[Counter[str], Counter[str], Counter[str], int, int]:
    """Word frequencies, and document frequencies in British and in American documents."""
    freq: Counter[str] = Counter()
    gb_df: Counter[str] = Counter()
    us_df: Counter[str] = Counter()
    us_seeds = set(SEEDS.values())
    n_gb = n_us = 0
    for words in documents(corpus_dir):
        freq.update(words)
        vocab = set(words)
        gb = sum(1 for w in vocab if w in SEEDS)
        us = sum(1 for w in vocab if w in us_seeds)
        if gb > us:
            gb_df.update(vocab)
            n_gb += 1
        elif us > gb:
            us_df.update(vocab)
            n_us += 1
    return freq, gb_df, us_df, n_gb, n_us


def _lean(word: str, gb_df: Counter[str], us_df: Counter[str], n_gb: int, n_us: int) -> float:
    """Log ratio of how often British vs American documents use ``word`` (smoothed)."""
    return math.log(((gb_df[word] + 0.5) / n_gb) / ((us_df[word] + 0.5) / n_us))


def candidates(freq: Counter[str]) -> Iterator[tuple[str, str, str, bool]]:
    """(gb, us, class, curated) candidate pairs whose two forms are both attested."""
    for gb_stem, us_stem, suffixes, cls in CURATED:
        for pair in suffixes.split(","):
            gb_suf, us_suf = pair.split(":")
            gb, us = gb_stem + gb_suf, us_stem + us_suf
            if freq[gb] and freq[us]:
                yield gb, us, cls, True
    for word in freq:
        if word in NOT_PAIRS or freq[word] < MIN_FREQ:
            continue
        for pattern, repl, cls in PATTERNS:
            if pattern.match(word):
                us = pattern.sub(repl, word)
                if us != word and freq[us] >= MIN_FREQ:
                    yield word, us, cls, False


def accepted_pairs(corpus_dir: Path) -> list[tuple[str, str, str, int, int]]:
    """The accepted pairs with their corpus frequencies, sorted by British form."""
    freq, gb_df, us_df, n_gb, n_us = count(corpus_dir)
    print(f"documents: {n_gb} British, {n_us} American", file=sys.stderr)
    pairs: dict[str, tuple[str, str, str, int, int]] = {}
    for gb, us, cls, curated in candidates(freq):
        lean_gb = _lean(gb, gb_df, us_df, n_gb, n_us)
        lean_us = _lean(us, gb_df, us_df, n_gb, n_us)
        if curated or (lean_gb > 0.0 and lean_gb - lean_us > MIN_LEAN_GAP):
            pairs.setdefault(gb, (gb, us, cls, freq[gb], freq[us]))
    return sorted(pairs.values())


def build(data: Path, out: Path) -> str:
    """Write ``spelling-gb-us.tsv`` into ``out`` from the corpora under ``data/corpus``."""
    rows = accepted_pairs(data / "corpus")
    out.mkdir(parents=True, exist_ok=True)
    target = out / "spelling-gb-us.tsv"
    with target.open("w", encoding="utf-8") as fh:
        fh.write("# generated by garblecheck.build.spelling; gb\tus\tclass\tgb_freq\tus_freq\n")
        for gb, us, cls, fgb, fus in rows:
            fh.write(f"{gb}\t{us}\t{cls}\t{fgb}\t{fus}\n")
    return f"{len(rows)} pairs -> {target}"


if __name__ == "__main__":
    from garblecheck.build import run

    run("spelling")

"""Build the officeholder knowledge pack (rules/knowledge/officeholders.json) from the raw office
tables in ``data/offices/`` and the hand-curated additions file.

Why a build step: the raw tables are large, stale at their ends, named in many house styles and
partly wrong. The pack keeps only what the check needs, with every office mapped to an office
type, duplicates merged, wrong-country rows dropped, stale open ends closed from the additions,
and for each (office type, country) the date up to which the data is known to be complete.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from garblecheck.errors import RuleError
from garblecheck.knowledge.offices import fold
from garblecheck.knowledge.titles import UK, classify
from garblecheck.packs import knowledge_path

ADDITIONS = "officeholders-additions.yaml"
OUTPUT = "officeholders.json"
# UK devolved governments: their offices are not the UK's, and news titles them differently
_SKIP_COUNTRIES = frozenset({"Scotland", "Wales", "Northern Ireland", "World"})
_EARLIEST_END = "1979"  # older terms matter to no article this tool checks
_AS_OF = re.compile(r"as-of (\d{4}-\d{2}-\d{2})")
_SUBNATIONAL = re.compile(r"^(Deputy )?(Premier|Minister-President|Governor|Chief Minister"
                          r"|Attorney General|First Minister) of ")


@dataclass(frozen=True)
class Row:
    """One term of one office as the pack stores it."""

    person: str
    aliases: tuple[str, ...]
    office_type: str  # "" when the office is kept only to know the person
    country: str
    start: str
    end: str  # "" = open (held when the source was last updated)
    office: str
    source: str  # dataset label, e.g. "peppercat@efd4378(as-of 2023-01-20)"
    ref: str  # the row's id within its source (wikidata id, IfG person id...)


_REF = re.compile(r"wikidata:Q\d+|person=[\w./-]+")


def _split_source(source: str) -> tuple[str, str]:
    """The dataset label and the row's own id (a Wikidata or person id, kept short)."""
    m = re.match(r"(\S+?\(as-of [\d-]+\))(\S*)\s*(.*)$", source)
    if not m:
        return source, ""
    return m.group(1), " ".join(_REF.findall(m.group(3))) or m.group(2).lstrip(":")


def keep_known(rows: list[Row]) -> list[Row]:
    """Keep other offices only of people who held a tracked one or a UK post: they name the
    person's other roles in messages and give the name check its candidates."""
    tracked = {fold(r.person) for r in rows if r.office_type or r.country == UK}
    return [r for r in rows if fold(r.person) in tracked]


def read_csv(path: Path, *, skip_uk: bool) -> list[Row]:
    """Rows of one office table, each expanded to one row per office type."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            country = rec["country"]
            if country in _SKIP_COUNTRIES or (skip_uk and country == UK):
                continue
            end = rec["end"]
            if end and end < _EARLIEST_END:
                continue
            label, ref = _split_source(rec["source"])
            aliases = tuple(a for a in rec["aliases"].split("|") if a)
            base = Row(rec["person"], aliases, "", country, rec["start"], end, rec["office"],
                       label, ref)
            types = classify(rec["office"], country) or ("",)
            rows.extend(replace(base, office_type=t) for t in types)
    return rows


def _overlap(a: Row, b: Row) -> bool:
    """Whether two terms share more than their boundary month (dates compared as text)."""
    return a.start[:7] < (b.end or "9999")[:7] and b.start[:7] < (a.end or "9999")[:7]


def drop_subnational(rows: list[Row]) -> tuple[list[Row], int]:
    """Drop typed rows of people who hold a regional office in the same country (a Quebec
    finance minister filed under Canada) when they clash with another holder of that post."""
    regional = {(fold(r.person), r.country) for r in rows if _SUBNATIONAL.match(r.office)}
    by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.office_type and (fold(r.person), r.country) not in regional:
            by_key[(r.office_type, r.country)].append(r)

    def clashes(r: Row) -> bool:
        return any(_overlap(r, o) for o in by_key.get((r.office_type, r.country), ()))

    kept = [r for r in rows if not (r.office_type and (fold(r.person), r.country) in regional
                                    and clashes(r))]
    return kept, len(rows) - len(kept)


def merge(rows: list[Row]) -> list[Row]:
    """Merge duplicate and overlapping terms of one person in one office type and country."""
    groups: dict[tuple[str, str, str, str], list[Row]] = defaultdict(list)
    for r in rows:
        office_key = r.office if not r.office_type else ""
        groups[(fold(r.person), r.office_type, r.country, office_key)].append(r)
    merged: list[Row] = []
    for group in groups.values():
        group.sort(key=lambda r: (r.start, r.end or "9999"))
        cur = group[0]
        for nxt in group[1:]:
            cur_end = cur.end or "9999"
            if nxt.start[:10] <= cur_end[:10]:
                end = "" if not cur.end or not nxt.end else max(cur.end, nxt.end)
                cur = replace(cur, end=end, aliases=tuple(sorted({*cur.aliases, *nxt.aliases})))
            else:
                merged.append(cur)
                cur = nxt
        merged.append(cur)
    return merged


def _date_text(value: Any, path: Path, what: str) -> str:
    text = str(value) if value is not None else ""
    if text and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise RuleError(str(path), f"{what}: bad date {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def _need(entry: Any, keys: tuple[str, ...], path: Path, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RuleError(str(path), f"{where}: expected a mapping")
    missing = [k for k in keys if not entry.get(k)]
    if missing:
        raise RuleError(str(path), f"{where}: missing {', '.join(missing)}")
    return entry


def apply_additions(
    rows: list[Row], path: Path
) -> tuple[list[Row], dict[str, str], str, list[str]]:
    """Close stale open terms and add later ones; returns rows, extra aliases, the file's as_of
    and the offices ("type|country") it declares complete up to as_of."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "as_of" not in data:
        raise RuleError(str(path), "expected a mapping with as_of, ends, terms, aliases")
    as_of = _date_text(data["as_of"], path, "as_of")
    label = f"additions(as-of {as_of})"
    rows = list(rows)
    reviewed: list[str] = []
    for i, raw in enumerate(data.get("ends") or []):
        e = _need(raw, ("person", "type", "country", "end", "source"), path, f"ends[{i}]")
        key = (fold(e["person"]), e["type"], e["country"])
        hits = [j for j, r in enumerate(rows)
                if (fold(r.person), r.office_type, r.country) == key and not r.end]
        if not hits:
            raise RuleError(str(path), f"ends[{i}]: no open term of {key} in the data")
        end = _date_text(e["end"], path, f"ends[{i}]")
        for j in hits:
            rows[j] = replace(rows[j], end=end, ref=f"{rows[j].ref}; end: {e['source']}")
    for i, raw in enumerate(data.get("terms") or []):
        t = _need(raw, ("person", "type", "country", "start", "office", "source"), path,
                  f"terms[{i}]")
        rows.append(Row(
            t["person"], tuple(t.get("aliases") or ()), t["type"], t["country"],
            _date_text(t["start"], path, f"terms[{i}]"),
            _date_text(t.get("end"), path, f"terms[{i}]"), t["office"], label, str(t["source"]),
        ))
    for i, key in enumerate(data.get("reviewed") or []):
        if not isinstance(key, str) or "|" not in key:
            raise RuleError(str(path), f"reviewed[{i}]: expected 'office_type|country'")
        reviewed.append(key)
    aliases: dict[str, str] = {}
    for i, raw in enumerate(data.get("aliases") or []):
        a = _need(raw, ("person", "aliases"), path, f"aliases[{i}]")
        for alias in a["aliases"]:
            aliases[alias] = a["person"]
    return rows, aliases, as_of, reviewed


def coverage(rows: list[Row], additions_as_of: str, reviewed: list[str]) -> dict[str, str]:
    """Per "type|country": the date up to which the data can be trusted to name every holder."""
    cov: dict[str, str] = {}
    for r in rows:
        if not r.office_type:
            continue
        m = _AS_OF.search(r.source)
        as_of = m.group(1) if m else additions_as_of
        key = f"{r.office_type}|{r.country}"
        cov[key] = max(cov.get(key, ""), as_of)
    for key in reviewed:
        cov[key] = additions_as_of
    return cov


def encode(
    rows: list[Row], aliases: dict[str, str], cov: dict[str, str], as_of: str
) -> dict[str, Any]:
    """The compact JSON form: people once, terms as short lists pointing at them."""
    people: dict[str, list[str]] = {}
    for r in sorted(rows, key=lambda r: (r.person, r.start)):
        names = people.setdefault(fold(r.person), [r.person])
        names.extend(a for a in r.aliases if a not in names)
    for alias, person in sorted(aliases.items()):
        known = people.get(fold(person))
        if known is None:
            raise RuleError(ADDITIONS, f"alias {alias!r}: unknown person {person!r}")
        if alias not in known:
            known.append(alias)
    order = sorted(people)
    index = {k: i for i, k in enumerate(order)}
    sources = sorted({r.source for r in rows})
    src_index = {s: i for i, s in enumerate(sources)}
    terms = sorted(
        [index[fold(r.person)], r.office_type, r.country, r.start, r.end, r.office,
         src_index[r.source], r.ref]
        for r in rows
    )
    return {
        "schema": 1,
        "as_of": as_of,
        "sources": sources,
        "coverage": dict(sorted(cov.items())),
        "people": [people[k] for k in order],
        "terms": terms,
    }


def build(data_dir: Path, out_dir: Path) -> str:
    """Build officeholders.json in ``out_dir`` from ``data_dir/offices``; return a summary."""
    offices = data_dir / "offices"
    pepper = read_csv(offices / "peppercat_core.csv", skip_uk=True)
    uk = read_csv(offices / "uk_offices.csv", skip_uk=False)
    rows, dropped = drop_subnational(pepper + uk)
    rows = merge(keep_known(rows))
    # the hand-curated additions are a source file of the repository, not an output
    rows, aliases, as_of, reviewed = apply_additions(rows, knowledge_path(ADDITIONS))
    cov = coverage(rows, as_of, reviewed)
    pack = encode(rows, aliases, cov, as_of)
    out = out_dir / OUTPUT
    out.write_text(json.dumps(pack, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    typed = [r for r in rows if r.office_type]
    by_source = Counter(r.source.split("@")[0].split("(")[0] for r in typed)
    by_type = Counter(r.office_type.split(":")[0] if ":" in r.office_type else r.office_type
                      for r in typed)
    return (
        f"{out}: {len(pack['people'])} people, {len(rows)} terms ({len(typed)} of tracked "
        f"offices in {len({r.country for r in typed})} jurisdictions; {dropped} regional rows "
        f"dropped); by source {dict(sorted(by_source.items()))}; by office type "
        f"{dict(sorted(by_type.items()))}; UK {sum(r.country == UK for r in typed)}, "
        f"US {sum(r.country == 'United States' for r in typed)}."
    )


if __name__ == "__main__":
    from garblecheck.build import run

    run("offices")

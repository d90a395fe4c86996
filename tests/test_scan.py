"""`garblecheck scan`: grouping of the seed stories, source choice, the output file (resume, torn
lines, error rows), the same results with one job, two, or on a real Dask LocalCluster, and the
corpus-consensus seam."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import garblecheck
from conftest import CLEAN_A, CLEAN_B, CLEAN_C, SOURCE, SPUN, run_cli
from garblecheck.model import Document, Finding, Severity
from garblecheck.scanning import CorpusHooks, ScanOptions, scan

SEEDS = [CLEAN_A, CLEAN_B, CLEAN_C, SOURCE, SPUN]


def rows(path: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["id"] not in found, f"{row['id']} written twice"
        found[row["id"]] = row
    return found


def comparable(found: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The rows without their timings, which differ from run to run."""
    return {k: {f: v for f, v in row.items() if f != "seconds"} for k, row in found.items()}


def perturbed(text: str, rng: random.Random) -> str:
    """A careless copy: a few words dropped, a few pairs swapped."""
    words = text.split(" ")
    for i in range(len(words) - 1):
        r = rng.random()
        if r < 0.03:
            words[i] = ""
        elif r < 0.05:
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(w for w in words if w)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, two careless copies of the clean triple's first version, and junk."""
    folder = tmp_path_factory.mktemp("crawl")
    rng = random.Random(5)
    for seed in SEEDS:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    for n in range(2):
        copy = perturbed(CLEAN_A.read_text(encoding="utf-8"), rng)
        (folder / f"copy-{n}.txt").write_text(copy, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x00\xff\xd8" * 50)
    return folder


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("serial") / "out.jsonl"
    scan([str(corpus)], options=ScanOptions(output=out, jobs=1, corpus=None))
    return rows(out)


def test_seed_stories(tmp_path: Path, report_schema: dict[str, Any]) -> None:
    out = tmp_path / "out.jsonl"
    proc = run_cli("scan", *map(str, SEEDS), "-o", str(out), "--jobs", "1", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["articles"] == 5 and summary["groups"] == 2 and summary["errors"] == 0
    found = rows(out)
    groups: dict[str, set[str]] = {}
    for row in found.values():
        groups.setdefault(row["group"], set()).add(Path(row["path"]).name)
    assert sorted(map(sorted, groups.values())) == [
        sorted(p.name for p in (CLEAN_A, CLEAN_B, CLEAN_C)), sorted([SOURCE.name, SPUN.name])
    ]
    spun = found[str(SPUN)]
    assert spun["source_path"] == str(SOURCE) and spun["verdict"] == "garbled"
    assert spun["source_choice"]["path"] == str(SOURCE) and spun["source_choice"]["reason"]
    for clean in (CLEAN_A, CLEAN_B, CLEAN_C, SOURCE):
        assert found[str(clean)]["verdict"] != "garbled"
    totals = {"documents": 5, "sentences": 0, "flagged": 0, "findings": 0, "seconds": 0.0}
    report = {"schema": 1, "garblecheck": garblecheck.__version__,
              "documents": list(found.values()), "errors": [], "summary": totals}
    jsonschema.validate(report, report_schema)


def test_error_row_and_copies(serial: dict[str, dict[str, Any]], corpus: Path) -> None:
    broken = serial[str(corpus / "photo.txt")]
    assert set(broken) == {"id", "path", "error"} and "binary" in broken["error"]
    copies = [serial[str(corpus / f"copy-{n}.txt")] for n in range(2)]
    assert {c["group"] for c in copies} == {serial[str(corpus / CLEAN_A.name)]["group"]}
    assert all(c["source_path"] is not None for c in copies)
    assert len(serial) == len(SEEDS) + 3


def test_resume_after_a_torn_line(
    corpus: Path, serial: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    lines = [json.dumps(row) for row in list(serial.values())[:3]]
    out.write_text("\n".join(lines) + '\n{"id": "half a li', encoding="utf-8")
    summary = scan([str(corpus)], options=ScanOptions(output=out, resume=True, jobs=1, corpus=None))
    assert summary.resumed == 3 and summary.articles == len(serial)
    assert comparable(rows(out)) == comparable(serial)


def test_two_jobs_same_results(
    corpus: Path, serial: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    scan([str(corpus)], options=ScanOptions(output=out, jobs=2, corpus=None))
    assert comparable(rows(out)) == comparable(serial)


def test_dask_local_cluster_same_results(
    corpus: Path, serial: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "out.jsonl"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        scan([str(corpus)], options=ScanOptions(
            output=out, dask=cluster.scheduler_address, corpus=None
        ))
    assert comparable(rows(out)) == comparable(serial)


class _Everyone:
    """A stand-in consensus: one finding in the first sentence of the article it is told of."""

    def __init__(self, target: str) -> None:
        self.target = target

    def findings(self, doc_id: str, doc: Document) -> list[Finding]:
        if doc_id != self.target:
            return []
        first = doc.seg.sentences[0]
        return [Finding("GC151", "corpus-title", "title", Severity.ERROR, "not as elsewhere",
                        first.start, first.end, "corpus", confidence=0.9)]


def _facts(doc: Document) -> int:
    return len(doc.seg.sentences)


def _consensus_of(target: str) -> Any:
    def build(facts: Any) -> _Everyone:
        assert all(isinstance(n, int) and n > 0 for _, n in facts)
        return _Everyone(target)

    return build


def test_corpus_consensus_findings_reach_the_rows(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    hooks = CorpusHooks(_facts, _consensus_of(str(CLEAN_B)))
    scan([str(CLEAN_B), str(CLEAN_C)], options=ScanOptions(output=out, jobs=1, corpus=hooks))
    found = rows(out)
    corpus_findings = [f for f in found[str(CLEAN_B)]["findings"] if f["origin"] == "corpus"]
    assert [f["rule"] for f in corpus_findings] == ["GC151"]
    assert not [f for f in found[str(CLEAN_C)]["findings"] if f["origin"] == "corpus"]


def test_named_sources(tmp_path: Path) -> None:
    """A source from --source-dir wins its group; a JSONL record's own source wins for it."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / SOURCE.name).write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    scan([str(SPUN)], options=ScanOptions(
        output=out, jobs=1, corpus=None, source_dir=str(sources)
    ))
    spun = rows(out)[str(SPUN)]
    assert spun["source_path"] == str(sources / SOURCE.name)
    assert "--source-dir" in spun["source_choice"]["reason"]
    crawl = tmp_path / "crawl.jsonl"
    record = {"id": "spun", "text": SPUN.read_text(encoding="utf-8"), "source_path": str(SOURCE)}
    crawl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    scan([str(crawl)], options=ScanOptions(output=out, jobs=1, corpus=None))
    row = rows(out)["spun"]
    assert row["source_path"] == str(SOURCE) and row["verdict"] == "garbled"
    assert "record" in row["source_choice"]["reason"]


def test_callable_from_the_package(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = garblecheck.scan([str(SOURCE)], options=ScanOptions(output=out, jobs=1, corpus=None))
    assert summary.articles == 1 and summary.singletons == 1


def test_resume_needs_an_output() -> None:
    proc = run_cli("scan", str(SOURCE), "--resume")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--resume" in proc.stderr

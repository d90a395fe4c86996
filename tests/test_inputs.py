"""Real-world inputs: folders, HTML pages, markdown drafts, JSONL, encodings, stdin; and the
equality of results whichever way the same article comes in."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import CLEAN_A, CLEAN_B, CLEAN_C, FIXTURES, SOURCE, SPUN, run_cli, run_json
from garblecheck.api import check_paths, iter_reports, pipeline_for
from garblecheck.errors import ConfigError, InputError
from garblecheck.inputs import Fields, InputOptions, iter_documents, read_file
from garblecheck.inputs.discover import expand
from garblecheck.report import render
from garblecheck.report.stream import stream
from garblecheck.result import DocumentReport

HTML = FIXTURES / "html" / "wallace-2022-source.html"
SEEDS = FIXTURES / "seeds.jsonl"
STORY = "The minister said the weapons were delivered today. Talks are due next week.\n"


def _docs(paths: list[str], options: InputOptions | None = None) -> list[Any]:
    return list(iter_documents(paths, options))


# --- folders ---------------------------------------------------------------------------


def _found(root: Path, options: InputOptions) -> list[str]:
    return [os.path.relpath(str(p), root) for p in expand([str(root)], options)]


def _tree(root: Path) -> None:
    for name in ("a.txt", "b.md", "page.html", "notes.csv", "sub/c.txt", "sub/drafts/d.txt",
                 ".git/e.txt", "sub/.hidden.txt"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STORY, encoding="utf-8")


def test_folder_is_walked_in_order_with_default_include(tmp_path: Path) -> None:
    _tree(tmp_path)
    expected = ["a.txt", "b.md", "page.html", "sub/c.txt", "sub/drafts/d.txt"]
    assert _found(tmp_path, InputOptions()) == expected


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    options = InputOptions(include=("*.txt",), exclude=("drafts",))
    assert _found(tmp_path, options) == ["a.txt", "sub/c.txt"]
    options = InputOptions(exclude=("sub/*.txt", "*.html"))
    assert _found(tmp_path, options) == ["a.txt", "b.md", "sub/drafts/d.txt"]


def test_a_named_file_is_read_whatever_the_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    options = InputOptions(include=("*.md",), exclude=("*.csv",))
    assert list(expand([str(tmp_path / "notes.csv")], options)) == [str(tmp_path / "notes.csv")]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    found = list(expand([str(tmp_path)], InputOptions()))
    assert [p for p in found if isinstance(p, str)] == [str(tmp_path / "sub" / "a.txt")]
    (error,) = [p for p in found if isinstance(p, InputError)]
    assert "broken symbolic link" in error.problem


# --- HTML ------------------------------------------------------------------------------


def test_html_page_gives_its_article_and_metadata() -> None:
    doc = read_file(str(HTML))
    assert doc.meta.title and doc.meta.title.startswith("Take that, Putin!")
    assert doc.meta.author == "Oliver Pryce"
    assert str(doc.meta.date) == "2022-01-17"
    assert doc.meta.url and doc.meta.url.startswith("https://www.londondefender.example/news/")
    assert doc.text.startswith("Tensions between Moscow and Kiev")
    for furniture in ("Most Read", "cookies", "Copyright", "Sign up", "Advertisement", "Home"):
        assert furniture not in doc.text


def test_html_without_an_article_is_an_input_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_file(str(page))


# --- markdown --------------------------------------------------------------------------

DRAFT = """---
title: "Weapons for Ukraine"
author: Jane Harlow
date: 2022-01-17
---

# Weapons for Ukraine

The minister said the weapons were delivered today. Talks are due next week.

```text
Not a sentence. Not prose either.
```

The vote was close, officials said.
"""


def test_markdown_front_matter_and_code_are_not_prose(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    doc = read_file(str(path))
    assert doc.text == DRAFT
    assert (doc.meta.title, doc.meta.author) == ("Weapons for Ukraine", "Jane Harlow")
    (report,) = check_paths([str(path)]).documents
    sentences = [s.text for s in report.doc.seg.sentences]
    assert sentences == [
        "The minister said the weapons were delivered today.",
        "Talks are due next week.",
        "The vote was close, officials said.",
    ]
    for s in report.doc.seg.sentences:
        assert DRAFT[s.start : s.end] == s.text
    kinds = {DRAFT[b.start : b.end].split("\n")[0]: b.kind for b in report.doc.seg.blocks}
    assert kinds["---"] == kinds["```text"] == "boilerplate"
    assert str(report.date) == "2022-01-17"


def test_markdown_with_broken_front_matter_is_still_checked(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("---\ntitle: [unclosed\n---\n\n" + STORY, encoding="utf-8")
    doc = read_file(str(path))
    assert doc.meta.title is None and doc.text.endswith(STORY)


# --- JSONL -----------------------------------------------------------------------------


def test_jsonl_records_fields_and_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    lines = [
        {"key": "a1", "body": STORY, "link": "https://example.com/a1", "when": "2022-01-17"},
        "not json",
        [1, 2],
        {"key": "a4"},
        {"key": "a5", "body": 5},
        {"key": "a6", "body": STORY, "source_text": "The minister said the arms came today."},
    ]
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n",
        encoding="utf-8",
    )
    fields = Fields.parse(["id=key", "text=body", "url=link", "date=when"])
    items = _docs([str(path)], InputOptions(fields=fields))
    assert len(items) == 6
    doc, source = items[0]
    assert doc.path == f"{path}#L1" and doc.meta.extra["id"] == "a1"
    assert (doc.meta.url, str(doc.meta.date)) == ("https://example.com/a1", "2022-01-17")
    assert source is None
    errors = items[1:5]
    assert [e.path for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert [e.problem.split(":")[0] for e in errors[:1]] == ["not valid JSON"]
    assert "JSON object" in errors[1].problem and "'body'" in errors[2].problem
    assert "not a string" in errors[3].problem
    doc, source = items[5]
    assert source is not None and source.text.startswith("The minister said the arms")


def test_jsonl_source_path_is_relative_to_the_file_and_read_once(tmp_path: Path) -> None:
    (tmp_path / "src.txt").write_text(STORY, encoding="utf-8")
    path = tmp_path / "copies.jsonl"
    rows = [{"text": STORY, "source_path": "src.txt"}] * 2 + [{"text": STORY, "source_path": "x"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (_, src_a), (_, src_b), error = _docs([str(path)])
    assert src_a is src_b and src_a is not None and src_a.text == STORY
    assert isinstance(error, InputError) and error.path == f"{path}:3"
    assert "source x: no such file" in error.problem


def test_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "word " * 400})
    path.write_text(big + "\n" + json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    items = _docs([str(path)], InputOptions(max_bytes=1000))
    assert isinstance(items[0], InputError) and "limit" in items[0].problem
    assert items[1][0].text == STORY


def test_bad_field_option() -> None:
    with pytest.raises(ConfigError, match="NAME=KEY"):
        Fields.parse(["body"])
    with pytest.raises(ConfigError, match="NAME=KEY"):
        Fields.parse(["headline=title"])


# --- streaming -------------------------------------------------------------------------


def test_streamed_json_is_the_whole_run_report(tmp_path: Path) -> None:
    import io

    paths = [str(CLEAN_A), str(tmp_path / "missing.txt"), str(SEEDS)]
    pipeline = pipeline_for(None)
    whole = json.loads(render(check_paths(paths, pipeline=pipeline), "json"))
    out = io.StringIO()
    tally = stream(iter_reports(paths, pipeline=pipeline), "json", out)
    streamed = json.loads(out.getvalue())
    for report in (whole, streamed):
        report["summary"].pop("seconds")
    assert streamed == whole
    assert tally.documents == 6 and len(tally.errors) == 1
    empty = io.StringIO()
    stream(iter([]), "json", empty)
    assert json.loads(empty.getvalue())["documents"] == []


def test_iter_reports_is_lazy() -> None:
    results = iter_reports([str(SEEDS)])
    first = next(results)
    assert isinstance(first, DocumentReport) and first.doc.path == f"{SEEDS}#L1"


# --- through the CLI -------------------------------------------------------------------


def _by_sentence(doc: dict[str, Any]) -> tuple[list[str], list[str]]:
    sentences = [s["text"] for s in doc["sentences"]]
    return sentences, [s["text"] for s in doc["sentences"] if s["flagged"]]


def test_html_page_and_text_version_agree(report_schema: dict[str, Any]) -> None:
    _, page = run_json("check", str(HTML))
    _, text = run_json("check", str(SOURCE), "--date", "2022-01-17")
    jsonschema.validate(page, report_schema)
    (p,), (t,) = page["documents"], text["documents"]
    assert _by_sentence(p) == _by_sentence(t)
    for s in p["sentences"]:
        assert p["text"][s["start"] : s["end"]] == s["text"]
    assert (p["title"], p["author"], p["date"]) == (
        "Take that, Putin! UK supplying Ukraine with defensive weapon systems as war row escalates",
        "Oliver Pryce",
        "2022-01-17",
    )
    assert p["url"].startswith("https://") and p["extracted_from"] == "html"
    page_text, text_text = p["text"], SOURCE.read_text(encoding="utf-8")
    assert sorted(
        (f["rule"], page_text[f["start"] : f["end"]])
        for f in p["findings"] if f["category"] != "boilerplate"
    ) == sorted(
        (f["rule"], text_text[f["start"] : f["end"]])
        for f in t["findings"] if f["category"] != "boilerplate"
    )


def test_page_as_source_flags_the_same_sentences_as_the_text_source() -> None:
    _, page = run_json("compare", str(SPUN), "--source", str(HTML))
    _, text = run_json("compare", str(SPUN), "--source", str(SOURCE))
    (p,), (t,) = page["documents"], text["documents"]
    assert _by_sentence(p)[1] == _by_sentence(t)[1]
    assert len(_by_sentence(p)[1]) >= 5


def _comparable(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "verdict": doc["verdict"],
        "score": doc["score"],
        "sentences": [(s["start"], s["end"], s["flagged"], s["score"]) for s in doc["sentences"]],
        "findings": sorted((f["rule"], f["start"], f["end"]) for f in doc["findings"]),
    }


def test_jsonl_of_the_seeds_gives_the_results_of_the_files(report_schema: dict[str, Any]) -> None:
    code, bulk = run_json("check", str(SEEDS))
    jsonschema.validate(bulk, report_schema)
    assert code == 1 and not bulk["errors"]
    _, files = run_json("check", str(CLEAN_A), str(CLEAN_B), str(CLEAN_C), str(SOURCE))
    _, spun = run_json("compare", str(SPUN), "--source", str(SOURCE))
    singles = files["documents"][:3] + spun["documents"] + files["documents"][3:]
    assert [d["id"] for d in bulk["documents"]] == [
        "000_79ea83a1db631b83", "001_de53a29195f7127a", "002_c94207efee371c55",
        "003_3a801cd328a14ee6", "004_3c813b7742c1b69d",
    ]
    for record, single in zip(bulk["documents"], singles, strict=True):
        assert _comparable(record) == _comparable(single), record["id"]
    assert bulk["documents"][3]["source_path"] == str(SOURCE)


def test_folder_jsonl_and_bad_lines_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN_A.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "skip.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"body": STORY}) + "\n{broken\n", encoding="utf-8"
    )
    proc = run_cli(
        "check", str(tmp_path), "--exclude", "skip.*", "--field", "text=body", "--format", "json"
    )
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [d["path"] for d in report["documents"]] == [
        str(tmp_path / "a.txt"), f"{tmp_path / 'feed.jsonl'}#L1"
    ]
    assert [e["path"] for e in report["errors"]] == [f"{tmp_path / 'feed.jsonl'}:2"]
    feed_error = report["errors"][0]["error"]
    assert proc.stderr.strip() == f"garblecheck: {tmp_path / 'feed.jsonl'}:2: {feed_error}"


def test_bad_field_option_is_a_usage_error() -> None:
    proc = run_cli("check", str(SEEDS), "--field", "body")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8-sig"), "utf-8-sig"),
        (STORY.encode("utf-16"), "utf-16"),
        ("The café’s owner said “no”. Talks are due next week.\n".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    proc = run_cli("check", str(path), "--format", "json", "--fail-on", "never")
    (doc,) = json.loads(proc.stdout)["documents"]
    assert doc["encoding"].startswith(encoding)
    assert ("cp1252" in proc.stderr) == (encoding == "cp1252")


def test_stdin_page_is_extracted() -> None:
    proc = run_cli("check", "-", "--format", "json", stdin=HTML.read_bytes())
    (doc,) = json.loads(proc.stdout)["documents"]
    assert doc["path"] is None and doc["title"].startswith("Take that, Putin!")
    assert doc["text"].startswith("Tensions between Moscow")

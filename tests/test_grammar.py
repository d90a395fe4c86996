"""Grammar engines: the LanguageTool adapter against LanguageTool's documented /v2/check JSON
(and a real server when GARBLECHECK_LANGUAGETOOL_URL is set), its failures, Harper (and the
sentences it is spared: it must find in them what it finds in the whole text), and the grammar
rules' own examples."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from conftest import CLEAN_A, FIXTURES, SHARED_DATA, SOURCE, SPUN, needs_shared_data
from garblecheck.build.harper_probes import Prober
from garblecheck.build.harper_rules import detokenise
from garblecheck.config import Config
from garblecheck.errors import EngineError, RuleError
from garblecheck.grammar import (
    GrammarAnalyser,
    HarperEngine,
    LanguageToolEngine,
    Match,
    build_engines,
    local_engine,
)
from garblecheck.grammar.harper import UNKNOWN_WORD, enabled_rules, triggers, unknown_words
from garblecheck.grammar.harper_triggers import _THIRD_PERSON, Triggers
from garblecheck.grammar.languagetool import check_url, parse_response
from garblecheck.model import Document, Segmentation
from garblecheck.packs import packs_dir
from garblecheck.pipeline import Pipeline
from garblecheck.rules.base import KINDS, RuleKind, RuleSpec
from garblecheck.rules.kinds.grammar import GrammarKind
from garblecheck.rules.loader import build_kinds, parse_rule, rule_files
from garblecheck.segment import segment

LT = FIXTURES / "languagetool"
TEXT = (
    "The officials has said the goverment will effect a change.  Kowalskyi agreed. then they left."
)
ASTRAL = "Fans 🎉 cheered. It was a honest win."
GRAMMAR_SPECS = [parse_rule(p) for p in rule_files([packs_dir() / "grammar"])]
KINDS_BUILT = build_kinds(GRAMMAR_SPECS)


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LT / name).read_text(encoding="utf-8"))
    return data


class FixtureEngine:
    """LanguageTool as the fixture answers: the adapter's parsing without a server."""

    name = "languagetool"

    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = answer

    def check(self, text: str, locale: str | None, seg: Segmentation | None = None) -> list[Match]:
        return parse_response(self.answer, text)


def _run(text: str, *engines: Any) -> list[tuple[str, str]]:
    pipeline = Pipeline(Config(), [GrammarAnalyser(KINDS_BUILT, list(engines), Config())])
    report = pipeline.run(Document(text))
    return [(f.rule, text[f.start : f.end]) for f in report.findings]


def test_parse_documented_response() -> None:
    matches = parse_response(_fixture("check-en-us.json"), TEXT)
    assert [(m.rule, m.category, TEXT[m.start : m.end]) for m in matches] == [
        ("NON3PRS_VERB", "GRAMMAR", "has"),
        ("MORFOLOGIK_RULE_EN_US", "TYPOS", "goverment"),
        ("AFFECT_EFFECT", "CONFUSED_WORDS", "effect"),
        ("MORFOLOGIK_RULE_EN_US", "TYPOS", "Kowalskyi"),
        ("WHITESPACE_RULE", "TYPOGRAPHY", "  "),
        ("UPPERCASE_SENTENCE_START", "CASING", "then"),
    ]
    assert matches[0].replacements == ("have",)


def test_offsets_in_utf16_units_become_code_points() -> None:
    (match,) = parse_response(_fixture("check-astral.json"), ASTRAL)
    assert ASTRAL[match.start : match.end] == "a"


@pytest.mark.parametrize("answer", [{}, {"matches": "x"}, {"matches": [{"offset": 1}]}])
def test_malformed_response_is_an_error(answer: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        parse_response(answer, TEXT)


def test_matches_become_findings_with_stable_codes() -> None:
    found = _run(TEXT, FixtureEngine(_fixture("check-en-us.json")))
    # typography is style, and an unknown capitalised word is a name: neither is reported
    assert found == [("GR201", "has"), ("GR205", "goverment"), ("GR203", "effect"),
                     ("GR204", "then")]  # fmt: skip


def test_finding_keeps_the_engine_rule_id_and_suggestion() -> None:
    pipeline = Pipeline(Config(), [GrammarAnalyser(
        KINDS_BUILT, [FixtureEngine(_fixture("check-astral.json"))], Config()
    )])  # fmt: skip
    (finding,) = pipeline.run(Document(ASTRAL)).findings
    assert (finding.rule, finding.origin, finding.suggestion) == ("GR201", "grammar", "an")
    assert finding.evidence is not None and "EN_A_VS_AN" in finding.evidence


def test_ignored_codes_are_not_reported() -> None:
    config = Config(ignore=["GR2"])
    analyser = GrammarAnalyser(KINDS_BUILT, [FixtureEngine(_fixture("check-en-us.json"))], config)
    assert analyser.engines == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://localhost:8010", "http://localhost:8010/v2/check"),
        ("http://localhost:8010/v2/", "http://localhost:8010/v2/check"),
        ("https://lt.example.org/v2/check", "https://lt.example.org/v2/check"),
    ],
)
def test_check_url(url: str, expected: str) -> None:
    assert check_url(url) == expected


@pytest.fixture
def fixture_server() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """A loopback HTTP server answering /v2/check with the documented fixture."""
    seen: list[dict[str, list[str]]] = []
    answer = (LT / "check-en-us.json").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            seen.append(parse_qs(self.rfile.read(length).decode()))
            status = 200 if self.path == "/v2/check" else 404
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_engine_posts_the_document_and_parses_the_answer(
    fixture_server: tuple[str, list[dict[str, list[str]]]],
) -> None:
    url, seen = fixture_server
    matches = LanguageToolEngine(url, timeout=2).check(TEXT, "en-GB")
    assert seen == [{"text": [TEXT], "language": ["en-GB"]}]
    assert len(matches) == 6


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_is_a_quick_one_line_error() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    began = time.monotonic()
    with pytest.raises(EngineError) as caught:
        LanguageToolEngine(url, timeout=2).check(TEXT, None)
    assert time.monotonic() - began < 5
    message = str(caught.value)
    assert "\n" not in message and "unreachable" in message and url in message


def test_silent_server_times_out() -> None:
    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        began = time.monotonic()
        with pytest.raises(EngineError):
            LanguageToolEngine(url, timeout=0.5).check(TEXT, None)
        assert time.monotonic() - began < 5


def test_http_error_is_an_engine_error(
    fixture_server: tuple[str, list[dict[str, list[str]]]],
) -> None:
    url, _ = fixture_server
    engine = LanguageToolEngine(url, timeout=2)
    engine.url = f"{url}/elsewhere"
    with pytest.raises(EngineError, match="answered 404"):
        engine.check(TEXT, None)


@pytest.fixture
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if language-tool-python tries to download LanguageTool."""
    from language_tool_python import download_lt

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("LanguageTool download attempted")

    monkeypatch.setattr(download_lt, "download_lt", refuse)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", refuse, raising=False)
    monkeypatch.setattr(download_lt, "http_get", refuse, raising=False)


@pytest.mark.usefixtures("no_download")
def test_local_install_without_ltp_path_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LTP_PATH", raising=False)
    with pytest.raises(EngineError, match="LTP_PATH"):
        build_engines(harper=False, languagetool_url="local")


@pytest.mark.usefixtures("no_download")
def test_local_install_missing_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    with pytest.raises(EngineError, match="no usable LanguageTool install"):
        local_engine(timeout=1, startup=1)


def test_engines_are_built_from_plain_values() -> None:
    engines = build_engines(harper=True, languagetool_url="http://127.0.0.1:9")
    assert [e.name for e in engines] == ["harper", "languagetool"]
    assert build_engines(harper=False) == []


def test_grammar_rules_need_an_engine_and_a_group() -> None:
    spec = GRAMMAR_SPECS[0]
    bad: list[RuleSpec] = [
        RuleSpec(**{**spec.__dict__, "options": {**spec.options, "engine": "word"}}),
        RuleSpec(**{**spec.__dict__, "options": {**spec.options, "categories": [], "rules": []}}),
    ]
    for item in bad:
        with pytest.raises(RuleError):
            KINDS["grammar"](item)


def test_harper_reports_grammar_not_names() -> None:
    text = "Mr Oyelaran said he go to the office. The organisers agreed."
    assert _run(text, HarperEngine()) == [("GR101", "go")]


def _example_cases(which: str) -> list[tuple[str, str]]:
    return [
        (s.code, ex.text)
        for s in GRAMMAR_SPECS
        if s.options["engine"] == "harper"
        for ex in getattr(s, which)
    ]


@pytest.fixture(scope="module")
def harper_pipeline() -> Pipeline:
    kinds: list[RuleKind] = list(KINDS_BUILT)
    return Pipeline(Config(), [GrammarAnalyser(kinds, [HarperEngine()], Config())])


@pytest.mark.parametrize(("code", "text"), _example_cases("trigger"))
def test_harper_rule_trigger_examples(harper_pipeline: Pipeline, code: str, text: str) -> None:
    assert code in [f.rule for f in harper_pipeline.run(Document(text)).findings]


@pytest.mark.parametrize(("code", "text"), _example_cases("quiet"))
def test_harper_rule_quiet_examples(harper_pipeline: Pipeline, code: str, text: str) -> None:
    assert code not in [f.rule for f in harper_pipeline.run(Document(text)).findings]


REAL_SERVER = os.environ.get("GARBLECHECK_LANGUAGETOOL_URL")


@pytest.mark.skipif(not REAL_SERVER, reason="GARBLECHECK_LANGUAGETOOL_URL is not set")
def test_real_server_examples() -> None:
    assert REAL_SERVER is not None
    engine = LanguageToolEngine(REAL_SERVER, timeout=30)
    for spec in GRAMMAR_SPECS:
        if spec.options["engine"] != "languagetool":
            continue
        for ex in spec.trigger:
            assert spec.code in [code for code, _ in _run(ex.text, engine)], ex.text
        for ex in spec.quiet:
            assert spec.code not in [code for code, _ in _run(ex.text, engine)], ex.text


def test_shipped_harper_rules_include_every_rule_named() -> None:
    named = {r for k in KINDS_BUILT if isinstance(k, GrammarKind) and k.engine == "harper"
             for r in k.rules} - {UNKNOWN_WORD}  # fmt: skip
    assert named and named <= enabled_rules()
    assert "SpellCheck" not in enabled_rules()


def test_unknown_words_skip_compounds_and_suggest_a_close_word() -> None:
    text = "The co-ordinator said the reseach would pre-empt an unremittingly grim review."
    found = [(text[m.start : m.end], m.replacements) for m in unknown_words(text)]
    assert found == [("reseach", ("research",)), ("unremittingly", ())]
    curly = "We’ve said they’re fine and it isn’t over."
    assert unknown_words(curly) == []


# one or more sentences for each Harper rule garblecheck runs, and near misses
RULE_CASES = """\
He go to the office every day. She walk home. I has a car, and they goes out. It don't matter.
He are late. They is here. We was there. You was right. I were wrong. She really are kind.
It would nice to win. The plan could configured later. It would be nice. You can backup files.
He could of won. You must of seen it. The will of the people. Of course he could, of course.
Was it a error? It was an mule. He waited an hour, not a hour. It was an honest man, a honest man.
He is an MP, a MP, an SQL user, a FBI agent, a European, an university, a one-off, an 8-year-old.
He asked for an advice and two informations. They sold a software and many furnitures.
The childs eated the apples. The heros runned. The citys grew. This way is gooder than that.
There is alot of noise infront of the house, aswell as eachother and atleast one incase.
The server is is slow. The error's are gone. We're are ready. That will be be fine.
Some one called. Despite of the rain, it went on. The rule allows to change the plan.
Their is a problem. They left their. Over their, the house stood. Their supposed to be here.
There house is big. There car broke down. i think so, and i'm sure. i'll go.

the lower case start of a paragraph of two sentences. It ends here.

Ends here. the next one starts small... and goes on. Steel Co. said no. China.com.cn, it said.
"""


def _masked_and_whole(text: str, locale: str | None) -> tuple[list[Match], list[Match]]:
    engine = HarperEngine()
    seg = segment(text)

    def prose(matches: list[Match]) -> list[Match]:
        return sorted(
            (m for m in matches if seg.sentence_at(m.start) is not None),
            key=lambda m: (m.start, m.rule),
        )

    return prose(engine.check(text, locale, seg)), prose(engine.check(text, locale))


@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
@pytest.mark.parametrize("path", [None, SPUN, SOURCE, CLEAN_A])
def test_harper_finds_in_the_kept_sentences_what_it_finds_in_the_whole_text(
    path: Path | None, locale: str
) -> None:
    text = RULE_CASES if path is None else path.read_text(encoding="utf-8")
    masked, whole = _masked_and_whole(text, locale)
    assert masked == whole
    if path is None:  # every rule garblecheck runs fired on the cases
        assert {m.rule for m in whole} >= enabled_rules()


def test_harper_rule_examples_survive_the_masking() -> None:
    for _code, text in _example_cases("trigger") + _example_cases("quiet"):
        masked, whole = _masked_and_whole(text, None)
        assert masked == whole, text


def test_sentences_no_rule_could_fire_in_are_blanked_to_their_last_stop() -> None:
    text = "The bank raised rates. There plan worked.\n\nShares rose. Prices fell!"
    masked = triggers().mask(text, segment(text))
    assert masked == "                     . There plan worked.\n\n           .            !"
    clean = "The bank raised rates on Monday. Shares rose sharply."
    assert triggers().mask(clean, segment(clean)) is None


def test_there_is_no_reason_to_parse_before_a_verb_of_there_is() -> None:
    text = "There were gains. There needs to be a change. Prices fell there. There plan worked."
    masked = triggers().mask(text, segment(text))
    gains, prices = " " * 16, " " * 18  # blanked, all but their full stops
    assert masked == f"{gains}. There needs to be a change.{prices}. There plan worked."


def test_a_sentence_that_may_start_small_keeps_its_paragraph() -> None:
    text = "Shares rose. prices fell.\n\nThe bank said so."
    masked = triggers().mask(text, segment(text))
    assert masked == "Shares rose. prices fell.\n\n                ."


def test_harper_is_not_given_a_sentence_it_would_take_ages_over() -> None:
    text = "There plan worked. " + "They said " * 200 + "that it was so."
    masked = triggers().mask(text, segment(text))
    assert masked is not None and " ".join(masked.split()) == "There plan worked. ."


def test_a_rule_without_a_check_keeps_every_sentence() -> None:
    text = "The bank raised rates. Shares rose."
    assert Triggers({"SomeNewRule"}, triggers().lists).mask(text, segment(text)) == text


def test_probed_word_lists_still_hold_for_the_installed_harper() -> None:
    """The quiet lists must stay quiet (or sentences Harper would flag are skipped); the
    flagged lists are checked to still be flagged."""
    lists = triggers().lists
    modal = sorted(lists.quiet_after_modal)
    assert not Prober(["ModalBeAdjective"]).flagged(modal, "It would {}.")
    he = sorted(lists.quiet_after_he)
    agreement = Prober(["PronounVerbAgreement"])
    assert not agreement.flagged(he, "He {}.")
    # after "they", only forms in -s and these few are third person
    not_s = [w for w in he if not w.endswith("s")] + sorted(_THIRD_PERSON)
    assert agreement.flagged(not_s, "They {}.") == _THIRD_PERSON
    fired = sorted(lists.fired_words)
    assert Prober(["RegularIrregulars", "OpenCompounds"]).flagged(fired, "{}.") == set(fired)
    # ThereToTheir never fires before a verb of "there is" (checks skip those sentences)
    verbs = "is are was were has have had could would will may might must should can does did"
    assert not Prober(["ThereToTheir"]).flagged(verbs.split(), "They said there {} a plan.")
    mass = sorted(lists.mass_nouns)[::50]
    assert Prober(["MassNouns"]).flagged(mass, "There was a {}.") == set(mass)


@pytest.mark.slow
@needs_shared_data()
def test_harper_finds_the_same_on_news_and_learner_english_when_masked() -> None:
    bbc = (SHARED_DATA / "news" / "bbc-2005-dev.jsonl").read_text(encoding="utf-8").splitlines()
    jfleg = (SHARED_DATA / "jfleg" / "jfleg-dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in bbc[:150]]
    texts += [detokenise(json.loads(line)["src"]) for line in jfleg[:300]]
    for text in texts:
        masked, whole = _masked_and_whole(text, "en-GB")
        assert masked == whole, text

"""Segmentation: exact offsets, block kinds on real scraped pages, sentences, quotations."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from garblecheck.model import Segmentation
from garblecheck.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))
BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc-2005-dev.jsonl"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def kinds(text: str, seg: Segmentation) -> dict[str, tuple[str, str]]:
    return {text[b.start : b.end]: (b.kind, b.reason) for b in seg.blocks}


def sentence_with(seg: Segmentation, fragment: str) -> str:
    found = [s.text for s in seg.sentences if fragment in s.text]
    assert len(found) == 1, (fragment, found)
    return found[0]


def check_invariants(text: str, seg: Segmentation) -> None:
    prev_end = 0
    for block in seg.blocks:
        assert prev_end <= block.start < block.end <= len(text)
        assert text[block.start : block.end] == text[block.start : block.end].strip()
        prev_end = block.end
    prev_end = 0
    for i, s in enumerate(seg.sentences):
        assert s.index == i
        assert prev_end <= s.start < s.end
        assert text[s.start : s.end] == s.text == s.text.strip()
        block = seg.blocks[s.block]
        assert block.kind == "prose"
        assert block.start <= s.start and s.end <= block.end
        prev_end = s.end
    for q in seg.quotes:
        assert 0 <= q.start < q.end <= len(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_invariants_on_seeds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    check_invariants(text, segment(text))


def test_junk_of_the_source_article() -> None:
    text = read("wallace-2022-source.txt")
    got = kinds(text, segment(text))
    assert got["London Defender"] == ("boilerplate", "masthead")
    assert got["The Daily Mirror of the Great Britain"] == ("boilerplate", "masthead")
    headline = "Take that, Putin! UK supplying Ukraine with defensive weapon systems as war row"
    assert got[headline + " escalates"][0] == "heading"
    assert got["Defence Secretary Ben Wallace"][0] == "caption"
    assert got["Defence Secretary Ben Wallace (Image: Sky News/Getty)"][0] == "caption"
    assert got["Russia v Ukraine"][0] == "caption"
    read_more = next(k for k in got if k.startswith("READ MORE:"))
    assert got[read_more][0] == "boilerplate"
    teasers = [k for k in got if k.endswith(("[REVEAL]", "[INSIGHT]", "[COMMENT]"))]
    assert len(teasers) == 3
    assert all(got[k][0] == "boilerplate" for k in teasers)


def test_junk_of_outlet_b() -> None:
    text = read("shapps-2024-outlet-b.txt")
    got = kinds(text, segment(text))
    assert got["May 22, 2024"] == ("boilerplate", "date")
    assert got["Updated to add U.S. reaction."][0] == "boilerplate"
    caption = next(k for k in got if k.endswith("**Alexander Ryumin, TASS / kremlin.ru**"))
    assert got[caption][0] == "caption"
    related = next(k for k in got if k.startswith("Related article:"))
    assert got[related][0] == "boilerplate"
    assert got["Original url:"][0] == "boilerplate"
    url = next(k for k in got if k.startswith("<https://"))
    assert got[url][0] == "boilerplate"


def test_trailing_navigation_of_outlet_a() -> None:
    text = read("shapps-2024-outlet-a.txt")
    got = kinds(text, segment(text))
    for line in ("Related articles", "Share article", "Latest articles"):
        assert got[line][0] == "boilerplate"
    assert got["UK says China is arming Russia, contra Blinken"][0] == "heading"


def test_donation_appeal_is_split_from_glued_prose() -> None:
    text = read("shapps-2024-outlet-c.txt")
    seg = segment(text)
    got = kinds(text, seg)
    assert got["Your support helps us to tell the story"] == ("boilerplate", "appeal")
    assert got["Your support makes all the difference."] == ("boilerplate", "appeal")
    assert got["Subscribe to Independent Premium to bookmark this article"][0] == "boilerplate"
    appeals = [k for k, v in got.items() if v == ("boilerplate", "appeal")]
    assert any(k.startswith("From reproductive rights") for k in appeals)
    assert any(k.startswith("The Independent is trusted") for k in appeals)
    assert any(k.startswith("Want to bookmark") for k in appeals)
    first = seg.sentences[1].text
    assert first.startswith("China is providing Russia with lethal aid")
    junk = ("Your support", "donation", "subscription", "bookmark")
    assert not any(word in s.text for s in seg.sentences for word in junk)


def test_every_prose_paragraph_of_the_spun_copy_stays_prose() -> None:
    text = read("wallace-2022-spun.txt")
    seg = segment(text)
    assert {b.kind for b in seg.blocks} == {"prose"}
    assert len(seg.sentences) == 31


def test_paragraph_broken_mid_sentence_is_rejoined() -> None:
    text = read("shapps-2024-outlet-b.txt")
    sentence = sentence_with(segment(text), "significant development")
    assert sentence.endswith("broke out more\n\nthan two years ago.")


def test_missing_space_after_full_stop_splits() -> None:
    seg = segment("Your help matters a lot to all of them.China is providing aid, he said.")
    assert [s.text for s in seg.sentences] == [
        "Your help matters a lot to all of them.",
        "China is providing aid, he said.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.K. agreed on Monday.",
        "Mr Shapps and Mrs May met Dr Jones at St Paul's.",
        "Gen. Smith and Lt. Jones arrived on Jan. 17 at No. 10 Downing Street.",
        "J. K. Rowling sold 3.5 million copies.",
        "Mr. Smith met Ms. Brown, who said… nothing.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert [s.text for s in segment(text).sentences] == [text]


def test_sentences_split_per_paragraph_with_exact_offsets() -> None:
    text = "Title line\n\nFirst one. Second one?\r\n\r\nThird one!  "
    seg = segment(text)
    assert [s.text for s in seg.sentences] == ["First one.", "Second one?", "Third one!"]
    assert [s.block for s in seg.sentences] == [1, 1, 2]
    assert seg.blocks[0].kind == "heading"


def test_closing_quote_belongs_to_its_sentence() -> None:
    text = "He said: “We are ready.” Then he left."
    assert [s.text for s in segment(text).sentences] == [
        "He said: “We are ready.”",
        "Then he left.",
    ]


def test_bare_attribution_after_quote_joins_it() -> None:
    text = "He spoke at length. “We have evidence of it in Ukraine.” Shapps said. It was new."
    assert [s.text for s in segment(text).sentences] == [
        "He spoke at length.",
        "“We have evidence of it in Ukraine.” Shapps said.",
        "It was new.",
    ]


def test_markdown_links_do_not_split_sentences() -> None:
    text = "Shapps [said](#) Wednesday that it was so. But the U.S. later [questioned](#) it."
    assert [s.text for s in segment(text).sentences] == [
        "Shapps [said](#) Wednesday that it was so.",
        "But the U.S. later [questioned](#) it.",
    ]


def test_quotes_curly_straight_and_apostrophes() -> None:
    text = "Beijing’s envoy said “no”, and Shapps’ aide said 'maybe' and \"yes\". Don’t ask."
    seg = segment(text)
    assert [text[q.start : q.end] for q in seg.quotes] == ["“no”", "'maybe'", '"yes"']
    assert all(q.closed for q in seg.quotes)
    assert not seg.quoted(text.index("Don’t"), text.index("Don’t") + 5)


def test_single_quotes_in_headline() -> None:
    text = "Russia’s approach to Ukraine is ‘dangerous’ says Nuland"
    seg = segment(text)
    assert [text[q.start : q.end] for q in seg.quotes] == ["‘dangerous’"]


def test_quote_running_over_several_paragraphs() -> None:
    text = read("wallace-2022-source.txt")
    seg = segment(text)
    opened = text.index("Mr Wallace told MPs: “In light")
    middle = text.index("We have taken the decision")
    last = text.index("Let me be clear")
    unclosed = [q for q in seg.quotes if not q.closed]
    assert any(q.start == text.index("“In light") for q in unclosed)
    assert seg.quoted(middle, middle + 20)
    assert seg.quoted(last, last + 15)
    assert not seg.quoted(opened, opened + 10)
    closing = text.index("in self-defence.”") + len("in self-defence.”")
    assert any(q.end == closing and q.closed for q in seg.quotes)


def test_open_quote_of_outlet_c_continues() -> None:
    text = read("shapps-2024-outlet-c.txt")
    seg = segment(text)
    start = text.index("That recent visit")
    assert seg.quoted(start, start + 40)
    assert seg.quoted_share(*next((s.start, s.end) for s in seg.sentences if "64%" in s.text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t \r\n ",
        "\r\r\r",
        "x",
        ".",
        "“",
        "\"'\"'",
        "a" * 50_000,
        "word " * 20_000,
        "\x00\x01\x02 control. \x1b[31m red\x07",
        "مرحبا بالعالم. هذا نص.\nשלום עולם.",
        "Emoji 🎉 here. 👍🏽 more!\u200b\ufeff",
        "line one\u2028line two\u2029line three\x85end\x0b\x0c",
        "[](#)[](",
        "- \n* \n1. ",
        "Mr. Mrs. Dr. U.S. U.K. ...",
        "\u00a0\u00a0Lead.\u00a0\u00a0",
    ],
)
def test_never_raises_and_keeps_invariants(text: str) -> None:
    check_invariants(text, segment(text))


def test_crlf_and_cr_line_ends() -> None:
    for sep in ("\r\n", "\r"):
        text = sep.join(["Headline here", "", "One sentence here.", "", "Another one here."])
        seg = segment(text)
        assert [s.text for s in seg.sentences] == ["One sentence here.", "Another one here."]


def test_one_paragraph_per_line() -> None:
    text = "A headline\nThe first paragraph ends.\nThe second paragraph ends."
    seg = segment(text)
    assert [b.kind for b in seg.blocks] == ["heading", "prose", "prose"]


@pytest.mark.parametrize(
    "text",
    ["Are these things good for people?", "Learn to drive before you buy a car!",
     "so i think we can not live if old people could not find tecnologies..."],
)
def test_lone_line_that_reads_as_a_sentence_is_prose(text: str) -> None:
    # a headline heads an article: with nothing under it, the line is what is to be checked
    assert [b.kind for b in segment(text).blocks] == ["prose"]
    assert segment(f"{text}\nThe story begins here.").blocks[0].kind == "heading"


def test_lone_line_without_closing_punctuation_stays_a_heading() -> None:
    assert [b.kind for b in segment("Minister Resigns Over Expenses").blocks] == ["heading"]


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "The minister said on Monday that the government would publish its plans\n"
        "for the new scheme before the summer, and that Parliament would vote on\n"
        "them in the autumn. Critics said the timetable was far too slow.\n"
        "\n"
        "Officials declined to say how much the scheme would cost when it was\n"
        "finally introduced across the whole of the country next year.\n"
    )
    seg = segment(text)
    assert [b.kind for b in seg.blocks] == ["prose", "prose"]
    assert len(seg.sentences) == 3


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Advertisement", "boilerplate"),
        ("By Jane Smith, Political Correspondent", "boilerplate"),
        ("Sign up to our free newsletter for the latest news", "boilerplate"),
        ("We use cookies to improve your experience on our site.", "boilerplate"),
        ("https://example.com/news/story", "boilerplate"),
        ("© 2024 Example Media. All rights reserved.", "boilerplate"),
        ("Topics: Politics, Ukraine", "boilerplate"),
        ("Photo: Reuters/John Smith", "caption"),
        ("Soldiers at the border on Monday (Getty Images)", "caption"),
        ("# Section title", "heading"),
        ("* * *", "boilerplate"),
        ("By the end of the year, prices had risen sharply in most regions.", "prose"),
        ("Subscribers to the service will pay more from June, the firm said.", "prose"),
        ("Share your photos and videos with us.", "boilerplate"),
        ("Reproduction in whole or in part without permission is prohibited.", "boilerplate"),
        ("Copyright specialist Neil Boorstyn said the case was weak.", "prose"),
        ("Don't miss the monkeys in the wild, particularly orangutans.", "prose"),
        ("He is one of our reporters covering the story from the coast.", "prose"),
        ("Want to save social security? The minister says there is a way.", "prose"),
        ("He wrote in the sound off section of a news story that he was angry.", "prose"),
        ("Login details of five million users were stolen, the firm said.", "prose"),
        ("Support local businesses, the mayor urged on Monday.", "prose"),
        ("“Your support means a lot,” the player told fans after the match.", "prose"),
        ("Millions of spam messages land in your inbox every day, experts say.", "prose"),
    ],
)
def test_line_kinds_inside_an_article(line: str, kind: str) -> None:
    text = f"Headline\n\nThe story opens here.\n\n{line}\n\nThe story goes on here."
    seg = segment(text)
    assert seg.blocks[2].kind == kind, (line, seg.blocks[2])


@pytest.mark.slow
@pytest.mark.skipif(not BBC.exists(), reason="needs ../shared/data")
def test_bbc_prose_stays_prose_and_is_fast() -> None:
    rows = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    segs = [segment(r["text"]) for r in rows]
    seconds = time.perf_counter() - started
    sentences = sum(len(s.sentences) for s in segs)
    assert sentences / seconds >= 3000
    for row, seg in zip(rows, segs, strict=True):
        assert seg.blocks[0].kind == "heading", row["id"]
        junk = [b for b in seg.blocks if b.kind == "boilerplate"]
        assert not junk, (row["id"], [row["text"][b.start : b.end] for b in junk])


PAGES = FIXTURES / "segment"


def page(name: str) -> tuple[str, Segmentation, dict[str, tuple[str, str]]]:
    text = (PAGES / name).read_text(encoding="utf-8")
    seg = segment(text)
    return text, seg, kinds(text, seg)


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.txt")), ids=lambda p: p.name)
def test_invariants_on_scraped_page_shapes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    check_invariants(text, segment(text))


def test_page_with_labels_on_their_own_lines() -> None:
    _, seg, got = page("bbc-style.txt")
    assert got["Published"] == ("boilerplate", "date")
    assert got["Image source, Getty Images"][0] == "caption"
    assert got["Commuters at Leeds station during a previous walkout"][0] == "caption"
    assert got["By Tom Riley"] == ("boilerplate", "byline")
    assert got["BBC News"] == ("boilerplate", "byline")
    for line in ("Related Topics", "More on this story", "Top Stories"):
        assert got[line][0] == "boilerplate", line
    assert len(seg.sentences) == 3


def test_page_with_credit_after_caption_and_role_byline() -> None:
    _, seg, got = page("guardian-style.txt")
    assert got["Jane Harlow Environment correspondent"] == ("boilerplate", "byline")
    caption = next(k for k in got if k.endswith("Photograph: Martin Pope/Getty Images"))
    assert got[caption][0] == "caption"
    assert got["Share"][0] == "boilerplate"
    assert got["Reuse this content"][0] == "boilerplate"
    assert sum(1 for b in seg.blocks if b.kind == "prose") == 4


def test_wire_page() -> None:
    _, seg, got = page("reuters-style.txt")
    assert got["3 minute read"] == ("boilerplate", "reading time")
    assert got["(Reporting by Andrew Mercer; Editing by Kate Holton)"] == ("boilerplate", "byline")
    assert seg.sentences[0].text.startswith("LONDON, May 22 (Reuters) - British factory output")


def test_tabloid_page() -> None:
    _, seg, got = page("tabloid-style.txt")
    assert got["Daily Courier"] == ("boilerplate", "masthead")
    notice = next(k for k in got if k.startswith("We use your sign-up"))
    assert got[notice] == ("boilerplate", "privacy notice")
    assert got["Advertisement"][0] == "boilerplate"
    assert got["Margaret Dunn with her medal"] == ("caption", "caption title")
    assert got["Follow us on Facebook and Twitter"][0] == "boilerplate"
    assert got["Comments"][0] == "boilerplate"
    assert {k for k, v in got.items() if v[1] == "teaser link"} == {
        "Oldest runners in history revealed [PICTURES]",
        "Marathon legend dies aged 101 [OBITUARY]",
    }
    assert len(seg.sentences) == 5


def test_markdown_draft() -> None:
    text = (
        "---\ntitle: Draft\ndate: 2024-05-22\n---\n\n# Big news today\n\n"
        "The story starts here. It goes on.\n\n```\ncode = 1\n\nmore = 2\n```\n\n"
        "> A reader wrote in to say so.\n\n- The first item of a list is here\n"
    )
    seg = segment(text)
    assert [(b.kind, b.reason) for b in seg.blocks] == [
        ("boilerplate", "front matter"),
        ("heading", "title"),
        ("prose", ""),
        ("boilerplate", "code"),
        ("prose", ""),
        ("prose", ""),
    ]
    assert [s.text for s in seg.sentences] == [
        "The story starts here.",
        "It goes on.",
        "A reader wrote in to say so.",
        "The first item of a list is here",
    ]


def test_semicolons_do_not_end_sentences() -> None:
    text = "Wales: G Thomas (capt); H Luscombe, T Shanklin; S Jones."
    assert [s.text for s in segment(text).sentences] == [text]


def test_quotation_reopened_in_run_together_paragraphs() -> None:
    text = 'He said: "They can talk. The problem is theirs. "We will point it out".'
    seg = segment(text)
    assert [(text[q.start : q.end], q.closed) for q in seg.quotes] == [
        ('"They can talk. The problem is theirs.', False),
        ('"We will point it out"', True),
    ]


def test_nested_straight_quotation() -> None:
    text = '"He told me "never again" and left," she said.'
    seg = segment(text)
    assert [text[q.start : q.end] for q in seg.quotes] == [
        '"He told me "never again" and left,"',
        '"never again"',
    ]


def test_glued_link_prompt_after_the_story_is_split_off() -> None:
    text = "Headline\n\nThe talks ended without a deal on Monday. READ MORE: Talks collapse again"
    seg = segment(text)
    assert [(b.kind, b.reason) for b in seg.blocks][1:] == [
        ("prose", ""),
        ("boilerplate", "link prompt"),
    ]
    assert [s.text for s in seg.sentences] == ["The talks ended without a deal on Monday."]


def test_attribution_with_more_to_say_stays_a_sentence() -> None:
    text = "“We have evidence.” He said the weapons were new. “Yes.” Shapps told the BBC."
    assert [s.text for s in segment(text).sentences] == [
        "“We have evidence.”",
        "He said the weapons were new.",
        "“Yes.” Shapps told the BBC.",
    ]


def test_agency_dateline_stays_in_its_sentence() -> None:
    text = "WASHINGTON (AP) — The Senate voted on Tuesday. It passed."
    assert [s.text for s in segment(text).sentences] == [
        "WASHINGTON (AP) — The Senate voted on Tuesday.",
        "It passed.",
    ]


MARKS = ['"', "'", "“", "”", "‘", "’", "\n", "\n\n", "\r", ".", "[", "](#)", "```", "---\n", "—"]


def test_mutated_articles_keep_invariants() -> None:
    """Seeds with quotation marks, breaks and fragments inserted or cut at random places."""
    rng = random.Random(20240522)
    sources = [p.read_text(encoding="utf-8") for p in SEEDS]
    for _ in range(150):
        text = rng.choice(sources)
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(text) + 1)
            if rng.random() < 0.3:
                text = text[:i] + text[i + rng.randint(1, 30) :]
            else:
                text = text[:i] + rng.choice(MARKS) + text[i:]
        check_invariants(text, segment(text))


@pytest.mark.parametrize(
    "text",
    [
        "The a" + " " * 50_000 + "b went home. Then" + "\u200b" * 20_000 + " more.",
        "Read more" + "\u00a0" * 50_000 + ".",
        "x. " + "\t" * 50_000 + "y.",
        "“Yes.”" + "!" * 50_000 + " Shapps said.",
        "Jane Smith" + " " * 50_000 + "x",
        "Head\n\nA photo" + " " * 50_000 + "x",
        "Head\n\n1" + " " * 50_000 + "x",
        "Head\n\n" + "```a\n" * 2_000,
    ],
)
def test_long_runs_take_linear_time(text: str) -> None:
    started = time.perf_counter()
    check_invariants(text, segment(text))
    assert time.perf_counter() - started < 5


def test_imperatives_at_a_paragraph_edge_stay_prose() -> None:
    text = (
        "Headline\n\nUpgrade work on the line will begin in May. The line will close.\n\n"
        "Fans cheered. “Join us next season,” the manager said."
    )
    assert len(segment(text).sentences) == 4


def test_caption_repeated_as_a_sentence() -> None:
    text = (
        "Headline\n\nThe story starts here.\n\nThe minister arrives in Kyiv on Monday.\n\n"
        "The minister arrives in Kyiv on Monday. (Image: Getty)\n\nThe story goes on."
    )
    seg = segment(text)
    assert [b.kind for b in seg.blocks] == ["heading", "prose", "caption", "caption", "prose"]


def test_markup_comment_lines_are_not_prose() -> None:
    text = "<!-- garblecheck: disable GC101 -->\n\nThe minister said the plan would go ahead.\n"
    seg = segment(text)
    assert (seg.blocks[0].kind, seg.blocks[0].reason) == ("boilerplate", "comment")
    assert [s.text for s in seg.sentences] == ["The minister said the plan would go ahead."]

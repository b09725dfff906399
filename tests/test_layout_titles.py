"""The header's title candidates, the weights they are scored with, texts of any shape
(collapsed white space, other line breaks) and texts that are an article's body alone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsstruct.layout import layout_warnings, segment_text
from newsstruct.layout.titles import TITLE_FEATURES, header_weights
from newsstruct.types import SegmentKind, WarningCode
from tests.figures import hold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "newsstruct" / "data"
HEADER = ROOT.parent / "shared" / "eval" / "header"
SEED = ROOT / "seeds" / "witkoff-moscow.txt"
NEEDS_SHARED = pytest.mark.skipif(not (HEADER / "dev.jsonl").exists(),
                                  reason="../shared/eval/header is absent")


def _dev() -> list[dict[str, Any]]:
    with (HEADER / "dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _reading(text: str) -> list[tuple[str, str]]:
    """The kinds and texts (white space collapsed) of the segments of ``text``."""
    return [(s.kind.value, " ".join(s.text.split())) for s in segment_text(text)]


def _title(text: str) -> str | None:
    return next((s.text for s in segment_text(text) if s.kind is SegmentKind.TITLE), None)


def test_header_weights_are_named_and_say_how_they_were_made() -> None:
    raw = json.loads((DATA / "header_weights.json").read_text(encoding="utf-8"))
    assert "benchmarks/fit_header.py" in raw["origin"] and "site" in raw["origin"]
    assert set(raw["title"]) <= set(TITLE_FEATURES)
    weights = header_weights()
    assert len(weights.vector()) == len(TITLE_FEATURES)
    # the features a linguist expects to count for a headline do, those against against
    assert weights.title["opening_share"] > 0 and weights.title["title_like"] > 0
    assert weights.title["bullet"] < 0 and weights.title["has_date"] < 0


# Real lines of the dev and wide pages, one failure kind each: the line must not be the
# title, and the headline under it must be.
_ARTICLE = (
    "The council approved the budget on Tuesday after a debate that lasted most of the "
    "evening and ended with a narrow vote.\n\n"
    "Members who opposed it said the plan relied on optimistic forecasts of tax receipts "
    "and would force cuts to services next year.\n\n"
    "The mayor said the budget protected libraries and parks while keeping the city's "
    "reserves above the level its auditors recommend.\n"
)
NOT_TITLES = [
    # a browser notice above the headline (nature.com)
    ("You are using a browser version with limited support for CSS. To obtain the best "
     "experience, we recommend you use a more up to date browser (or turn off compatibility "
     "mode in Internet Explorer)."),
    # a section label in capitals (thelist.com)
    "NEWS FEATURES BEAUTY ENTERTAINMENT ROYALS HEALTH LOVE",
    # a site's tagline (nature.com)
    "A Nature Research Journal",
    # a photo credit (euronews.com)
    "Swedish police officer - Copyright Fredrik Persson/AP",
    # a lead-in ending with a colon (financialpost.com)
    "Author of the article:",
    # a date and weather line (dailymail.co.uk)
    "Saturday, Apr 27th 2024 4PM 19°C 7PM 14°C 5-Day Forecast",
    # kickers and section labels shown above headlines on many sites
    "Exclusive",
    "BREAKING NEWS",
    "Opinion",
    "Video",
    # a profile link and sponsor lines
    "View Profile",
    "Sponsored By",
    "Sponsored by Visit Myrtle Beach",
    # a gallery's notice
    "You are viewing 1 of 5 images Previous Image Next Image",
]


@pytest.mark.parametrize("line", NOT_TITLES, ids=lambda s: s[:30])
def test_page_furniture_above_the_headline_is_not_the_title(line: str) -> None:
    headline = "Council approves budget after narrow vote"
    page = f"{line}\n\n{headline}\n\nBy Jane Roe\n\n{_ARTICLE}"
    assert _title(page) == headline


def test_a_dateline_stays_the_first_words_of_the_body() -> None:
    """"LONDON (AP) —" opens the first paragraph: it is cut into a dateline segment right
    before the paragraph, and no word of it is lost or taken as the title."""
    text = ("Storm closes port\n\nBy Jane Roe\n\nLONDON (AP) — The port closed on Tuesday as "
            "the storm approached the coast, officials said.\n\n" + _ARTICLE)
    segs = segment_text(text)
    kinds = [(s.kind, s.text) for s in segs]
    i = kinds.index((SegmentKind.DATELINE, "LONDON (AP) —"))
    assert kinds[i + 1][0] is SegmentKind.PARAGRAPH
    assert kinds[i + 1][1].startswith("The port closed")
    assert _title(text) == "Storm closes port"


@NEEDS_SHARED
def test_body_only_texts_get_no_title() -> None:
    """The gold bodies of the dev pages (an article's paragraphs with no header) are read
    with no title, and say so with a warning."""
    bodies = [p["body"] for p in _dev() if p.get("body")]
    untitled = 0
    for body in bodies:
        segs = segment_text(body)
        if not any(s.kind is SegmentKind.TITLE for s in segs):
            untitled += 1
            assert WarningCode.NO_TITLE in {w.code for w in layout_warnings(body, segs)}
    hold("layout dev bodies read with no title", untitled / len(bodies), 0.88)


def _variants(text: str) -> dict[str, str]:
    return {
        "crlf": text.replace("\n", "\r\n"),
        "form feeds": text.replace("\n\n", "\n\x0c\n"),
        "line separators": text.replace("\n\n", "\u2028\n"),
        "mixed": "".join(ch if ch != "\n" or k % 3 else "\u2028"
                         for k, ch in enumerate(text)).replace("\n\n", "\r\n\r\n"),
    }


def test_line_breaks_of_any_kind_read_as_the_clean_seed() -> None:
    text = SEED.read_text(encoding="utf-8")
    clean = _reading(text)
    for name, variant in _variants(text).items():
        assert _reading(variant) == clean, name


@NEEDS_SHARED
def test_line_breaks_of_any_kind_read_as_the_clean_dev_texts() -> None:
    for page in _dev()[:20]:
        text = page["text_full"]
        clean = _reading(text)
        for name, variant in _variants(text).items():
            assert _reading(variant) == clean, (page["id"], name)


def test_collapsed_white_space_is_read_in_sentence_groups() -> None:
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    segs = segment_text(text)
    assert len(segs) > 10
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in segs)
    assert all(len(s.text) <= 400 for s in segs if s.kind is SegmentKind.CAPTION)
    assert sum(s.kind is SegmentKind.PARAGRAPH for s in segs) >= 5
    codes = [w.code for w in layout_warnings(text, segs)]
    assert WarningCode.COLLAPSED_WHITESPACE in codes
    # the header's words are in the opening sentences, each a line of its own
    assert segs[0].text.startswith("Trump Envoy Visits Moscow")
    assert len(segs[0].text) < 400


@NEEDS_SHARED
def test_collapsed_dev_texts_keep_every_character_and_short_captions() -> None:
    for page in _dev()[:20]:
        text = re.sub(r"\s+", " ", page["text_full"])
        segs = segment_text(text)
        assert "".join(text.split()) == "".join("".join(s.text.split()) for s in segs)
        assert all(len(s.text) <= 400 for s in segs if s.kind is SegmentKind.CAPTION), page["id"]


def test_an_article_with_its_line_breaks_is_no_collapsed_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    codes = [w.code for w in layout_warnings(text, segment_text(text))]
    assert WarningCode.COLLAPSED_WHITESPACE not in codes
    assert WarningCode.NO_TITLE not in codes

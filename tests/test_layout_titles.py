"""The header's title candidates, the weights they are scored with, texts of any shape
(collapsed white space, other line breaks) and texts that are an article's body alone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsstruct import layout as _layout
from newsstruct.layout import header as _header
from newsstruct.layout import layout_warnings, segment_text
from newsstruct.layout.features import _features_cached, _title_like
from newsstruct.layout.marks import sentence_words
from newsstruct.layout.titles import (
    TITLE_FEATURES,
    HeaderWeights,
    dateline_paragraph,
    header_weights,
    set_header_weights,
)
from newsstruct.types import SegmentKind, WarningCode
from tests.figures import hold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "newsstruct" / "data"
HEADER = ROOT.parent / "shared" / "eval" / "header"
SEED = ROOT / "seeds" / "witkoff-moscow.txt"
NEEDS_SHARED = pytest.mark.skipif(not (HEADER / "dev.jsonl").exists(),
                                  reason="../shared/eval/header is absent")


def _dev(name: str = "dev") -> list[dict[str, Any]]:
    with (HEADER / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _page(page_id: str) -> dict[str, Any]:
    """The page ``page_id`` of the dev or the wide set."""
    return next(p for name in ("dev", "wide") for p in _dev(name) if p["id"] == page_id)


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
    # a page's controls (dev sh-3f65af7b6b98 and np-cleveland_com1, dev sh-e1c7023ee214,
    # wide fu-EveningStandard_2024_10_24)
    "Enter City and State or Zip Code",
    "Click here to sign in with or",
    "Listen here on your chosen podcast platform.",
    # closing a menu, toggling a menu (wide ms-sfstandard, fu-DailyMaverick_2025_05_22)
    "Close share menu",
    "Toggle navigation Toggle navigation",
    # section paths (dev tr-japantimes_co_jp_surgical, np-spokesman_com, wide dw.com)
    "National / Crime & Legal",
    "News > Nation",
    "TOP STORIES / Germany",
    # menu entries run together (dev tr-newrepublic_com_neoliberalism)
    "MagazineSubscribeSign In",
    # lines naming a site's sections (wide ms-segment, fu-LesothoTimes_2025_05_23,
    # fu-TheGlobeAndMail_2024_08_28)
    "Sources Warehouses Catalog Pricing Blog",
    "In Local News, News",
    "Digital access Digital + home delivery",
    # an author's credit ending with a job title (wide fu-TheMirror_2024_08_05,
    # hd-channel4_com_Israel)
    "Lucy Thornton News Reporter",
    "Lindsey Hilsum International Editor",
]


@pytest.mark.parametrize("line", NOT_TITLES, ids=lambda s: s[:30])
def test_page_furniture_above_the_headline_is_not_the_title(line: str) -> None:
    headline = "Council approves budget after narrow vote"
    page = f"{line}\n\n{headline}\n\nBy Jane Roe\n\n{_ARTICLE}"
    assert _title(page) == headline


def test_a_section_path_is_no_headline() -> None:
    """A path of short capitalised parts ("National / Crime & Legal") stands over many
    headlines (dev japantimes.co.jp, spokesman.com, kaieteurnewsonline.com, dw.com): it is no
    headline-like line, so the headline under it is not read as its standfirst. A headline
    holding " / " in a longer part is still headline-like (dev thebrag.com)."""
    for line in ("National / Crime & Legal", "News > Nation", "Features / Columnists",
                 "TOP STORIES / Germany"):
        assert not _title_like(_features_cached(line))
    assert _title_like(_features_cached(
        "Record of The Week: Luboku, ‘Pale Blue Dot / Lift Off’"))
    headline = "Losing face: 6,000 surgical masks stolen from Kobe hospital"
    page = f"National / Crime & Legal\n\n{headline}\n\nJIJI\n\nFeb 18, 2020\n\n{_ARTICLE}"
    assert _title(page) == headline


def test_a_line_naming_sections_anchors_no_date() -> None:
    """Real lines (wide ms-segment): the line naming the blog's sections right above the
    date is passed over, and the headline under the date is the title."""
    headline = "Scaling NSQ to 750 Billion Messages"
    page = (f"Segment\n\nSources Warehouses Catalog Pricing Blog\n\n16 May 2016 engineering"
            f"\n\n{headline}\n\nCalvin French-Owen\n\n{_ARTICLE}")
    assert _title(page) == headline


def _features_of(page: str, line: str) -> dict[str, float]:
    """The named title features of the candidate ``line`` of ``page``."""
    regions = _layout._regions(page)
    assert regions is not None
    _, feats, a, b = regions
    found = _header._header_candidates(feats, a, b)
    x = next(x for i, x in found.candidates if feats[i].core == line)
    return dict(zip(TITLE_FEATURES, x, strict=True))


# Real lines, one feature each: the feature fires on the line and not on the headline.
FEATURE_LINES = [
    ("glued_words", "HomeNewsPortugal emerges as a French Alps real estate investment"),
    ("interface_verb", "Enter City and State or Zip Code"),
    ("interface_verb", "Close share menu"),
    ("section_names", "Sources Warehouses Catalog Pricing Blog"),
    ("role_end", "Lucy Thornton News Reporter"),
    # opening sentences and standfirsts written as sentences (dev sh-f5c90a6d5253, wide
    # ms-business-today, dev tr-wiki_python_org_Download, wide fu-BusinessInsider_2024_02_14)
    ("sentence_case_end", "Time is not on Adam Schiff’s side."),
    ("sentence_case_end",
     "HackerRank is helping companies recruit coding champions through online tests."),
    ("sentence_case_end", "Before you start, you will need Python on your computer."),
    ("sentence_case_end", "Zendaya is a fashion superstar."),
]


@pytest.mark.parametrize(("feature", "line"), FEATURE_LINES, ids=lambda v: str(v)[:20])
def test_each_kind_of_line_has_its_named_feature(feature: str, line: str) -> None:
    headline = "Council approves budget after narrow vote"
    page = f"{line}\n\n{headline}\n\nBy Jane Roe\n\n{_ARTICLE}"
    assert _features_of(page, line)[feature] == 1.0
    assert _features_of(page, headline)[feature] == 0.0
    assert header_weights().title[feature] < 0


def test_headline_style_leaves_out_articles_and_be() -> None:
    # an opening sentence taken for a headline (wide fu-BusinessInsider_2024_02_14), and the
    # headline of wide fu-FreeBeacon_2023_04_28
    assert sentence_words("Zendaya is a fashion superstar.") == 2
    assert sentence_words("Soros Family Gives Early Financial Support to Montana 'Moderate' "
                          "Jon Tester") == 0
    assert header_weights().title["sentence_words"] < 0


def test_the_headline_over_its_standfirst_is_marked() -> None:
    """A headline, its standfirst (a shorter line, right above the byline) and the byline
    (dev sh-9a440270bf86): the headline is marked as over the standfirst, the standfirst as
    under the headline; the standfirst, the lower line of the stacked pair, gets no anchored_*
    feature (stack_lower marks it instead)."""
    headline = ("UEFA Euro 2020 qualifying: Tracking every team to clinch a spot as Wales "
                "punches ticket")
    standfirst = "Twenty teams have punched tickets for next summer's tournament"
    page = f"Soccer\n\nScores\n\n{headline}\n\n{standfirst}\n\nBy Jane Roe\n\n{_ARTICLE}"
    assert _features_of(page, headline)["over_anchored"] == 1.0
    assert _features_of(page, standfirst)["anchored_under"] == 1.0
    assert _features_of(page, standfirst)["over_anchored"] == 0.0
    assert _features_of(page, standfirst)["stack_lower"] == 1.0
    assert _features_of(page, standfirst)["anchored"] == 0.0
    assert _features_of(page, standfirst)["anchored_shares"] == 0.0
    assert header_weights().title["stack_upper"] > 0


@NEEDS_SHARED
def test_the_headline_over_its_standfirst_is_the_title_of_a_real_page() -> None:
    """dev tr-bostonherald_com_Brothel_catering: the headline right above the line anchored
    by the byline is marked so, and is the title."""
    page = next(p for p in _dev() if p["id"] == "tr-bostonherald_com_Brothel_catering")
    assert _features_of(page["text_full"], page["title"])["over_anchored"] == 1.0
    assert _title(page["text_full"]) == page["title"]


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
@pytest.mark.parametrize("page_id", [
    "fu-FreeBeacon_2023_04_28",
    pytest.param("ms-business-today", marks=pytest.mark.xfail(strict=True, reason=(
        "a standfirst written as a sentence over the date line outscores the anchored "
        "three-word headline once opening_sentence takes part of sentence_case_end's weight"))),
    "tr-wiki_python_org_Download"])
def test_the_headline_over_a_sentence_is_the_title(page_id: str) -> None:
    """A headline over a line written as a sentence (a standfirst, or the article's first
    sentence) is the title, not that line (wide freebeacon.com, three lines stacked over the
    author: headline, standfirst, caption; businesstoday.in;
    dev python.org)."""
    page = _page(page_id)
    assert _title(page["text_full"]) == page["title"]


@NEEDS_SHARED
def test_the_headline_over_the_anchored_standfirst_shares_the_opening() -> None:
    """wide fu-FreeBeacon_2023_04_28: the headline right above the line the date anchored
    (its standfirst) shares words with the opening paragraphs, and that counts for it."""
    page = _page("fu-FreeBeacon_2023_04_28")
    assert _features_of(page["text_full"], page["title"])["over_anchored_shares"] == 1.0
    assert header_weights().title["over_anchored_shares"] > 0


def test_both_lines_of_a_stacked_pair_are_marked() -> None:
    """Real lines (wide fu-FoxNews_2023_04_28): a headline stacked over its standfirst right
    above the byline. The byline anchors the standfirst; the headline is marked as the upper
    line of the pair, the standfirst as the lower, and the scorer, not the order of the
    lines, picks the title."""
    headline = "House China Committee demands answers from FBI on Chinese police stations in US"
    standfirst = ("Lawmakers push FBI on efforts to combat threat of China's 'transnational "
                  "repression'")
    byline = "By Aaron Kliegman | Fox News"
    page = f"Politics\n\n{headline}\n\n{standfirst}\n\n{byline}\n\n{_ARTICLE}"
    upper, lower = _features_of(page, headline), _features_of(page, standfirst)
    assert (upper["stack_upper"], upper["stack_lower"]) == (1.0, 0.0)
    assert (lower["stack_upper"], lower["stack_lower"]) == (0.0, 1.0)
    # the lower line is marked by stack_lower, not by the anchored_* features
    assert lower["anchored"] == 0.0
    # the headline is the longer line: the old rule of the shorter upper line does not hold
    assert upper["stack_upper_shorter"] == 0.0
    assert _title(page) == headline


# Headlines stacked over the standfirst the byline or date anchors, the headline the
# longer of the two (wide foxnews.com, wide standard.co.uk, dev economist.com).
STACKED_PAGES = ["fu-FoxNews_2023_04_28", "fu-EveningStandard_2024_10_24",
                 "tr-economist_com_thinking"]


@NEEDS_SHARED
@pytest.mark.parametrize("page_id", STACKED_PAGES)
def test_the_headline_stacked_over_its_standfirst_is_the_title(page_id: str) -> None:
    """Real pages whose headline stands over a standfirst that the byline or date anchors,
    the headline the longer of the two: the headline is the title."""
    page = _page(page_id)
    assert _title(page["text_full"]) == page["title"]


# Real lines (dev sh-3cb5e2f46626, autoindustriya.com): a headline, its author's line, the
# standfirst and the date line.
_STACK_WITH_AUTHOR = ("All-new 2020 Sentra is what we really want from Nissan PH\n\n"
                      "Marcus De Guzman View More Articles\n\n"
                      "Next-generation Nissan Sentra makes global debut in Los Angeles\n\n"
                      "Nissan November 20, 2019 13:42\n\n")


@pytest.mark.parametrize("upper_first", [True, False])
def test_the_author_between_a_stacked_pair_is_read_whichever_line_is_the_title(
        upper_first: bool) -> None:
    """The author's line between a headline and its standfirst is a byline whether the
    headline or the standfirst is taken as the title (weights that favour one line of the
    pair, then the other)."""
    shipped = header_weights()
    bias = 10.0 if upper_first else -10.0
    title = dict(shipped.title, stack_upper=bias, stack_upper_shorter=0.0)
    set_header_weights(HeaderWeights(title, shipped.no_title, "test"))
    try:
        segs = segment_text(_STACK_WITH_AUTHOR + _ARTICLE)
    finally:
        set_header_weights(None)
    kinds = {s.kind: " ".join(s.text.split()) for s in segs if s.kind is not SegmentKind.PARAGRAPH}
    assert kinds[SegmentKind.TITLE] == (
        "All-new 2020 Sentra is what we really want from Nissan PH" if upper_first
        else "Next-generation Nissan Sentra makes global debut in Los Angeles")
    assert any(s.kind is SegmentKind.BYLINE and s.text.startswith("Marcus De Guzman")
               for s in segs)


@NEEDS_SHARED
def test_the_first_line_of_a_body_alone_is_marked() -> None:
    """dev sh-f5c90a6d5253: the gold body alone opens with a short sentence; that first
    line of a text with no byline or date is marked, and with the bare text it opens counts
    against it, as does the sentence it is written as."""
    body = _page("sh-f5c90a6d5253")["body"]
    first = body.split("\n", 1)[0].strip()
    assert _features_of(body, first)["lone_first_line"] == 1.0
    assert _features_of(body, first)["sentence_case_end"] == 1.0
    weights = header_weights().title
    assert weights["lone_first_line"] + weights["bare_text"] < 0
    assert weights["sentence_case_end"] < 0


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
    hold("layout dev bodies read with no title", untitled / len(bodies), 0.92)


@NEEDS_SHARED
@pytest.mark.parametrize("page_id", ["sh-f5c90a6d5253", "sh-f81c6c05d9cb", "sh-156770d676ce",
                                     "np-video_article_02"])
def test_the_opening_sentence_of_a_body_alone_is_marked(page_id: str) -> None:
    """The gold bodies of dev nationalreview.com, businessinsider.com, thehill.com and wide
    oneesports.gg open with a sentence in sentence case over more prose, with no byline or
    date: marked as a body's opening sentence, which counts against it; the headline of
    the same page, over its byline or date, is not."""
    page = _page(page_id)
    first = page["body"].split("\n", 1)[0].strip()
    assert _features_of(page["body"], first)["opening_sentence"] == 1.0
    assert _features_of(page["text_full"], page["title"])["opening_sentence"] == 0.0
    assert header_weights().title["opening_sentence"] < 0


#: Pages of dev and wide whose gold body opens with a sentence in sentence case, with no
#: byline, date or boilerplate line in it (nationalreview.com, nj.com, billboard.com,
#: oneesports.gg).
BARE_BODIES = ["sh-f5c90a6d5253", "sh-3f65af7b6b98", "sh-9cb8224b660f", "np-video_article_02"]


@NEEDS_SHARED
@pytest.mark.parametrize("page_id", BARE_BODIES)
def test_a_body_alone_is_a_bare_text_and_its_page_is_not(page_id: str) -> None:
    """The first line of a body alone ("Remember New Jersey’s epic quest to find a state
    slogan?") is a candidate of a bare text, which counts against a title; the page's
    headline, over its byline or date, is not."""
    page = _page(page_id)
    first = page["body"].split("\n", 1)[0].strip()
    assert _features_of(page["body"], first)["bare_text"] == 1.0
    assert _features_of(page["text_full"], page["title"])["bare_text"] == 0.0
    assert header_weights().title["bare_text"] < 0


@NEEDS_SHARED
@pytest.mark.parametrize("page_id", ["sh-358cc4a08045", "sh-ec7fc408c5ce", "sh-3f65af7b6b98"])
def test_a_bare_body_opening_with_a_headline_like_line_gets_no_title(page_id: str) -> None:
    """The gold bodies of dev linknaija.com, bigbrandsystem.com and nj.com open with a
    headline-like line ("Your “success mindset” matters. Here’s why:") and hold no byline,
    date or boilerplate line: every candidate is marked as one of a bare text, and none
    beats "no title"."""
    body = _page(page_id)["body"]
    regions = _layout._regions(body)
    assert regions is not None
    _, feats, a, b = regions
    candidates = _header._header_candidates(feats, a, b).candidates
    bare = TITLE_FEATURES.index("bare_text")
    assert candidates and all(x[bare] == 1.0 for _, x in candidates)
    assert _title(body) is None


@NEEDS_SHARED
def test_the_first_line_of_a_body_is_not_compared_with_itself() -> None:
    """dev sh-156770d676ce (thehill.com): the body alone opens with a long sentence, which
    the layout reads as the body's first paragraph; its share of the opening's words is
    that of the paragraphs after it, not 1, and the text gets no title."""
    body = _page("sh-156770d676ce")["body"]
    first = body.split("\n", 1)[0].strip()
    assert 0 < _features_of(body, first)["opening_share"] < 0.5
    assert _title(body) is None


# Headlines over a paragraph that opens with a dateline, as copied from three outlets
# (PolNeAR reports of AP, The New York Times and The Washington Post).
DATELINE_BELOW = [
    ("The Latest: Trump urges supporters to monitor polling places.",
     "WASHINGTON (AP) — The Latest on the U.S. presidential race (all times EDT):"),
    ("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'",
     "WASHINGTON -- President Obama, dedicating the National Museum of African American "
     "History and Culture on Saturday, said it would tell an American story, one of "
     "''suffering and delight, one of fear, but also of hope, of wandering in the wilderness, "
     "and then seeing, out on the horizon, a glimmer of the Promised Land.''"),
    ("Virginian could make history. Again.",
     "NEWPORT NEWS, Va. - In a tradition he has kept for 40 years, Rep. Robert C. \"Bobby\" "
     "Scott threw open his family's sprawling back yard for a Labor Day cookout, a ritual that "
     "marks the real start of the political season in this state."),
]


@pytest.mark.parametrize(("headline", "paragraph"), DATELINE_BELOW, ids=lambda s: s[:20])
def test_a_headline_over_a_dateline_paragraph_is_marked(headline: str, paragraph: str) -> None:
    text = f"{headline}\n\n{paragraph}\n\n{_ARTICLE}"
    assert _features_of(text, headline)["dateline_below"] == 1.0
    assert header_weights().title["dateline_below"] > 0
    # the body alone, its dateline paragraph first, has no title
    assert _title(f"{paragraph}\n\n{_ARTICLE}") is None


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


def test_a_sentence_headline_over_a_dated_dateline_is_the_title() -> None:
    """A PolNeAR report of UPI: the headline, written as a sentence with its full stop, over
    nothing but a paragraph whose dateline holds the day ("FLINT, Mich., Oct. 4 (UPI) —")."""
    headline = "Bill Clinton calls Obamacare ‘crazy system’ during campaign stop."
    text = (f"{headline}\n\nFLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton "
            "criticized the Affordable Care Act as a “crazy system” during a presidential "
            "campaign stop in Flint, Mich., for his wife Hillary Clinton.")
    assert _features_of(text, headline)["dateline_below"] == 1.0
    assert _title(text) == headline


# First paragraphs that open with a dateline, from the gold bodies of five sites (dev
# sfgate.com, fox13now.com; wide malaymail.com, inews.co.uk, apnews.com).
DATELINE_PARAGRAPHS = [
    "HAYWARD, Calif. (AP) — The Latest on a deadly stabbing on a San Francisco Bay Area "
    "commuter train (all times local):",
    "WASHINGTON (CNN) — Not everyone subscribes to a New Year’s resolution, but Americans "
    "will be required to follow new laws in 2014.",
    "PUTRAJAYA, Nov 22 — Private companies did not pay for Prime Minister Datuk Seri Anwar "
    "Ibrahim’s recent travels abroad, Communications Minister Fahmi Fadzil said today.",
    "FLUSHING MEADOWS — Jodie Burrage rounded off a remarkable clean sweep as all six British "
    "players advanced to the second round of the US Open on Tuesday without dropping a set.",
]


@pytest.mark.parametrize("paragraph", DATELINE_PARAGRAPHS, ids=lambda s: s[:20])
def test_a_paragraph_opening_with_a_dateline_is_no_title(paragraph: str) -> None:
    assert dateline_paragraph(paragraph)
    text = f"{paragraph}\n\n{_ARTICLE}"
    assert _title(text) is None
    assert WarningCode.NO_TITLE in {w.code for w in layout_warnings(text, segment_text(text))}


def test_a_wire_headline_in_capitals_after_a_topic_stays_a_candidate() -> None:
    # a CoNLL 2003 (Reuters) headline: "SOCCER -" reads as a dateline, the rest is no sentence
    assert not dateline_paragraph("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.")


@NEEDS_SHARED
def test_the_body_of_an_ap_update_page_gets_no_title() -> None:
    """dev sh-5caf91b8a442 (sfgate.com): the gold body opens with the dateline paragraph
    "HAYWARD, Calif. (AP) — The Latest on ... (all times local):" over a time line; the
    body alone has no title."""
    assert _title(_page("sh-5caf91b8a442")["body"]) is None


@NEEDS_SHARED
@pytest.mark.parametrize("weights", ["shipped", "flipped", "no_title_low"])
def test_the_title_chosen_from_score_bounds_is_the_title_of_the_full_vectors(
        weights: str) -> None:
    """On every dev page, the title read from score bounds (features read only for the
    candidates that may win) is the one chosen from every candidate's full feature vector,
    with the shipped weights and with weights of the other sign (the bounds then read other
    values of the unread features as the best)."""
    shipped = header_weights()
    title, no_title = dict(shipped.title), shipped.no_title
    if weights == "flipped":
        title = {name: -w for name, w in title.items()}
    elif weights == "no_title_low":
        no_title = -50.0
    set_header_weights(HeaderWeights(title, no_title, "test"))
    try:
        for page in _dev():
            regions = _layout._regions(page["text_full"])
            if regions is None:
                continue
            _, feats, a, b = regions
            full = _header._header_candidates(feats, a, b)
            bounded = _header._header_candidates(feats, a, b, vectors=False)
            assert (bounded.lines, bounded.title) == (full.lines, full.title), page["id"]
    finally:
        set_header_weights(None)

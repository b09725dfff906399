"""Layout on real lines and whole pages: boilerplate kinds, datelines, headings, the article's
start and end, and the lossless invariant on every evaluation page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsstruct.layout import (
    boilerplate_kind,
    dateline_length,
    is_byline_line,
    is_date_line,
    segment_text,
    split_lines,
)
from newsstruct.types import BoilerplateKind, Segment, SegmentKind

DATA = Path(__file__).resolve().parent / "data"
HEADER_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "header" / "dev.jsonl"


def _rows(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


BOILERPLATE = _rows("layout_boilerplate.jsonl")
DATELINES = _rows("layout_datelines.jsonl")
HEADING_LINES = _rows("layout_headings.jsonl")
TITLES = _rows("layout_titles.jsonl")
BODIES = _rows("layout_bodies.jsonl")


@pytest.mark.parametrize("row", BOILERPLATE, ids=[r["line"][:40] for r in BOILERPLATE])
def test_real_boilerplate_lines(row: dict[str, Any]) -> None:
    expected = None if row["kind"] is None else BoilerplateKind(row["kind"])
    assert boilerplate_kind(row["line"]) is expected


CONTENT = [
    "Comments made by the minister on Tuesday drew a sharp response from the opposition.",
    "The newsletter, which has 40,000 readers, first reported the plan.",
    "Share prices fell by 3% in early trading after the announcement.",
    "Subscribers to the service will pay $6.99 a month from next year.",
    "Related research has found similar effects in older patients.",
    "The Walt Disney Co. said overwhelming consumer demand led to some problems.",
]


@pytest.mark.parametrize("line", CONTENT)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert boilerplate_kind(line) is None


@pytest.mark.parametrize("row", DATELINES, ids=[r["text"][:30] for r in DATELINES])
def test_real_datelines(row: dict[str, Any]) -> None:
    text = row["text"]
    assert text[: dateline_length(text)].rstrip() == row["dateline"]


BYLINE_LINES = [
    ("By Jamelle Bouie", True),
    ("1 month Ago By Nikodem Baran", True),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", True),
    ("Posted by Konstantin 21.10.2019", True),
    ("* Author: Jacopo Cascioli", True),
    ("Written by Ana Sandoiu on July 27, 2017", True),
    ("SN United By Sport", False),
    ("The plan was approved by the committee on Monday after a long debate.", False),
    ("By clicking Subscribe you agree to our terms", False),
    ("By stumps Kent had reached 108 for three.", False),
    ("by oz on December 4, 2006", True),
    ("By Ela on 31. October, 2023 | 18 Comments. This post may contain affiliate links*. As an "
     "Amazon Associate I earn from qualifying purchases.", True),
    ("By then the market had closed.", False),
    # a meta row of short fields, one a date, whose last field is the byline
    ("February 23, 2016 / 0 Comments / in Account-Based Sales & Marketing , LeanData / by "
     "Mark Emmons", True),
    ("Geingob’s Funeral , National , News , Top Story 1 | Published: 5 hours ago | Last "
     "Updated: 5 hours ago | Written by Eliaser Ndeyanale", True),
    ("October 9, 2018 | by Olivia Larsen", True),
    # fields with no date: a menu
    ("Home | News | Sport | by Jane Doe", False),
]


@pytest.mark.parametrize(("line", "expected"), BYLINE_LINES)
def test_byline_lines(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


DATE_LINES = [
    ("Nov. 19, 2019", True),
    ("5:50 PM", True),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", True),
    ("2019-11-18T20:51:19Z", True),
    ("19 hours ago", True),
    ("Published: 10:00am, 20 Jan, 2020", True),
    ("The 2019 season ended on November 20 with a loss.", False),
    ("Top 10 stories of 2019", False),
]


@pytest.mark.parametrize(("line", "expected"), DATE_LINES)
def test_date_lines(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


PARAGRAPHS = [
    "The council voted on Tuesday to approve the new budget, which raises spending on "
    "schools and roads by almost a tenth over the next two years.",
    "Opponents said the plan relied on optimistic forecasts of tax revenue and would leave "
    "the city exposed if the economy slowed, but the mayor defended it at length.",
    "Officials expect the first contracts to be signed in the spring, with most of the work "
    "on the roads finished before the end of next year.",
    "A final vote on the second part of the plan is expected next month, after a round of "
    "public hearings in each of the city's districts.",
]
HEADINGS = ["What happens next", "Why the vote matters", "A Long Road to Agreement"]


@pytest.mark.parametrize("row", HEADING_LINES, ids=[r["heading"][:40] for r in HEADING_LINES])
def test_real_section_headings(row: dict[str, Any]) -> None:
    text = "\n\n".join(["Budget approved after long fight", PARAGRAPHS[0], row["heading"],
                         PARAGRAPHS[2]])
    headings = [s.text for s in segment_text(text) if s.kind is SegmentKind.HEADING]
    assert headings == [row["heading"]]


def _page() -> str:
    nav = ["Skip to content", "Home", "* News", "* Sport", "* Business", "Log In", "Subscribe"]
    head = ["City council approves budget after long fight", "By Jane Doe and John Roe",
            "Nov. 19, 2019 5:50 PM"]
    body = [PARAGRAPHS[0], PARAGRAPHS[1], HEADINGS[0], PARAGRAPHS[2], "Advertisement",
            HEADINGS[1], PARAGRAPHS[3]]
    tail = ["Related Articles", "* Mayor names new police chief", "* Bridge closed for repairs",
            "Comments", "© 2019 The Example Gazette. All rights reserved."]
    return "\n\n".join(nav + head + body + tail)


def _kinds(segments: tuple[Segment, ...]) -> list[tuple[str, str | None]]:
    return [(s.kind.value, s.boilerplate.value if s.boilerplate else None) for s in segments]


def test_whole_page_structure() -> None:
    text = _page()
    segs = segment_text(text)
    by_text = {s.text: s for s in segs}
    assert by_text["City council approves budget after long fight"].kind is SegmentKind.TITLE
    assert by_text["By Jane Doe and John Roe"].kind is SegmentKind.BYLINE
    assert by_text["Nov. 19, 2019 5:50 PM"].kind is SegmentKind.BYLINE
    assert [s.text for s in segs if s.kind is SegmentKind.PARAGRAPH] == PARAGRAPHS
    assert [s.text for s in segs if s.kind is SegmentKind.HEADING] == HEADINGS[:2]
    expected_bp = {
        "Skip to content": BoilerplateKind.SKIP_LINK,
        "Home": BoilerplateKind.NAVIGATION,
        "* News": BoilerplateKind.NAVIGATION,
        "Log In": BoilerplateKind.LOGIN,
        "Subscribe": BoilerplateKind.SUBSCRIBE,
        "Advertisement": BoilerplateKind.ADVERTISEMENT,
        "Related Articles": BoilerplateKind.RELATED,
        "* Bridge closed for repairs": BoilerplateKind.RELATED,
        "Comments": BoilerplateKind.COMMENTS,
        "© 2019 The Example Gazette. All rights reserved.": BoilerplateKind.COPYRIGHT,
    }
    for line, kind in expected_bp.items():
        assert by_text[line].kind is SegmentKind.BOILERPLATE, line
        assert by_text[line].boilerplate is kind, line
    copyright_line = by_text["© 2019 The Example Gazette. All rights reserved."]
    assert copyright_line.detail("year") == "2019"
    assert copyright_line.detail("holder") == "The Example Gazette"


def test_sections_of_one_paragraph_stay_in_the_body() -> None:
    parts = ["Four things to know about the budget", "By Jane Doe", "Nov. 19, 2019"]
    for heading, paragraph in zip([*HEADINGS, "The next vote"], PARAGRAPHS, strict=True):
        parts += [heading, paragraph]
    parts += ["Related Articles", "* Mayor names new police chief", "* Bridge closed for repairs"]
    segs = segment_text("\n\n".join(parts))
    assert [s.text for s in segs if s.kind is SegmentKind.PARAGRAPH] == PARAGRAPHS
    assert [s.text for s in segs if s.kind is SegmentKind.HEADING] == [*HEADINGS, "The next vote"]


def test_dateline_cut_from_first_paragraph() -> None:
    text = "Storm closes port\n\nBy Jane Doe\n\nWASHINGTON (Reuters) - " + PARAGRAPHS[0]
    segs = segment_text(text)
    assert _kinds(segs)[:4] == [("title", None), ("byline", None), ("dateline", None),
                                ("paragraph", None)]
    assert segs[2].text == "WASHINGTON (Reuters) -"
    assert segs[3].text == PARAGRAPHS[0]


def test_hard_wrapped_paragraph_is_one_segment() -> None:
    text = "Title of the story here\n\nThe council voted on Tuesday to approve the\nnew " \
        "budget, which raises spending on schools and roads by a tenth."
    paras = [s for s in segment_text(text) if s.kind is SegmentKind.PARAGRAPH]
    assert len(paras) == 1 and paras[0].text.endswith("a tenth.")


def _assert_lossless(text: str, segments: tuple[Segment, ...]) -> None:
    covered = bytearray(len(text))
    last_end = -1
    for seg in segments:
        s, e = seg.span.start, seg.span.end
        assert seg.span.text == text[s:e]
        assert s >= last_end, "segments overlap or are out of order"
        assert e > s and not text[s].isspace() and not text[e - 1].isspace()
        covered[s:e] = b"\x01" * (e - s)
        last_end = e
        if seg.kind is SegmentKind.BOILERPLATE:
            assert seg.boilerplate is not None
        else:
            assert seg.boilerplate is None
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, text[missing[0] : missing[0] + 40]


def test_lossless_on_generated_page() -> None:
    text = _page()
    _assert_lossless(text, segment_text(text))


def test_split_lines_offsets() -> None:
    text = "  a b \r\n\r\nc\u2028 d\n"
    lines = split_lines(text)
    assert [(ln.text, ln.after_blank) for ln in lines] == [("a b", True), ("c", True),
                                                         ("d", False)]
    for ln in lines:
        assert text[ln.start : ln.end] == ln.text


def _dev_pages() -> list[dict[str, Any]]:
    if not HEADER_DEV.exists():
        return []
    with HEADER_DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.skipif(not HEADER_DEV.exists(), reason="../shared/eval is not beside the checkout")
@pytest.mark.parametrize("field", ["text_full", "text_copy"])
def test_lossless_on_every_dev_page(field: str) -> None:
    pages = _dev_pages()
    assert len(pages) > 200
    for page in pages:
        text = page.get(field)
        if text:
            _assert_lossless(text, segment_text(text))


HEADER_WIDE = HEADER_DEV.with_name("wide.jsonl")


@pytest.mark.skipif(not HEADER_WIDE.exists(), reason="../shared/eval is not beside the checkout")
def test_lossless_on_every_wide_page() -> None:
    with HEADER_WIDE.open(encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh if line.strip()]
    assert len(pages) > 200
    for page in pages:
        _assert_lossless(page["text_full"], segment_text(page["text_full"]))


@pytest.mark.skipif(not HEADER_DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_dev_pages_have_one_title_and_a_body() -> None:
    for page in _dev_pages():
        segs = segment_text(page["text_full"])
        assert sum(s.kind is SegmentKind.TITLE for s in segs) <= 1
        assert any(s.kind is SegmentKind.PARAGRAPH for s in segs), page["id"]


# Wire texts: a headline, a dateline line, then one sentence a line, with results tables.
RESULTS_TABLE = (
    "SOCCER - ENGLISH LEAGUE RESULTS.\n"
    "LONDON 1996-08-30\n\n"
    "Results of English league matches played on Friday:\n\n"
    "Division one\n\n"
    "Leicestershire 22 points, Somerset 4.\n\n"
    "Barnsley 2 Wolverhampton 0\n\n"
    "1. Mika Hakkinen (Finland) McLaren 1:23.456\n\n"
    "2. Michael Schumacher (Germany) Ferrari 1:23.789\n\n"
    "Standings\n\n"
    "Lotte 46 6 54 .462 14 1/2\n"
)


def test_results_table_is_article_content() -> None:
    segs = segment_text(RESULTS_TABLE)
    kinds = {s.text: s.kind for s in segs}
    assert kinds["SOCCER - ENGLISH LEAGUE RESULTS."] is SegmentKind.TITLE
    assert kinds["LONDON 1996-08-30"] is SegmentKind.DATELINE
    for row in ("Leicestershire 22 points, Somerset 4.", "Barnsley 2 Wolverhampton 0",
                "1. Mika Hakkinen (Finland) McLaren 1:23.456", "Lotte 46 6 54 .462 14 1/2",
                "Division one", "Standings"):
        assert kinds[row] is SegmentKind.PARAGRAPH, row
    assert not any(s.kind is SegmentKind.BOILERPLATE for s in segs)


def test_link_list_after_article_stays_boilerplate() -> None:
    page = (
        "Council approves the new budget after a long debate\n\n"
        "By Jane Doe\n\n"
        + "The council approved the budget on Tuesday after a debate that lasted most of "
        "the evening and ended with a narrow vote.\n\n" * 3
        + "Related stories\n\n"
        "* 10 things to know about the city budget\n\n"
        "* 5 schools close for repairs\n"
    )
    segs = segment_text(page)
    kinds = {s.text: s.kind for s in segs}
    assert kinds["* 10 things to know about the city budget"] is SegmentKind.BOILERPLATE
    assert kinds["* 5 schools close for repairs"] is SegmentKind.BOILERPLATE


NER_DEV = HEADER_DEV.parents[1] / "ner" / "dev.jsonl"


@pytest.mark.skipif(not NER_DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_wire_texts_keep_entities_out_of_boilerplate() -> None:
    """Few gold entities of the wire texts lie in boilerplate: their results tables, schedules
    and datelines are read as the article's content."""
    total = hidden = 0
    with NER_DEV.open(encoding="utf-8") as fh:
        for raw in fh:
            doc = json.loads(raw)
            spans = [s.span for s in segment_text(doc["text"])
                     if s.kind is SegmentKind.BOILERPLATE]
            for ent in doc["entities"]:
                total += 1
                hidden += any(sp.start < ent["end"] and ent["start"] < sp.end for sp in spans)
    assert total > 1000
    assert hidden / total < 0.08


_ARTICLE = ("The council approved the budget on Tuesday after a debate that lasted most of the "
            "evening and ended with a narrow vote.\n\n") * 4


def _title_of(page: str) -> str | None:
    return next((s.text for s in segment_text(page) if s.kind is SegmentKind.TITLE), None)


# Lines that sit where a headline would but are not one: a breadcrumb, an agency credit, a
# source ending in a separator, a post's date and details.
NOT_TITLES = [
    "Home » City News » Council approves budget",
    "The Associated Press",
    "ET Online |",
    "January 13, 2020 at 08:45 AM | categories: Politics, City",
]


@pytest.mark.parametrize("line", NOT_TITLES)
def test_furniture_above_the_byline_is_not_the_headline(line: str) -> None:
    page = f"Council approves budget after long debate\n\n{line}\n\nBy Jane Doe\n\n{_ARTICLE}"
    assert _title_of(page) == "Council approves budget after long debate"


def test_repeated_headline_under_the_byline_wins_over_a_short_line() -> None:
    nav = "".join(f"* {w}\n\n" for w in ("News", "Sport", "Business", "Culture", "Gear",
                                          "Ideas", "Science", "Security", "Travel", "Food",
                                          "Health", "Money", "Style", "Video"))
    page = ("Skip to main content\n\nCouncil approves budget after long debate\n\n" + nav
            + "Jane Doe\n\nCity\n\n11.14.2019 09:00 AM\n\n"
            f"Council approves budget after long debate\n\n{_ARTICLE}")
    segs = segment_text(page)
    title = next(s for s in segs if s.kind is SegmentKind.TITLE)
    assert title.text == "Council approves budget after long debate"
    assert title.span.start > page.index("Jane Doe")


def test_standalone_dateline_line_is_a_dateline() -> None:
    page = "\n\nJOHANNESBURG, August 7 (Xinhua) --\n\n" + _ARTICLE
    segs = segment_text(page)
    assert segs[0].kind is SegmentKind.DATELINE
    assert segs[0].text == "JOHANNESBURG, August 7 (Xinhua) --"


_NAV = "".join(f"* {w}\n\n" for w in ("News", "Sport", "Business", "Culture", "Opinion",
                                       "Science", "Travel", "Food", "Health", "Money"))

# Headlines whose stops belong to abbreviations, not to sentences.
ABBREVIATED_TITLES = [
    "St. Louis Park elects a new mayor, apparently the first Somali American to lead a U.S. city",
    "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues.",
    "Council approves budget for Mt. Vernon Ave.",
]


@pytest.mark.parametrize("headline", ABBREVIATED_TITLES)
def test_abbreviation_stops_do_not_make_a_headline_a_sentence(headline: str) -> None:
    page = (f"{_NAV}Dark Mode Go Top\n\nPolitics\n\n{headline}\n\n"
            f"Written: 2023-11-07 15:03:30\n\n* Share\n\n{_ARTICLE}")
    assert _title_of(page) == headline


def test_headline_under_its_date_line() -> None:
    page = (f"{_NAV}CBS News February 24, 2020, 7:57 AM\n\n"
            "Council approves budget after long debate\n\n* Share\n\n* Tweet\n\n* Email\n\n"
            f"Council chamber before the budget vote\n\n{_ARTICLE}")
    assert _title_of(page) == "Council approves budget after long debate"


def test_caption_under_the_byline_does_not_replace_the_headline() -> None:
    page = (f"{_NAV}Council approves budget after long debate\n\nBy Jane Doe\n\n"
            "Updated 10:01 pm PST, Tuesday, November 19, 2019\n\n* Facebook\n\n* Email\n\n"
            "Council chamber budget vote\n\n" + _ARTICLE)
    assert _title_of(page) == "Council approves budget after long debate"


def test_short_title_right_above_the_text() -> None:
    page = (f"{_NAV}User\n\n* Login\n\nDownloading Python\n\n"
            "Before you start, you will need Python on your computer.\n\n" + _ARTICLE)
    assert _title_of(page) == "Downloading Python"


def test_long_space_run_inside_a_line_is_read_in_linear_time() -> None:
    """Separator patterns must not retry from every space of a long run (quadratic)."""
    text = "Headline Of The Story\n\nBy Jane Doe" + " " * 60_000 + "| Staff\n\nA paragraph.\n"
    segments = segment_text(text)
    covered = "".join(s.span.text for s in segments)
    assert "".join(text.split()) == "".join(covered.split())


@pytest.mark.parametrize("row", [
    pytest.param(r, marks=pytest.mark.xfail(reason=r["miss"], strict=True)) if r.get("miss")
    else r for r in TITLES], ids=[r["page"][:50] for r in TITLES])
def test_real_headers_title(row: dict[str, Any]) -> None:
    """Header lines of real pages, above an article (and furniture after it): the headline
    the page shows is the title."""
    page = "\n\n".join([*row["head"], _ARTICLE.strip(), *row.get("tail", [])])
    assert _title_of(page) == row["title"]


def _kind_name(seg: Segment) -> str:
    return seg.kind.value + (f"/{seg.boilerplate.value}" if seg.boilerplate else "")


@pytest.mark.parametrize("row", BODIES, ids=[r["case"][:50] for r in BODIES])
def test_real_lines_around_the_body(row: dict[str, Any]) -> None:
    """Real lines before, inside and after an article ("@ARTICLE": paragraphs of prose):
    what each is read as, and the article's paragraphs kept in the body."""
    parts = [p for line in row["lines"] for p in (PARAGRAPHS if line == "@ARTICLE" else [line])]
    text = "\n\n".join(parts)
    segs = segment_text(text)
    _assert_lossless(text, segs)
    kinds = {s.text: _kind_name(s) for s in segs}
    for line, kind in row["kinds"]:
        assert kinds[line] == kind, line
    assert all(kinds[p] == "paragraph" for p in PARAGRAPHS)


@pytest.mark.skipif(not HEADER_DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_caption_prefilters_agree_with_the_patterns() -> None:
    """The literals that gate the caption patterns never hide a match: on every line of the
    dev pages, the gated tests give what the patterns alone give."""
    from newsstruct.layout import classify, cues, features

    def plain(f: Any) -> bool:
        if classify._GALLERY.match(f.core):
            return True
        low = f.core.lower()
        if not any(h in low for h in classify._CAPTION_HINTS):
            return False
        return bool((not f.prose and features._CAPTION_CUE.search(f.core))
                    or cues._CAPTION_CREDIT.search(f.core))

    seen = 0
    with HEADER_DEV.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            for field in ("text_full", "text_copy"):
                for line in (row.get(field) or "").splitlines():
                    if line.strip():
                        f = features._line_features(line.strip())
                        assert classify._is_caption(f) == plain(f), line
                        assert features._caption_cue(f.core) == bool(
                            features._CAPTION_CUE.search(f.core)), line
                        assert cues._caption_credit(f.core) == bool(
                            cues._CAPTION_CREDIT.search(f.core)), line
                        assert features._not_title(f.core) == bool(
                            features._NOT_TITLE.search(f.core)), line
                        seen += 1
    assert seen > 10_000


def test_segments_made_fast_equal_those_made_by_their_constructors() -> None:
    """The layout stage makes its records by a faster path; they must be the records the
    classes' own constructors make, in every respect a user can see."""
    import pickle

    import attrs

    from newsstruct.layout import build
    from newsstruct.types import Span

    made = build._segment(SegmentKind.BOILERPLATE, 3, 9, "© 2019",
                          BoilerplateKind.COPYRIGHT, (("year", "2019"),))
    built = Segment(kind=SegmentKind.BOILERPLATE, span=Span(start=3, end=9, text="© 2019"),
                    boilerplate=BoilerplateKind.COPYRIGHT, details=(("year", "2019"),))
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert hash(made.span) == hash(built.span)
    assert attrs.asdict(made) == attrs.asdict(built)
    assert pickle.loads(pickle.dumps(made)) == built
    assert attrs.evolve(made, kind=SegmentKind.PARAGRAPH).span == built.span


@pytest.mark.skipif(not HEADER_DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_date_prefilter_agrees_with_the_date_tests() -> None:
    """The word count that rejects a line before any date pattern runs never rejects a date
    line or a dated credit: on every line of the dev pages the one-pass test gives what
    the two tests give."""
    from newsstruct.layout import cues, lines

    seen = 0
    with HEADER_DEV.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            for field in ("text_full", "text_copy"):
                for line in (row.get(field) or "").splitlines():
                    s = lines._strip_marker(lines._strip_marker(line.strip()))
                    if not s:
                        continue
                    digit = cues._DIGIT.search(s) is not None
                    both = is_date_line(s) or (digit and cues.is_dated_credit(s))
                    assert cues._date_or_dated_credit(s, digit) == both, line
                    seen += 1
    assert seen > 10_000


@pytest.mark.skipif(not HEADER_DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_date_search_without_figures_agrees_with_the_date_pattern() -> None:
    """A line with no figure is searched only for the date alternatives that need none; on
    every line of the dev pages that gives what the whole pattern gives."""
    import re

    from newsstruct.layout import cues

    whole = re.compile(cues.DATE_PATTERN, re.IGNORECASE)
    seen = found = 0
    with HEADER_DEV.open(encoding="utf-8") as fh:
        for row in map(json.loads, fh):
            for field in ("text_full", "text_copy"):
                for line in (row.get(field) or "").splitlines():
                    s = line.strip()
                    if not s:
                        continue
                    assert cues.has_date(s) == (whole.search(s) is not None), line
                    seen += 1
                    found += cues._DIGIT.search(s) is None and cues.has_date(s)
    assert seen > 10_000 and found > 10  # "Today’s Paper", "Fantasy Football Today", ...
    assert cues.has_date("Fantasy Football Today") and not cues.has_date("Article content")

"""Where the article starts and ends on real pages of the shared header sets (cited by set and
id), one test for each kind of line that once moved the body's bounds; and the byline read
beside a date line of the header. Skipped when ``../shared/eval`` is absent."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest

from newsstruct.byline import page_reference_date, parse_byline
from newsstruct.layout import segment_text
from newsstruct.types import Segment, SegmentKind

HEADER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "header"
FALLBACK = dt.datetime(2020, 1, 1)

pytestmark = pytest.mark.skipif(not (HEADER / "wide.jsonl").exists(),
                                reason="../shared/eval is not beside the checkout")


@cache
def _pages(name: str) -> dict[str, str]:
    with (HEADER / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return {row["id"]: row["text_full"] for row in map(json.loads, fh) if row["text_full"]}


@cache
def _segments(name: str, page_id: str) -> tuple[Segment, ...]:
    return segment_text(_pages(name)[page_id])


def _kind_of(name: str, page_id: str, opening: str) -> SegmentKind:
    """The kind of the first segment of the page that opens with ``opening``."""
    return next(s.kind for s in _segments(name, page_id) if s.text.startswith(opening))


def _body(name: str, page_id: str) -> list[str]:
    return [s.text for s in _segments(name, page_id)
            if s.kind in (SegmentKind.PARAGRAPH, SegmentKind.HEADING)]


def test_label_repeated_between_paragraphs_is_furniture() -> None:
    # wide fu-FinancialPost_2026_06_06: "Article content" stands between every two paragraphs;
    # the paragraphs between the labels are no teasers' summaries, the labels no headings
    kinds = {s.kind for s in _segments("wide", "fu-FinancialPost_2026_06_06")
             if s.text == "Article content"}
    assert kinds == {SegmentKind.BOILERPLATE}
    body = _body("wide", "fu-FinancialPost_2026_06_06")
    assert any(p.startswith("The latest jobs numbers just about ends the recession debate")
               for p in body)
    assert any(p.startswith("Royce Mendes, Desjardins Economics managing director") for p in body)


@pytest.mark.parametrize(("page_id", "item"), [
    ("fu-FinancialPost_2026_06_06", "* Daily content from Financial Times"),
    ("fu-OttawaCitizen_2026_05_26", "* Unlimited digital access to the Ottawa Citizen."),
])
def test_list_under_a_subscription_prompt_is_the_offer(page_id: str, item: str) -> None:
    # wide: "Subscribe now to read the latest news in your city and across Canada." over a
    # list of what the subscription gives, inside the article's run of lines
    kinds = {s.kind for s in _segments("wide", page_id) if s.text.startswith(item)}
    assert kinds == {SegmentKind.BOILERPLATE}


@pytest.mark.parametrize(("name", "page_id", "last", "note", "after"), [
    ("wide", "fu-TheNation_2024_01_11", "And now that he is out of the running",
     "John Nichols is a national affairs correspondent for The Nation.",
     "Ron DeSantis and Nikki Haley clearly despise each other"),
    ("dev", "sh-098bb3e96c0a", "“Operating is a lot different than a strategy role,”",
     "Meg James is a corporate media reporter for the Los Angeles Times",
     "Women and people of color directed a greater proportion of TV shows"),
])
def test_note_about_the_author_closes_the_article(
        name: str, page_id: str, last: str, note: str, after: str) -> None:
    body = _body(name, page_id)
    assert body[-1].startswith(last)
    assert not any(p.startswith((note, after)) for p in body)


def test_comments_beyond_the_article_are_not_the_body() -> None:
    # dev sh-232a43fb15ab: "[ 167 comments ]" closes the article under its headline and
    # "by Joe Rossignol"; the comments after it run longer than the article
    body = _body("dev", "sh-232a43fb15ab")
    assert body[0].startswith("Following the 16-inch MacBook Pro, Apple plans to release")
    assert not any(p.startswith("I think we'll see similar updates") for p in body)


@pytest.mark.parametrize(("name", "page_id", "caption", "first"), [
    ("dev", "sh-16c30add7e96", "Air pollution is once again surging in Delhi.",
     "Another cloud of choking smoke and dust"),
    ("dev", "sh-db6b0816c612", "U.S. Defense Secretary Mark Esper, left, and Vietnamese",
     "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper"),
    ("wide", "fu-DurbanLocal_2025_11_09", "Pictured right, is reader Nicole Bresler",
     "Romance novelists gathered with readers"),
])
def test_line_over_the_lead_picture_credit_is_its_caption(
        name: str, page_id: str, caption: str, first: str) -> None:
    kinds = {s.kind for s in _segments(name, page_id) if s.text.startswith(caption)}
    assert SegmentKind.CAPTION in kinds and SegmentKind.PARAGRAPH not in kinds
    assert any(p.startswith(first) for p in _body(name, page_id))


def _authors(name: str, page_id: str) -> list[str]:
    text = _pages(name)[page_id]
    by = parse_byline(text, _segments(name, page_id), page_reference_date(text) or FALLBACK)
    return [a.name for a in by.authors] if by else []


@pytest.mark.parametrize(("name", "page_id", "authors"), [
    # "November 20, 2019 Emiliano Bellini": the name after the date on the byline's line
    ("dev", "sh-b0cf2bbf0192", ["Emiliano Bellini"]),
    # "Jono Galuszka 14:40, Feb 17 2021": the name before it
    ("wide", "ms-stuff", ["Jono Galuszka"]),
    # "21 May 2025 - 14:19" / "Thabo Mokone Parliamentary editor": the name line under it
    ("wide", "fu-TimesLive_2025_05_22", ["Thabo Mokone"]),
    # "+ Last Modified: Feb 18, 2020": a label before the date is no name
    ("dev", "tr-japantimes_co_jp_surgical", []),
])
def test_names_beside_the_header_date(name: str, page_id: str, authors: list[str]) -> None:
    assert _authors(name, page_id) == authors


def test_site_name_before_on_and_a_date_is_no_author() -> None:
    # wide ms-marketing-land: "Marketing Land on February 23, 2016 at 5:31 pm"
    assert "Marketing Land" not in _authors("wide", "ms-marketing-land")

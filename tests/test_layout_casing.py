"""How a header line is written (title case, sentence case, a quotation), and the lines
between a headline and its byline that are credits, not headlines. Real lines from the
pages of ../shared/eval/header."""

from __future__ import annotations

import pytest

from newsstruct.layout.casing import quoted, title_case, under_title_case
from newsstruct.layout.features import _features_cached
from newsstruct.layout.header import _credit
from newsstruct.layout.weights import header_weights

# (line, in title case): headlines in title case (dev businessweek.com, wide freebeacon.com,
# wide theintercept.com, dev globenewswire.com) and standfirsts, captions and headlines in
# sentence case (the same pages, dev theverge.com, wide euronews.com)
TITLE_CASE = [
    ("Olivia Munn: Queen of the Uncool", True),
    ("Soros Family Gives Early Financial Support to Montana 'Moderate' Jon Tester", True),
    ("Aaron Bushnell, Who Self-Immolated for Palestine, Had Grown Deeply Disillusioned With "
     "the Military", True),
    ("Segment Launches Sources to Unify Siloed Customer Data in Minutes", True),
    ("The Web and cable star has achieved fame by targeting nerdy guys, who she says "
     "\"control popularity\"", False),
    ("Liberal billionaire George Soros and his son nearly max out to Tester", False),
    ("The fourth in the 2009 reboot series of Star Trek films", False),
    ("Swedish police to investigate reports of information leaks to violent gangs", False),
    ("BUYERS GUIDE", False),
]


@pytest.mark.parametrize(("line", "expected"), TITLE_CASE)
def test_title_case(line: str, expected: bool) -> None:
    assert title_case(line) is expected


def test_a_sentence_under_a_headline_in_title_case() -> None:
    """Dev businessweek.com and wide freebeacon.com: the standfirst in sentence case under a
    headline in title case is marked, and counts against the title; the headline is not."""
    pairs = [
        ("Olivia Munn: Queen of the Uncool",
         "The Web and cable star has achieved fame by targeting nerdy guys, who she says "
         "\"control popularity\""),
        ("Soros Family Gives Early Financial Support to Montana 'Moderate' Jon Tester",
         "Liberal billionaire George Soros and his son nearly max out to Tester"),
        ("Segment Launches Sources to Unify Siloed Customer Data in Minutes",
         "Segment Sources Combines Data From Cloud Services Like Salesforce, Zendesk"),
    ]
    for headline, below in pairs[:2]:
        assert under_title_case(_features_cached(below), _features_cached(headline))
        assert not under_title_case(_features_cached(headline), None)
    # a second line in title case is not a sentence (dev globenewswire.com)
    assert not under_title_case(_features_cached(pairs[2][1]), _features_cached(pairs[2][0]))
    assert header_weights().title["under_title_case"] < 0
    # a line with a date over the headline is not the headline (wide dailymail.co.uk)
    assert not under_title_case(
        _features_cached("Your $1 bill could be worth up THOUSANDS - here's how to check if "
                         "you have the rare buck"),
        _features_cached("Saturday, Apr 27th 2024 4PM 19°C 7PM 14°C 5-Day Forecast"))


# pull quotes (wide theintercept.com, dev californiaglobe.com, dev instyle.com) and headlines
# that quote (wide freebeacon.com, dev caymancompass.com)
QUOTED = [
    ("“I have been complicit in the violent domination of the world and I will never get the "
     "blood off my hands.”", True),
    ("‘It is impossible to overstate the magnitude of this ruling’", True),
    ("\"A hairstyle is more than just external beauty for a woman, a woman's hair is part of "
     "her core identity\"", True),
    ("‘The Tiny, Tight-Lipped Circle of Aides Guiding Biden 2024’ Has a Lot of Conflicts",
     False),
    ("Prison official: ‘Anyone’ could escape from Northward", False),
]


@pytest.mark.parametrize(("line", "expected"), QUOTED)
def test_a_pull_quote_is_quoted(line: str, expected: bool) -> None:
    assert quoted(line) is expected


def test_quoted_counts_against_the_title() -> None:
    assert header_weights().title["quoted"] < 0


# lines between a headline and its byline that credit a picture or an author (wide
# euronews.com, wide mirror.co.uk) and headlines that do not (wide mirror.co.uk, dev
# theverge.com)
CREDITS = [
    ("Swedish police officer - Copyright Fredrik Persson/AP", True),
    ("Steffan Rhys Deputy Content Hub Director", True),
    ("Man kept six women chained in hole in basement before cooking body parts", False),
    ("Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct", False),
]


@pytest.mark.parametrize(("line", "expected"), CREDITS)
def test_a_credit_is_no_anchored_headline(line: str, expected: bool) -> None:
    assert _credit(line) is expected

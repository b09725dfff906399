"""Bad input raises newsstruct's own typed errors, never a dependency's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import newsstruct
from newsstruct import WarningCode, errors
from newsstruct.article import coerce_reference_date


@pytest.mark.parametrize("bad", [None, b"bytes text", 42, ["a list"], object()])
def test_non_str_text(bad: Any) -> None:
    with pytest.raises(errors.InvalidInputError) as info:
        newsstruct.parse_article(bad)
    assert isinstance(info.value, TypeError)
    assert type(bad).__name__ in str(info.value)


@pytest.mark.parametrize("blank", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003"])
def test_empty_text(blank: str) -> None:
    with pytest.raises(errors.EmptyArticleError):
        newsstruct.parse_article(blank)


@pytest.mark.parametrize("bad", ["yesterday-ish", "2025-13-45", "06/09/2025x", 3.5])
def test_bad_reference_date(bad: Any) -> None:
    with pytest.raises(errors.InvalidReferenceDateError) as info:
        newsstruct.parse_article("Some headline\n\nA paragraph of text.", reference_date=bad)
    assert isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value) or str(bad) in str(info.value)


def test_too_large() -> None:
    with pytest.raises(errors.InputTooLargeError):
        newsstruct.parse_article("word " * 100, max_chars=50)


def test_unknown_model() -> None:
    with pytest.raises(errors.ModelNotFoundError) as info:
        newsstruct.parse_article("Headline\n\nBody text here.", model="xx_no_such_pipeline")
    message = str(info.value)
    assert "newsstruct[model]" in message and "spacy download" in message


def test_every_error_is_a_newsstruct_error() -> None:
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.NewsstructError)


# ------------------------------------------------------------------ honest reference dates

HEADLINE = "Some headline\n\nA paragraph of text."


@pytest.mark.parametrize(
    ("given", "month_first", "day_first"),
    [("06/09/2025", "9 June 2025", "6 September 2025"),
     ("6.9.2025", "9 June 2025", "6 September 2025"),
     ("03-04-2024 10:30", "4 March 2024", "3 April 2024")],
)
def test_ambiguous_numeric_date_names_both_readings(
    given: str, month_first: str, day_first: str
) -> None:
    with pytest.raises(errors.InvalidReferenceDateError) as info:
        newsstruct.parse_article(HEADLINE, reference_date=given)
    message = str(info.value)
    assert f"{month_first} (month first)" in message and f"{day_first} (day first)" in message
    assert "dayfirst" in message
    assert info.value.readings is not None
    assert [f"{d.day} {d:%B %Y}" for d in info.value.readings] == [month_first, day_first]
    with pytest.raises(errors.InvalidReferenceDateError):
        newsstruct.parse_article(HEADLINE, published=given, reference_date="2025-10-01")


@pytest.mark.parametrize(
    ("given", "dayfirst", "want"),
    [("06/09/2025", True, dt.date(2025, 9, 6)),
     ("06/09/2025", False, dt.date(2025, 6, 9)),
     ("13/09/2025", None, dt.date(2025, 9, 13)),   # reads one way only
     ("09/13/2025", None, dt.date(2025, 9, 13)),
     ("13/09/2025", False, dt.date(2025, 9, 13)),  # dayfirst only settles a doubt
     ("05/05/2025", None, dt.date(2025, 5, 5))],
)
def test_numeric_dates_that_read_one_way(given: str, dayfirst: bool | None, want: dt.date) -> None:
    assert coerce_reference_date(given, dayfirst=dayfirst).date() == want


def test_dayfirst_reaches_the_article() -> None:
    article = newsstruct.parse_article(HEADLINE, reference_date="06/09/2025", dayfirst=True)
    assert article.reference_date == dt.datetime(2025, 9, 6)


def test_no_reference_date_warns_for_a_relative_byline(seed_text: str) -> None:
    # the seed's byline gives "1 month Ago"
    now = newsstruct.parse_article(seed_text)
    warning = next(w for w in now.warnings if w.code is WarningCode.NO_REFERENCE_DATE)
    assert warning.span is not None and warning.span.text == "1 month Ago"
    assert "reference_date" in warning.message
    given = newsstruct.parse_article(seed_text, reference_date="2025-09-06")
    assert all(w.code is not WarningCode.NO_REFERENCE_DATE for w in given.warnings)


def test_no_reference_date_is_quiet_when_nothing_depends_on_it() -> None:
    # a dated byline and absolute times: the reference date changes nothing
    text = ("Storm Closes Ports\n\nBy Ana Lima\n\nNov. 19, 2019\n\nThe storm closed three ports "
            "on Nov. 19, 2019, the coast guard said.")
    article = newsstruct.parse_article(text)
    assert article.published is not None and not article.published.relative
    assert all(w.code is not WarningCode.NO_REFERENCE_DATE for w in article.warnings)


def test_no_reference_date_warns_for_times_read_against_it() -> None:
    # no published time: "on Monday" is read against the reference date
    text = "Ministers Meet in Paris\n\nMinisters met in Paris on Monday, officials said."
    article = newsstruct.parse_article(text)
    assert any(t.anchor == "reference" for t in article.times)
    assert [w.code for w in article.warnings] == [WarningCode.NO_REFERENCE_DATE]

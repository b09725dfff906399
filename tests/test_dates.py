"""Reading the reference date and a caller-given publication time."""

from __future__ import annotations

import datetime as dt

import pytest

import newsstruct
from newsstruct import errors
from newsstruct.article import coerce_reference_date

READABLE = [
    ("2025-09-06", dt.datetime(2025, 9, 6)),
    ("2025-09-06T14:30:00", dt.datetime(2025, 9, 6, 14, 30)),
    ("2025-09-06T14:30:00+02:00", dt.datetime(2025, 9, 6, 12, 30)),
    ("2025-09-06T12:00:00Z", dt.datetime(2025, 9, 6, 12, 0)),
    ("6 September 2025", dt.datetime(2025, 9, 6)),
    ("Sep 6, 2025 14:30", dt.datetime(2025, 9, 6, 14, 30)),
    ("Saturday, September 6, 2025", dt.datetime(2025, 9, 6)),
    (dt.date(2025, 9, 6), dt.datetime(2025, 9, 6)),
    (dt.datetime(2025, 9, 6, 8, 15, tzinfo=dt.timezone.utc), dt.datetime(2025, 9, 6, 8, 15)),
]

UNREADABLE = ["September 2025", "yesterday", "in 2 days", "2025-13-45", "06/09/2025x", ""]


@pytest.mark.parametrize(("given", "want"), READABLE)
def test_readable(given: str | dt.date, want: dt.datetime) -> None:
    assert coerce_reference_date(given) == want


@pytest.mark.parametrize("given", UNREADABLE)
def test_unreadable(given: str) -> None:
    with pytest.raises(errors.InvalidReferenceDateError) as info:
        coerce_reference_date(given)
    assert repr(given) in str(info.value)


def test_published_anchors_the_times(seed_text: str) -> None:
    by_byline = newsstruct.parse_article(seed_text, reference_date="2025-09-06")
    given = newsstruct.parse_article(
        seed_text, reference_date="2025-09-06", published="2025-08-13"
    )
    # the byline's reading is still reported
    assert given.published is not None and given.published.value.date() == dt.date(2025, 8, 6)

    def value_of(article: newsstruct.Article, word: str) -> str | None:
        return next(t.value for t in article.times if t.span.text == word)

    assert value_of(by_byline, "Monday") == "2025-08-04"
    assert value_of(given, "Monday") == "2025-08-11"
    with pytest.raises(errors.InvalidReferenceDateError) as info:
        newsstruct.parse_article(seed_text, published="soon")
    assert "published" in str(info.value)

"""The one calendar: intervals of TIMEX3 values, parts of the day, month arithmetic, names."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsstruct import calendar
from newsstruct.types import Granularity


@pytest.mark.parametrize(("day", "months", "want"), [
    (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
    (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
    (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
    (dt.date(2025, 7, 30), -1, dt.date(2025, 6, 30)),
    (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)),
    (dt.date(2025, 1, 15), -13, dt.date(2023, 12, 15)),
    (dt.datetime(2025, 5, 31, 14, 30), 1, dt.datetime(2025, 6, 30, 14, 30)),
])
def test_add_months_clamps_to_the_last_day(day: dt.date, months: int, want: dt.date) -> None:
    assert calendar.add_months(day, months) == want


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.integers(min_value=-240, max_value=240))
def test_add_months_lands_in_the_counted_month(day: dt.date, months: int) -> None:
    moved = calendar.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.days_in_month(moved.year, moved.month))


@pytest.mark.parametrize(("year", "month", "weekday", "nth", "want"), [
    (2024, 11, 3, 4, dt.date(2024, 11, 28)),  # Thanksgiving: fourth Thursday
    (2025, 5, 0, -1, dt.date(2025, 5, 26)),   # Memorial Day: last Monday
    (2025, 9, 0, 1, dt.date(2025, 9, 1)),     # Labor Day: first Monday
])
def test_nth_weekday(year: int, month: int, weekday: int, nth: int, want: dt.date) -> None:
    assert calendar.nth_weekday(year, month, weekday, nth) == want


def test_nth_weekday_refuses_a_day_the_month_lacks() -> None:
    with pytest.raises(ValueError):
        calendar.nth_weekday(2025, 2, 0, 5)


@pytest.mark.parametrize(("value", "start", "end", "gran"), [
    ("2025-08-06TMO", dt.datetime(2025, 8, 6, 6), dt.datetime(2025, 8, 6, 12),
     Granularity.PART_OF_DAY),
    ("2025-08-06TAF", dt.datetime(2025, 8, 6, 12), dt.datetime(2025, 8, 6, 18),
     Granularity.PART_OF_DAY),
    ("2025-08-06TNI", dt.datetime(2025, 8, 6, 20), dt.datetime(2025, 8, 7, 6),
     Granularity.PART_OF_DAY),
    ("2025-08-06T15:00:30", dt.datetime(2025, 8, 6, 15, 0, 30),
     dt.datetime(2025, 8, 6, 15, 0, 31), Granularity.SECOND),
    ("2025-08-06T15", dt.datetime(2025, 8, 6, 15), dt.datetime(2025, 8, 6, 16),
     Granularity.HOUR),
    ("2025-02", dt.datetime(2025, 2, 1), dt.datetime(2025, 3, 1), Granularity.MONTH),
    ("2025-H1", dt.datetime(2025, 1, 1), dt.datetime(2025, 7, 1), Granularity.QUARTER),
])
def test_span(value: str, start: dt.datetime, end: dt.datetime, gran: Granularity) -> None:
    assert calendar.span(value) == (start, end, gran)
    assert calendar.granularity(value) is gran


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13", "2025-W60", "PXY", "XXXX-06"])
def test_no_span(value: str) -> None:
    assert calendar.span(value) is None


def test_every_part_of_day_lies_within_a_day_and_a_night() -> None:
    for lo, hi in calendar.PARTS_OF_DAY.values():
        assert 0 <= lo < hi <= 30 and hi - lo <= 10


@pytest.mark.parametrize(("name", "month"), [("Sept.", 9), ("sep", 9), ("May", 5),
                                             ("December", 12), ("Dec.", 12), ("Maybe", None)])
def test_month_number(name: str, month: int | None) -> None:
    assert calendar.month_number(name) == month


def test_month_regex_reads_names_and_abbreviations() -> None:
    pat = re.compile(rf"\b{calendar.month_regex('m')}", re.IGNORECASE)
    found = [m["m"] for m in pat.finditer("On Sept. 4 and in March, not in Marching or Decks")]
    assert found == ["Sept.", "March"]
    wd = re.compile(rf"\b{calendar.weekday_regex('wd')}\b")
    assert [m["wd"] for m in wd.finditer("Friday and Mondays")] == ["Friday"]

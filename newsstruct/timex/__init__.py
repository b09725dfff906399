"""Time expressions: detection and TIMEX3 normalisation anchored on the article's time.

Detection is a table of rules (``rules._RULES``), each one object holding its pattern, the
substrings that prefilter segments for it, the test a match must pass in its context and the
normaliser that gives its value: calendar dates, month and year names, ranges of years, quarters
and halves, relative expressions such as "last week" or "two days later", times of day,
durations, sets and the vague references "now", "recently", "the future". They run once over
each content segment. A time word inside a proper name ("The Sunday Telegraph") is not a time. The
model's DATE entities vouch for the ambiguous cases (a bare "1990", "May" as a month). Extents
follow the TempEval-3 conventions: a determiner belongs to a time noun it introduces ("the third
quarter", "the past two months") but not to a time word used as a modifier ("a third-quarter
loss", "the Oct. 23 meeting"); "last", "next", "early", "late", "about" and "less than" belong to
the expression; prepositions ("in", "over", "by") do not.

Normalisation gives the TIMEX3 value at the granularity the text gives (``2025-08-06``,
``2025-08``, ``2025-W32``, ``2025-Q3``, ``2025-SU``, ``2025-08-06T15:00``, ``2025-08-06TEV``,
``P4Y``, ``PT48H``, ``PRESENT_REF``...), the ``mod`` and, for calendar values, the interval the
value denotes. Relative expressions resolve against the article's anchor (published time, else
the reference date) or, for "later"/"earlier"/"the next day", against the last date the text
mentioned; an offset "later" than a point the text has not dated gets no calendar value
(``XXXX``). Weekdays and months without a year take their direction from tense and context.
Calendar arithmetic (intervals, parts of the day, month shifts) is :mod:`newsstruct.calendar`.

The package, one module per concern: ``vocab`` (words, pattern pieces, lexicons), ``tense``
(the side of the anchor a clause points to), ``anchor`` (the value record, the article's context
and calendar arithmetic), ``dates`` and ``relative`` (the normalisers), ``accept`` (acceptance
tests and proper names), ``rules`` (the rule objects and their table) and ``extract`` (the entry
points).
"""

from newsstruct.calendar import interval
from newsstruct.timex.extract import extract_times, normalise

__all__ = ["extract_times", "interval", "normalise"]

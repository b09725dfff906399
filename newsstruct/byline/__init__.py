"""Bylines: author names and the published / updated time from byline and dateline text.

Names are split on commas, "and", "&" and "with"; job titles ("Staff Writer", "Lifestyle
Writer"), affiliations ("Reuters", "Special to the Pioneer Press"), an outlet's name after the
person's ("Mike Isaac New York Times"), handles (also glued: "Jane Doe@janedoe"), e-mail
addresses, category labels and dates (also glued: "Jane DoePublished Jul 17") are cut away;
a name printed twice is read once; ALL-CAPS names are put in title case, a nickname in quotes
is kept ('Amanda "Mae" Tan'). "Photo by" and "Video by" credit a picture, not the article.

A name after "By" is an author. A name on a line without "By" is one when the evidence for a
person adds up to :data:`PERSON_THRESHOLD`, each kind with a named weight
(:func:`person_score`): its first word is a known given name (``byline_given_names.txt``,
rebuilt from a general list by ``benchmarks/build_given_names.py``), the spaCy pass reads a
PERSON there (``parse_byline``'s ``doc``), it stands before a known outlet, it is joined by
"and" to an author, or its line stands between the headline and a date line; the model
reading a place there, or a first word that opens place names, count against it. Names after
"By" win over such lines. Such lines are no byline when one of them opens a line of
something else ("Jane Doe 100 backstroke": a list), when they carry the dates of a list of
posts, or for a name the headline speaks of. Organisations ("European Space Agency",
``byline_org_words.txt``) and a one-word name that opens a longer name on the page
("Vortex" of "Vortex Cannon Entertainment") are no authors; nor is a "By" line under a
heading inside the body, which signs a part of the article (unless the page has no byline
of its own and the line heads a byline block with its date). Names listed one or more a
line under a line that is only "By" are authors.

With no name in the byline: a name line right above or below a date line near the headline
("Jane Doe" / "November 19th, 2019"), after a date that opens a line, or under a line that
is only "By"; a note after the article ("Jane Doe is a staff writer ...", "About the author
- Jane Doe", "Author: Jane Doe", "I'm Jane Doe."); a "By" line above the first paragraph
("---- by Jane Doe") or names written with a degree or an affiliation's number above it
("* Jane Doe, PhD", "* Jane Doe1"); a link to the author's articles; else the person
holding the copyright of a personal site ("Copyright (c) 2012- Jane Doe"), else the writer
whose address a request to write to the writer spells ("Email the writer at
jane_doe@example.com").

Times are read without dateparser, by patterns for the forms pages show ("Nov. 19, 2019",
"Published 7:05 PM EST, Tue March 3, 2020", "2019-11-19T12:48:14Z", "11/19/19 06:56 AM EST",
"21.10.2019", "2021/09/19", "Updated Nov 19, 6:55 AM" with the year of the reference date,
"Jane DoeNovember 6, 2023", "Published 2 November 23" with a two-digit year, a dateline
"March 3, 2016 -- ..."); the local day and the zone named are kept. "02/10/2020" is read as the page
writes its other dates (``writes_day_first``: "21/06/2014" or "2 October 2020" against
"11/19/2019" or "October 2, 2020"); on a page that shows no order it is left unread, with
a warning (:func:`date_warnings`). Relative times ("1 month Ago", "2 hours ago",
"yesterday") are resolved against the reference date and used only when no absolute date is
written; a duration ("4 min read") is no time. The first date not marked "Updated" is the
published one. With no date in the byline: the first date near the headline (with no
headline found, near the first paragraph), else the first date the page labels as
published (or posted, updated), else the absolute date closest to the headline; in each
case only a date that stands on its own (a date line, a short line that is not a sentence,
a date closing a line after a sentence) or that the page labels: a date inside a sentence
("The deadline is Nov. 1.") is what the article speaks of, not when it was published, and
so is the date of an embedded post ("— Jane Doe (@janedoe) November 1, 2019"). Date lines
that recur a few lines apart date a list of teasers and are passed over.
"""

from __future__ import annotations

from newsstruct.byline.block import (
    INNER_BYLINE_PARAGRAPHS as INNER_BYLINE_PARAGRAPHS,
)
from newsstruct.byline.block import (
    MAX_NAMES_UNDER_BY as MAX_NAMES_UNDER_BY,
)
from newsstruct.byline.block import (
    parse_byline as parse_byline,
)
from newsstruct.byline.names import (
    GIVEN_NAME as GIVEN_NAME,
)
from newsstruct.byline.names import (
    HEADER_SLOT as HEADER_SLOT,
)
from newsstruct.byline.names import (
    JOINED as JOINED,
)
from newsstruct.byline.names import (
    LIST_THRESHOLD as LIST_THRESHOLD,
)
from newsstruct.byline.names import (
    MAX_NAME_WORDS as MAX_NAME_WORDS,
)
from newsstruct.byline.names import (
    MODEL_OTHER as MODEL_OTHER,
)
from newsstruct.byline.names import (
    MODEL_PERSON as MODEL_PERSON,
)
from newsstruct.byline.names import (
    OUTLET_NEXT as OUTLET_NEXT,
)
from newsstruct.byline.names import (
    PERSON_THRESHOLD as PERSON_THRESHOLD,
)
from newsstruct.byline.names import (
    PLACE_WORD as PLACE_WORD,
)
from newsstruct.byline.names import (
    person_score as person_score,
)
from newsstruct.byline.names import (
    split_authors as split_authors,
)
from newsstruct.byline.notes import (
    COPYRIGHT_BEFORE_END as COPYRIGHT_BEFORE_END,
)
from newsstruct.byline.notes import (
    NOTE_AFTER as NOTE_AFTER,
)
from newsstruct.byline.published import (
    DATE_LINE_WORDS as DATE_LINE_WORDS,
)
from newsstruct.byline.published import (
    LIST_STRIDES as LIST_STRIDES,
)
from newsstruct.byline.published import (
    NEAR_AFTER as NEAR_AFTER,
)
from newsstruct.byline.published import (
    NEAR_BEFORE as NEAR_BEFORE,
)
from newsstruct.byline.times import (
    TWO_DIGIT_PIVOT as TWO_DIGIT_PIVOT,
)
from newsstruct.byline.times import (
    date_warnings as date_warnings,
)
from newsstruct.byline.times import (
    iter_times as iter_times,
)
from newsstruct.byline.times import (
    page_reference_date as page_reference_date,
)
from newsstruct.byline.times import (
    parse_time as parse_time,
)
from newsstruct.byline.times import (
    writes_day_first as writes_day_first,
)

__all__ = ["date_warnings", "page_reference_date", "parse_byline", "parse_time",
           "person_score", "split_authors", "writes_day_first"]

"""Line tests shared with the byline stage: date lines, dated credits, byline lines,
name-like lines, datelines, author notes and picture credits."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsstruct.calendar import month_regex
from newsstruct.data import lexicon
from newsstruct.layout.lines import _strip_marker

_MONTH = f"(?i:{month_regex()})\\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
_UNIT_AGO = r"(?:sec|second|min|minute|hour|hr|day|week|month|year)s?(?:\s+ago)?\b"
_DAY_WORD = r"\b(?:yesterday|today|just now)\b"
#: Dates, times and relative times as bylines show them (used to recognise date lines).
DATE_PATTERN = (
    r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"
    r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?"
    r"|\b(?:\d{1,3}|an?|one)\s+" + _UNIT_AGO + "|" + _DAY_WORD
)
#: What every match of :data:`DATE_PATTERN` opens with: a figure, or the first letter of a
#: month name, "a", "an", "one", "yesterday", "today" or "just now". Put before a pattern,
#: it lets a search pass over the other characters with one test each.
_DATE_FIRST = r"(?=[\dadfjmnosty])"
_DATE = re.compile(_DATE_FIRST + "(?:" + DATE_PATTERN + ")", re.IGNORECASE)
#: The alternatives of :data:`DATE_PATTERN` that match with no figure ("an hour ago",
#: "yesterday"): all a line without a figure is searched for.
_DATE_WITHOUT_FIGURE = re.compile(
    r"(?=[aojty])(?:\b(?:an?|one)\s+" + _UNIT_AGO + "|" + _DAY_WORD + ")", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DIGIT_OR_DAY = re.compile(r"\d|yesterday|today|just now", re.IGNORECASE)
_DATE_FILLER = re.compile(
    # separators first: no separator is a word character, so the two alternatives never
    # match at the same place, and this one rejects a character sooner
    r"[\s|•·,:;/()\[\]\-–—@]+"
    r"|\b(?:" + _WEEKDAY + r"|updated|published|posted|last|first|modified|on|at|by|and|"
    r"[A-Z]{1,4}T|UTC|GMT|am|pm|min|mins|read|reading|time|date|created|edited|originally|"
    r"written|\d{4})\b",
    re.IGNORECASE,
)


#: A year or a time run into the next word ("August 2, 2019August 2, 2019").
_GLUED_AFTER_DIGIT = re.compile(r"(?<=\d)(?=[A-Z][a-z])")
#: The same place with its characters: a search for it passes over the characters that are
#: not figures with one test each.
_GLUED = re.compile(r"\d[A-Z][a-z]")


def _unglue(s: str) -> str:
    """``s`` with a space put between a figure and the next word run into it (most lines
    have none: they are returned as they are after one quick search)."""
    return _GLUED_AFTER_DIGIT.sub(" ", s) if _GLUED.search(s) is not None else s


def has_date(s: str) -> bool:
    """Whether ``s`` holds a date, a time or a relative time (:data:`DATE_PATTERN`)."""
    if _DIGIT.search(s) is None:  # most lines: only the alternatives with no figure
        return _DATE_WITHOUT_FIGURE.search(s) is not None
    return _DATE.search(s) is not None


def is_date_line(line: str) -> bool:
    """Whether ``line`` is a date / time line ("Updated 1:39 am EST, Wednesday, November 20,
    2019", "Nov. 19, 2019", "5:50 PM", "2 hours ago")."""
    return _is_date(_unglue(_strip_marker(line.strip())))


def _is_date(s: str) -> bool:
    """:func:`is_date_line` of a line stripped of spaces and list marker."""
    return _date_only(s, _DIGIT.search(s) is not None)


def _date_only(s: str, digit: bool) -> bool:
    """:func:`_is_date` of ``s``, which holds a figure when ``digit``."""
    undated = _undated(s, digit)
    return undated is not None and _only_date(_DATE_FILLER.sub(" ", undated).split())


def _undated(s: str, digit: bool) -> str | None:
    """``s`` (holding a figure when ``digit``) with its dates and times blanked out, when it
    passes the cheap tests of a date line and holds one; ``None`` otherwise."""
    if not s or len(s) > 120 or s.count(" ") > 16:
        return None
    if not digit:
        # with no figure, a day word: "yesterday" and "today" hold "day", "just now" "now"
        # (these letters have no case forms besides the ASCII ones)
        low = s.lower()
        if ("day" not in low and "now" not in low) or _DIGIT_OR_DAY.search(s) is None:
            return None
    undated, dates = _DATE.subn(" ", s)
    return undated if dates else None


def _date_rest(s: str) -> list[str]:
    """The words of ``s`` besides its dates, times and date filler."""
    return _DATE_FILLER.sub(" ", _DATE.sub(" ", s)).split()


def _only_date(rest: list[str]) -> bool:
    return len(rest) <= 1 and not any(len(w) > 12 for w in rest)


_FULL_DATE = re.compile(
    _DATE_FIRST + r"(?:\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+" + _MONTH + r",?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b)",
    re.IGNORECASE,
)


def is_dated_credit(line: str) -> bool:
    """Whether ``line`` is a short credit with a full date: a source or a name and a date
    ("Reuters November 18, 2019 11:03 PM", "The Guardian 02/10/2020 Anna Fazackerley")."""
    return _is_dated_credit(_strip_marker(line.strip()))


def _is_dated_credit(s: str) -> bool:
    """:func:`is_dated_credit` of a line stripped of spaces and list marker."""
    return (_may_be_dated_credit(s, _DIGIT.search(s) is not None)
            and _credit_rest(_date_rest(s)))


def _may_be_dated_credit(s: str, digit: bool) -> bool:
    return len(s) <= 100 and digit and _FULL_DATE.search(s) is not None


def _credit_rest(rest: list[str]) -> bool:
    return 0 < len(rest) <= 5 and all(w[:1].isupper() or w in ("and", "of", "the") for w in rest)


#: The words of letters that a date, a time or date filler takes in, in whole or in part,
#: matched against a word in lower case: month and weekday names, the filler words, "ago",
#: units of time, and the "am" or "pm" a time may take from the start of the next word (a
#: few words more than these take in, such as any short word ending in "t", only make the
#: test in :func:`_other_words` pass more lines on to the full one).
_DATE_WORD = re.compile(
    r"(?:" + _MONTH + "|" + _WEEKDAY + r"|updated|published|posted|last|first|modified|on|"
    r"at|by|and|[a-z]{1,4}t|utc|gmt|am|pm|min|mins|read|reading|time|date|created|edited|"
    r"originally|written|of|an?|one|ago|yesterday|today|just|now|"
    r"(?:sec|second|min|minute|hour|hr|day|week|month|year)s?)\Z|[ap]m")


def _other_words(s: str) -> tuple[bool, bool]:
    """Whether ``s`` may still be a date line and whether it may still be a dated credit,
    told from its words of ASCII letters that no date or filler takes in (not matched by
    :data:`_DATE_WORD`), which stay among the words besides the dates: a date line has at
    most one of them, a credit at most five, each capitalised or "the"."""
    others, lower = 0, False
    for w in s.split():
        if w.isalpha() and w.isascii() and _DATE_WORD.match(w.lower()) is None:
            others += 1
            lower = lower or (not w[0].isupper() and w != "the")
            if others > 1 and (lower or others > 5):
                return False, False
    return others <= 1, others <= 5 and not lower


def _date_or_dated_credit(s: str, digit: bool) -> bool:
    """``_is_date(s) or _is_dated_credit(s)`` for ``s`` holding a figure when ``digit``,
    reading the words besides the dates once."""
    if len(s) > 120:
        # longer than any date line (:func:`_undated`) or dated credit
        # (:func:`_may_be_dated_credit`): a paragraph's, read no further
        return False
    if not digit:
        # no figure: no dated credit, and a date line only when a day word is in it
        return _date_only(s, False)
    rest: list[str] | None = None
    date, credit = _other_words(s)
    if not date and not credit:
        # the words of prose: neither (this test is the quicker)
        return False
    # the date test reads a date run into the next word apart, the credit test does not
    glued = _unglue(s)
    undated = _undated(glued, True) if date else None
    if undated is not None:
        rest = _DATE_FILLER.sub(" ", undated).split()
        if _only_date(rest):
            return True
    if not credit or not _may_be_dated_credit(s, True):
        return False
    return _credit_rest(_date_rest(s) if rest is None or glued != s else rest)


_BY = re.compile(
    r"(?:^|(?<=[\s|•·/,:;—–-]))(?:(?:written|posted|reported|words|story|text|analysis|"
    r"commentary|opinion|interview|review|photos?|compiled|edited|published)\s+)?"
    r"(?:by|byline|authors?)\s*[:|]?\s*(?-i:(?=[A-Z@“\"']))",
    re.IGNORECASE,
)


_BY_WORD = re.compile(r"by|author", re.IGNORECASE)
#: Words that, right after "by" or "author", show the line is no byline.
NOT_AFTER_BY = "byline_not_after_by"


#: A name, then a date: what follows "By" in a byline that runs on into other text.
_BY_THEN_DATE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:on\s+|[|•·]\s*)(?:" + DATE_PATTERN + ")", re.IGNORECASE)


_BY_HANDLE_DATE = re.compile(
    r"^(?:posted\s+|written\s+)?by\s+[a-z][\w.-]{1,30}\s+(?:on\s+|[|•·]\s*)(?:" + DATE_PATTERN
    + r")[\w\s,:.|•·-]{0,40}$", re.IGNORECASE)


_FIELD_SEP = re.compile(r"\s[|/•·]\s")
#: Most words of one field of a meta row.
META_FIELD_WORDS = 12


def _meta_row(before: str) -> bool:
    """Whether ``before`` (what precedes "By" on a line, up to its separator) is a row of
    short fields, one of them a date ("February 23, 2016 / 0 Comments / in Marketing /",
    "News | Published: 5 hours ago | Last Updated: 5 hours ago |")."""
    tail = before.rstrip()
    if not tail or tail[-1] not in "|/•·":
        return False
    fields = [f.strip() for f in _FIELD_SEP.split(tail.rstrip(" |/•·"))]
    return (len(fields) >= 2 and all(len(f.split()) <= META_FIELD_WORDS for f in fields)
            and any(is_date_line(f) for f in fields))


def is_byline_line(line: str) -> bool:
    """Whether ``line`` reads as a byline ("By Jane Doe", "1 month Ago By Nikodem Baran",
    "Posted by Konstantin 21.10.2019", "Author: Jane Doe")."""
    return _is_byline(_unglue(_strip_marker(line.strip())))


def _is_byline(s: str) -> bool:
    """:func:`is_byline_line` of a line stripped of spaces and list marker."""
    if not s or len(s) > 200:
        return False
    # _BY_WORD's letters have no case forms besides the ASCII ones: a line it finds holds
    # "by" or "author" once lower-cased
    low = s.lower()
    if ("by" not in low and "author" not in low) or not _BY_WORD.search(s):
        return False
    m = _BY.search(s)
    if m is None:
        # a handle in lower case, then the date: "by oz on December 4, 2006"
        return _BY_HANDLE_DATE.match(s) is not None
    before = s[: m.start()].strip(" |·•-–—,:;/")
    if before and not is_date_line(before) and not (
        len(before.split()) <= 3 and s[: m.start()].rstrip()[-1:] in "|•·/-–—:"
    ) and not _meta_row(s[: m.start()]):
        return False
    after = s[m.end():].split()
    if not after or after[0].lower().strip(":,.;") in lexicon(NOT_AFTER_BY):
        return False
    if m.start() == 0 and _BY_THEN_DATE.match(" ".join(after[:10])):
        # "By Ela on 31. October, 2023 | 18 Comments. This post may contain ..."
        return True
    if len(after) > 20:
        return False
    # "by" inside a sentence ("... was written by the committee.")
    return not (s.endswith(".") and len(s.split()) > 12)


#: A dateline on a line of its own: "JOHANNESBURG, August 7 (Xinhua) --", "MADRID —".
_DATELINE_LINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z.'’]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:,?\s*(?i:" + _MONTH + r")\s+\d{1,2})?"
    r"\s*(?:\([A-Z][\w.&' ]{1,30}\))?\s*[-–—]{1,2}$"
)


_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’.][^\W\d_]*)*|[A-Z]\.(?:[A-Z]\.)*|"
    r"(?:de|van|von|da|del|der|la|le|bin|al|dos|du|di)|Jr\.?|Sr\.?|II|III|IV)$"
)


#: Where the name on a line ends: a comma, a separator, "and", a handle or a figure.
_NAME_END = re.compile(r",|\||\s-\s|\band\b|\s@|/|•|·|\d")


@cache
def given_names() -> frozenset[str]:
    """Given names known to the byline and entity lexicons: what a line's first word must be
    for a line of bare capitalised words to be read as a person's name."""
    return (lexicon("byline_given_names") | lexicon("entity_first_names_female")
            | lexicon("entity_first_names_male"))


@lru_cache(maxsize=4096)
def _name_like(core: str) -> bool:
    """A line that is only a person's name (two to four capitalised words), optionally with
    a role after a comma ("Tom Krisher, AP Auto Writer")."""
    if len(core) > 120:
        return False
    end = _NAME_END.search(core)
    words = (core if end is None else core[: end.start()]).split()
    roles, mods = lexicon("byline_roles"), lexicon("byline_role_modifiers")
    while len(words) > 2 and (words[-1].lower() in roles or words[-1].lower() in mods):
        words.pop()
    if not 2 <= len(words) <= 4:
        return False
    stop = lexicon("byline_stopwords")
    if any(w.lower().strip(".,") in stop for w in words):
        return False
    if not (all(_NAME_TOKEN.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2):
        return False
    if words[0].capitalize() not in given_names() and words[0] not in given_names():
        return False
    # "Jane Doe and the face of ... Photo: AFP" is a picture's caption (tested last: the
    # tests above turn most lines away sooner)
    return not _caption_credit(core)


_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}"
    # the day after the place ("FLINT, Mich., Oct. 4 (UPI) —", "PUTRAJAYA, Nov 22 —")
    r"(?P<day>,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"(?:\s*\((?:[A-Z][\w.&' ]{1,30})\))?|\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI)\)))"
    r"\s*[-–—]{1,2}(?=\s+[A-Z“\"‘'])",
)


def dateline_length(paragraph: str) -> int:
    """Length of a dateline opening ``paragraph`` ("WASHINGTON (Reuters) -", "MADRID —"),
    0 if none."""
    m = _DATELINE.match(paragraph)
    if m is None:
        return 0
    place = m.group("dl")
    if m.group("day"):
        # the place's case is read without the day's month
        place = place[: m.start("day")] + place[m.end("day"):]
    letters = [c for c in place.split("(")[0] if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    if place.startswith("(") or upper > 0.6:
        return m.end()
    return 0


#: A note about the author after the article ("Jane Doe is a staff writer ...").
AUTHOR_NOTE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|del|la|le)){1,3}) "
    r"(?i:is an? (?:[\w-]+ ){0,6}(?:writer|reporter|editor|journalist|correspondent|"
    r"columnist|contributor|producer|author|freelancer|critic|curator))\b"
)
#: A picture's caption with its credit ("... Credit: Getty Images", "(Photo: Jane Doe/AP)").
#: Read through :func:`_caption_credit`.
_CAPTION_CREDIT = re.compile(
    r"\b(?:credit|photo(?:graph)?|image|picture)s?\s*(?::|\.\.\.|…)\s*\S|getty images\W*$|"
    r"\((?:ap|afp|reuters|getty)[^)]*\)$|/\s*(?:ap|afp|reuters|getty images|epa)\)?$|"
    r"[.!?]\s*©\s*\w[^©.!?]{0,60}$",
    re.IGNORECASE,
)
#: Literals, lower-cased, one of which a match of the first two alternatives of
#: _CAPTION_CREDIT, or of its last one ("©"), holds; the remaining alternatives end the line
#: with ")" or a source's last letter. (No "i" or "s" in them: "İ", "ı" and "ſ" match
#: those ignoring case.)
_CREDIT_NEEDLES = ("cred", "photo", "mage", "ctur", "getty", "©")
_CREDIT_ENDS = (")", "p", "s", "ſ", "a")


def _caption_credit(s: str) -> bool:
    """Whether ``s`` holds a picture's credit (:data:`_CAPTION_CREDIT`); a line with none of
    the literals every match holds is passed over without a search."""
    low = s.lower()
    return ((_holds_any(low, _CREDIT_NEEDLES) or low.endswith(_CREDIT_ENDS))
            and _CAPTION_CREDIT.search(s) is not None)


def _holds_any(low: str, needles: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``needles``."""
    # a loop rather than any() over a generator: this runs for every paragraph
    for needle in needles:  # noqa: SIM110
        if needle in low:
            return True
    return False

"""Acceptance tests: whether a match is a time in its context, and whether it is a word inside
a proper name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.timex.vocab import (
    _AMBIGUOUS_MONTHS,
    _DATE_PREPS,
    _MONEY_BEFORE,
    _MONTHS,
    _PARTS_OF_DAY,
    _SEASONS,
    _UNITS,
    _WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


# --------------------------------------------------------------------------- detection


def _ent_label(doc: Doc | None, start: int, end: int) -> str:
    if doc is None:
        return ""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    for tok in span:
        if tok.ent_type_:
            return str(tok.ent_type_)
    return ""


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 16):pos].split()
    return words[-1].lower().strip("(\"'“‘,") if words else ""


_AFTER_SPOKEN_YEAR = frozenset({"and", "when", "the", "to", "that", "as", "in", "on", "at",
                                "with", "after", "before", "until", "or", "but", "was"})


_NOT_AFTER_MONTH_MODIFIER = frozenset({"for", "of", "on", "against", "to", "through", "in",
                                      "and", "with", "is", "was", "will", "may"})


def _month_modifier(prev: str, text: str, end: int) -> bool:
    """A month name used as a modifier after a determiner ("the March accession")."""
    if prev not in ("the", "a", "an", "this", "that", "its", "their", "his", "her"):
        return False
    nxt = text[end:end + 16].split()
    word = nxt[0] if nxt else ""
    return word.isalpha() and word.islower() and word not in _NOT_AFTER_MONTH_MODIFIER


def _title_cased(m: re.Match[str], text: str) -> bool:
    """A capitalised unit word inside a sentence: part of a name ("This Week", "60 Minutes")."""
    unit = m["unit"]
    if not unit[0].isupper() or unit.lower() in _WEEKDAYS:
        return False
    before = text[max(0, m.start() - 3):m.start()].strip()
    return m.start("unit") > m.start() and before not in ("", ".", "\"", "“", "``", "''")


def _accept_month_name(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A month name read as a month: capitalised, and an ambiguous one ("May", "March")
    only with a date context."""
    mon = m["mon"]
    return mon[0].isupper() and _ambiguous_month_ok(mon.rstrip(".").lower(), m, text, doc)


def _accept_month_word(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A month name with its day as a word: the month capitalised (what may follow the day is
    in the pattern)."""
    return m["mon"][0].isupper()


def _ambiguous_month_ok(key: str, m: re.Match[str], text: str, doc: Doc | None) -> bool:
    groups = m.groupdict()
    named_year = bool(groups.get("year") or groups.get("yrel") or groups.get("sy"))
    if "day" in groups:  # a day and its month: "May 5" is a date only in context, "5 May" is
        if m.start("day") < m.start("mon"):
            return True
        return key != "may" or named_year or _word_before(text, m.start()) in _DATE_PREPS or \
            _ent_label(doc, m.start(), m.end()) == "DATE"
    if named_year:
        return True
    if len(key) <= 4 and key not in ("may", "june", "july"):
        return False  # a bare abbreviation ("Jan") is not a month alone
    if m["rel"] or m["pos"] or (key not in _AMBIGUOUS_MONTHS and key != "august"):
        return True
    prev = _word_before(text, m.start())
    if _modal_may(key, m, text, doc, prev in _DATE_PREPS):
        return False
    return prev in _DATE_PREPS or _month_modifier(prev, text, m.end()) or (
        key not in _AMBIGUOUS_MONTHS and _ent_label(doc, m.start(), m.end()) == "DATE")


#: Words after which "May" in a title-cased headline is the modal verb ("Coffee May Protect").
_MODAL_NEXT = re.compile(r"\s+(?:[Nn]ot\s+)?(?:[Bb]e|[Hh]ave|[A-Z][a-z]+)\b")


def _modal_may(key: str, m: re.Match[str], text: str, doc: Doc | None, after_prep: bool) -> bool:
    """ "May" as the modal verb in a headline ("Coffee May Protect the Liver", "and May Be
    Far from Over"): tagged a modal by the model, or followed by "be", "have", "not" or, after
    a word that does not introduce a date, by another capitalised word."""
    if key != "may":
        return False
    if doc is not None:
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span[0].tag_ == "MD":
            return True
    nxt = _MODAL_NEXT.match(text, m.end())
    if nxt is None:
        return False
    word = nxt[0].split()[-1].lower()
    if word in ("be", "have", "not"):
        return True
    return not after_prep and word not in _MONTHS and word not in _WEEKDAYS


def _accept_capital_month(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["mon"][0].isupper()


def _accept_year(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A bare four-digit number is a year after a date preposition or where the model says
    DATE, not before a count noun."""
    if m["s"] or m["pos"] or m["fy"] or m["ty"]:
        return True
    nxt = text[m.end():m.end() + 20].lower().split()
    if nxt and nxt[0].strip(".,;:") in lexicon("timex_not_after"):
        return False
    label = _ent_label(doc, m.start("year"), m.end("year"))
    if label in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"):
        return False
    prev = _word_before(text, m.start("year"))
    return prev in _DATE_PREPS or prev.endswith("'s") or label == "DATE"


def _accept_spoken(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """A number word read as a year only where a count cannot be meant."""
    if m[0].lower().startswith("the year"):
        return True
    nxt = text[m.end():m.end() + 12].split()
    word = nxt[0] if nxt else ""
    counts = m["sy"].lower().startswith(("two", "twenty"))
    if counts and word.isalpha() and word.islower() and word not in _AFTER_SPOKEN_YEAR:
        return False
    return not m["sy"].lower().startswith("two") or _word_before(text, m.start()) in _DATE_PREPS


def _accept_qabbr(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["qh"].isupper()


def _accept_fy(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m[0][0].isupper() and m[0][1:2].isupper()


def _accept_rel(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    if _title_cased(m, text):
        return False
    if m["rel"].lower() == "the" and not m["pos"]:
        unit = m["unit"].lower()
        return unit == "weekend" or unit in _SEASONS
    return True


def _accept_dur(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return not _title_cased(m, text) and not _ordinal_second(m, text)


#: Words after "a second" that keep it a length of time ("for a second or two").
_AFTER_A_SECOND = frozenset({"or", "and", "ago", "later", "earlier", "before", "after", "of",
                             "to", "in", "for", "longer", "more", "too", "the", "at", "when",
                             "as", "than", "that", "he", "she", "it", "they", "we", "i", "you"})


def _ordinal_second(m: re.Match[str], text: str) -> bool:
    """ "a second time", "a second term": the ordinal, not a length of one second."""
    if m["unit"].lower() != "second" or m["pl"] or m["dir"] or m["n2"] or m["orso"]:
        return False
    if m["n"].lower() not in ("a", "an"):
        return False
    nxt = re.match(r"[\s-]+([A-Za-z]+)", text[m.end():m.end() + 30])
    return nxt is not None and nxt[1].lower() not in _AFTER_A_SECOND


def _accept_dayrel(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Not a page label ("Today's Paper", "Today's Edition")."""
    if not m[0].startswith("Today") or text[m.end():m.end() + 2] not in ("'s", "’s"):
        return True
    nxt = text[m.end() + 2:m.end() + 30].split()
    labels = lexicon("timex_page_labels")
    return not (nxt and nxt[0][:1].isupper() and (
        nxt[0].lower().strip(".,:;") in labels or " ".join(nxt[:2]).lower() in labels))


def _accept_fyear(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Not a capitalised "Year" inside a title ("Sportswoman of the Year")."""
    return not m[0].rstrip().endswith("Year") or (m[0][:1].isupper() and _sentence_initial(
        text, m.start()))


def _accept_weekday(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return m["wd"][0].isupper() or text[m.start():m.end()].islower()


def _accept_oclock(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """ "at 4 in the morning", not "one in the morning group"."""
    return not m["part2"] or _word_before(text, m.start()) in _CLOCK_PREPS


def _accept_set(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """ "a Friday deadline", "a day of talks": a frequency only after a price or a count."""
    if m["q"].lower() in ("a", "an") and not m["f"]:
        return bool(_MONEY_BEFORE.search(text[max(0, m.start() - 16):m.start()]))
    return True


def _accept_ref(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    w = m[0].lower()
    if w == "now" and text[m.end():m.end() + 1] == "-":
        return False
    if w in ("current", "recent", "future") and _word_before(text, m.start()) in ("a", "an"):
        return w != "current"
    return True


def _always(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    return True


# --------------------------------------------------------------------------- names

#: Entity labels of names: a time word inside one ("The Sunday Times") is not a time.
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON", "NORP", "GPE",
                          "LOC", "LAW"})
#: Words after a capitalised time word that continue a time, not a name ("Sunday Night").
_TIME_WORDS = frozenset({*_MONTHS, *_WEEKDAYS, *_UNITS, *(u + "s" for u in _UNITS),
                         *_PARTS_OF_DAY, *_SEASONS, "eve", "day", "days", "noon", "midnight",
                         "am", "pm", "a.m.", "p.m."})
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")
#: Share of capitalised words above which a line is title-cased (a headline), where capitals
#: say nothing about names.
_TITLE_SHARE = 0.7


def _inside_name(m: re.Match[str], text: str, doc: Doc | None) -> bool:
    """Whether the match is a word inside a proper name: the model tags a name around it, or
    the text writes one ("the Weekly Standard", "the Example Daily News": a capitalised time
    word between "the" or a capitalised word and a capitalised word that is not a time)."""
    if doc is not None:
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and any(t.ent_type_ in _NAME_LABELS for t in span):
            first, nxt = span[0], doc[span.end] if span.end < len(doc) else None
            if first.ent_iob_ == "I" and first.ent_type_ in _NAME_LABELS:
                return True  # the name began before the time word
            if nxt is not None and nxt.ent_iob_ == "I" and nxt.ent_type_ in _NAME_LABELS:
                return True  # the name goes on after it
    return _written_as_name(m, text)


def _written_as_name(m: re.Match[str], text: str) -> bool:
    words = m[0].split()
    if not words or not words[-1][:1].isupper() or not words[0][:1].isupper():
        return False
    nxt = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    if nxt is None or not nxt[0][:1].isupper() or not nxt[0][1:2].islower() \
            or nxt[0].endswith(".") or nxt[0].lower().strip("'’") in _TIME_WORDS:
        return False
    before = text[max(0, m.start() - 40):m.start()]
    prev = re.search(r"([A-Za-z][\w'’.&-]*)\s+$", before)
    if prev is None:
        return False
    pw = prev[1]
    if pw.lower() != "the" and not (pw[:1].isupper() and pw.lower() not in _TIME_WORDS
                                    and not _sentence_initial(text, m.start() - len(prev[0]))):
        return False
    return not _title_cased_line(text, m.start())


def _sentence_initial(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" \"'“‘(")
    return not head or head[-1] in ".!?\n:"


def _title_cased_line(text: str, pos: int) -> bool:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    line = text[lo:hi if hi >= 0 else len(text)]
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


_CLOCK_PREPS = frozenset({"at", "by", "until", "till", "around", "about", "before", "after",
                          "from", "since", "to"})

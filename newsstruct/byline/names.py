"""Author names in a byline: the names after "By" or on a line of names, split, trimmed to
the name and weighed as a person's."""

from __future__ import annotations

import bisect
import contextvars
import re

from newsstruct.calendar import month_regex, weekday_regex
from newsstruct.data import lexicon
from newsstruct.layout.cues import (
    DATE_PATTERN,
    NOT_AFTER_BY,
    given_names,
)
from newsstruct.types import (
    Author,
    Segment,
    SegmentKind,
    Span,
)

_BY = re.compile(
    r"(?:^|(?<=[\s|•·/,:;—–-]))(?:(?:written|posted|reported|words|story|text|analysis|"
    r"commentary|opinion|interview|review|compiled|edited|published)\s+)?"
    r"(?:by|byline|authors?)\s*[:|]?\s*(?=[A-Za-z@“\"'])",
    re.IGNORECASE,
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_CUT = re.compile(
    r"\s+[|•·/—–]\s*|\s+-{1,2}\s+|\s*\(|\S+@[\w-]+\.[a-z]{2,}|@|https?://|www\.|\s+(?:on|at|for|from|in)\s+"
    r"(?=[A-Z\d])|\b(?:updated|published|posted|last updated|view (?:more|all|my)|follow|"
    r"email|e-mail|read more|more from|special to|contact|categories|category|tags|tagged|"
    r"filed under)\b|\d"
    r"|\b" + weekday_regex() + r"\b",
    re.IGNORECASE,
)
_GLUED = re.compile(
    # a label, a capitalised word or a month run into the name ("Jen MillsPublished Jul 17")
    r"(?<=[a-z])(?=[A-Z]{2,}|(?:Published|Publish|Updated|Posted|Modified|Last)\b|"
    + month_regex() + r")"
)
#: A word run into the name's last word, which a name's own capitals are not ("Isabel
#: KeaneJournal New", "Federal PoliticsPolitics", "Jonathan Garber FOXBusiness"): after a
#: word of five letters or more ("McDonald", "DeSantis", "MacKenzie", "FitzGerald" join at
#: fewer), or an outlet's capitals run into a word.
_RUN_INTO = re.compile(r"\b(?:[A-Z][a-z]{4,}(?=[A-Z][a-z]{2})|(?=[A-Z]{3,}[a-z]))")
_TRAILING_JOINER = re.compile(r"(?:[\s,;:|&-]*\s(?:on|at|for|from|in|and|the|of))*[\s,;:|&-]*$",
                              re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]+[A-Z][a-z]+|"
    r"(?:de|van|von|da|del|der|den|la|le|bin|al|dos|du|di|ter|ten|el)|Jr\.?|Sr\.?|II|III|IV)$"
)
_PARTICLE = re.compile(r"^(?:de|van|von|da|del|der|den|la|le|bin|al|dos|du|di|ter|ten|el)$")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|R\.?N\.?)$")


def _title_case(word: str) -> str:
    if not (word.isupper() and sum(c.isalpha() for c in word) > 1):
        return word
    out = re.sub(r"[A-Za-z]+", lambda p: p.group(0).capitalize(), word.lower())
    return re.sub(r"\b(Mc|O')([a-z])", lambda p: p.group(1) + p.group(2).upper(), out)


def _strip_role(words: list[str]) -> list[str]:
    """Drop a trailing job title ("Staff Writer", "Senior Contributor") from a name."""
    roles, mods = lexicon("byline_roles"), lexicon("byline_role_modifiers")
    cut = len(words)
    seen_role = False
    for k in range(len(words) - 1, 0, -1):
        w = words[k].lower().strip(".,:")
        if w in roles:
            seen_role = True
            cut = k
        elif w in mods and seen_role:
            cut = k
        elif w in mods:
            continue
        else:
            break
    return words[:cut] if seen_role else words


_NICKNAME = re.compile(r"\s([\"“][A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}[\"”])(?=\s)")


def _clean_name(chunk: str, *, allow_single: bool) -> str | None:
    nick = _NICKNAME.search(chunk)
    if nick is not None:
        # a nickname in quotes between the given name and the surname: 'Amanda "Mae" Tan'
        name = _clean_name(chunk[: nick.start()] + chunk[nick.end():], allow_single=False)
        if name is None or " " not in name:
            return None
        first, rest = name.split(" ", 1)
        return f"{first} {nick.group(1)} {rest}"
    words = _strip_role(chunk.split())
    if len(words) > 2 and len(words[-1]) == 1 and words[-1].islower() and words[-2].isalpha():
        # a name whose last letter the page split off ("Jane Do e")
        words[-2:] = [words[-2] + words[-1]]
    if words and len(words[-1]) > 3 and words[-1].endswith(".") and words[-1][:-1].isalpha() and (
        words[-1].lower() not in ("jr.", "sr.")
    ):
        words[-1] = words[-1][:-1]
    if any(w.endswith(("'s", "’s")) for w in words):
        return None
    if not all(w.isupper() for w in words) and any(
        w.isupper() and w.isalpha() and 2 <= len(w) <= 4 and w not in ("II", "III", "IV")
        for w in words
    ):
        return None
    while words and _CREDENTIAL.match(words[-1]) and len(words) > 2:
        words.pop()
    if not words or len(words) > 5:
        return None
    stop = lexicon("byline_stopwords")
    if any(w.lower().strip(".,'’") in stop for w in words):
        return None
    if " ".join(words).casefold() in {a.casefold() for a in lexicon("byline_affiliations")}:
        return None
    if not all(_NAME_TOKEN.match(w) or _NAME_TOKEN.match(_title_case(w)) for w in words):
        return None
    capitalised = [w for w in words if not _PARTICLE.match(w)]
    if len(capitalised) < 2:
        w = capitalised[0] if capitalised else ""
        if not (allow_single and len(words) == 1 and len(w) >= 3 and not w.isupper()):
            return None
    return " ".join(_title_case(w) for w in words)


def _affiliations(text: str) -> list[str]:
    out: list[str] = []
    low = text.casefold()
    for aff in sorted(lexicon("byline_affiliations"), key=len, reverse=True):
        i = low.find(aff.casefold())
        if i < 0:
            continue
        j = i + len(aff)
        if ((i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum())
                and not any(aff.casefold() in o.casefold() for o in out)):
            out.append(aff)
    m = re.search(r"\bspecial to (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,4})", text, re.IGNORECASE)
    if m:
        out.append(m.group(0))
    return out


_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
#: A name on a line without "By" has at most this many words (particles and initials apart).
MAX_NAME_WORDS = 3


def _trim_labels(piece: str) -> str:
    """Drop words that are never part of a name from the end of ``piece`` ("Jane Doe All",
    where category labels follow the name)."""
    stop = lexicon("byline_stopwords")
    while True:
        m = re.search(r"\s+(\S+)\s*$", piece)
        if m is None or len(piece[: m.start()].split()) < 2 or (
            m.group(1).lower().strip(".,:") not in stop
        ):
            return piece
        piece = piece[: m.start()]


#: The model's reading of the page, for names read without "By": its entity spans as
#: (start, end, label) sorted by start, set by :func:`parse_byline` for the page it reads.
_ENTITIES: contextvars.ContextVar[tuple[tuple[int, int, str], ...]] = contextvars.ContextVar(
    "byline_entities", default=())
#: Entity labels of the model that name something other than a person.
#: (Its ORG and NORP readings of lone names are too often wrong to count against a person.)
_NOT_PERSON = frozenset({"GPE", "LOC", "FAC"})

#: Named weights of the evidence that a name read without "By" is a person's (sum against
#: :data:`PERSON_THRESHOLD`); written by hand, each a general fact about names in bylines.
GIVEN_NAME = 1.0  # its first word is a known given name
MODEL_PERSON = 1.0  # the model reads a person there
MODEL_OTHER = -0.5  # the model reads a place there
PLACE_WORD = -1.0  # its first word opens place names ("Hong Kong", "New York")
OUTLET_NEXT = 1.0  # a known outlet follows it ("Jane Roe, Business Insider")
JOINED = 1.0  # it is joined by "and" to a name already read as a person
HEADER_SLOT = 1.0  # its line stands between the headline and a date line ("Title / Jane Roe /
#                    November 18, 2024"), where pages put the byline
PERSON_THRESHOLD = 1.0
#: A second name after a comma on a line without "By" or "and" ("Jane Doe, Kit Reviews")
#: needs two kinds of evidence.
LIST_THRESHOLD = 2.0


def _model_reading(start: int, end: int) -> str | None:
    """The label of the model's entity that covers most of ``[start, end)``, if any."""
    ents = _ENTITIES.get()
    if not ents or end <= start:
        return None
    k = bisect.bisect_left(ents, (start - 200,))
    best, label = 0, None
    for s, e, lab in ents[k:]:
        if s >= end:
            break
        share = min(e, end) - max(s, start)
        if share > best:
            best, label = share, lab
    return label if best * 2 >= end - start else None


def person_score(name: str, start: int, end: int, *, outlet_next: bool = False,
                 joined: bool = False, slot: bool = False) -> float:
    """How much the evidence says that ``name`` (read at ``[start, end)`` on the page, with
    no "By" before it) is a person's: the sum of the named weights above."""
    first = name.split()[0] if name else ""
    score = GIVEN_NAME if first in given_names() else 0.0
    label = _model_reading(start, end)
    if label == "PERSON":
        score += MODEL_PERSON
    elif label in _NOT_PERSON:
        score += MODEL_OTHER
    if first in lexicon("byline_place_words") or name in lexicon("entity_countries"):
        score += PLACE_WORD
    score += OUTLET_NEXT if outlet_next else 0.0
    score += JOINED if joined else 0.0
    score += HEADER_SLOT if slot else 0.0
    return score


def _is_person(name: str, start: int, end: int, threshold: float = PERSON_THRESHOLD,
               **evidence: bool) -> bool:
    return person_score(name, start, end, **evidence) >= threshold


def _piece_name(piece: str, *, explicit: bool, single: bool) -> tuple[str, str] | None:
    """The name a piece of a byline is, with the piece trimmed to it (None for an
    organisation or no name)."""
    if any(w.lower().strip(".,:") in lexicon("byline_org_words") for w in piece.split()) or (
        not explicit and piece.split()[-1].rstrip(",:") in lexicon("entity_org_suffixes")
    ):
        # "European Space Agency", "Walt Disney Studios", "Brent Co" on a line without
        # "By" ("By Emily Co" is a person): an organisation
        return None
    name = _clean_name(piece.strip(), allow_single=explicit and single)
    if name is None and _trim_labels(piece) != piece:
        piece = _trim_labels(piece)
        name = _clean_name(piece.strip(), allow_single=False)
    if name is None:
        return None
    if not explicit and sum(
        1 for w in name.split() if not _PARTICLE.match(w.lower()) and not _INITIAL.match(w)
    ) > MAX_NAME_WORDS:
        # "Miguel Bernal North Diving": a line of four capitalised words is no name (a
        # particle written with a capital is no word of its own: "Fouzia Van Der Fort")
        return None
    return name, piece


def _before_outlet(piece: str) -> str:
    """``piece`` less an outlet's name after the person's ("John Q. Public Springfield
    Gazette", "Mike Isaac New York Times"): a run of three or more words that ends in an
    outlet noun is cut before "The" or a word that opens place names, else after the first
    two words (three with a middle initial)."""
    words = piece.split()
    if len(words) < 3 or words[-1].lower().strip(".,") not in lexicon("byline_outlet_words"):
        return piece
    places = lexicon("byline_place_words")
    keep = next((k for k in range(2, len(words) - 1)
                 if words[k] == "The" or words[k] in places), None)
    if keep is None:
        keep = 3 if len(words) > 3 and _INITIAL.match(words[1]) else 2
    end = 0
    for w in words[:keep]:
        end = piece.index(w, end) + len(w)
    return piece[:end]


def _undoubled(piece: str) -> str:
    """A name the page printed twice, once ("Jane Roe Jane Roe")."""
    words = piece.split()
    half = len(words) // 2
    if half < 2 or len(words) % 2 or words[:half] != words[half:]:
        return piece
    end = 0
    for w in words[:half]:
        end = piece.index(w, end) + len(w)
    return piece[:end]


def split_authors(names: str, offset: int, source: str, *, explicit: bool = True,
                  slot: bool = False) -> list[Author]:
    """Split "Jane Doe and John Roe, Reuters" into authors with spans (affiliations apart).

    ``names`` is the text after "By" (``explicit``) or a whole line that may be only names;
    it is cut at the first date, handle, e-mail address or separator. ``slot``: the line
    stands between the headline and a date line (evidence for its first name).
    """
    glued = _GLUED.search(names)
    if glued:
        names = names[: glued.start()]
    run = _RUN_INTO.search(names)
    if run:
        names = names[: run.end()]
    cut = _CUT.search(names)
    head = names[: cut.start()] if cut else names
    head = _TRAILING_JOINER.sub("", head)
    affs = _affiliations(names)
    aff = affs[0] if affs else None
    authors: list[Author] = []
    chunks = [(m.start(), m.group(0)) for m in re.finditer(r"[^,;&]+", head)]
    pieces: list[tuple[int, str]] = []
    for pos, chunk in chunks:
        last = 0
        for sep in re.finditer(r"\s+(?:and|with)\s+", chunk, re.IGNORECASE):
            pieces.append((pos + last, chunk[last: sep.start()]))
            last = sep.end()
        pieces.append((pos + last, chunk[last:]))
    pieces = [(p, c) for p, c in pieces if c.strip()]
    known = {a.casefold() for a in lexicon("byline_affiliations")}
    joined = re.search(r"&|\band\b|\bwith\b", head, re.IGNORECASE) is not None
    # "Jane Doe, Business Insider": a name before a known outlet needs no known given name,
    # unless it is a place ("New York, Reuters")
    first_word = pieces[0][1].split()[0] if pieces else ""
    outlet_next = len(pieces) > 1 and pieces[1][1].strip().casefold() in known and (
        first_word not in lexicon("byline_place_words")
        and pieces[0][1].strip() not in lexicon("entity_countries"))
    for k, (pos, piece) in enumerate(pieces):
        if piece.strip().casefold() in known:
            # "Jane Doe, BBC News, New York": what follows the outlet is a place or a desk
            break
        piece = _undoubled(_before_outlet(piece))
        got = _piece_name(piece, explicit=explicit, single=len(pieces) == 1)
        name, piece = got if got is not None else ("", piece)
        lead = len(piece) - len(piece.lstrip())
        s = offset + pos + lead
        e = s + len(piece.strip())
        if not explicit and not (name and _is_person(
                name, s, e, outlet_next=k == 0 and outlet_next,
                joined=k > 0 and joined and bool(authors), slot=k == 0 and slot)):
            if k == 0:
                # a line without "By" that does not open with a name is no byline
                return []
            # nor are the names after a label on it ("Jane Doe All, Books, Kit Reviews")
            break
        if not name:
            continue
        if k > 0 and not joined and not _is_person(
                name, s, e, PERSON_THRESHOLD if explicit else LIST_THRESHOLD):
            # "Jane Doe, New York": a second name after a comma alone is a person only
            # when it reads as one
            continue
        authors.append(Author(name=name, span=Span.of(source, s, e), affiliation=aff))
    return authors


def _date_in(text: str) -> re.Match[str] | None:
    """The first date or time in ``text``; "Today" with a capital inside a name
    ("Miami Today") is not one."""
    for d in _DATE.finditer(text):
        word = d.group(0)
        if not (word[:1].isupper() and d.start() > 0
                and word.lower() in ("today", "yesterday", "just now")):
            return d
    return None


def _by(text: str) -> re.Match[str] | None:
    """The first "By" that opens names in ``text`` (not "By clicking", "Author Contributions",
    nor the credit of a picture or a video: "Photo by", "Video by")."""
    for m in _BY.finditer(text):
        after = text[m.end():].split(maxsplit=1)
        before = text[: m.start()].split()
        if before and before[-1].lower().strip(":,.;|") in lexicon("byline_credit_words"):
            continue
        if after and after[0].lower().strip(":,.;") not in lexicon(NOT_AFTER_BY):
            return m
    return None


def _explicit(seg: Segment) -> bool:
    return _by(seg.span.text) is not None


def _names_in(seg: Segment, source: str) -> list[Author]:
    text, off = seg.span.text, seg.span.start
    m = _by(text)
    if m is not None:
        tail = text[m.end():]
        d = _date_in(tail)
        if d is not None:
            tail = tail[: d.start()]
        return split_authors(tail, off + m.end(), source, explicit=True)
    # a list marker, or the separator that opens a meta row ("/ Jane Roe / 10:08 am")
    lead = re.match(r"^(?:[*+•·o/|-]\s+)?", text)
    start = lead.end() if lead else 0
    body = text[start:]
    d = _date_in(body)
    if d is None:
        return split_authors(body, off + start, source, explicit=False)
    # a date in the line: the names before it, else those after it; on a line of the
    # header's byline block the date beside a name is the byline's evidence, as the slot
    # between headline and date line is ("Jane Roe 14:40, Feb 17 2021")
    slot = seg.kind is SegmentKind.BYLINE
    before = body[: d.start()]
    found = split_authors(before, off + start, source, explicit=False,
                          slot=slot and _BEFORE_DATE.search(before) is not None)
    if not found:
        rest = d.end() + len(body[d.end():]) - len(body[d.end():].lstrip(" ,|•·-–—"))
        found = split_authors(body[rest:], off + start + rest, source, explicit=False,
                              slot=slot)
    return found


#: A name right before the date on a byline line: its last capitalised word, then spaces
#: and a separator at most; not a label's colon ("Last Modified: ...") nor a word between
#: ("Site Name on February 23").
_BEFORE_DATE = re.compile(r"\b[A-Z][\w.'’-]*\s*(?:[|•·/,–—-]\s*)?$")

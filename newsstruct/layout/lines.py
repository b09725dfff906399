"""Lines: a text split into its non-blank lines with offsets, and list markers."""

from __future__ import annotations

import re
from itertools import pairwise

import attrs


@attrs.frozen(slots=True)
class Line:
    """One non-blank line: offsets of its first and last non-space characters (end exclusive),
    and whether a blank line (or the start of the text) comes before it."""

    start: int
    end: int
    text: str
    after_blank: bool


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with offsets, stripped of surrounding white space."""
    return [Line(*row) for row in _line_rows(text)]


#: A :class:`Line` as a plain tuple (start, end, text, after_blank), quicker to make.
_Row = tuple[int, int, str, bool]


def _line_rows(text: str) -> list[_Row]:
    """The lines of :func:`split_lines` as rows; a line of collapsed white space (see
    :func:`collapsed_line`) is cut into sentence groups."""
    rows: list[_Row] = []
    pos = 0
    blank_before = True
    # str.splitlines breaks at exactly the characters of _LINE_BREAK
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            if len(stripped) >= COLLAPSED_CHARS and collapsed_line(stripped):
                rows.extend(_sentence_groups(stripped, start))
            else:
                rows.append((start, start + len(stripped), stripped, blank_before))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    return rows


#: A line at least this long, holding at least ``COLLAPSED_SENTENCES`` sentences, is a text
#: whose line breaks were collapsed into spaces (an article's paragraphs are far shorter).
COLLAPSED_CHARS, COLLAPSED_SENTENCES = 2000, 12
#: A collapsed text's opening sentences, read one a line (the header is among them) ...
OPENING_SENTENCES = 6
#: ... and then sentence groups of at most this many sentences and characters.
GROUP_SENTENCES, GROUP_CHARS = 4, 600
#: A sentence end: a stop (and a closing quote) before a space and a capital or a quote.
_SENTENCE_GAP = re.compile(r"[.!?…][”\"’')]?(?=\s+[“\"‘'(]?[A-Z0-9])")
#: A stop that ends an abbreviation or an initial, not a sentence.
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|No|U\.S|vs|"
                          r"Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Prof|Rev|Col|"
                          r"Lt|Sgt))\.$")


def _sentence_ends(line: str) -> list[int]:
    """Offsets in ``line`` where a sentence ends (after its stop), an abbreviation's stop
    not counting."""
    out = []
    for m in _SENTENCE_GAP.finditer(line):
        if not _ABBREVIATED.search(line[max(0, m.start() - 6): m.start() + 1]):
            out.append(m.end())
    return out


def collapsed_line(line: str) -> bool:
    """Whether a (stripped) line is a whole text run together: at least ``COLLAPSED_CHARS``
    long with at least ``COLLAPSED_SENTENCES`` sentences."""
    return len(line) >= COLLAPSED_CHARS and len(_sentence_ends(line)) >= COLLAPSED_SENTENCES


def _sentence_groups(line: str, start: int) -> list[_Row]:
    """Rows for a collapsed line: its opening sentences one a row, then groups of sentences
    (a blank line counted before each group)."""
    cuts = [0, *_sentence_ends(line), len(line)]
    pieces = [(a, b) for a, b in pairwise(cuts) if line[a:b].strip()]
    rows: list[_Row] = []
    group: list[tuple[int, int]] = []

    def flush() -> None:
        if group:
            a, b = group[0][0], group[-1][1]
            lead = len(line[a:b]) - len(line[a:b].lstrip())
            text = line[a:b].strip()
            rows.append((start + a + lead, start + a + lead + len(text), text, True))
            group.clear()

    for k, piece in enumerate(pieces):
        if k < OPENING_SENTENCES:
            group.append(piece)
            flush()
            continue
        if group and (len(group) >= GROUP_SENTENCES
                      or piece[1] - group[0][0] > GROUP_CHARS):
            flush()
        group.append(piece)
    flush()
    return rows


_MARKER = re.compile(r"^(?:[*+•·▪►■◦‣o>-]|\d{1,2}[.)])\s+(?=\S)")


_MARKER_FIRST = frozenset("*+•·▪►■◦‣o>-0123456789")


def _strip_marker(line: str) -> str:
    if line[:1] not in _MARKER_FIRST:
        return line
    m = _MARKER.match(line)
    return line[m.end():] if m else line

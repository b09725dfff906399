"""Lines: a text split into its non-blank lines with offsets, and list markers."""

from __future__ import annotations

import re

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
    """The lines of :func:`split_lines` as rows."""
    rows: list[_Row] = []
    pos = 0
    blank_before = True
    # str.splitlines breaks at exactly the characters of _LINE_BREAK
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            rows.append((start, start + len(stripped), stripped, blank_before))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    return rows


_MARKER = re.compile(r"^(?:[*+•·▪►■◦‣o>-]|\d{1,2}[.)])\s+(?=\S)")


_MARKER_FIRST = frozenset("*+•·▪►■◦‣o>-0123456789")


def _strip_marker(line: str) -> str:
    if line[:1] not in _MARKER_FIRST:
        return line
    m = _MARKER.match(line)
    return line[m.end():] if m else line

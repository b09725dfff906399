"""Quotation marks: their classification as opening or closing, and the quoted stretches they
pair paragraph by paragraph (a quote running over several paragraphs kept as fragments)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsstruct.types import Span

_MARKS = re.compile("``|''|[\"“”„«»‹›‘’'‚]")
_FAMILY = {'"': "d", "“": "d", "”": "d", "„": "d", "``": "d", "''": "d", "«": "g", "»": "g",
           "‹": "a", "›": "a", "‘": "s", "’": "s", "'": "s", "‚": "s"}
_STRAIGHT = frozenset({'"', "'", "''", "``"})
_OPENERS = frozenset("“„«‹‘‚")
_CLOSERS = frozenset("”»›’")
_BEFORE_OPEN = frozenset(" \t\n\r\u00a0([{—–-/:")
_AFTER_CLOSE = frozenset(" \t\n\r\u00a0.,;:!?)]}—–-/…")
_SPACE = frozenset(" \t\n\r\u00a0")
_OPENING = re.compile("[\"“„«]|''|``")


@attrs.frozen(kw_only=True)
class QuoteMark:
    """A quotation mark: where it is, its family (d, s, g, a) and role (open, close, both)."""

    offset: int
    char: str
    family: str
    role: str

    @property
    def end(self) -> int:
        """Where the mark ends."""
        return self.offset + len(self.char)

    @property
    def straight(self) -> bool:
        """Whether the mark is a typewriter mark rather than a typographic one."""
        return self.char in _STRAIGHT


def _classify(text: str, i: int, ch: str) -> str | None:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(ch)] if i + len(ch) < len(text) else " "
    if ch == "``":
        return "open"
    if ch == "''":
        return "close" if not before.isspace() else "open"
    open_ctx = before in _BEFORE_OPEN or before in _FAMILY
    close_ctx = after in _AFTER_CLOSE or after in _FAMILY
    if _FAMILY[ch] == "s":
        if before.isalnum() and after.isalnum():
            return None  # don't, Clinton’s
        if ch in "’'" and not open_ctx and close_ctx:
            return "close"
        if ch in "‘'‚" and open_ctx and not close_ctx:
            return "open"
        return None
    if ch in _OPENERS:
        return "close" if (close_ctx and not open_ctx) else "open"
    if ch in _CLOSERS:
        return "open" if (open_ctx and not close_ctx) else "close"
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    return "both"


def find_marks(text: str, start: int = 0, end: int | None = None) -> tuple[QuoteMark, ...]:
    """Quotation marks in ``text[start:end]`` (apostrophes left out), with their roles."""
    out = []
    for m in _MARKS.finditer(text, start, len(text) if end is None else end):
        ch = m.group()
        role = _classify(text, m.start(), ch)
        if role is not None:
            out.append(QuoteMark(offset=m.start(), char=ch, family=_FAMILY[ch], role=role))
    return tuple(out)


def _has_closer(marks: Sequence[QuoteMark], k: int, family: str) -> bool:
    return any(m.family == family and m.role != "open" for m in marks[k + 1 :])


def _closers_left(marks: Sequence[QuoteMark], k: int, family: str) -> int:
    """Closing marks of ``family`` after ``marks[k]`` beyond the opening marks after it."""
    rest = [m for m in marks[k + 1 :] if m.family == family]
    return sum(m.role != "open" for m in rest) - sum(m.role == "open" for m in rest)


def quoted_spans(text: str, blocks: Sequence[Span]) -> list[tuple[Span, ...]]:
    """Quoted stretches of ``text`` in the consecutive ``blocks`` (paragraphs), each given as
    its fragments (one per paragraph it runs over), marks excluded."""
    out: list[tuple[Span, ...]] = []
    carried: tuple[QuoteMark, list[Span], int] | None = None  # opener, fragments, open start
    prev_end = 0
    for block in blocks:
        marks = find_marks(text, block.start, block.end)
        first = 0
        opener: QuoteMark | None = None
        begin = block.start
        frags: list[Span] = []
        if carried is not None:
            opener, frags, begin = carried
            frags.append(Span.of(text, begin, prev_end))
            lead = marks[0] if marks else None
            carried = None
            if (lead is not None and lead.offset == block.start and lead.family == opener.family
                    and lead.straight == opener.straight and lead.role != "close"):
                begin, first = lead.end, 1
            else:
                out.append(_trimmed(text, frags))
                opener, frags = None, []
        nested: list[bool] = []
        for k in range(first, len(marks)):
            mark = marks[k]
            if opener is None:
                if mark.role == "close" and not (
                    mark.offset == block.start and mark.family != "s"
                    and _has_closer(marks, k, mark.family)
                ):
                    continue  # a closing mark opening a paragraph opens it (a misprint)
                if mark.family == "s" and not _has_closer(marks, k, "s") and not (
                    mark.char == "‘" and mark.offset == block.start
                ):
                    continue
                opener, begin, frags, nested = mark, mark.end, [], []
                continue
            if mark.family != opener.family:
                continue  # a nested quote of another family
            if nested and mark.straight == nested[-1] and mark.role != "open":
                nested.pop()
                continue
            if mark.role == "open" and mark.straight != opener.straight:
                nested.append(mark.straight)
                continue
            if mark.role == "open" and _closers_left(marks, k, opener.family) >= 2:
                nested.append(mark.straight)  # “a “b” c”: a quote inside a quote
                continue
            if (mark.role == "open" and opener.family != "s"
                    and _has_closer(marks, k, opener.family)):
                # a new opening mark: the quote before it lost its closing mark
                frags.append(Span.of(text, begin, mark.offset))
                out.append(_trimmed(text, frags))
                opener, begin, frags, nested = mark, mark.end, [], []
                continue
            frags.append(Span.of(text, begin, mark.offset))
            out.append(_trimmed(text, frags))
            opener, frags = None, []
        if opener is not None and (opener.family != "s" or opener.char == "‘"):
            carried = (opener, frags, begin)
        prev_end = block.end
    if carried is not None:
        _, frags, begin = carried
        frags.append(Span.of(text, begin, prev_end))
        out.append(_trimmed(text, frags))
    return [q for q in out if q]


def _trimmed(text: str, frags: Sequence[Span]) -> tuple[Span, ...]:
    out = []
    for f in frags:
        s, e = f.start, f.end
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if e > s:
            out.append(Span.of(text, s, e))
    return tuple(out)

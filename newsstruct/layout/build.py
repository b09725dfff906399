"""Segment building: classified lines into :class:`~newsstruct.types.Segment` records."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsstruct.layout.boilerplate import _details
from newsstruct.layout.classify import _Kind
from newsstruct.layout.cues import dateline_length
from newsstruct.layout.lines import _Row, _strip_marker
from newsstruct.layout.titles import CARRIER
from newsstruct.types import BoilerplateKind, Segment, SegmentKind, Span


def _plain_record(cls: type, names: tuple[str, ...]) -> bool:
    """Whether ``cls`` is a slotted attrs class of exactly the fields ``names``, in order,
    none validated or converted and no hook run after ``__init__``: one whose records may
    be made by setting their slots directly, as its ``__init__`` would."""
    fields = attrs.fields(cls)
    return (tuple(f.name for f in fields) == names and "__slots__" in vars(cls)
            and all(f.validator is None and f.converter is None for f in fields)
            and not hasattr(cls, "__attrs_post_init__")
            and not hasattr(cls, "__attrs_pre_init__"))


# A page makes a segment and a span for each of its lines: they are made by setting their
# slots directly, which takes about half the time of the keyword-only ``__init__`` (the
# same records, equal and alike in every respect), when the classes are as that expects.
if _plain_record(Span, ("start", "end", "text")) and _plain_record(
        Segment, ("kind", "span", "boilerplate", "details")):
    _SPAN_SLOTS = tuple(vars(Span)[name].__set__ for name in ("start", "end", "text"))
    _SEGMENT_SLOTS = tuple(vars(Segment)[name].__set__
                           for name in ("kind", "span", "boilerplate", "details"))

    def _segment(kind: SegmentKind, start: int, end: int, text: str,
                 boilerplate: BoilerplateKind | None,
                 details: tuple[tuple[str, str], ...]) -> Segment:
        """``Segment(kind=kind, span=Span(start=start, end=end, text=text), ...)``."""
        span = Span.__new__(Span)
        set_start, set_end, set_text = _SPAN_SLOTS
        set_start(span, start)
        set_end(span, end)
        set_text(span, text)
        segment = Segment.__new__(Segment)
        set_kind, set_span, set_boilerplate, set_details = _SEGMENT_SLOTS
        set_kind(segment, kind)
        set_span(segment, span)
        set_boilerplate(segment, boilerplate)
        set_details(segment, details)
        return segment
else:
    def _segment(kind: SegmentKind, start: int, end: int, text: str,
                 boilerplate: BoilerplateKind | None,
                 details: tuple[tuple[str, str], ...]) -> Segment:
        """``Segment(kind=kind, span=Span(start=start, end=end, text=text), ...)``."""
        return Segment(kind=kind, span=Span(start=start, end=end, text=text),
                       boilerplate=boilerplate, details=details)


def _seg(text: str, kind: SegmentKind, start: int, end: int,
         boilerplate: BoilerplateKind | None = None) -> Segment:
    span = text[start:end]
    # only a copyright line has details (:func:`_details`)
    return _segment(kind, start, end, span, boilerplate,
                    _details(boilerplate, span) if boilerplate is BoilerplateKind.COPYRIGHT
                    else ())


#: A run of spaces between the cells of a table rendered onto one line.
_CELL_GAP = re.compile(r"[ \t\u00a0]{10,}")


def _build(text: str, lines: Sequence[_Row], kinds: Sequence[_Kind]) -> tuple[Segment, ...]:
    """Segments from classified lines: a paragraph hard-wrapped onto the next line (no blank
    line between, the first not ending a sentence, the next starting in lower case) is one
    segment; a dateline opening the first paragraph is cut off."""
    out: list[Segment] = []
    first_paragraph = True
    i, n = 0, len(lines)
    while i < n:
        kind, bp = kinds[i]
        start, end, line, _ = lines[i]
        if kind is SegmentKind.PARAGRAPH or kind is SegmentKind.STANDFIRST:
            # the segment so far ends with its last line's text
            while (
                i + 1 < n
                and kinds[i + 1][0] is kind
                and not lines[i + 1][3]
                and not line.endswith((".", "!", "?", ":", '"', "”"))
                and lines[i + 1][2][:1].islower()
            ):
                i += 1
                _, end, line, _ = lines[i]
        if kind is SegmentKind.TITLE and bp is not None:
            # the headline carried by a share line: the share label, then the title
            core = text[start:end]
            m = CARRIER.match(_strip_marker(core))
            if m is not None:
                cut = start + len(core) - len(_strip_marker(core)) + m.end()
                out.append(_seg(text, SegmentKind.BOILERPLATE,
                                start, start + len(text[start:cut].rstrip()), bp))
                start, bp = cut, None
        if kind is SegmentKind.TITLE:
            gap = _CELL_GAP.search(text, start, end)
            if gap is not None:
                # cells of a table rendered onto one line: the headline is the first
                out.append(_seg(text, kind, start, gap.start()))
                kind, bp, start = SegmentKind.BOILERPLATE, BoilerplateKind.OTHER, gap.end()
                while text[start].isspace():
                    start += 1
        if kind is SegmentKind.PARAGRAPH and first_paragraph:
            first_paragraph = False
            cut = dateline_length(text[start:end])
            if cut:
                d_end = start + len(text[start:start + cut].rstrip())
                out.append(_seg(text, SegmentKind.DATELINE, start, d_end))
                start = d_end
                while start < end and text[start].isspace():
                    start += 1
        # a segment of one whole line has that line's text (no need to cut it again)
        piece = line if start == lines[i][0] else text[start:end]
        out.append(_segment(kind, start, end, piece, bp, _details(bp, piece)
                            if bp is BoilerplateKind.COPYRIGHT else ()))
        i += 1
    return tuple(out)

"""Showing an article: plain-text summaries, flat records for tables, and HTML for Jupyter.

The HTML is plain markup with one scoped ``<style>`` block (no JavaScript): the article text with
its segments shaded by kind, entity mentions coloured by type, quotes with their speaker, time
expressions with their values and deadlines with their due values, under a header card. Every
piece of the article's text is escaped.
"""

from __future__ import annotations

import html
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Union, overload

import attrs

from newsstruct.types import EntityType, Mention, Role, SegmentKind, Span, _hints, to_data

if TYPE_CHECKING:
    from newsstruct.types import Article, Deadline, Entity, Quote, Segment, TimeExpression

__all__ = [
    "ENTITY_COLOURS",
    "RECORD_KINDS",
    "RecordTable",
    "article_html",
    "dataframe",
    "records",
    "summary",
    "table",
]

RECORD_KINDS = ("entities", "quotes", "times", "deadlines", "segments")

#: Background and accent colour of each entity type in the HTML display.
ENTITY_COLOURS: dict[EntityType, tuple[str, str]] = {
    EntityType.PERSON: ("#ffe1e8", "#c2185b"),
    EntityType.ORG: ("#dbe8ff", "#1d4ed8"),
    EntityType.GPE: ("#d9f7e0", "#15803d"),
    EntityType.LOC: ("#d5f5f0", "#0f766e"),
    EntityType.NORP: ("#fff0c9", "#a16207"),
    EntityType.FAC: ("#ece4ff", "#6d28d9"),
    EntityType.EVENT: ("#ffe6d1", "#c2410c"),
    EntityType.PRODUCT: ("#e8edf3", "#475569"),
    EntityType.WORK_OF_ART: ("#fbe3ff", "#a21caf"),
    EntityType.LAW: ("#eaf7cf", "#4d7c0f"),
    EntityType.LANGUAGE: ("#e2e5ff", "#4338ca"),
    EntityType.MISC: ("#eeeeec", "#57534e"),
}

def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(article: Article) -> str:
    """A readable plain-text summary of what was found."""
    out: list[str] = []
    out.append(f"Title:      {article.title.text if article.title else '-'}")
    if article.standfirst:
        out.append(f"Standfirst: {_short(article.standfirst.text)}")
    names = ", ".join(a.name for a in article.authors) or "-"
    out.append(f"Authors:    {names}")
    pub = article.published
    if pub is not None:
        how = " (relative, approximate)" if pub.approximate else (" (relative)" if pub.relative
                                                                   else "")
        shown = pub.value.date().isoformat() if pub.granularity.value == "day" else (
            pub.value.isoformat()
        )
        out.append(f"Published:  {shown}  from {pub.span.text!r}{how}")
    else:
        out.append("Published:  -")
    out.append(f"Reference:  {article.reference_date.date().isoformat()}")
    out.append(f"Paragraphs: {len(article.paragraphs)}")
    if article.headings:
        out.append("Headings:")
        out.extend(f"  - {h.text}" for h in article.headings)
    if article.boilerplate:
        out.append("Boilerplate:")
        for seg in article.boilerplate:
            kind = seg.boilerplate.value if seg.boilerplate else "other"
            extra = ", ".join(f"{k}={v}" for k, v in seg.details)
            out.append(f"  - [{kind}] {_short(seg.text, 70)}" + (f"  ({extra})" if extra else ""))
    if article.entities:
        out.append("Entities:")
        for ent in article.entities[:15]:
            roles = "; ".join(r.text for r in ent.roles)
            out.append(f"  - {ent.name} [{ent.type.value}] x{ent.mention_count}"
                       + (f"  roles: {roles}" if roles else ""))
    if article.quotes:
        out.append("Quotes:")
        for q in article.quotes:
            who = q.speaker_name or (q.speaker.text if q.speaker else "?")
            cue = f" ({q.cue.text})" if q.cue else ""
            out.append(f"  - [{q.kind.value}] {who}{cue}: {_short(q.content.text, 80)!r}")
    if article.times:
        out.append("Times:")
        for t in article.times:
            mod = f" {t.mod.value}" if t.mod else ""
            out.append(f"  - {t.span.text!r} {t.type.value} {t.value or '-'}{mod}")
    if article.deadlines:
        out.append("Deadlines:")
        for d in article.deadlines:
            parts = [f"due {d.due_value or '-'} ({d.bound.value} {d.due.text if d.due else '-'})"]
            for label, slot in (("set by", d.set_by), ("party", d.party),
                                ("demand", d.demand), ("else", d.consequence)):
                if slot is not None:
                    parts.append(f"{label}: {slot.name or slot.span.text}")
            parts.append(f"status: {d.status.value}")
            out.append("  - " + "; ".join(parts))
    if article.warnings:
        out.append("Warnings:")
        out.extend(f"  - {w.code.value}: {w.message}" for w in article.warnings)
    return "\n".join(out)


def _span_cells(name: str, span: Span | None, taken: frozenset[str] = frozenset()
                ) -> dict[str, Any]:
    # a deadline's "due" span would clash with its due_start/due_end times: due_span_start
    pre = f"{name}_span" if {f"{name}_start", f"{name}_end"} & taken else name
    if span is None:
        return {f"{pre}_start": None, f"{pre}_end": None, f"{name}_text": None}
    return {f"{pre}_start": span.start, f"{pre}_end": span.end, f"{name}_text": span.text}


def _spans_cell(spans: Sequence[Any]) -> str:
    return "; ".join(f"{s.start}-{s.end}" for s in spans)


def _cells(name: str, tp: Any, value: Any, taken: frozenset[str]) -> dict[str, Any]:
    """The flat cells of one field: a span as start, end and text; a slot as its span and
    its other fields; a tuple of spans or roles as their texts joined with "; " (and their
    offsets as "start-end; ..."); mentions as their count and the first one's offset;
    other tuples joined with "; "; anything else as its JSON value."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    base = args[0] if typing.get_origin(tp) in (Union, types.UnionType) and args else tp
    if base is Span:
        return _span_cells(name, value, taken)
    if isinstance(base, type) and attrs.has(base) and "span" in attrs.fields_dict(base):
        cells = _span_cells(name, None if value is None else value.span)
        for sub in attrs.fields(base):
            if sub.name != "span":
                cells[f"{name}_{sub.name}"] = None if value is None else to_data(
                    getattr(value, sub.name))
        return cells
    if typing.get_origin(base) is tuple:
        item = typing.get_args(base)[0]
        if item is Mention:
            return {"mention_count": len(value),
                    "first_mention": min((m.span.start for m in value), default=None)}
        if item is Span or item is Role:
            texts = "; ".join(v.text for v in value)
            spans = _spans_cell([v if item is Span else v.span for v in value])
            return ({name: texts, f"{name}_spans": spans} if item is Role
                    else {f"{name}_text": texts, f"{name}_spans": spans})
        if typing.get_origin(item) is tuple:  # segment details: ("year", "2024"), ...
            return {name: "; ".join(f"{k}={v}" for k, v in value)}
        return {name: "; ".join(str(to_data(v)) for v in value)}
    return {name: to_data(value)}


def _row(rec: Any) -> dict[str, Any]:
    hints = _hints(type(rec))
    taken = frozenset(attrs.fields_dict(type(rec)))
    row: dict[str, Any] = {}
    for f in attrs.fields(type(rec)):
        row.update(_cells(f.name, hints[f.name], getattr(rec, f.name), taken))
    return row


def records(article: Article, kind: str) -> list[dict[str, Any]]:
    """One flat dict a record of ``kind``: one of :data:`RECORD_KINDS`, or ``"mentions"``
    (every mention of every entity, with its entity's ``entity_id`` and ``entity_name``).

    The columns are the same for every row of a kind and every field is reachable: a span
    gives ``<field>_start``, ``_end`` and ``_text`` (``due_span_start`` and ``due_span_end``
    for a deadline's ``due``, whose ``due_start`` and ``due_end`` are times); a deadline's
    slot also its ``entity`` and ``name``; an entity's ``roles`` are their texts joined with
    "; " (offsets in ``roles_spans``) and its mentions give ``mention_count`` and
    ``first_mention`` (the offset of the first one; the ``"mentions"`` kind has them all); a
    quote's ``fragments`` give ``fragments_text`` and ``fragments_spans``."""
    if kind == "mentions":
        return [{"entity_id": e.id, "entity_name": e.name, **_row(m)}
                for e in article.entities for m in e.mentions]
    if kind not in RECORD_KINDS:
        from newsstruct.errors import InvalidArgumentError

        raise InvalidArgumentError(
            f"kind must be one of {', '.join(RECORD_KINDS)} or mentions: {kind!r}")
    return [_row(rec) for rec in getattr(article, kind)]


def dataframe(article: Article, kind: str) -> Any:
    """:func:`records` as a pandas DataFrame (pandas is imported only here)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from newsstruct.errors import InvalidArgumentError

        raise InvalidArgumentError("to_dataframe needs pandas: pip install 'newsstruct[pandas]'") \
            from exc
    return pd.DataFrame(records(article, kind))


# --------------------------------------------------------------------------- HTML


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


_CSS = """
.ns-article{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;
  line-height:1.9;color:#1f2328;max-width:980px}
.ns-card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:0 0 10px;
  background:#f6f8fa;line-height:1.5}
.ns-card h3{margin:0 0 4px;font-size:17px}
.ns-card .ns-meta{color:#57606a;font-size:13px}
.ns-counts{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.ns-count{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:0 8px;font-size:12px}
.ns-legend{display:flex;flex-wrap:wrap;gap:4px 10px;font-size:11px;margin:0 0 8px;
  line-height:1.6}
.ns-seg{display:flex;gap:10px;margin:3px 0;padding:4px 8px;border-radius:4px;
  border-left:4px solid #d0d7de}
.ns-kind{flex:0 0 112px;font-size:10px;text-transform:uppercase;letter-spacing:.04em;
  color:#57606a;padding-top:4px;line-height:1.3;overflow-wrap:anywhere}
.ns-text{flex:1;white-space:pre-wrap;overflow-wrap:anywhere}
.ns-k-title{background:#eef4ff;border-left-color:#1d4ed8}
.ns-k-title .ns-text{font-size:20px;font-weight:700;line-height:1.6}
.ns-k-standfirst{background:#f3f6fa;border-left-color:#64748b}
.ns-k-standfirst .ns-text{font-style:italic}
.ns-k-dateline,.ns-k-byline{background:#fdf8e4;border-left-color:#ca8a04}
.ns-k-heading{background:#f1efff;border-left-color:#6d28d9}
.ns-k-heading .ns-text{font-weight:700;font-size:15.5px}
.ns-k-paragraph{background:#fff;border-left-color:#d0d7de}
.ns-k-caption{background:#effaf7;border-left-color:#0f766e;font-size:13px}
.ns-k-boilerplate{background:repeating-linear-gradient(135deg,#f6f6f6 0 6px,#ededed 6px 12px);
  border-left-color:#b0b0b0;border-left-style:dashed}
.ns-k-boilerplate .ns-text{color:#8c8c8c;font-size:12.5px}
.ns-k-boilerplate .ns-kind{color:#9a9a9a}
.ns-m{padding:1px 3px;border-radius:3px;border-bottom:2px solid}
.ns-lab{display:inline-block;font-size:9.5px;font-weight:600;line-height:1.3;color:#fff;
  border-radius:3px;padding:0 4px;margin-left:3px;vertical-align:1px;font-style:normal;
  text-transform:none;letter-spacing:0;white-space:nowrap}
.ns-q{background:#fff6d6;border-bottom:2px solid #e09b00;padding:1px 0}
.ns-q .ns-lab.ns-ql,.ns-sw.ns-ql{background:#b7791f}
.ns-qf{font-weight:600;background:#ffe8a3}
.ns-spk{text-decoration:underline 2px #b7791f;text-underline-offset:3px}
.ns-cue{text-decoration:underline dotted 2px #b7791f;text-underline-offset:3px}
.ns-t{background:#e3f7fb;border:1.5px dashed #0e7490;border-radius:3px;padding:0 2px}
.ns-t .ns-lab,.ns-sw.ns-tl{background:#0e7490}
.ns-dl{background:#ffe3e3;border:2px solid #c92a2a;border-radius:3px;padding:0 2px}
.ns-dl .ns-lab,.ns-sw.ns-dll{background:#c92a2a}
.ns-due{outline:2px solid #c92a2a;outline-offset:1px;border-radius:3px}
.ns-au{background:#fff4d6;border-bottom:2px solid #9a6700;padding:1px 2px;border-radius:3px}
.ns-sw{display:inline-block;color:#fff;border-radius:3px;padding:0 5px}
.ns-table{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:13px}
.ns-table th,.ns-table td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;
  vertical-align:top}
.ns-table th{background:#f6f8fa}
.ns-table caption{text-align:left;font-weight:600;padding:4px 0}
"""


@attrs.frozen
class _Mark:
    start: int
    end: int
    rank: int  # outer layers first when two marks start together
    open: str
    close: Callable[[bool], str]  # the argument says whether the mark ends here (not clipped)


def _label(text: str, css: str = "", colour: str | None = None) -> str:
    style = f' style="background:{colour}"' if colour else ""
    cls = f"ns-lab {css}".strip()
    return f'<span class="{cls}"{style}>{_e(text)}</span>'


def _closer(label: str) -> Callable[[bool], str]:
    def close(whole: bool) -> str:
        return (label if whole else "") + "</span>"

    return close


def _entity_marks(entities: Sequence[Entity]) -> Iterator[_Mark]:
    for ent in entities:
        bg, accent = ENTITY_COLOURS.get(ent.type, ENTITY_COLOURS[EntityType.MISC])
        for m in ent.mentions:
            tag = ent.type.value if m.kind.value == "name" else f"{ent.type.value} → {ent.name}"
            yield _Mark(
                m.span.start, m.span.end, 5,
                f'<span class="ns-m ns-e-{_e(ent.type.value)}" '
                f'style="background:{bg};border-color:{accent}" '
                f'title="{_e(ent.name)} · {_e(ent.type.value)} · {_e(ent.id)}">',
                _closer(_label(tag, colour=accent)),
            )


def _quote_marks(quotes: Sequence[Quote]) -> Iterator[_Mark]:
    for q in quotes:
        who = q.speaker_name or (q.speaker.text if q.speaker else "unattributed")
        cue = f" ({q.cue.text})" if q.cue else ""
        yield _Mark(
            q.content.start, q.content.end, 1,
            f'<span class="ns-q" title="{_e(q.kind.value)} quote: {_e(who)}">',
            _closer(_label(f"“ {q.kind.value} — {who}{cue}", "ns-ql")),
        )
        if q.kind.value == "partial":
            for frag in q.fragments:
                if frag != q.content:
                    yield _Mark(frag.start, frag.end, 1, '<span class="ns-qf">', _closer(""))
        if q.speaker is not None and not q.content.overlaps(q.speaker):
            yield _Mark(q.speaker.start, q.speaker.end, 3,
                        '<span class="ns-spk" title="speaker">', _closer(""))
        if q.cue is not None and not q.content.overlaps(q.cue):
            yield _Mark(q.cue.start, q.cue.end, 4,
                        '<span class="ns-cue" title="cue">', _closer(""))


def _time_marks(times: Sequence[TimeExpression]) -> Iterator[_Mark]:
    for t in times:
        value = t.value or t.type.value
        mod = f" {t.mod.value}" if t.mod else ""
        yield _Mark(
            t.span.start, t.span.end, 6,
            f'<span class="ns-t" title="{_e(t.type.value)} {_e(value)}{_e(mod)}">',
            _closer(_label(f"{t.type.value} {value}{mod}")),
        )


def _deadline_marks(deadlines: Sequence[Deadline]) -> Iterator[_Mark]:
    for d in deadlines:
        due = d.due_value or (d.due.text if d.due else "?")
        if d.trigger is not None:
            yield _Mark(
                d.trigger.start, d.trigger.end, 2,
                f'<span class="ns-dl" title="deadline, {_e(d.status.value)}">',
                _closer(_label(f"DEADLINE {d.bound.value} {due} · {d.status.value}")),
            )
        if d.due is not None:
            yield _Mark(
                d.due.start, d.due.end, 2,
                '<span class="ns-due" title="deadline due">',
                _closer(_label(f"due {due}", colour="#c92a2a")),
            )


def _byline_marks(article: Article) -> Iterator[_Mark]:
    for author in article.authors:
        yield _Mark(author.span.start, author.span.end, 5, '<span class="ns-au">',
                    _closer(_label("author", colour="#9a6700")))
    for label, pub in (("published", article.published),
                       ("updated", article.byline.updated if article.byline else None)):
        if pub is not None:
            yield _Mark(pub.span.start, pub.span.end, 5, '<span class="ns-t">',
                        _closer(_label(f"{label} {pub.value.date().isoformat()}")))


def _render_range(text: str, start: int, end: int, marks: Sequence[_Mark]) -> str:
    """``text[start:end]`` with the marks inside it nested (a mark crossing its parent's end is
    cut there and loses its label)."""
    out: list[str] = []
    pos = start
    stack: list[tuple[int, _Mark, bool]] = []  # (end, mark, whole)
    for mark in marks:
        m_start, m_end = max(mark.start, start), min(mark.end, end)
        if m_start >= m_end:
            continue
        while stack and stack[-1][0] <= m_start:
            s_end, s_mark, whole = stack.pop()
            out.append(_e(text[pos:s_end]))
            out.append(s_mark.close(whole))
            pos = s_end
        whole = m_end == mark.end
        if stack and m_end > stack[-1][0]:
            m_end, whole = stack[-1][0], False
            if m_start >= m_end:
                continue
        out.append(_e(text[pos:m_start]))
        out.append(mark.open)
        pos = m_start
        stack.append((m_end, mark, whole))
    while stack:
        s_end, s_mark, whole = stack.pop()
        out.append(_e(text[pos:s_end]))
        out.append(s_mark.close(whole))
        pos = s_end
    out.append(_e(text[pos:end]))
    return "".join(out)


def _segment_label(seg: Segment) -> str:
    if seg.boilerplate is not None:
        return f"boilerplate · {seg.boilerplate.value}"
    return seg.kind.value


def _card(article: Article) -> str:
    title = article.title.text if article.title else "(no title found)"
    authors = ", ".join(a.name for a in article.authors) or "–"
    pub = article.published
    if pub is None:
        published = "–"
    else:
        shown = pub.value.date().isoformat() if pub.granularity.value == "day" else (
            pub.value.isoformat(sep=" ")
        )
        how = " relative" if pub.relative else ""
        how += " approximate" if pub.approximate else ""
        published = f"{shown} (from “{pub.span.text}”{how})"
    counts = [
        (len(article.paragraphs), "paragraph", "paragraphs"),
        (len(article.headings), "heading", "headings"),
        (len(article.boilerplate), "boilerplate segment", "boilerplate segments"),
        (len(article.entities), "entity", "entities"),
        (len(article.quotes), "quote", "quotes"),
        (len(article.times), "time expression", "time expressions"),
        (len(article.deadlines), "deadline", "deadlines"),
    ]
    meta = [f"<b>By</b> {_e(authors)}", f"<b>Published</b> {_e(published)}",
            f"<b>Reference date</b> {_e(article.reference_date.date().isoformat())}"]
    if article.id:
        meta.insert(0, f"<b>id</b> {_e(article.id)}")
    if article.model:
        meta.append(f"<b>model</b> {_e(article.model)}")
    warn = "".join(
        f'<div class="ns-meta">⚠ {_e(w.code.value)}: {_e(w.message)}</div>'
        for w in article.warnings
    )
    return (
        f'<div class="ns-card"><h3>{_e(title)}</h3>'
        f'<div class="ns-meta">{" · ".join(meta)}</div>{warn}'
        '<div class="ns-counts">'
        + "".join(f'<span class="ns-count">{n} {_e(one if n == 1 else many)}</span>'
                  for n, one, many in counts)
        + "</div></div>"
    )


def _legend(article: Article) -> str:
    types = sorted({e.type for e in article.entities}, key=lambda t: t.value)
    items = []
    for t in types:
        _, accent = ENTITY_COLOURS.get(t, ENTITY_COLOURS[EntityType.MISC])
        items.append(f'<span class="ns-sw" style="background:{accent}">{_e(t.value)}</span>')
    items.append('<span class="ns-sw ns-ql">“ quote — speaker (cue)</span>')
    items.append('<span class="ns-spk">speaker</span>')
    items.append('<span class="ns-cue">cue</span>')
    items.append('<span class="ns-q"><span class="ns-qf">quoted words</span> of a partial '
                 "quote</span>")
    items.append('<span class="ns-sw ns-tl">time value</span>')
    items.append('<span class="ns-sw ns-dll">deadline</span>')
    return '<div class="ns-legend">' + "".join(items) + "</div>"


def article_html(article: Article) -> str:
    """HTML for Jupyter: a header card, a legend, and every segment of the text in order with
    its kind, the entities, quotes, time expressions and deadlines marked inside it."""
    marks = [
        *_entity_marks(article.entities),
        *_quote_marks(article.quotes),
        *_time_marks(article.times),
        *_deadline_marks(article.deadlines),
        *_byline_marks(article),
    ]
    marks.sort(key=lambda m: (m.start, -m.end, m.rank))
    text = article.text
    parts = [f'<div class="ns-article"><style>{_CSS}</style>', _card(article), _legend(article)]
    i = 0
    for seg in sorted(article.segments, key=lambda s: s.span.start):
        lo, hi = seg.span.start, seg.span.end
        while i < len(marks) and marks[i].end <= lo:
            i += 1
        inside = []
        j = i
        while j < len(marks) and marks[j].start < hi:
            if marks[j].end > lo:
                inside.append(marks[j])
            j += 1
        kind = SegmentKind(seg.kind).value
        parts.append(
            f'<div class="ns-seg ns-k-{_e(kind)}"><div class="ns-kind">'
            f"{_e(_segment_label(seg))}</div>"
            f'<div class="ns-text">{_render_range(text, lo, hi, inside)}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


# --------------------------------------------------------------------------- tables


def _span_text(span: Any) -> str:
    return "" if span is None else str(span.text)


def _slot(slot: Any) -> str:
    return "" if slot is None else str(slot.name or slot.span.text)


def _entity_row(e: Entity) -> tuple[str, ...]:
    return (e.name, e.type.value, str(e.mention_count), "; ".join(r.text for r in e.roles),
            e.id)


def _quote_row(q: Quote) -> tuple[str, ...]:
    return (q.kind.value, q.speaker_name or _span_text(q.speaker), _span_text(q.cue),
            q.content.text)


def _time_row(t: TimeExpression) -> tuple[str, ...]:
    return (t.span.text, t.type.value, t.value or "", t.mod.value if t.mod else "",
            t.anchor or "")


def _deadline_row(d: Deadline) -> tuple[str, ...]:
    return (_span_text(d.trigger), _span_text(d.due), d.due_value or "", d.bound.value,
            _slot(d.set_by), _slot(d.party), _slot(d.demand), _slot(d.consequence),
            d.status.value)


def _segment_row(s: Segment) -> tuple[str, ...]:
    return (s.kind.value, s.boilerplate.value if s.boilerplate else "", str(s.span.start),
            str(s.span.end), s.span.text)


_COLUMNS: dict[str, tuple[tuple[str, ...], Callable[[Any], tuple[str, ...]]]] = {
    "entities": (("name", "type", "mentions", "roles", "id"), _entity_row),
    "quotes": (("kind", "speaker", "cue", "content"), _quote_row),
    "times": (("text", "type", "value", "mod", "anchor"), _time_row),
    "deadlines": (("trigger", "due", "due value", "bound", "set by", "party", "demand",
                   "consequence", "status"), _deadline_row),
    "segments": (("kind", "boilerplate", "start", "end", "text"), _segment_row),
}


@attrs.frozen
class RecordTable(Sequence[Any]):
    """A sequence of one kind of record (entities, quotes, ...) that Jupyter shows as a table.

    Indexing and iteration give the records themselves; :attr:`columns` and :attr:`rows` give
    the cells as text.
    """

    kind: str
    items: tuple[Any, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        """The column headers."""
        return _COLUMNS[self.kind][0]

    @property
    def rows(self) -> list[tuple[str, ...]]:
        """One tuple of cell texts a record."""
        row = _COLUMNS[self.kind][1]
        return [row(item) for item in self.items]

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Any, ...]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{_e(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_e(_short(cell, 300))}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        return (f'<table class="ns-table"><caption>{len(self)} {_e(self.kind)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def table(article: Article, kind: str) -> RecordTable:
    """The article's records of ``kind`` (one of :data:`RECORD_KINDS`) as a :class:`RecordTable`.
    """
    if kind not in RECORD_KINDS:
        from newsstruct.errors import InvalidArgumentError

        raise InvalidArgumentError(f"kind must be one of {', '.join(RECORD_KINDS)}: {kind!r}")
    return RecordTable(kind, tuple(getattr(article, kind)))

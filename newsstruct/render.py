"""Showing an article: plain-text summaries, flat records for tables, and HTML for Jupyter."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from newsstruct.types import to_data

if TYPE_CHECKING:
    from newsstruct.types import Article

__all__ = ["RECORD_KINDS", "article_html", "dataframe", "records", "summary"]

RECORD_KINDS = ("entities", "quotes", "times", "deadlines", "segments")


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


def records(article: Article, kind: str) -> list[dict[str, Any]]:
    """One flat dict a record of ``kind`` (one of :data:`RECORD_KINDS`)."""
    if kind not in RECORD_KINDS:
        from newsstruct.errors import InvalidArgumentError

        raise InvalidArgumentError(f"kind must be one of {', '.join(RECORD_KINDS)}: {kind!r}")
    rows: list[dict[str, Any]] = []
    for rec in getattr(article, kind):
        data = to_data(rec)
        flat: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, dict) and {"start", "end", "text"} <= value.keys():
                flat[f"{key}_start"], flat[f"{key}_end"] = value["start"], value["end"]
                flat[f"{key}_text"] = value["text"]
            elif isinstance(value, dict) and "span" in value:
                flat[f"{key}_text"] = value["span"]["text"]
                flat.update({f"{key}_{k}": v for k, v in value.items() if k != "span"})
            elif isinstance(value, list):
                flat[key] = len(value) if value and isinstance(value[0], dict) else value
            else:
                flat[key] = value
        rows.append(flat)
    return rows


def dataframe(article: Article, kind: str) -> Any:
    """:func:`records` as a pandas DataFrame (pandas is imported only here)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from newsstruct.errors import InvalidArgumentError

        raise InvalidArgumentError("to_dataframe needs pandas: pip install 'newsstruct[pandas]'") \
            from exc
    return pd.DataFrame(records(article, kind))


def article_html(article: Article) -> str:
    """HTML for Jupyter: a header card and the text with its segments labelled."""
    parts = ['<div class="newsstruct">']
    parts.append("<pre>" + html.escape(summary(article)) + "</pre>")
    parts.append("</div>")
    return "".join(parts)

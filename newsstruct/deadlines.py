"""Deadlines: who must do what by when, built on the time stage."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.entities import entity_at
from newsstruct.types import (
    Bound,
    Deadline,
    DeadlineStatus,
    Entity,
    Segment,
    Slot,
    Span,
    TimeExpression,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_deadlines"]

_TRIGGER = re.compile(r"\b(?:deadline|ultimatum)s?\b", re.IGNORECASE)


def extract_deadlines(
    doc: Doc,
    text: str,
    segments: Sequence[Segment],
    times: Sequence[TimeExpression],
    entities: Sequence[Entity],
    reference: dt.datetime,
) -> tuple[Deadline, ...]:
    """Deadline frames: a trigger word with a time expression in the same sentence."""
    out: list[Deadline] = []
    for m in _TRIGGER.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        sent_times = [t for t in times if sent.start_char <= t.span.start < sent.end_char]
        if not sent_times:
            continue
        due = sent_times[0]
        set_by: Slot | None = None
        by = re.search(r"\bset by\s+(\w+)", text[m.end(): sent.end_char])
        if by:
            s = m.end() + by.start(1)
            ent = entity_at(entities, s, s + len(by.group(1)))
            set_by = Slot(span=Span.of(text, s, s + len(by.group(1))),
                          entity=ent.id if ent else None, name=ent.name if ent else None)
        out.append(Deadline(
            trigger=Span.of(text, m.start(), m.end()), due=due.span, due_value=due.value,
            bound=Bound.BY, due_time=due.id, set_by=set_by, status=DeadlineStatus.UNKNOWN,
            confidence=0.3,
        ))
    return tuple(out)

"""Entities: mentions from the body's NER grouped into canonical entities with roles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.types import (
    Byline,
    Entity,
    EntityType,
    Mention,
    MentionKind,
    Segment,
    SegmentKind,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["entity_at", "extract_entities"]

_KEEP = {t.value for t in EntityType}
_BODY_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION})


def _strip_possessive(text: str, end: int) -> tuple[str, int]:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)], end - len(suffix)
    return text, end


def extract_entities(
    doc: Doc, text: str, segments: Sequence[Segment], byline: Byline | None
) -> tuple[Entity, ...]:
    """Canonical entities from the NER of body segments (title and headings excluded)."""
    body = [s.span for s in segments if s.kind in _BODY_KINDS]
    author_names = {a.name.lower() for a in byline.authors} if byline else set()
    raw: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ not in _KEEP:
            continue
        start, end = ent.start_char, ent.end_char
        if not any(b.start <= start and end <= b.end for b in body):
            continue
        name, end = _strip_possessive(text[start:end], end)
        if name.lower() in author_names:
            continue
        raw.append((Span.of(text, start, end), ent.label_))
    groups: dict[str, list[tuple[Span, str]]] = defaultdict(list)
    full_names: dict[str, str] = {}
    for span, label in raw:
        words = span.text.split()
        if label == "PERSON" and len(words) >= 2:
            full_names.setdefault(words[-1], span.text)
    for span, label in raw:
        key = span.text
        if span.text in full_names:
            key = full_names[span.text]
        groups[key].append((span, label))
    entities: list[Entity] = []
    for key, members in groups.items():
        votes: Counter[str] = Counter()
        for span, label in members:
            votes[label] += 2 if label == "PERSON" and len(span.text.split()) >= 2 else 1
        label = votes.most_common(1)[0][0]
        mentions = tuple(
            Mention(span=span, kind=MentionKind.NAME, label=lab)
            for span, lab in sorted(members, key=lambda m: m[0].start)
        )
        entities.append(
            Entity(id="", name=key, type=EntityType(label), mentions=mentions,
                   aliases=tuple(sorted({m.span.text for m in mentions} - {key})))
        )
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].span.start))
    return tuple(
        Entity(id=f"E{i}", name=e.name, type=e.type, mentions=e.mentions, aliases=e.aliases,
               salience=len(e.mentions) / max(1, len(raw)))
        for i, e in enumerate(entities, 1)
    )


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps ``[start, end)`` most."""
    best: tuple[int, Entity] | None = None
    for ent in entities:
        for m in ent.mentions:
            overlap = min(end, m.span.end) - max(start, m.span.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
    return best[1] if best else None

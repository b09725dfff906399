"""Entities: mentions from the body's NER grouped into canonical entities with roles.

The stage reads the one spaCy ``Doc`` of the article and reasons over the whole article:

* **Mentions.** Named-entity spans of body segments, cleaned (leading articles, possessives,
  trailing scores and titles stripped, a title kept as a role), plus mentions found by rule:
  a dateline's place, initial-and-surname names ("P. Simmons"), names ending in an
  organisation word ("Jeans Mate Corp") and the competitors of results and standings lines.
* **Linking** (:mod:`newsstruct.entities.linking`), one step after NER. Mentions with the
  same name, name parts of one longer name, an acronym and its expansion, a place written short
  and written out form one entity; a bare surname goes, mention by mention, to the most salient
  full name reachable at that point, so that namesakes stay apart. The type is a weighted vote
  over the mentions and general lexicons (capitals, organisations, parties). Demonyms stay NORP
  and point to their place. Photo credits hold no entity.
* **Headlines.** Titles, headings and ALL-CAPS lines are not read with the model's labels; the
  body's entities are found in them by name (case-insensitively in ALL-CAPS lines), and every
  further occurrence of an entity's name in the body becomes a mention too.
* **Roles** (:mod:`newsstruct.entities.roles`). Stripped titles ("President"), pre-modifiers
  ("Austrian analyst") and appositives ("Kirill Dmitriev, Russia's investment envoy") whose
  head is a title, occupation or relation: at most 8 words, no clause, honorific or page label.
* **Pronouns and nominals.** "he"/"she"/"his"/"her" go to the nearest earlier compatible
  person, preferring subjects; "the president" goes to the latest entity with that role.
* **Salience** from mention count, first position and presence in the title.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.types import (
    Byline,
    Entity,
    EntityType,
    Mention,
    MentionKind,
    Role,
    Segment,
    SegmentKind,
    Span,
    SpanIndex,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

from newsstruct.entities._common import (
    _BODY,
    _DATELINE,
    _SKIP,
    _Cand,
    _Cluster,
    _pairs,
    first_name_gender,
)
from newsstruct.entities.coref import (
    _gender,
    _resolve_nominals,
    _resolve_pronouns,
)
from newsstruct.entities.linking import link_mentions
from newsstruct.entities.mentions import (
    _is_subject,
    _ner_cands,
    _org_suffix_cands,
    _regions,
    _resolve_overlaps,
    _rule_cands,
    _sports_report,
)
from newsstruct.entities.patterns import _org_name_cands, _wire_cands, credit_spans, outside
from newsstruct.entities.roles import (
    _roles,
)

__all__ = ["EntityIndex", "entity_at", "extract_entities", "first_name_gender"]


# --------------------------------------------------------------------------- the stage


def _sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start (the whole text is one sentence when the pipeline
    set no boundaries)."""
    try:
        return [s.start for s in doc.sents] or [0]
    except ValueError:
        return [0]


def extract_entities(
    doc: Doc, text: str, segments: Sequence[Segment], byline: Byline | None
) -> tuple[Entity, ...]:
    """Canonical entities of the article, in three steps: mentions (NER and rules), entity
    linking (:func:`newsstruct.entities.linking.link_mentions`: clusters, canonical names, types
    by vote, further mentions by name), then roles, pronouns, nominals and salience."""
    if not segments or not len(doc):
        return ()
    starts, codes, segs = _regions(text, segments)
    datelines = [s.span for s, code in zip(segs, codes, strict=True) if code == _DATELINE]
    authors = frozenset(
        a.name.casefold() for a in (byline.authors if byline else ())
        if len(a.name.split()) >= 2 and not any(d.overlaps(a.span) for d in datelines))
    credits = credit_spans(segs)
    cands = _mentions(doc, text, segs, starts, codes, authors, credits)
    if not cands:
        return ()
    sent_toks = _sentence_starts(doc)
    sent_starts = [doc[i].idx for i in sent_toks]
    for c in cands:
        c.sent = bisect.bisect_right(sent_starts, c.start) - 1
    lede_end = next((s.span.end for s, code in zip(segs, codes, strict=True) if code == _BODY), 0)
    clusters = link_mentions(doc, text, cands, segs, codes, authors, lede_end, credits)
    for cl in clusters:
        for c in cl.cands:
            if c.sent < 0:
                c.sent = bisect.bisect_right(sent_starts, c.start) - 1
            if cl.type == "PERSON" and c.region == _BODY:
                span = doc.char_span(c.start, c.end, alignment_mode="expand")
                if span is not None:
                    c.subject = _is_subject(doc, span.start, span.end)
                    c.oblique = span.root.dep_ == "pobj"
        _roles(doc, text, cl, sent_toks)
        cl.gender = _gender(text, cl) if cl.type == "PERSON" else None
    body = [(s.span.start, s.span.end)
            for s, code in zip(segs, codes, strict=True) if code == _BODY]
    _resolve_pronouns(doc, clusters, body, sent_toks)
    _resolve_nominals(doc, text, clusters, body)
    return _records(text, clusters, segs, codes)


def _mentions(doc: Doc, text: str, segs: list[Segment], starts: list[int], codes: list[int],
              authors: frozenset[str], credits: list[tuple[int, int]]) -> list[_Cand]:
    """Name mentions: the model's entities cleaned, and mentions found by rule, outside
    credits, overlaps resolved."""
    ner = _ner_cands(doc, starts, codes, authors, _sports_report(segs, codes))
    ner_labels = {(c.start, c.end): c.label for c in ner}
    rules = _rule_cands(doc, text, segs, codes, ner_labels)
    rules += _org_suffix_cands(doc, starts, codes)
    rules += _wire_cands(segs, codes)
    rules += _org_name_cands(segs, codes)
    return _resolve_overlaps(outside(ner + rules, credits))


def _records(text: str, clusters: list[_Cluster], segs: list[Segment], codes: list[int]
             ) -> tuple[Entity, ...]:
    title = next((s.span for s, code in zip(segs, codes, strict=True)
                  if s.kind is SegmentKind.TITLE), None)
    if title is None:
        title = next((s.span for s, code in zip(segs, codes, strict=True) if code != _SKIP), None)
    demonyms = _pairs("entity_demonyms")
    by_name: dict[str, int] = {}
    for ci, cl in enumerate(clusters):
        if cl.type in ("GPE", "LOC"):
            by_name.setdefault(cl.name.casefold(), ci)
    max_count = max((len(cl.cands) + len(cl.extra) for cl in clusters), default=1)
    n = max(1, len(text))
    drafts: list[tuple[float, int, Entity]] = []
    for ci, cl in enumerate(clusters):
        mentions = [
            Mention(span=Span.of(text, c.start, c.end), kind=MentionKind.NAME,
                    label=c.label if c.source in ("ner", "table", "initial", "suffix", "first_name",
                                                  "dateline", "lexicon") else None,
                    confidence=1.0 if c.label == cl.type or c.source == "match" else 0.8)
            for c in cl.cands
        ]
        mentions += [Mention(span=Span.of(text, s, e), kind=k, label=None, confidence=conf)
                     for s, e, k, conf in cl.extra]
        mentions.sort(key=lambda m: m.span.start)
        in_title = title is not None and any(title.contains(m.span) for m in mentions)
        first = mentions[0].span.start
        salience = round(0.6 * len(mentions) / max_count + 0.25 * (1 - first / n)
                         + 0.15 * in_title, 4)
        aliases = tuple(sorted({" ".join(text[c.start:c.end].split()) for c in cl.cands}
                               - {cl.name}))
        roles = tuple(Role(text=" ".join(text[s:e].split()), span=Span.of(text, s, e))
                      for s, e, _ in cl.roles)
        drafts.append((salience, ci, Entity(
            id="", name=cl.name, type=EntityType(cl.type), mentions=tuple(mentions),
            roles=roles, aliases=aliases, in_title=in_title, salience=salience)))
    drafts.sort(key=lambda d: (-d[0], d[2].mentions[0].span.start))
    ids = {ci: f"E{i}" for i, (_, ci, _) in enumerate(drafts, 1)}
    out: list[Entity] = []
    for _, ci, ent in drafts:
        related: tuple[str, ...] = ()
        if ent.type is EntityType.NORP:
            place = demonyms.get(ent.name) or demonyms.get(ent.name.rstrip("s"))
            if place is not None and place.casefold() in by_name:
                related = (ids[by_name[place.casefold()]],)
        out.append(Entity(id=ids[ci], name=ent.name, type=ent.type, mentions=ent.mentions,
                          roles=ent.roles, aliases=ent.aliases, in_title=ent.in_title,
                          salience=ent.salience, related=related))
    return tuple(out)


class EntityIndex:
    """Mentions of a tuple of entities sorted by start, for fast :func:`entity_at` look-ups."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._index = SpanIndex((m.span.start, m.span.end, ent)
                                for ent in entities for m in ent.mentions)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)`` most (earliest on ties)."""
        best: tuple[int, int, Entity] | None = None
        for s, order, e, ent in self._index.overlapping(start, end):
            overlap = min(end, e) - max(start, s)
            if overlap > 0 and (best is None or overlap > best[0]
                                or (overlap == best[0] and order < best[1])):
                best = (overlap, order, ent)
        return best[2] if best else None


_INDEXES: dict[int, tuple[tuple[Entity, ...], EntityIndex]] = {}
_INDEXES_KEPT = 8


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps ``[start, end)`` most."""
    if not isinstance(entities, tuple):
        return EntityIndex(entities).at(start, end)
    held = _INDEXES.get(id(entities))
    if held is None or held[0] is not entities:
        held = (entities, EntityIndex(entities))
        if len(_INDEXES) >= _INDEXES_KEPT:
            _INDEXES.clear()
        _INDEXES[id(entities)] = held
    return held[1].at(start, end)

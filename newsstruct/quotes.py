"""Quotes: direct speech in quotation marks with a cue verb and a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.entities import entity_at
from newsstruct.types import Entity, Quote, QuoteKind, Segment, SegmentKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CUE_LEMMAS", "extract_quotes"]

CUE_LEMMAS: frozenset[str] = lexicon("cue_verbs")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,2000})[\"”]")
_TEXT_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION})


def extract_quotes(
    doc: Doc, text: str, segments: Sequence[Segment], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Quoted passages in body segments, with the sentence's cue verb and its subject."""
    quotes: list[Quote] = []
    for seg in segments:
        if seg.kind not in _TEXT_KINDS:
            continue
        for m in _QUOTED.finditer(seg.span.text):
            start, end = seg.span.start + m.start(1), seg.span.start + m.end(1)
            content = Span.of(text, start, end)
            span = doc.char_span(start, end, alignment_mode="expand")
            cue = speaker = None
            if span is not None:
                sent = span.sent
                for tok in sent:
                    if tok.pos_ == "VERB" and tok.lemma_ in CUE_LEMMAS:
                        cue = Span.of(text, tok.idx, tok.idx + len(tok))
                        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                        if subj:
                            s = subj[0]
                            lo = min(t.idx for t in s.subtree)
                            hi = max(t.idx + len(t) for t in s.subtree)
                            speaker = Span.of(text, lo, hi)
                        break
            ent = entity_at(entities, speaker.start, speaker.end) if speaker else None
            n_words = len(content.text.split())
            kind = QuoteKind.DIRECT if n_words > 4 else (
                QuoteKind.PARTIAL if cue is not None else QuoteKind.SCARE
            )
            quotes.append(
                Quote(kind=kind, content=content, cue=cue, speaker=speaker,
                      speaker_entity=ent.id if ent else None,
                      speaker_name=ent.name if ent else (speaker.text if speaker else None),
                      fragments=(content,) if kind is QuoteKind.PARTIAL else (),
                      confidence=0.5)
            )
    return tuple(quotes)

"""Speakers: which entity stands behind the span that names a quote's source.

Part of the quote stage (:mod:`newsstruct.quotes` finds the quotes and their speaker spans; this
module links each span to an :class:`~newsstruct.types.Entity` and records how, as a
:class:`~newsstruct.types.SpeakerMethod`). Quotes are read in text order, and each resolved
speaker becomes a candidate antecedent for the pronouns after it.

* **name**: a name of the entity heads the span ("Sen. Lena Ortiz (D-Ore.)", "Ortiz’s").
* **appositive**: a description heads the span and a name stands beside it ("a spokeswoman for
  Example Hotels, Jane Roe,"; "the campaign manager, John Doe,").
* **proxy**: a campaign or an administration (``quote_proxy_nouns``) speaks for its principal:
  the name or pronoun that owns it ("the Okafor campaign", "her campaign"), else the most salient
  person of the last sentences ("The campaign says ...").
* **nominal**: a definite description ("the bank", "the senator") goes to the latest entity the
  article gave that role ("Wells Fargo, the bank"), else, for a head noun of
  ``quote_nominal_heads``, to the nearest salient entity of a compatible type.
* **pronoun**: he / she / it go to the nearest earlier sentence with a compatible name in it,
  its subjects (and the speakers of earlier quotes) first, a matching gender before an unknown
  one. Names inside quotation marks, in captions and in verbless lines (photo credits) are never
  antecedents.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import attrs

from newsstruct.data import lexicon
from newsstruct.entities import first_name_gender
from newsstruct.types import (
    Entity,
    EntityType,
    MentionKind,
    Quote,
    Segment,
    SegmentKind,
    Span,
    SpanIndex,
    SpeakerMethod,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NOMINAL_HEADS", "PROXY_NOUNS", "resolve_speakers"]

#: Nouns of a campaign or administration that speaks for its principal.
PROXY_NOUNS: frozenset[str] = lexicon("quote_proxy_nouns")


@cache
def _nominal_heads() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in lexicon("quote_nominal_heads"):
        word, *kinds = line.split()
        out[word] = frozenset(kinds)
    return out


#: Head nouns of definite descriptions that refer back to a named entity, with the entity types
#: they may refer to ("bank" → ORG, "city" → GPE, "senator" → PERSON).
NOMINAL_HEADS: dict[str, frozenset[str]] = _nominal_heads()
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f",
                   "it": "n", "its": "n", "itself": "n"}
#: Titles written short before a name, as the noun a description uses ("Gov." → "the governor").
_ABBREVIATED = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                "sec": "secretary", "atty": "attorney", "pres": "president"}
#: Nouns of people that tell a gender.
_NOUN_GENDER = {"businessman": "m", "congressman": "m", "businesswoman": "f",
                "congresswoman": "f"}
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SPEAKER_TYPES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE})
_ORG_TYPES = frozenset({EntityType.ORG, EntityType.GPE})
_BODY = frozenset({SegmentKind.PARAGRAPH, SegmentKind.STANDFIRST})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_DEFINITE = frozenset({"the", "this", "that"})
#: Sentences looked back over for a pronoun's or a description's antecedent.
LOOKBACK_SENTENCES = 5


@attrs.define
class _Cand:
    start: int
    sent: int
    entity: Entity
    subject: int  # 2: subject of a main clause (or a speaker), 1: another subject, 0: other
    proxy: bool = False


def _gender(ent: Entity) -> str | None:
    """The gender an entity's titles, first name or resolved pronouns tell (None if unknown)."""
    if ent.type is not EntityType.PERSON:
        return "n"
    male, female = lexicon("entity_titles_male"), lexicon("entity_titles_female")
    for role in ent.roles:
        first = role.text.split()[0] if role.text.split() else ""
        if first in male or role.text in male:
            return "m"
        if first in female or role.text in female:
            return "f"
    words = ent.name.split()
    if len(words) >= 2:
        g = first_name_gender(words[0])
        if g is not None:
            return g
    votes = [_PRONOUN_GENDER.get(m.span.text.lower()) for m in ent.mentions
             if m.kind is MentionKind.PRONOUN]
    m, f = votes.count("m"), votes.count("f")
    return "m" if m > f else ("f" if f > m else None)


def _subject_rank(tok: Token) -> int:
    """2 for the subject of a main clause, 1 for another subject, 0 for any other mention."""
    while tok.dep_ in ("compound", "flat", "amod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in _SUBJECT_DEPS:
        return 0
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


class _Resolver:
    """Links speaker spans to entities over one article."""

    def __init__(self, doc: Doc, text: str, segments: Sequence[Segment],
                 entities: Sequence[Entity], quoted: Sequence[Span]) -> None:
        self.doc, self.text, self.entities = doc, text, entities
        self.starts = [t.idx for t in doc]
        self.sent_starts = [s.start_char for s in doc.sents] if len(doc) else [0]
        self.names: SpanIndex[tuple[Entity, MentionKind]] = SpanIndex(
            (m.span.start, m.span.end, (e, m.kind)) for e in entities for m in e.mentions
            if e.type in _SPEAKER_TYPES)
        self.gender = {e.id: _gender(e) for e in entities}
        blocks = [s.span for s in segments if s.kind in _BODY and self._has_verb(s.span)]
        qs = sorted(quoted, key=lambda sp: sp.start)
        q_starts = [sp.start for sp in qs]
        self.cands: list[_Cand] = []
        block_starts = [b.start for b in blocks]
        for ent in entities:
            if ent.type not in _SPEAKER_TYPES:
                continue
            for m in ent.mentions:
                if m.kind is not MentionKind.NAME:
                    continue
                k = bisect.bisect_right(block_starts, m.span.start) - 1
                if k < 0 or not blocks[k].contains(m.span):
                    continue  # a caption, a credit, a headline
                j = bisect.bisect_right(q_starts, m.span.start) - 1
                if j >= 0 and qs[j].contains(m.span):
                    continue  # named inside a quotation
                tok = self._token(m.span.end - 1)
                self.cands.append(_Cand(m.span.start, self._sent(m.span.start), ent,
                                        _subject_rank(tok) if tok is not None else 0))
        self.cands.sort(key=lambda c: c.start)
        self.cand_starts = [c.start for c in self.cands]

    def _has_verb(self, span: Span) -> bool:
        i, j = bisect.bisect_left(self.starts, span.start), bisect.bisect_left(self.starts,
                                                                               span.end)
        return any(t.pos_ in ("VERB", "AUX") for t in self.doc[i:j])

    def _token(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.doc[i] if i >= 0 else None

    def _sent(self, offset: int) -> int:
        return bisect.bisect_right(self.sent_starts, offset) - 1

    def add_speaker(self, span: Span, ent: Entity, proxy: bool = False) -> None:
        """A resolved speaker: a subject-like antecedent for later pronouns (``proxy``: a
        campaign speaking for ``ent``, which "it" may refer back to)."""
        k = bisect.bisect_left(self.cand_starts, span.start)
        self.cands.insert(k, _Cand(span.start, self._sent(span.start), ent, 2, proxy))
        self.cand_starts.insert(k, span.start)

    # ------------------------------------------------------------------ lookups

    def name_at(self, start: int, end: int) -> Entity | None:
        """The entity of the name mention overlapping ``[start, end)`` most."""
        best: tuple[int, Entity] | None = None
        for s, _, e, (ent, kind) in self.names.overlapping(start, end):
            if kind is not MentionKind.NAME:
                continue
            overlap = min(end, e) - max(start, s)
            if best is None or overlap > best[0]:
                best = (overlap, ent)
        return best[1] if best else None

    def nominal_at(self, start: int, end: int) -> Entity | None:
        """The entity the entity stage linked a description at ``[start, end)`` to."""
        for _, _, _, (ent, kind) in self.names.overlapping(start, end):
            if kind is MentionKind.NOMINAL:
                return ent
        return None

    def antecedent(self, offset: int, gender: str | None, types: frozenset[EntityType],
                   want: frozenset[str] = frozenset(), topic: bool = False) -> _Cand | None:
        """The nearest earlier sentence's compatible name: subjects first, a known matching
        gender before an unknown one, entities of ``want`` (ids) before others. For "it"
        (gender ``n``) a campaign that spoke for its candidate is compatible too. With
        ``topic`` (a description: "the Indiana governor"), the nearest subject of a main clause
        or speaker comes first, however far back in the window."""
        sent = self._sent(offset)
        hi = bisect.bisect_left(self.cand_starts, offset)
        lo = hi
        while lo > 0 and self.cands[lo - 1].sent >= sent - LOOKBACK_SENTENCES + 1:
            lo -= 1
        window = [c for c in self.cands[lo:hi] if (
            (c.entity.type in types and not c.proxy) or (c.proxy and gender == "n"))
            and (gender is None or c.proxy or self.gender.get(c.entity.id) in (None, gender))]
        if topic:
            wanted = [c for c in window if c.entity.id in want]
            mains = [c for c in wanted or window if c.subject == 2]
            if mains:
                return mains[-1]
        if gender == "n":
            # "it" takes up a named organisation only as the subject of a nearby sentence: an
            # organisation named in passing ("references FBI criticism") is not its referent
            window = [c for c in window if c.subject and c.sent >= sent - 1]
        for back in range(LOOKBACK_SENTENCES):
            pool = [c for c in window if c.sent == sent - back]
            if not pool:
                continue
            known = [c for c in pool if gender is not None and (
                c.proxy or self.gender.get(c.entity.id) == gender)]
            pool = [c for c in pool if c.entity.id in want] or known or pool
            top = max(c.subject for c in pool)
            subjects = [c for c in pool if c.subject == top]
            return subjects[-1] if back == 0 else subjects[0]
        return None

    def salient_near(self, offset: int, types: frozenset[EntityType], word: str = ""
                     ) -> Entity | None:
        """The most salient entity of ``types`` named in the last sentences before ``offset``;
        one whose name holds ``word`` ("the commission" → "Commission on ...") first."""
        sent = self._sent(offset)
        hi = bisect.bisect_left(self.cand_starts, offset)
        seen: dict[str, Entity] = {}
        for c in reversed(self.cands[:hi]):
            if c.sent < sent - LOOKBACK_SENTENCES:
                break
            if c.entity.type in types:
                seen.setdefault(c.entity.id, c.entity)
        if word:
            named = [e for e in self.entities if e.type in types and len(e.name.split()) > 1
                     and word in e.name.lower().split() and e.first_offset is not None
                     and e.first_offset < offset]
            if named:
                return max(named, key=lambda e: (e.id in seen, e.salience))
        return max(seen.values(), key=lambda e: e.salience, default=None)

    def with_role(self, noun: str, modifiers: frozenset[str]) -> frozenset[str]:
        """Ids of the entities the article gave a role headed by ``noun`` ("the senator" →
        "Sen."/"senator"), narrowed to those whose role also holds one of ``modifiers``
        ("the Democratic nominee") when any does."""
        having: dict[str, int] = {}
        for e in self.entities:
            for r in e.roles:
                words = [w.lower().strip(".,") for w in r.text.split()]
                words = [_ABBREVIATED.get(w, w) for w in words]
                if words and words[-1] == noun:
                    having[e.id] = max(having.get(e.id, 0), len(modifiers & set(words)))
        best = max(having.values(), default=0)
        return frozenset(k for k, v in having.items() if v == best)

    def latest(self, offset: int, ids: frozenset[str]) -> Entity | None:
        """The entity among ``ids`` named last before ``offset``."""
        hi = bisect.bisect_left(self.cand_starts, offset)
        for c in reversed(self.cands[:hi]):
            if c.entity.id in ids and not c.proxy:
                return c.entity
        return None

    # ------------------------------------------------------------------ methods

    def resolve(self, speaker: Span, head: Span | None
                ) -> tuple[Entity | None, SpeakerMethod | None]:
        """The entity behind a speaker span and how it was found."""
        head = head or speaker
        tok = self._token(head.start)
        if tok is None:
            return None, None
        low = tok.lower_
        if low in _PRONOUN_GENDER:
            return self._pronoun(tok)
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in PROXY_NOUNS:
            return self._proxy(tok)
        if tok.pos_ == "PROPN" or tok.ent_type_:
            ent = self.name_at(head.start, head.end)
            if ent is not None:
                return ent, SpeakerMethod.NAME
        if tok.pos_ == "NOUN":
            found = self._appositive(tok, speaker)
            if found is not None:
                return found, SpeakerMethod.APPOSITIVE
            return self._nominal(tok)
        if tok.pos_ == "PROPN" and tok.lemma_.lower() in NOMINAL_HEADS:
            return self._nominal(tok)  # "The Republican is also encouraging ..."
        ent = self.name_at(head.start, head.end)
        return ent, SpeakerMethod.NAME if ent else None

    def _pronoun(self, tok: Token) -> tuple[Entity | None, SpeakerMethod | None]:
        gender = _PRONOUN_GENDER[tok.lower_]
        types = _ORG_TYPES if gender == "n" else frozenset({EntityType.PERSON})
        cand = self.antecedent(tok.idx, gender, types)
        if cand is None:
            return None, None
        return cand.entity, SpeakerMethod.PROXY if cand.proxy else SpeakerMethod.PRONOUN

    def _owner(self, tok: Token) -> Entity | None:
        for child in tok.children:
            if child.dep_ in ("poss", "compound") and child.i < tok.i:
                if child.lower_ in _PRONOUN_GENDER:
                    return self._pronoun(child)[0]
                ent = self.name_at(child.idx, child.idx + len(child.text))
                if ent is not None and ent.type is EntityType.PERSON:
                    return ent
        return None

    def _proxy(self, tok: Token) -> tuple[Entity | None, SpeakerMethod | None]:
        ent = self._owner(tok)
        if ent is None and any(c.lower_ in _DEFINITE for c in tok.children):
            ent = self.salient_near(tok.idx, frozenset({EntityType.PERSON}))
        return ent, SpeakerMethod.PROXY if ent else None

    def _appositive(self, tok: Token, speaker: Span) -> Entity | None:
        """A person's name set beside the description ``tok`` heads, inside the span."""
        for t in tok.subtree:
            if t.dep_ != "appos" or t.pos_ != "PROPN" or not speaker.start <= t.idx < speaker.end:
                continue
            ent = self.name_at(t.idx, t.idx + len(t.text))
            if ent is not None and ent.type is EntityType.PERSON:
                return ent
        return None

    def _nominal(self, tok: Token) -> tuple[Entity | None, SpeakerMethod | None]:
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) or (
            tok.tag_ in ("NNS", "NNPS")
        ):
            return None, None
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                ent = self.name_at(obj.idx, obj.idx + len(obj.text)) if obj is not None else None
                if ent is not None:
                    return ent, SpeakerMethod.NAME  # "the city of Phoenix"
        for word in (tok, *(c for c in tok.conjuncts if c.pos_ == "NOUN")):
            # "the former secretary of state and current Democratic presidential nominee"
            ent = self._described(word, tok.idx)
            if ent is not None:
                return ent, SpeakerMethod.NOMINAL
        return None, None

    def _described(self, word: Token, offset: int) -> Entity | None:
        """The entity a description headed by ``word`` refers back to from ``offset``."""
        noun = word.lemma_.lower()
        mods = frozenset(c.lower_ for c in word.children if c.dep_ in ("amod", "compound"))
        roled = self.with_role(noun, mods)
        ent = self.latest(offset, roled) or self.nominal_at(word.idx, word.idx + len(word.text))
        kinds = NOMINAL_HEADS.get(noun, frozenset())
        if ent is None and "PERSON" in kinds:
            cand = self.antecedent(offset, _NOUN_GENDER.get(noun),
                                   frozenset({EntityType.PERSON}), roled, topic=True)
            ent = cand.entity if cand else None
        if ent is None and kinds - {"PERSON"}:
            types = frozenset(EntityType(k) for k in kinds - {"PERSON"})
            ent = self.salient_near(offset, types, noun)
        return ent


def resolve_speakers(doc: Doc, text: str, segments: Sequence[Segment],
                     entities: Sequence[Entity], quotes: Sequence[Quote],
                     heads: dict[tuple[int, int], Span] | None = None,
                     quoted: Sequence[Span] = ()) -> list[Quote]:
    """``quotes`` with ``speaker_entity``, ``speaker_name`` and ``speaker_method`` filled in,
    in text order. ``heads`` gives the head word of each speaker span (by its offsets), and
    ``quoted`` the stretches inside quotation marks."""
    heads = heads or {}
    res = _Resolver(doc, text, segments, entities, quoted)
    out: list[Quote] = []
    done: dict[tuple[int, int], tuple[Entity | None, SpeakerMethod | None]] = {}
    for q in sorted(quotes, key=lambda x: x.speaker.start if x.speaker else x.content.start):
        if q.speaker is None:
            out.append(q)
            continue
        key = (q.speaker.start, q.speaker.end)
        if key not in done:
            ent, method = res.resolve(q.speaker, heads.get(key))
            done[key] = ent, method
            if ent is not None:
                res.add_speaker(q.speaker, ent, method is SpeakerMethod.PROXY)
        ent, method = done[key]
        if q.speaker_method is SpeakerMethod.PREVIOUS:
            method = SpeakerMethod.PREVIOUS if ent is not None else None
        out.append(attrs.evolve(q, speaker_entity=ent.id if ent else None,
                                speaker_name=ent.name if ent else q.speaker.text,
                                speaker_method=method))
    out.sort(key=lambda x: (x.content.start, x.content.end))
    return out

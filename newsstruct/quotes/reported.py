"""Reported speech frames from the parse: cue verbs with their content and speaker, nouns of
saying ("Trump's claim that ..."), "according to", and transcript lines ("PENCE: ...")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.quotes.content import (
    _COMP_DEPS,
    _aside,
    _clause_content,
    _object_content,
    _prep_content,
)
from newsstruct.quotes.cues import (
    _AS_VERBS,
    _LABEL_STOPWORDS,
    _NOTE_WORDS,
    _REPORT_NOUNS,
    _SPEAKER_ROLES,
    _THOUGHT_ADJECTIVES,
    _UNREALISED,
    CUE_LEMMAS,
    CUE_OBJECT_LEMMAS,
    SPEECH_LEMMAS,
    THOUGHT_LEMMAS,
    _Attribution,
    _cue_span,
    _speaker,
    _subject,
    _tok_span,
    _trim,
    noun_holder,
)
from newsstruct.quotes.marks import _OPENING
from newsstruct.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NAME_ENTS_HEAD = frozenset({"PERSON"})
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3})[ \u00a0]?:[ \u00a0]+(?=\S)")
_NOTE = re.compile(r"([A-Z][\w.'’]*(?:[ \u00a0][\w.'’]+){0,2})[ \u00a0]?:[ \u00a0]")


def _attributions(doc: Doc, text: str, sents: Sequence[tuple[int, int]]) -> list[_Attribution]:
    out: list[_Attribution] = []
    for s_i, e_i in sents:
        for tok in doc[s_i:e_i]:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according":
                att = _according(text, tok)
                if att is not None:
                    out.append(att)
                continue
            if tok.pos_ == "NOUN" and lemma in _REPORT_NOUNS:
                att = _noun_report(text, tok)
                if att is not None:
                    out.append(att)
                continue
            if tok.pos_ == "ADJ" and lemma in _THOUGHT_ADJECTIVES:
                att = _adjective_report(text, tok)
                if att is not None:
                    out.append(att)
                continue
            if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
                continue
            if tok.dep_ == "advcl" and lemma in _AS_VERBS:
                att = _as_report(text, tok)
                if att is not None:
                    out.append(att)
                    continue
            is_cue, is_obj = lemma in CUE_LEMMAS, lemma in CUE_OBJECT_LEMMAS
            if not (is_cue or is_obj):
                continue
            content = _clause_content(text, tok, doc[s_i:e_i]) if is_cue else None
            via = "clause"
            if content is None and is_obj:
                content, via = _object_content(text, tok), "object"
            loose = content is None
            if content is None:
                content, via = _prep_content(text, tok), "prep"
            if content is None:
                continue
            after = [c.dep_ for c in tok.children if c.dep_ in _COMP_DEPS and c.i > tok.i]
            if via == "clause" and "xcomp" in after and "ccomp" not in after:
                via = "xcomp"  # "A — McClatchy is planning to end B": the infinitive is its own
            if not _reports(tok, lemma, via):
                continue
            subj = _subject(tok)
            speaker, head = _speaker(text, subj, tok)
            cue_span = _cue_span(text, tok)
            if speaker is not None and speaker.overlaps(content) and not content.contains(cue_span):
                continue
            out.append(_Attribution(cue=cue_span, content=content, speaker=speaker,
                                    speaker_head=head, strong=lemma in SPEECH_LEMMAS,
                                    loose=loose, via=via,
                                    aside=_aside(text, tok) if content.start < tok.idx else None))
    return out


def _noun_report(text: str, noun: Token) -> _Attribution | None:
    """``Trump's claim that A``, ``a Times report that A``, ``a statement by X that A``: A,
    said by the noun's owner, author or the name before it, else by the subject of the verb
    the noun is the object of ("Democrats persisted in arguments that A"), else by no one
    named ("dogged by charges that A")."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and c.pos_ in ("VERB", "AUX")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    source = None
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            source = child
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            source = next((c for c in child.children if c.dep_ == "pobj"), source)
    content = _tok_span(text, clause.subtree)
    if source is None:
        source = noun_holder(noun)
    if content is None:
        return None
    speaker, head = _speaker(text, source)
    return _Attribution(cue=_cue_span(text, noun), content=content, speaker=speaker,
                        speaker_head=head, strong=True, via="noun")


#: Dependents of a verb that are what it says ("as he says his plan ..." tells a time).
_SAID_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative"})


def _as_report(text: str, cue: Token) -> _Attribution | None:
    """``Hawaii, as one adviser pointed out, rarely gets ...``, ``..., as police have said``,
    ``As Ms. Roe put it, ...``: a clause of saying opened by "as", with a subject and nothing
    said of its own ("put it" aside), reports the clause it modifies, by its subject."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children):
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "neg" for c in cue.children):
        return None
    said = [c for c in cue.children if c.dep_ in _SAID_DEPS]
    lemma = cue.lemma_.lower()
    if lemma == "put":
        if [c.lower_ for c in said] != ["it"]:
            return None  # "as he put the phone down"
    elif said or (lemma == "point" and not any(c.dep_ == "prt" for c in cue.children)):
        return None  # "as she pointed to the screen"
    skip = {t.i for t in cue.subtree}
    toks = [t for t in cue.head.subtree if t.i not in skip]
    if not any(t.i < cue.left_edge.i and t.dep_ in ("nsubj", "nsubjpass") and t.head.i == cue.head.i
               for t in toks):
        # "Yet, as X observed, A": what stands before the aside is the writer's
        toks = [t for t in toks if t.i > cue.right_edge.i] or toks
    content = _tok_span(text, toks)
    if content is None or len(content.text.split()) < 3:
        return None
    speaker, head = _speaker(text, subj, cue)
    return _Attribution(cue=_cue_span(text, cue), content=content, speaker=speaker,
                        speaker_head=head, strong=True, via="as",
                        aside=_tok_span(text, cue.subtree))


def _adjective_report(text: str, adj: Token) -> _Attribution | None:
    """``Many Democrats are afraid that A``, ``came away convinced that A``, ``weren't sure if
    A``: A, thought by the subject of the verb the adjective completes."""
    if adj.dep_ not in ("acomp", "oprd"):
        return None
    clause = next((c for c in [*adj.children, *adj.head.children]
                   if c.dep_ == "ccomp" and c.i > adj.i and any(
                       m.dep_ == "mark" and m.lower_ in ("that", "if", "whether")
                       for m in c.children)), None)
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if clause is None or subj is None or subj.lower_ in ("it", "there"):
        return None
    content = _tok_span(text, clause.subtree)
    if content is None:
        return None
    speaker, head = _speaker(text, subj)
    return _Attribution(cue=_cue_span(text, adj), content=content, speaker=speaker,
                        speaker_head=head, strong=False, via="adjective")


def _reports(cue: Token, lemma: str, via: str) -> bool:
    """Whether a cue with its content (read ``via`` a clause, an infinitive, an object or a
    preposition) reports what someone said or thought: an intention ("plans to open") is not
    a report, nor is a cue inside an intention or a refusal ("declined to comment on"), a
    belief without a verb in its clause ("finds it difficult"), a negated cue without a clause
    ("has not commented on the case"), the object of an infinitive of purpose ("to confirm
    the link, ..."), or a passive without its agent that reports no clause ("is expected to
    meet")."""
    if via == "xcomp" and lemma in THOUGHT_LEMMAS and lemma not in SPEECH_LEMMAS:
        return False
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _UNREALISED:
        return False
    if via == "clause":
        # a belief needs a clause with a verb: "finds it difficult to ..." is no report
        return lemma in SPEECH_LEMMAS or cue.dep_ == "parataxis" or any(
            c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in cue.children)
    if any(c.dep_ == "neg" for c in cue.children):
        return False
    if cue.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        # "To confirm the relationship, she ordered ...": the object of an infinitive of
        # purpose is an act meant, not words reported
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children) or (
        cue.dep_ == "acl" and cue.tag_ == "VBN")  # "a group called Lashkar-e-Taiba"
    return not passive or any(c.dep_ == "agent" for c in cue.children)


def _according(text: str, tok: Token) -> _Attribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = pobj
    if pobj is None:
        # "according to show insiders" parsed as a verb phrase: its object is the source
        pcomp = next((c for c in to.children if c.dep_ == "pcomp"), None)
        obj = next((c for c in pcomp.children if c.dep_ == "dobj"), None) if pcomp else None
        if pcomp is None or obj is None or any(c.dep_ == "nsubj" for c in pcomp.children):
            return None
        pobj, phrase = obj, pcomp
    skip = {t.i for t in tok.subtree}
    head = tok.head
    while head.head.i != head.i and (
        head.dep_ not in ("ROOT", "ccomp", "conj", "parataxis")
        or (head.dep_ == "conj" and head.i < tok.i and head.head.dep_ == "ROOT")
    ):
        # "A and B, according to X": the whole coordination is reported
        head = head.head
    toks = [t for t in head.subtree if t.i not in skip]
    if not toks and tok.i < pobj.i:
        # "According to X, A." parsed with "according" as the root: A follows X's comma
        comma = next((t for t in tok.subtree if t.i > pobj.i and t.text == ","), None)
        if comma is None:
            return None
        content = _tok_span(text, [t for t in tok.sent if t.i > comma.i])
        source = _tok_span(text, [t for t in tok.subtree if to.i < t.i < comma.i])
        if content is None or source is None:
            return None
        return _Attribution(cue=Span.of(text, tok.idx, to.idx + len(to.text)), content=content,
                            speaker=source, speaker_head=_speaker(text, pobj)[1], strong=True)
    content = _tok_span(text, toks)
    if content is None:
        return None
    speaker, shead = _speaker(text, pobj)
    if phrase is not pobj and phrase is not None:
        speaker = _tok_span(text, phrase.subtree)
    return _Attribution(cue=Span.of(text, tok.idx, to.idx + len(to.text)), content=content,
                        speaker=speaker, speaker_head=shead, strong=True)


def _is_note(text: str, block: Span) -> bool:
    """Whether a paragraph is a note of the publication's ("Editor’s note: ...")."""
    m = _NOTE.match(text, block.start, block.end)
    return m is not None and any(w.strip(".").lower() in _NOTE_WORDS for w in m.group(1).split())


def _looks_like_speaker(doc: Doc, starts: Sequence[int], label: Span, heading: bool,
                        names: frozenset[str]) -> bool:
    """Whether the ``label`` of a ``Label: text`` line names who speaks: a role ("Moderator"),
    a transcript name in capitals that ``names`` (the article's person names) holds
    ("PENCE"), a name the parser knows (a person; in body text also an organisation or a
    people), or a name ``names`` holds ("Pence"). A headline's "Stealth Over Health: ..." is
    none of these."""
    last = label.text.split()[-1].strip(".")
    if last.lower() in _SPEAKER_ROLES:
        return True
    if last.isupper() and len(last) > 1:
        # a transcript name in capitals is a name the article also writes in letter case
        return last.title() in names
    kinds = _NAME_ENTS_HEAD if heading else _NAME_ENTS
    i, j = bisect_left(starts, label.start), bisect_left(starts, label.end)
    toks = [t for t in doc[i:j] if t.is_alpha]
    # "Pence: ..." names a person the article names elsewhere
    return bool(toks) and (toks[-1].ent_type_ in kinds or last in names)


def _labels(doc: Doc, text: str, blocks: Sequence[Span], heads: Sequence[Span],
            starts: Sequence[int]) -> list[_Attribution]:
    """Transcript lines: ``NAME: what was said``, also inside an opening quotation mark."""
    out: list[_Attribution] = []
    head_starts = {h.start for h in heads}
    found: list[tuple[Span, re.Match[str]]] = []
    for b in sorted([*blocks, *heads], key=lambda sp: sp.start):
        at = b.start
        mark = _OPENING.match(text, at, b.end)
        if mark is not None:
            at = mark.end()
        m = _LABEL.match(text, at, b.end)
        if m is not None and not any(w.strip(".").lower() in _LABEL_STOPWORDS
                                     for w in m.group(1).split()):
            found.append((b, m))
    if not found:
        return out
    # the article's person names, and transcript names: capitals opening two or more lines
    seen: dict[str, int] = {}
    for _, m in found:
        if m.group(1).isupper():
            seen[m.group(1)] = seen.get(m.group(1), 0) + 1
    names = frozenset(t.text for t in doc if t.ent_type_ == "PERSON")
    if any(n > 1 for n in seen.values()):
        names |= {label.split()[-1].strip(".").title() for label in seen}
    for b, m in found:
        words = m.group(1).split()
        if not _looks_like_speaker(doc, starts, Span.of(text, m.start(1), m.end(1)),
                                   b.start in head_starts, names):
            continue
        content = _trim(text, m.end(), b.end)
        if content is None or len(content.text.split()) < 3:
            continue
        colon = text.index(":", m.end(1))
        speaker = Span.of(text, m.start(1), m.end(1))
        head_start = m.start(1) + m.group(1).rfind(words[-1])
        out.append(_Attribution(cue=Span.of(text, colon, colon + 1), content=content,
                                speaker=speaker,
                                speaker_head=Span.of(text, head_start, m.end(1)), strong=True))
    return out

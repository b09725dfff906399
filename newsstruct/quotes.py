"""Quotes: direct, partial and reported speech with its cue and speaker.

Two readings of the article meet here:

* **Quotation marks.** Straight and curly double and single marks, guillemets, low-9 marks
  and typewriter ``''``/```` `` ```` are classified as opening or closing by the characters
  around them (an apostrophe is neither) and paired paragraph by paragraph. Marks of another
  family or style inside an open quote, or a same-style opening mark whose closing mark is
  followed by the outer one, are nested quotes and stay part of its content. A quote left
  open at the end of a paragraph continues when the next paragraph opens with a mark of the
  same family (speech running over several paragraphs): it becomes one
  :class:`~newsstruct.types.Quote` whose content runs from the first paragraph to the last
  and whose ``fragments`` are the quoted stretches of each paragraph. Otherwise it ends with
  its paragraph: an odd number of marks is normal input.
* **Reported speech** from the dependency parse: a cue (a verb of saying or showing from
  ``cue_verbs``, of believing or intending from ``cue_thought_verbs``, a verb whose object is
  what was said from ``cue_object_verbs``, a preposition after such a verb from
  ``cue_prepositions``, or "according to") with its complement (``ccomp``/``xcomp``, the rest
  of the sentence when the cue stands aside from it as in "A, he said, B", the object, or the
  clause an "according to" phrase attaches to), and a speaker (the subject, the agent of a
  passive, the object of "according to", or the subject of the clause the cue depends on:
  "..., saying that ..."). A reporting clause set in a sentence reports the clause it
  governs ("A, he said, and B": A), or, closing a sentence with nothing of its own, what
  stands before its comma ("People like Scott, he said."); a clause with its own subject and
  no subordinator after a verb of saying is its complement even when parsed as an adverbial
  ("said after the convention he would not ..."). Transcript lines ("PENCE: ...", also
  inside an opening mark) are read as speech too when the label looks like a speaker: a role from
  ``quote_speaker_roles``, a name the parser knows (in a headline, a person only), or a name
  in capitals that the article also writes as a person's name or that opens several lines;
  a headline's "Stealth Over Health: ..." is not speech. A paragraph that is a note of the
  publication's ("Editor's note: ...") reports no one's speech.

A quote whose content is the complement of a cue outside it is direct speech by that cue's
speaker; quoted words inside a larger reported clause make a partial quote (the content is
the clause, ``fragments`` the quoted words); a quote with no cue in its sentence takes one
from just after it (including "― Name"), just before it, or the line before (``Dr. Ward
stated:``, also a noun of speech there: ``made the following comment:``), else the speaker
of the quote it continues; verbs of ``cue_quote_verbs`` ("chanted", "sang") attribute only
quoted words; ``"A," she said. "B."`` is one quote in two fragments. A short quote with none
of these, or one that reads as a title, is a scare quote, kept apart from speech. Reporting
inside a direct quote or inside another reported clause ("I think", "you know") stays part
of the outer content.

What is not speech: verbs of ``cue_not_speech`` are acts ("attacked", "ordered") and never
cues; the infinitive of a verb of believing or intending is an intention, not a report
("plans to", "is expected to"); a cue inside the infinitive of ``quote_unrealised_verbs``
reports nothing ("declined to comment on"); a negated cue and an agentless passive report
only through a clause. A noun of ``quote_report_nouns`` with its source and a "that" clause
reports that clause ("Trump's claim that ..."). Speakers are linked to entities afterwards,
in text order, by :mod:`newsstruct.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from newsstruct.data import lexicon
from newsstruct.speakers import resolve_speakers
from newsstruct.types import (
    Entity,
    Quote,
    QuoteKind,
    Segment,
    SegmentKind,
    Span,
    SpanIndex,
    SpeakerMethod,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "CUE_LEMMAS",
    "CUE_OBJECT_LEMMAS",
    "NOT_SPEECH_LEMMAS",
    "QUOTE_CUE_LEMMAS",
    "SPEECH_LEMMAS",
    "THOUGHT_LEMMAS",
    "QuoteMark",
    "extract_quotes",
    "find_marks",
    "quoted_spans",
]

#: Lemmas of verbs that are acts, not cues of speech ("attacked", "ordered"), whatever follows.
NOT_SPEECH_LEMMAS: frozenset[str] = lexicon("cue_not_speech")
#: Lemmas of verbs whose clause complement is speech or evidence ("said that ...").
SPEECH_LEMMAS: frozenset[str] = lexicon("cue_verbs") - NOT_SPEECH_LEMMAS
#: Lemmas of verbs whose clause complement is a belief or intention ("believe", "want"); their
#: infinitive ("plans to", "is expected to") is an intention, not a report.
THOUGHT_LEMMAS: frozenset[str] = lexicon("cue_thought_verbs") - NOT_SPEECH_LEMMAS
#: Every lemma whose clause complement is reported speech or thought.
CUE_LEMMAS: frozenset[str] = SPEECH_LEMMAS | THOUGHT_LEMMAS
#: Lemmas of verbs that attribute quoted words only ("chanted “What curfew?”").
QUOTE_CUE_LEMMAS: frozenset[str] = lexicon("cue_quote_verbs")
#: Lemmas of verbs whose object is what was said or meant ("cited the poll").
CUE_OBJECT_LEMMAS: frozenset[str] = lexicon("cue_object_verbs") - NOT_SPEECH_LEMMAS
#: Prepositions whose object is what a cue verb reports ("called for", "warned about").
_CUE_PREPOSITIONS: frozenset[str] = lexicon("cue_prepositions")
#: Nouns of saying whose "that" clause is reported when the noun names its source ("X's claim").
_REPORT_NOUNS: frozenset[str] = lexicon("quote_report_nouns")
#: Verbs whose infinitive is an act not done ("plans to call on", "declined to comment on").
_UNREALISED: frozenset[str] = lexicon("quote_unrealised_verbs")
#: Words that end a "Label:" prefix without naming a speaker ("Update:", "Watch:").
_LABEL_STOPWORDS: frozenset[str] = lexicon("quote_label_stopwords")
#: Words that make a "Label:" paragraph a note of the publication's ("Editor's note:").
_NOTE_WORDS: frozenset[str] = lexicon("quote_note_words")
#: Words that open a clause of the writer's right after a quote ("..." when ...).
_CLAUSE_OPENERS: frozenset[str] = lexicon("quote_clause_openers")
#: Role nouns that make a "Label:" a speaker ("Moderator:", "The spokesman:").
_SPEAKER_ROLES: frozenset[str] = lexicon("quote_speaker_roles")
#: Nouns of speech that introduce a quoted paragraph from the line before ("comment:").
_SPEECH_NOUNS: frozenset[str] = lexicon("quote_speech_nouns")
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NAME_ENTS_HEAD = frozenset({"PERSON"})

_BODY_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION})
_TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_HEAD_KINDS = frozenset({SegmentKind.TITLE, SegmentKind.HEADING})
_MARKS = re.compile("``|''|[\"“”„«»‹›‘’'‚]")
_FAMILY = {'"': "d", "“": "d", "”": "d", "„": "d", "``": "d", "''": "d", "«": "g", "»": "g",
           "‹": "a", "›": "a", "‘": "s", "’": "s", "'": "s", "‚": "s"}
_STRAIGHT = frozenset({'"', "'", "''", "``"})
_OPENERS = frozenset("“„«‹‘‚")
_CLOSERS = frozenset("”»›’")
_BEFORE_OPEN = frozenset(" \t\n\r\u00a0([{—–-/:")
_AFTER_CLOSE = frozenset(" \t\n\r\u00a0.,;:!?)]}—–-/…")
_CLOSING_TOKENS = frozenset({"”", '"', "''", "»"})
_SPACE = frozenset(" \t\n\r\u00a0")
_TRIM = " \t\n\r\u00a0,;:—–-"
_FIRST_SECOND_PERSON = frozenset({"i", "you", "we"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3})[ \u00a0]?:[ \u00a0]+(?=\S)")
_NOTE = re.compile(r"([A-Z][\w.'’]*(?:[ \u00a0][\w.'’]+){0,2})[ \u00a0]?:[ \u00a0]")
_NEXT_WORD = re.compile(r"[”\"'’»,\s]*(\w+)")
_DASH_NAME = re.compile(
    r"[”»\"' \t\u00a0,.]*([―—–]|--)[ \t\u00a0]*([A-Z][^\n―—–]{1,80}?)[ \t\u00a0.]*(?:\n|$)"
)
_WORD = re.compile(r"\w")
_OPENING = re.compile("[\"“„«]|''|``")
_REACH = 5_000  # longest stretch of reported content looked back over (characters)
#: Quotes of at most this many words with no speech cue nearby are scare quotes.
SCARE_MAX_WORDS = 4


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


# --------------------------------------------------------------------------- parse reading


@attrs.define
class _Attribution:
    cue: Span
    content: Span
    speaker: Span | None
    speaker_head: Span | None
    strong: bool
    loose: bool = False
    aside: Span | None = None
    via: str = "clause"
    used: bool = False
    fragments: list[Span] = attrs.field(factory=list)


def _tok_span(text: str, toks: Iterable[Token]) -> Span | None:
    kept = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    while kept and kept[-1].is_punct and not (
        kept[-1].text == ")" and any(t.text == "(" for t in kept)  # "Cummings (D-Md.)"
    ):
        kept.pop()
    while kept and kept[0].is_punct and kept[0].text not in _OPENERS:
        kept.pop(0)
    lo = hi = None
    for t in kept:
        if t.is_space:
            continue
        s, e = t.idx, t.idx + len(t.text)
        lo = s if lo is None or s < lo else lo
        hi = e if hi is None or e > hi else hi
    if lo is None or hi is None:
        return None
    return _trim(text, lo, hi)


def _trim(text: str, lo: int, hi: int) -> Span | None:
    while lo < hi and text[lo] in _TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in _TRIM:
        hi -= 1
    if hi > lo and text[hi - 1] in _OPENERS:
        hi -= 1
        while hi > lo and text[hi - 1] in _TRIM:
            hi -= 1
    return Span.of(text, lo, hi) if hi > lo else None


def _speaker_tokens(tok: Token) -> list[Token]:
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ == "relcl":
            skip.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in skip]
    while toks and toks[-1].is_punct and not (
        toks[-1].text == ")" and any(t.text == "(" for t in toks)
    ):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _subject(tok: Token) -> Token | None:
    """The subject of ``tok``, of the clause it hangs from ("..., saying"), or the agent of a
    passive."""
    cur: Token | None = tok
    for step in range(5):
        if cur is None:
            return None
        subjects = [c for c in cur.children if not c.is_punct and (
            c.dep_ in ("nsubj", "csubj") or (step and c.dep_ == "nsubjpass"))]
        if len(subjects) > 1:
            # the parser may give a quote before the cue as a second subject: "“My
            # reaction, that was outrageous,” the strategist said": past a closing mark,
            # the subject nearest the cue is the speaker
            at, lo = cur.i, min(c.i for c in subjects)
            if any(t.text in _CLOSING_TOKENS for t in cur.doc[lo:at]):
                return min(subjects, key=lambda c: abs(c.i - at))
        if subjects:
            return subjects[0]
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if not step and cur.pos_ == "NOUN":
            # "Trump claims that ..." read as a noun phrase
            return next((c for c in cur.children if c.dep_ in ("compound", "poss")), None)
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and cur.head is not cur:
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() not in CUE_LEMMAS:
                return None
            cur = cur.head
            continue
        if (cur.dep_ == "pcomp" and cur.head.dep_ == "prep"
                and cur.head.head.pos_ in ("VERB", "AUX")):
            cur = cur.head.head  # "..., before saying"
            continue
        if cur.dep_ in ("relcl", "acl") and cur.head is not cur:
            return cur.head  # "the official who said", "a statement saying"
        return None
    return None


def _speaker(text: str, tok: Token | None) -> tuple[Span | None, Span | None]:
    if tok is None:
        return None, None
    head = tok
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        head = tok.head.head  # "Trump, who said": the span is "who", its head Trump
    span = _tok_span(text, _speaker_tokens(tok))
    return span, Span.of(text, head.idx, head.idx + len(head.text))


def _cue_span(text: str, tok: Token) -> Span:
    toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    return _tok_span(text, toks) or Span.of(text, tok.idx, tok.idx + len(tok.text))


_COMP_DEPS = frozenset({"ccomp", "xcomp"})
_OBJ_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "attr"})


def _content_from(text: str, cue: Token, deps: frozenset[str]) -> Span | None:
    comps = [c for c in cue.children if c.dep_ in deps]
    if not comps:
        return None
    before = [c for c in comps if c.i < cue.i]
    after = [c for c in comps if c.i > cue.i]
    side = after if after else before
    if after and before:
        side = after if sum(len(list(c.subtree)) for c in after) >= sum(
            len(list(c.subtree)) for c in before) else before
    # "A, but B, the source added": everything from the first complement to the last
    lo = min(t.i for c in side for t in c.subtree)
    hi = max(t.i for c in side for t in c.subtree)
    if side is after:
        hi = _cut_tail(cue.doc, lo, hi)
    return _tok_span(text, cue.doc[lo : hi + 1])


def _cut_tail(doc: Doc, lo: int, hi: int) -> int:
    """The last token of reported content running from ``lo`` to ``hi``: a clause after a
    semicolon is the writer's again."""
    for k in range(lo + 1, hi + 1):
        if doc[k].text == ";":
            return k - 1
    return hi


def _clause_content(text: str, cue: Token, sent: Iterable[Token]) -> Span | None:
    """The reported clause of a cue of saying: its complement, or the rest of the sentence
    when the cue and its speaker stand aside from it ("A, he said, B"; "A, the source
    added")."""
    comps = [c for c in cue.children if c.dep_ in _COMP_DEPS]
    if cue.dep_ == "parataxis":
        if any(c.i < cue.i for c in comps):
            # "A, he said, and B": the clause the parser hangs on the cue is what was said
            return _tok_span(text, [t for c in comps if c.i < cue.i for t in c.subtree])
        region = sent if cue.head.dep_ == "ROOT" else cue.head.subtree
        skip = {t.i for t in cue.subtree}
        return _tok_span(text, [t for t in region if t.i not in skip])
    if not comps:
        bare = _bare_clause(cue)
        if bare is not None:
            lo = min(t.i for t in bare.subtree)
            hi = _cut_tail(cue.doc, lo, max(t.i for t in bare.subtree))
            return _tok_span(text, cue.doc[lo : hi + 1])
        return _statement_content(text, cue) or _fronted(text, cue, sent)
    if cue.dep_ == "conj" and cue.head.i < cue.i and all(c.i < cue.i for c in comps):
        # "A, but B, another source said": the parser hangs the cue on A, the report is both
        sent_toks = list(sent)
        keep = {t.i for c in comps for t in c.subtree}
        block = [t for t in cue.subtree if t.i not in keep and not t.is_punct]
        lo = min(t.i for t in block)
        tail = [t for t in sent_toks if t.i > max(t.i for t in block) and not t.is_punct]
        if not tail and lo > min(keep) and min(keep) > sent_toks[0].i:
            return _tok_span(text, [t for t in sent_toks if t.i < lo])
    nxt = cue.i + 1
    while nxt < len(cue.doc) and cue.doc[nxt].dep_ == "prt":
        nxt += 1
    if nxt < len(cue.doc) and cue.doc[nxt].text == ":" and any(c.i > cue.i for c in comps):
        # "A, Kall said: “B”": what follows the colon is what was said
        comps = [c for c in comps if c.i > cue.i]
        return _tok_span(text, [t for c in comps for t in c.subtree])
    if cue.dep_ == "ROOT":
        keep = {t.i for c in comps for t in c.subtree}
        block = [t for t in cue.subtree if t.i not in keep and not t.is_punct]
        lo, hi = min(t.i for t in block), max(t.i for t in block)
        rest = [t for t in sent if (t.i < lo or t.i > hi) and not t.is_punct]
        if rest and len(rest) <= len(keep) + 2:
            last = max(t.i for t in sent)
            if rest[0].i > hi:
                last = _cut_tail(cue.doc, rest[0].i, last)
            return _tok_span(text, [t for t in sent if (t.i < lo or t.i > hi) and t.i <= last])
    return _content_from(text, cue, _COMP_DEPS)


def _bare_clause(cue: Token) -> Token | None:
    """``said after the convention he would not accept it``: a clause with its own subject and
    no subordinator after a verb of saying, parsed as an adverbial, is what was said."""
    if cue.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    for c in cue.children:
        if c.dep_ == "advcl" and c.i > cue.i and c.pos_ in ("VERB", "AUX") and any(
                x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and not any(
                x.dep_ == "mark" or (x.dep_ == "advmod" and x.lower_ in _ADVERBIAL_OPENERS)
                for x in c.children):
            return c
    return None


#: Words that open an adverbial clause rather than a report ("said when he ...").
_ADVERBIAL_OPENERS = frozenset({"when", "while", "as", "where", "whenever", "after", "before",
                                "since", "until", "because", "if", "once", "though"})
#: Dependents of a cue that are its circumstances, not what was said ("In March, he said.").
_CIRCUMSTANCE_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "mark", "cc", "intj"})


def _fronted(text: str, cue: Token, sent: Iterable[Token]) -> Span | None:
    """``People like Scott, he said.``: a sentence-final reporting clause with nothing after it
    but its circumstances reports what comes before its comma."""
    if cue.dep_ != "ROOT" or cue.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None:
        return None
    first = min(t.i for t in subj.subtree)
    toks = list(sent)
    before = [t for t in toks if t.i < first]
    after = [t for t in toks if t.i > cue.i and not t.is_punct]
    if len(before) < 4 or before[-1].text != "," or len(after) > 6:
        return None
    lead = before[0]
    while lead.head.i != cue.i and lead.head.i != lead.i:
        lead = lead.head
    if lead.head.i == cue.i and lead.dep_ in _CIRCUMSTANCE_DEPS:
        return None  # "In March, he said."
    return _tok_span(text, before)


def _statement_content(text: str, cue: Token) -> Span | None:
    """``said in a statement that X``, parsed with X hanging from the noun of speech: X."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.i < cue.i:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in _SPEECH_NOUNS:
                continue
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return _tok_span(text, clause.subtree)
    return None


def _aside(text: str, cue: Token) -> Span | None:
    """The attribution itself: the cue with its speaker and modifiers, without what it
    reports ("Trump said during a rally in Kenansville")."""
    skip = {t.i for c in cue.children if c.dep_ in _COMP_DEPS for t in c.subtree}
    toks = [t for t in cue.subtree if t.i not in skip]
    return _tok_span(text, [t for t in toks if abs(t.i - cue.i) <= 12])


def _object_content(text: str, cue: Token) -> Span | None:
    """``described X as Y``, ``called X a Y``: the object with what is said of it."""
    comps = [c for c in cue.children if c.dep_ in _OBJ_DEPS and c.i > cue.i]
    if not comps:
        return None
    comps += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("as", "to", "of", "for")
              and c.i > cue.i]
    lo = min(t.i for c in comps for t in c.subtree)
    hi = max(t.i for c in comps for t in c.subtree)
    if lo == hi and cue.doc[lo].pos_ == "PRON":
        # "defended itself", "denied it": a bare pronoun reports nothing
        return None
    return _tok_span(text, cue.doc[lo : hi + 1])


def _prep_content(text: str, cue: Token) -> Span | None:
    """``called for X``, ``complained about X``: the object of the cue's preposition."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in _CUE_PREPOSITIONS and child.i > cue.i:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and obj.ent_type_ not in _TIME_ENTS:
                    return _tok_span(text, obj.subtree)
    return None


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
            if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
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
            speaker, head = _speaker(text, subj)
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
    said by the noun's owner, author or the name before it."""
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
    if source is None or content is None:
        return None
    speaker, head = _speaker(text, source)
    return _Attribution(cue=_cue_span(text, noun), content=content, speaker=speaker,
                        speaker_head=head, strong=True, via="noun")


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
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
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
    while head.head is not head and (
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
    ("PENCE"), or a name the parser knows (a person; in body text also an organisation or a
    people). A headline's "Stealth Over Health: ..." is none of these."""
    last = label.text.split()[-1].strip(".")
    if last.lower() in _SPEAKER_ROLES:
        return True
    if last.isupper() and len(last) > 1:
        # a transcript name in capitals is a name the article also writes in letter case
        return last.title() in names
    kinds = _NAME_ENTS_HEAD if heading else _NAME_ENTS
    i, j = bisect_left(starts, label.start), bisect_left(starts, label.end)
    toks = [t for t in doc[i:j] if t.is_alpha]
    return bool(toks) and toks[-1].ent_type_ in kinds


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


# --------------------------------------------------------------------------- assembly


def _words(text: str) -> int:
    return len(text.split())


def _outside_words(att: _Attribution, quoted: SpanIndex[Span], text: str) -> int:
    """Words of the attribution's content outside every quote, its cue and its speaker."""
    c = att.content
    covered = [row[3] for row in quoted.overlapping(c.start, c.end)] + [att.cue]
    covered += [sp for sp in (att.speaker, att.aside) if sp is not None]
    n = 0
    for m in re.finditer(r"\w+", text[c.start : c.end]):
        s = c.start + m.start()
        if not any(sp.start <= s < sp.end for sp in covered):
            n += 1
    if re.match(r"\W*that\b", text[c.start : c.end]):
        n -= 1
    return n


def extract_quotes(
    doc: Doc, text: str, segments: Sequence[Segment], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Direct, partial, indirect and scare quotes in the body, in text order."""
    # a short line ending with a colon ("He said:") introduces what follows, whatever its
    # layout looks like
    blocks = [s.span for s in segments if s.kind in _BODY_KINDS or (
        s.kind is SegmentKind.HEADING and s.span.text.rstrip().endswith(":"))]
    if not blocks:
        return ()
    starts = [t.idx for t in doc]
    in_blocks = set(blocks)
    heads = [s.span for s in segments if s.kind in _HEAD_KINDS and s.span not in in_blocks]
    sents = _sentences(doc, blocks)
    readable = _sentences(doc, sorted(blocks + heads, key=lambda b: b.start), MAX_SENTENCE_TOKENS)
    atts = _attributions(doc, text, readable)
    atts += _labels(doc, text, blocks, heads, starts)
    notes = [b for b in blocks if _is_note(text, b)]
    if notes:
        # "Editor's note: ...", "Clarification: ...": the publication speaking of itself
        atts = [a for a in atts if not any(b.contains(a.cue) for b in notes)]
    atts.sort(key=lambda a: (a.content.start, a.cue.start))
    att_starts = [a.content.start for a in atts]
    quotes = quoted_spans(text, blocks)
    labelled = {a.speaker.start: a for a in atts if a.cue.text == ":" and a.speaker is not None}
    quoted = SpanIndex((f[0].start - 1, f[-1].end + 1, Span.of(text, f[0].start - 1, f[-1].end + 1))
                       for f in quotes)
    sent_bounds = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in sents]
    sent_starts = [b[0] for b in sent_bounds]
    out: list[Quote] = []
    spk_heads: dict[tuple[int, int], Span] = {}
    last_direct: Quote | None = None
    last_block = -1
    block_starts = [b.start for b in blocks]
    for frags in quotes:
        q = Span.of(text, frags[0].start, frags[-1].end)
        blk = bisect_right(block_starts, q.start) - 1
        quote: Quote | None = None
        lab = labelled.get(q.start)
        if lab is not None and lab.content.start < frags[0].end:
            # "PENCE: ..." opening a quoted paragraph of a transcript; a quote running on
            # over the next paragraphs changes speaker at each label
            for group in _by_label(frags, labelled):
                lab = labelled[group[0].start]
                lab.used = True
                group = (Span.of(text, lab.content.start, group[0].end), *group[1:])
                quote = _make(QuoteKind.DIRECT, Span.of(text, group[0].start, group[-1].end),
                              group, lab.cue, lab.speaker, lab.speaker_head, spk_heads, 0.9)
                out.append(quote)
            if quote is not None:
                last_direct, last_block = quote, bisect_right(block_starts, q.end) - 1
            continue
        if _is_title(q.text, _embedded(text, q, titles=True)) and not _cue_right_before(
                doc, starts, q):
            bare = _bare(text, q)
            out.append(_make(QuoteKind.SCARE, bare, (bare,), None, None, None, spk_heads, 0.5))
            continue
        att = _matching(_near_quote(atts, att_starts, q.start - _REACH, q.end), q)
        if att is not None:
            if (att.content.start >= q.start - 2 and (att.content.end <= q.end + 2
                                                      or _writer_after(text, q.end))) or (
                _outside_words(att, quoted, text) <= 1
            ):
                att.used = True
                spk, head = att.speaker, att.speaker_head
                if spk is None or spk.overlaps(q):
                    # the parse gave no speaker ("“A,” said Anna Baran.") or one inside the quote
                    near = _nearby(doc, text, starts, q, sent_bounds, sent_starts, blocks, blk)
                    spk, head = (near[1], near[2]) if near else (None, None)
                quote = _make(QuoteKind.DIRECT, q, frags, att.cue, spk, head, spk_heads, 0.9)
            else:
                att.fragments.extend(frags)
        else:
            found = _nearby(doc, text, starts, q, sent_bounds, sent_starts, blocks, blk)
            if found is not None:
                cue, spk, head = found
                quote = _make(QuoteKind.DIRECT, q, frags, cue, spk, head, spk_heads, 0.8)
            elif last_direct is not None and last_direct.speaker is not None and (
                (q.start - 1 <= blocks[blk].start and last_block == blk - 1)
                or (last_block == blk and last_direct.cue is not None
                and last_direct.content.end <= last_direct.cue.start < q.start)
            ):
                quote = attrs.evolve(last_direct, kind=QuoteKind.DIRECT, content=q, cue=None,
                                     fragments=frags, confidence=0.6,
                                     speaker_method=SpeakerMethod.PREVIOUS)
            elif _words(q.text) <= SCARE_MAX_WORDS or (
                _words(q.text) <= 2 * SCARE_MAX_WORDS and _embedded(text, q)
            ):
                bare = _bare(text, q)
                quote = _make(QuoteKind.SCARE, bare, (bare,), None, None, None, spk_heads, 0.6)
            else:
                since = blocks[max(0, blk - 1)].start
                prior = _last_speaker(_near_quote(atts, att_starts, since - _REACH, q.start),
                                      q, since)
                quote = _make(QuoteKind.DIRECT, q, frags, None,
                              prior.speaker if prior else None,
                              prior.speaker_head if prior else None, spk_heads, 0.4,
                              SpeakerMethod.PREVIOUS)
        if quote is not None:
            out.append(quote)
        elif att is not None:
            # recorded with its attribution below; remembered here as the last speaker
            quote = _make(QuoteKind.PARTIAL, att.content, frags, att.cue, att.speaker,
                          att.speaker_head, spk_heads, 0.8)
        if quote is not None and quote.speaker is not None and quote.kind is not QuoteKind.SCARE:
            last_direct, last_block = quote, bisect_right(block_starts, q.end) - 1
    inside = [f for q in out if q.kind is QuoteKind.DIRECT for f in q.fragments or (q.content,)]
    inside += [a.content for a in atts if a.cue.text == ":"]
    inside.sort(key=lambda sp: sp.start)
    inside_starts = [sp.start for sp in inside]
    kept = [a for a in atts if not a.used and not _within(inside, inside_starts, a.cue) and not (
        a.speaker is not None and a.speaker.text.lower() in _FIRST_SECOND_PERSON)]
    # speech reported inside reported speech stays part of the outer content
    outer = sorted((a.content for a in kept), key=lambda sp: sp.start)
    outer_starts = [sp.start for sp in outer]
    for att in kept:
        if _within(outer, outer_starts, att.cue, att.content) or (
            att.speaker is None and not att.fragments and not att.strong
        ):
            continue
        kind = QuoteKind.PARTIAL if att.fragments else QuoteKind.INDIRECT
        if att.fragments:
            att.fragments.sort(key=lambda f: f.start)
            att.content = Span.of(text, min(att.content.start, att.fragments[0].start),
                                  max(att.content.end, att.fragments[-1].end))
        conf = 0.8 if att.fragments else (0.7 if att.strong else 0.5)
        out.append(_make(kind, att.content, tuple(att.fragments), att.cue, att.speaker,
                         att.speaker_head, spk_heads, conf))
    out.sort(key=lambda x: (x.content.start, x.content.end))
    merged = _merge_interrupted(out, text)
    inside_marks = [Span.of(text, f[0].start, f[-1].end) for f in quotes]
    return tuple(resolve_speakers(doc, text, segments, entities, merged, spk_heads,
                                  inside_marks))


def _by_label(frags: Sequence[Span], labelled: dict[int, _Attribution]
              ) -> list[tuple[Span, ...]]:
    """The fragments of a quote that opens with a transcript label, split where another
    label opens a fragment; fragments without a label stay with the one before."""
    groups: list[list[Span]] = []
    for f in frags:
        lab = labelled.get(f.start)
        if groups and (lab is None or lab.content.start >= f.end):
            groups[-1].append(f)
        else:
            groups.append([f])
    return [tuple(g) for g in groups]


def _bare(text: str, q: Span) -> Span:
    """A scare quote or title without the sentence punctuation set inside its marks
    (“The Steve Harvey Morning Show,”)."""
    end = q.end
    while end > q.start + 1 and text[end - 1] in ",.;:":
        end -= 1
    return Span.of(text, q.start, end)


def _embedded(text: str, q: Span, titles: bool = False) -> bool:
    """Whether a quote sits inside a sentence of the writer's ("moved into “a living room in
    western Pennsylvania” to watch"): a word right before its opening mark (for ``titles``
    also a comma before a title of several words: "the show, “Fox and Friends.”")."""
    k = q.start - 1
    while k > 0 and (text[k] in _FAMILY or text[k] in "`'"):
        k -= 1
    while k > 0 and text[k] in " \u00a0":
        k -= 1
    return k >= 0 and (text[k].isalnum() or (titles and text[k] == ","
                                             and len(q.text.split()) > 1))


def _last_speaker(atts: Sequence[_Attribution], q: Span, since: int) -> _Attribution | None:
    """The latest attribution with a speaker between ``since`` and the quote: who an
    unattributed quote most likely continues."""
    best = None
    for att in atts:
        if (att.speaker is not None and since <= att.cue.start and att.content.end <= q.start
                and (best is None or att.cue.start > best.cue.start)):
            best = att
    return best


def _within(spans: Sequence[Span], starts: Sequence[int], sp: Span,
            own: Span | None = None) -> bool:
    """Whether ``sp`` lies inside one of ``spans`` (sorted by start) other than ``own``."""
    k = bisect_right(starts, sp.start) - 1
    while k >= 0:
        if spans[k].contains(sp) and spans[k] != own:
            return True
        if spans[k].start < sp.start - 2 * _REACH:
            break
        k -= 1
    return False


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from"]
)


def _is_title(quoted: str, embedded: bool = False) -> bool:
    """Whether a quoted stretch reads as the title of a work or a name ("Morning Joe"); one
    set inside a sentence (``embedded``) may end with the sentence's full stop ("on his show,
    “Politicking.”")."""
    words = quoted.rstrip(",;:" + ("." if embedded else "")).split()
    if not words or len(words) > 8 or quoted.rstrip(".," if embedded else "")[-1:] in ".!?…":
        return False
    for k, w in enumerate(words):
        first = next((ch for ch in w if ch.isalnum()), "")
        if not first:
            continue
        if first.isalpha() and not first.isupper() and not (k and w.lower() in _SMALL_WORDS):
            return False
    return words[0][:1].isupper() or not words[0][:1].isalpha()


#: Sentences longer than this many tokens (a run-on list, a page with no punctuation) are not
#: read for reported speech: walking their parse is quadratic, and no prose sentence is so long
#: (the longest in the PolNeAR dev articles has 96 tokens).
MAX_SENTENCE_TOKENS = 250


def _sentences(doc: Doc, blocks: Sequence[Span], max_tokens: int | None = None
               ) -> list[tuple[int, int]]:
    out = []
    starts = [b.start for b in blocks]
    for sent in doc.sents:
        if max_tokens is not None and len(sent) > max_tokens:
            continue
        first = sent[0]
        k = bisect_right(starts, first.idx) - 1
        if k >= 0 and first.idx < blocks[k].end:
            out.append((sent.start, sent.end))
    return out


def _near_quote(atts: Sequence[_Attribution], starts: Sequence[int], lo: int, hi: int
                ) -> Sequence[_Attribution]:
    """The attributions (sorted by content start) whose content starts in ``[lo, hi)``."""
    return atts[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _matching(atts: Sequence[_Attribution], q: Span) -> _Attribution | None:
    """The reported-speech reading whose content covers the quote best (its cue outside)."""
    best: tuple[int, _Attribution] | None = None
    for att in atts:
        if att.used or att.loose or q.contains(att.cue) or not att.content.overlaps(q):
            continue
        inter = min(q.end, att.content.end) - max(q.start, att.content.start)
        if inter < 0.5 * min(len(q), len(att.content)):
            continue
        if best is None or inter > best[0]:
            best = (inter, att)
    return best[1] if best else None


def _make(kind: QuoteKind, content: Span, frags: tuple[Span, ...], cue: Span | None,
          speaker: Span | None, head: Span | None, heads: dict[tuple[int, int], Span],
          confidence: float, method: SpeakerMethod | None = None) -> Quote:
    """A quote whose speaker is resolved later (:mod:`newsstruct.speakers`); the speaker's
    head word is kept in ``heads``."""
    if speaker is not None and head is not None:
        heads.setdefault((speaker.start, speaker.end), head)
    return Quote(kind=kind, content=content, cue=cue, speaker=speaker, fragments=frags,
                 confidence=confidence, speaker_method=method)


def _nearby(doc: Doc, text: str, starts: Sequence[int], q: Span,
            sent_bounds: Sequence[tuple[int, int]], sent_starts: Sequence[int],
            blocks: Sequence[Span], blk: int) -> tuple[Span, Span | None, Span | None] | None:
    """A speech cue right after the quote, right before it, or on the line before."""
    block = blocks[blk]
    tail = text[q.end : block.end]
    dash = _DASH_NAME.match(tail)
    if dash is not None:
        cue = Span.of(text, q.end + dash.start(1), q.end + dash.end(1))
        speaker = Span.of(text, q.end + dash.start(2), q.end + dash.end(2))
        return cue, speaker, speaker
    word = _WORD.search(text, q.end, block.end)
    if word is not None:
        si = bisect_right(sent_starts, word.start()) - 1
        s_end = min(sent_bounds[si][1], block.end) if si >= 0 else block.end
        nxt = _OPENING.search(text, q.end + 1, s_end)
        found = _cue_between(doc, text, starts, q.end, nxt.start() if nxt else s_end,
                             first_clause=True)
        if found is not None:
            return found
    si = bisect_right(sent_starts, q.start) - 1
    if si >= 0:
        s_start = max(sent_bounds[si][0], block.start)
        lead = text[s_start : q.start].rstrip(" \t\u00a0\"“„«'‘")
        if not lead.strip() and si > 0 and sent_bounds[si - 1][0] >= block.start:
            s_start = sent_bounds[si - 1][0]
            lead = text[s_start : q.start].rstrip(" \t\u00a0\"“„«'‘")
        if lead.strip() and (lead[-1:] in ":," or _cue_right_before(doc, starts, q)):
            found = _cue_between(doc, text, starts, s_start, q.start, last=True)
            if found is not None:
                return found
    if q.start - 1 <= block.start and blk > 0:
        prev = blocks[blk - 1]
        if text[prev.start : prev.end].rstrip().endswith(":"):
            si = bisect_right(sent_starts, prev.end - 1) - 1
            s_start = max(sent_bounds[si][0], prev.start) if si >= 0 else prev.start
            return _cue_between(doc, text, starts, s_start, prev.end, last=True, nouns=True)
    return None


def _cue_between(doc: Doc, text: str, starts: Sequence[int], lo: int, hi: int,
                 last: bool = False, nouns: bool = False, first_clause: bool = False
                 ) -> tuple[Span, Span | None, Span | None] | None:
    """The cue, speaker and speaker head of the first (``last``: the last) cue verb between
    ``lo`` and ``hi``; with ``nouns``, a noun of speech counts too ("made the following
    comment:", "this statement by Trump:"); with ``first_clause``, only in the first clause
    (“A,” Blige sings to Clinton before asking her: "asking" is not the cue of A)."""
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    toks = list(doc[i:j])
    if last:
        toks.reverse()
    for tok in toks:
        lemma = tok.lemma_.lower()
        if (first_clause and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "parataxis")
                and lemma not in CUE_LEMMAS and lemma not in QUOTE_CUE_LEMMAS):
            return None
        if nouns and tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS:
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in CUE_LEMMAS:
                continue  # "said in a statement:": the verb is the cue
            subj = _noun_speaker(tok)
            if subj is not None and i <= subj.i < j:
                speaker, head = _speaker(text, subj)
                return _cue_span(text, tok), speaker, head
        if tok.pos_ in ("VERB", "AUX") and (lemma in CUE_LEMMAS or lemma in QUOTE_CUE_LEMMAS):
            subj = _subject(tok)
            if subj is None or not i <= subj.i < j:
                subj = _name_near(doc, tok, i, j)
            speaker, head = _speaker(text, subj)
            return _cue_span(text, tok), speaker, head
    return None


def _writer_after(text: str, end: int) -> bool:
    """Whether a clause of the writer's opens right after the quote ending at ``end``
    ("“That makes me smart,” when Clinton blasted him")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in _CLAUSE_OPENERS


def _cue_right_before(doc: Doc, starts: Sequence[int], q: Span) -> bool:
    """Whether a cue verb stands right before the quote's opening mark (``chanted “What
    curfew?”``, ``singing "It's Our Time."``), a comma or colon apart at most."""
    k = bisect_left(starts, q.start) - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in ".!?":
        k -= 1
    return k >= 0 and doc[k].pos_ == "VERB" and (doc[k].lemma_.lower() in CUE_LEMMAS
                                                 or doc[k].lemma_.lower() in QUOTE_CUE_LEMMAS)


def _noun_speaker(noun: Token) -> Token | None:
    """Who a noun of speech belongs to: "a statement by X", "X's statement", "X made the
    comment"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _name_near(doc: Doc, cue: Token, i: int, j: int) -> Token | None:
    """The nearest name or pronoun after the cue (``said Jordan``), else before it."""
    for rng in (range(cue.i + 1, j), range(cue.i - 1, i - 1, -1)):
        for k in rng:
            tok = doc[k]
            if tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
                return tok
            if tok.pos_ == "PROPN" and tok.ent_type_ not in _TIME_ENTS:
                while (tok.dep_ in ("compound", "flat") and i <= tok.head.i < j
                       and tok.head.pos_ == "PROPN"):
                    tok = tok.head
                return tok
    return None


def _merge_interrupted(quotes: list[Quote], text: str) -> list[Quote]:
    """``"A," she said, speaking of B. "C."``: one direct quote in two fragments."""
    out: list[Quote] = []
    last = -1  # index in ``out`` of the last direct quote
    for q in quotes:
        prev = out[last] if last >= 0 else None
        if (prev is not None and q.kind is QuoteKind.DIRECT and prev.cue is not None
                and prev.speaker is not None and prev.content.end <= q.content.start
                and prev.content.end <= prev.cue.start < q.content.start
                and (q.cue is None or q.cue == prev.cue) and q.speaker in (None, prev.speaker)
                and all(o.cue is not None and prev.content.end <= o.cue.start < q.content.start
                        for o in out[last + 1 :])
                and "\n" not in text[prev.content.end : q.content.start]):
            out[last] = attrs.evolve(
                prev, content=Span.of(text, prev.content.start, q.content.end),
                fragments=(prev.fragments or (prev.content,)) + (q.fragments or (q.content,)))
            continue
        out.append(q)
        if q.kind is QuoteKind.DIRECT:
            last = len(out) - 1
    return out

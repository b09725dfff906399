"""The extraction: quoted stretches matched with the reported-speech readings of the parse,
cues found near the others, scare quotes and titles kept apart, and speakers resolved."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from newsstruct.quotes.cues import _Attribution
from newsstruct.quotes.marks import _FAMILY, quoted_spans
from newsstruct.quotes.nearby import _cue_right_before, _nearby, _writer_after
from newsstruct.quotes.reported import _attributions, _is_note, _labels
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
    from spacy.tokens import Doc

_BODY_KINDS = frozenset({SegmentKind.STANDFIRST, SegmentKind.PARAGRAPH, SegmentKind.CAPTION})
_HEAD_KINDS = frozenset({SegmentKind.TITLE, SegmentKind.HEADING})
#: Speakers that are the reader addressed ("you know", "you can call it"), no one's report; the
#: writer's own "I" and "we" report what they say and think (an opinion piece's "I tell myself
#: that ...").
_ADDRESSED = frozenset({"you"})
_REACH = 5_000  # longest stretch of reported content looked back over (characters)
#: Quotes of at most this many words with no speech cue nearby are scare quotes.
SCARE_MAX_WORDS = 4


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
        a.speaker is not None and a.speaker.text.lower() in _ADDRESSED)]
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

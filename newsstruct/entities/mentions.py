"""Name mentions: NER spans cleaned and split, mentions found by rule, overlaps resolved."""


from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.types import (
    Segment,
    SegmentKind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from newsstruct.entities._common import (
    _BODY,
    _CONNECTORS,
    _DATELINE,
    _DATELINE_PLACE,
    _DETERMINERS,
    _FIRST_NAME_RUN,
    _FIXTURE,
    _INITIAL_NAME,
    _KEEP,
    _NUMERIC,
    _POSSESSIVE,
    _SCORE_AFTER,
    _SKIP,
    _SKIP_KINDS,
    _STRICT_DATELINE,
    _TITLE_KINDS,
    _TITLE_LIKE,
    _WORD,
    _Cand,
    _folded,
    _is_first_name,
    _pairs,
    _title_lengths,
)
from newsstruct.entities.patterns import _NEXT_NAME, _state


def _is_upper_line(s: str) -> bool:
    upper = sum(map(str.isupper, s))
    lower = sum(map(str.islower, s))
    return upper >= 4 and lower <= 0.1 * (upper + lower)


def _regions(text: str, segments: Sequence[Segment]) -> tuple[list[int], list[int], list[Segment]]:
    """Segment starts, region codes and segments, in text order.

    A dateline-shaped line near the top ("LONDON 1996-08-30") is read as a dateline whatever
    kind the layout gave it; title, headings and ALL-CAPS lines are title-like.
    """
    segs = sorted(segments, key=lambda s: s.span.start)
    codes: list[int] = []
    for i, seg in enumerate(segs):
        kind = seg.kind
        if kind is SegmentKind.DATELINE or (
            i <= 4 and kind is not SegmentKind.TITLE and _STRICT_DATELINE.match(seg.text)
        ):
            codes.append(_DATELINE)
        elif kind in _SKIP_KINDS:
            codes.append(_SKIP)
        elif kind in _TITLE_KINDS or _is_upper_line(seg.text):
            codes.append(_TITLE_LIKE)
        else:
            codes.append(_BODY)
    return [s.span.start for s in segs], codes, segs


def _not_name_start(tok: Token, nxt: Token) -> bool:
    """Whether a span's first word is no part of the name: a lowercase word ("state
    Department of Revenue Services"), a verb ("Injecting Clinton") or an epithet before a first
    name ("Crooked Hillary Clinton")."""
    if tok.is_lower and tok.is_alpha and tok.lower_ not in _CONNECTORS:
        return True
    if tok.pos_ == "VERB" and tok.tag_.startswith("VB"):
        return True
    return tok.tag_ == "JJ" and not _is_first_name(tok.text) and _is_first_name(nxt.text)


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a word joined by a hyphen to the word before it ("Ki-moon")."""
    return (i >= 2 and doc[i].is_alpha and doc[i - 1].text == "-"
            and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha)


def _repair_person(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int]:
    """A person's name cut short by the model, grown back: the rest of a hyphenated given name
    ("Kim Ji" + "-woo"), a generational suffix and a first name just before ("Mary" +
    "Ann Roe")."""
    while (end_tok + 1 < len(doc) and doc[end_tok].text == "-" and not doc[end_tok].whitespace_
           and not doc[end_tok - 1].whitespace_ and doc[end_tok + 1].is_alpha):
        end_tok += 2
    nxt = end_tok + (end_tok < len(doc) and doc[end_tok].text == ",")
    if nxt < len(doc) and doc[nxt].text in ("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"):
        end_tok = nxt + 1  # a generational suffix ("Joseph R. Biden, Jr.")
    prev = doc[start_tok - 1] if start_tok > 0 else None
    if (prev is not None and prev.text.istitle() and prev.is_alpha and prev.whitespace_ == " "
            and prev.pos_ == "PROPN" and not prev.ent_type_ and _is_first_name(prev.text)
            and _is_first_name(doc[start_tok].text)):
        start_tok -= 1
    return start_tok, end_tok


def _clean(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int, tuple[int, int] | None]:
    """Token bounds without leading articles/titles and trailing possessives/scores, and the
    character span of a stripped title."""
    role: tuple[int, int] | None = None
    titles = lexicon("entity_titles")
    while start_tok < end_tok:
        tok = doc[start_tok]
        if tok.lower_ in _DETERMINERS or tok.is_punct or tok.is_space or (
                start_tok + 1 < end_tok and _not_name_start(tok, doc[start_tok + 1])):
            start_tok += 1
            continue
        stripped = False
        for n in _title_lengths():
            if start_tok + n < end_tok:
                words = doc[start_tok:start_tok + n]
                if words.text in titles and doc[start_tok + n].text[:1].isupper():
                    role = (words.start_char, words.end_char)
                    start_tok += n
                    stripped = True
                    break
        if not stripped:
            break
    while end_tok > start_tok:
        tok = doc[end_tok - 1]
        if _hyphen_joined(doc, end_tok - 1):
            break  # the last part of a hyphenated name ("Ban Ki-moon", "Kim Ji-woo")
        if tok.text in _POSSESSIVE or tok.is_punct or tok.is_space or _NUMERIC.match(tok.text) or (
                tok.is_lower and tok.is_alpha and end_tok - 1 > start_tok):
            end_tok -= 1
            continue
        break
    return start_tok, end_tok, role


def _pieces(doc: Doc, start_tok: int, end_tok: int, label: str) -> list[tuple[int, int]]:
    """Split a span at spaced dashes (and at commas between places)."""
    out: list[tuple[int, int]] = []
    suffixes = lexicon("entity_org_suffixes")
    lo = start_tok
    for i in range(start_tok, end_tok):
        tok = doc[i]
        cut = (tok.text in ("-", "–", "—") and tok.whitespace_ and i > 0
               and doc[i - 1].whitespace_) or tok.text in ("(", ")", "\n") or tok.is_space or (
            tok.text == "," and label in ("GPE", "LOC", "FAC")) or (
            tok.lower_ in ("v", "v.", "vs", "vs.") and tok.is_lower) or (
            tok.pos_ == "CCONJ" and i > lo and doc[i - 1].text in suffixes)
        if cut:
            if i > lo:
                out.append((lo, i))
            lo = i + 1
    if end_tok > lo:
        out.append((lo, end_tok))
    return out


def _acceptable(text: str) -> bool:
    if not any(c.isalpha() for c in text):
        return False
    if not any(c.isupper() for c in text):
        return False
    if text in lexicon("entity_titles"):
        return False
    non_names = _folded("entity_non_names")
    words = [w for w in _WORD.findall(text.replace("’", "'")) if w.casefold() not in ("'s",)]
    if words and all(w.casefold().removesuffix("'s") in non_names for w in words):
        return False
    return not (len(text) <= 3 and text.endswith("."))


def _title_before(doc: Doc, start_tok: int) -> tuple[int, int] | None:
    """A title written just before a name ("Mr. Obama", "Prime Minister John Major")."""
    titles = lexicon("entity_titles")
    for n in _title_lengths():
        if start_tok - n >= 0:
            words = doc[start_tok - n:start_tok]
            if words.text in titles and not words[0].is_space:
                return words.start_char, words.end_char
    return None


def _is_subject(doc: Doc, start_tok: int, end_tok: int) -> bool:
    for tok in doc[start_tok:end_tok]:
        if tok.dep_ in ("nsubj", "nsubjpass") and not (start_tok <= tok.head.i < end_tok):
            return True
        if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return False
    return False


def _ner_cands(doc: Doc, starts: list[int], codes: list[int], authors: frozenset[str],
               sports: bool = False) -> list[_Cand]:
    out: list[_Cand] = []
    countries = lexicon("entity_countries")
    for ent in doc.ents:
        if ent.label_ not in _KEEP:
            continue
        idx = bisect.bisect_right(starts, ent.start_char) - 1
        if idx < 0 or codes[idx] != _BODY:
            continue
        s, e, role = _clean(doc, ent.start, ent.end)
        label = ent.label_
        for ps, pe in _pieces(doc, s, e, label):
            s2, e2, role2 = _clean(doc, ps, pe)
            if e2 <= s2:
                continue
            if label == "PERSON":
                s2, e2 = _repair_person(doc, s2, e2)
            span = doc[s2:e2]
            txt = span.text
            if not _acceptable(txt) or txt.casefold() in authors:
                continue
            if role2 is None and not (ps == s and role is not None):
                role2 = _title_before(doc, s2)
            n_words = sum(1 for t in span if t.is_alpha)
            weight = 1.0
            if label == "PERSON" and n_words >= 2:
                weight = 3.0
            out.append(_Cand(span.start_char, span.end_char, label, weight, "ner",
                             role=role2 or (role if ps == s else None),
                             team=(_team_evidence(span.root) or (
                                 sports and label == "GPE" and txt not in countries
                                 and _team_role(span.root))) and not (
                                 s2 > 0 and doc[s2 - 1].pos_ == "NOUN" and doc[s2 - 1].is_lower
                             )))
    return out


def _team_evidence(tok: Token) -> bool:
    """Whether ``tok`` is the subject or object of a verb that sports reports use of teams
    ("Leicestershire beat Somerset")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "with", "against"):
        head = head.head
    elif tok.dep_ not in ("nsubj", "dobj", "conj"):
        return False
    if tok.dep_ == "conj":
        return head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in lexicon("entity_team_verbs")
    return head.pos_ in ("VERB", "AUX") and head.lemma_ in lexicon("entity_team_verbs")


def _sports_report(segs: list[Segment], codes: list[int]) -> bool:
    """Whether the article reports sport: its headline opens with a sport ("SOCCER - ...")."""
    for seg, code in zip(segs, codes, strict=True):
        if code == _SKIP:
            continue
        head = re.split(r"(?<!\s)\s+[-–—:]\s+|:\s", seg.text, maxsplit=1)
        return len(head) == 2 and head[0].strip().casefold() in _folded("entity_sports")
    return False


def _team_role(tok: Token) -> bool:
    """Whether a place name is used as a team in a sports report: a subject, object or
    possessor, or after "for", "against", "over", "with", "from", "to", "by" (not "in"/"at")."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "conj"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in (
        "for", "against", "over", "with", "from", "to", "by", "than")


def _label_for_name(name: str, ner_labels: dict[tuple[int, int], str], start: int, end: int,
                    numbers_after: int = 0) -> str:
    """The type of a competitor named in a results or standings line."""
    if name in lexicon("entity_countries"):
        return "GPE"
    words = name.split()
    person = ner_labels.get((start, end)) == "PERSON"
    if _INITIAL_NAME.fullmatch(name) or (len(words) >= 2 and _is_first_name(words[0])) or (
        person and (len(words) == 1 or numbers_after < 4)
    ):
        return "PERSON"
    return "ORG"


def _is_tabular(line: str) -> bool:
    toks = line.split()
    if len(toks) < 2 or len(line) > 250:
        return False
    nums = sum(1 for t in toks if _NUMERIC.match(t))
    lower = sum(1 for t in toks if t[:1].islower() and t not in _CONNECTORS)
    return nums >= 1 and lower <= max(1, len(toks) // 6) and not line.rstrip().endswith(".")


def _rule_cands(doc: Doc, text: str, segs: list[Segment], codes: list[int],
                ner_labels: dict[tuple[int, int], str]) -> list[_Cand]:
    """Mentions found by rule: dateline places, results lines, initials, org suffixes."""
    out: list[_Cand] = []
    countries = lexicon("entity_countries")
    for seg, code in zip(segs, codes, strict=True):
        if code == _SKIP:
            continue
        base = seg.span.start
        if code == _DATELINE:
            m = _DATELINE_PLACE.match(seg.text)
            if m:
                out.append(_Cand(base + m.start("place"), base + m.end("place"), "GPE", 3.0,
                                 "dateline", region=_TITLE_LIKE))
            continue
        region = code
        for line_m in re.finditer(r"[^\n]+", seg.text):
            line = line_m.group()
            lbase = base + line_m.start()
            fx = _FIXTURE.match(line)
            if fx is not None:
                for g in ("a", "b"):
                    name = fx.group(g)
                    s, e = lbase + fx.start(g), lbase + fx.end(g)
                    if _acceptable(name):
                        out.append(_Cand(s, e, _label_for_name(name, ner_labels, s, e), 3.5,
                                         "table", region=region))
                continue
            if _is_tabular(line):
                for m in _SCORE_AFTER.finditer(line):
                    name = m.group("name")
                    if name[:1].isdigit() or not _acceptable(name):
                        continue
                    before = line[:m.start()].rstrip()
                    if before.endswith("("):
                        continue
                    s, e = lbase + m.start(), lbase + m.end()
                    after = line[m.end():].split()
                    n_after = next((i for i, t in enumerate(after) if not _NUMERIC.match(t)),
                                   len(after))
                    label = _label_for_name(name, ner_labels, s, e, n_after)
                    out.append(_Cand(s, e, label, 3.5, "table", region=region))
        if code != _BODY and _is_upper_line(seg.text):
            continue
        for m in _FIRST_NAME_RUN.finditer(seg.text):
            if _is_first_name(m.group("first")) and not (
                    m.group("last") in countries or m.group("last") in lexicon("entity_titles")):
                out.append(_Cand(base + m.start(), base + m.end(), "PERSON", 2.0, "first_name",
                                 region=code))
        for m in _INITIAL_NAME.finditer(seg.text):
            last = m.group().split()[-1].split(".")[-1]
            if last in _pairs("entity_demonyms") or last in countries or _NEXT_NAME.match(
                    seg.text, m.end()) or _state(m.group().rsplit(".", 1)[0] + "."):
                continue  # part of a longer name ("D.C. Court of Appeals", "U.S. Supreme Court")
            out.append(_Cand(base + m.start(), base + m.end(), "PERSON", 2.0, "initial",
                             region=code))
    return out


def _name_goes_on(doc: Doc, i: int) -> bool:
    """Whether a name continues at token ``i`` ("Roper Center" + "for Public Opinion Research",
    "Board" + "on Professional Responsibility")."""
    if i < len(doc) and doc[i].lower_ in ("of", "for", "on"):
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha and not (
        doc[i].is_sent_start)


def _org_suffix_cands(doc: Doc, starts: list[int], codes: list[int]) -> list[_Cand]:
    """Capitalised runs ending in an organisation word ("Apic Yamada Corp")."""
    suffixes = lexicon("entity_org_suffixes")
    out: list[_Cand] = []
    for i, tok in enumerate(doc):
        if tok.text not in suffixes or i == 0 or _name_goes_on(doc, i + 1):
            continue
        j = i
        while j > 0 and (doc[j - 1].text[:1].isupper() or (
                doc[j - 1].lower_ in ("of", "and", "&") and j - 1 > 0
                and doc[j - 2].text[:1].isupper())) and not doc[j - 1].is_sent_start:
            j -= 1
        if j > 0 and doc[j - 1].is_sent_start and doc[j - 1].text[:1].isupper() and not (
                doc[j - 1].is_stop):
            j -= 1
        if j == i:
            continue
        while j < i and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in ("of", "and")):
            j += 1
        span = doc[j:i + 1]
        idx = bisect.bisect_right(starts, span.start_char) - 1
        code = codes[idx] if idx >= 0 else _SKIP
        if j < i and code in (_BODY, _TITLE_LIKE) and _acceptable(span.text):
            out.append(_Cand(span.start_char, span.end_char, "ORG", 2.5, "suffix", region=code))
    return out


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Keep, among overlapping mentions, the one with most weight (then the longest)."""
    ranked = sorted(cands, key=lambda c: (-c.weight, -(c.end - c.start), c.start))
    taken: list[tuple[int, int]] = []
    kept: list[_Cand] = []
    for c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept

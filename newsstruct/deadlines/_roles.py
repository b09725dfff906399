"""Roles of a deadline frame read off the dependency parse: who set it, who must act, what is
demanded and what follows if not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsstruct.deadlines._base import (
    _NP_LEFT,
    _PREP_BOUND,
    _Context,
    _Frame,
    _has_lemma,
    _infinitive,
    _lex,
    _subject,
)
from newsstruct.entities import entity_at
from newsstruct.types import (
    Slot,
    Span,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as DocSpan
    from spacy.tokens import Token

# --------------------------------------------------------------------------- roles


def _np(ctx: _Context, tok: Token) -> tuple[int, int]:
    """Character range of a noun phrase headed by ``tok`` (pre-modifiers and name parts)."""
    start = tok
    for left in reversed(list(tok.lefts)):
        if left.dep_ in _NP_LEFT - {"punct", "prep", "pobj"}:
            start = left if left.i < start.i else start
            for sub in left.subtree:
                if sub.i < start.i:
                    start = sub
    end = tok
    for right in tok.rights:
        if right.dep_ in ("compound", "flat", "nummod") or (
            right.ent_iob_ == "I" and right.i == end.i + 1
        ):
            end = right
    stop = end.idx + len(end)
    if end.ent_iob_ in ("B", "I"):
        # a name the parse splits ("The Centers for Disease Control") ends where it ends
        doc = tok.doc
        first = end.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = end.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        if doc[first].idx >= start.idx:
            stop = max(stop, doc[last].idx + len(doc[last]))
    # "Messrs. Drabinsky and Gottlieb": every conjunct must act
    if any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in tok.rights):
        for right in tok.rights:
            if right.dep_ == "conj" and right.pos_ in ("PROPN", "NOUN", "PRON"):
                stop = max(stop, _np(ctx, right)[1])
    return start.idx, stop



def _span(ctx: _Context, start: int, end: int) -> Span:
    """The span ``ctx.text[start:end]`` without what the model saw as white space at either
    end: a trailing line break, or a boilerplate line blanked for the spaCy pass that a token
    range took in."""
    seen = ctx.doc.text if len(ctx.doc.text) == len(ctx.text) else ctx.text
    while end > start and seen[end - 1].isspace():
        end -= 1
    while start < end and seen[start].isspace():
        start += 1
    return Span.of(ctx.text, start, end)

def _trimmed(ctx: _Context, rng: tuple[int, int]) -> Span:
    """A slot's span without trailing punctuation, nor white space at either end."""
    start, end = rng
    while end > start and ctx.text[end - 1] in " ,.;:":
        end -= 1
    return _span(ctx, start, end)


def _slot(ctx: _Context, rng: tuple[int, int], head: Token | None = None) -> Slot:
    cut = ctx.text.rfind(">", rng[0], head.idx if head is not None else rng[1])
    if cut >= 0:
        # a wire headline's ticker glued before the name ("<BKN> Ropak Corp")
        rng = (cut + 1, rng[1])
    span = _trimmed(ctx, rng)
    lo, hi = (head.idx, head.idx + len(head)) if head is not None else (rng[0], span.end)
    ent = entity_at(ctx.entities, lo, hi)
    return Slot(span=span, entity=ent.id if ent else None, name=ent.name if ent else None)


def _clause_slot(ctx: _Context, rng: tuple[int, int]) -> Slot:
    """A slot that holds a clause (demand, consequence): a span, no entity."""
    return Slot(span=_trimmed(ctx, rng))


def _agent(verb: Token) -> Token | None:
    """The active subject or by-agent of a verb (a relative pronoun stands for the noun
    its clause qualifies)."""
    found = _agent_of(verb)
    if found is not None and found.tag_ in ("WDT", "WP") and found.head.dep_ == "relcl":
        return found.head.head
    return found


def _agent_of(verb: Token) -> Token | None:
    tok = verb
    for _ in range(5):
        for child in tok.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if tok.dep_ in ("acl",) and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ in ("ROOT",) or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


#: Verbs that report what a speaker (their subject) said of a deadline.
_REPORTING = frozenset({"say", "announce", "state", "add", "report"})


def _reported(tok: Token) -> Token:
    """"Dow Jones said it extended ...": a subject pronoun of a reported clause stands for
    the speaker named as the reporting verb's subject."""
    if tok.lower_ not in ("it", "they") or tok.dep_ != "nsubj":
        return tok
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _REPORTING:
        return tok
    speaker = _subject(clause.head)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
        return tok
    return speaker


def _speaker(tok: Token) -> Token | None:
    """The subject of the reporting verb whose clause holds ``tok`` ("the company said the
    offer will expire ..."; "Southmark said ..., adding that ... the offer will expire")."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _REPORTING:
            subj = _subject(tok)
            if subj is not None and subj.tag_ not in ("WDT", "WP"):
                return subj
    return None


def _issued(frame: _Frame) -> Token | None:
    """The offer, bid or rights whose end a frame gives: the subject of its verb ("the offer
    will expire"), or the noun the verb's clause qualifies ("its offer which expired
    yesterday", "its bid, due to expire last Thursday")."""
    issued = _lex("deadline_issued_nouns")
    verb = frame.head
    found = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    tok = verb
    for _ in range(3):
        if found is not None or tok.head.i == tok.i:
            break
        if tok.dep_ in ("relcl", "acl", "amod", "xcomp") and tok.head.pos_ in ("NOUN", "PROPN"):
            found = tok.head
        tok = tok.head
    if found is None or found.tag_ in ("WDT", "WP"):
        found = verb.head if verb.dep_ == "relcl" else found
    if found is None:
        # "its bid, due to expire last Thursday": the noun right before the verb's phrase
        left = [t for t in verb.doc[max(0, verb.left_edge.i - 4):verb.left_edge.i]
                if not t.is_punct and t.lower_ not in ("due", "set", "scheduled", "to")]
        found = left[-1] if left and left[-1].pos_ == "NOUN" else None
    if found is not None and not _has_lemma(found, issued):
        # "its 22.50 dlrs per share offer which expired": the offer inside the phrase
        found = next((t for t in reversed(list(found.subtree))
                      if t.i < verb.i and _has_lemma(t, issued)), None)
    return found


def _issuer(frame: _Frame) -> Token | None:
    """Who fixed the end of an offer, a bid or rights: its owner named in the phrase ("a bid by
    Ciba-Geigy Ltd.", "its tender offer", where the possessive pronoun stands for the one who
    reports it), else the one who reports its end."""
    noun = _issued(frame)
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return owner
    return _speaker(noun) or owner


def _setter(ctx: _Context, frame: _Frame) -> Token | None:
    setters = _lex("deadline_setter_verbs") | _lex("deadline_directive_verbs")
    if frame.kind == "expiry":
        return _issuer(frame)
    if frame.kind in ("due", "last_day"):
        return None
    noun = frame.noun or frame.adopted
    if noun is not None:
        for child in noun.children:
            if child.dep_ == "acl" and _has_lemma(child, setters):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return obj
            # "a deadline StatesWest had set"
            if child.dep_ == "relcl" and _has_lemma(child, setters):
                subj = _subject(child)
                if subj is not None and subj.tag_ not in ("WDT", "WP"):
                    return subj
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "as":
            verb = verb.head
        if noun.dep_ in ("dobj", "dative", "pobj", "nsubjpass") and _has_lemma(verb, setters) \
                and not any(c.dep_ == "prt" for c in verb.children):
            found = _agent(verb)
            if found is not None:
                return found
        if frame.noun is not None:
            return None
    tok = frame.head
    for _ in range(4):
        governed = tok.dep_ in ("xcomp", "ccomp", "acl", "conj") or (
            tok.dep_ == "advcl" and _infinitive(tok)
        )
        head = tok.head
        if governed and head.pos_ in ("VERB", "AUX") and _has_lemma(head, setters) \
                and not any(c.dep_ == "prt" for c in head.children):
            return _agent(head)
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "acl") or tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _infinitive_after(ctx: _Context, sent: DocSpan, after: int) -> Token | None:
    """The first "for X to VERB" / "to VERB" clause starting within a few words after a noun."""
    for tok in sent:
        if tok.i <= after or tok.i > after + 12:
            continue
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            return tok
    return None


def _holds_limit(ctx: _Context, prep: Token, due: tuple[int, int]) -> bool:
    """Whether a prepositional phrase states the limit ("by Jan. 14", "by the close of
    business" before "yesterday") rather than part of what is demanded."""
    if any(due[0] <= t.idx < due[1] for t in prep.subtree):
        return True
    if prep.lower_ not in _PREP_BOUND:
        return False
    end = prep.right_edge.idx + len(prep.right_edge)
    return any(t.i in ctx.tok_time for t in prep.subtree) or 0 <= due[0] - end <= 2


def _demand_range(ctx: _Context, verb: Token, due: tuple[int, int]) -> tuple[int, int] | None:
    """The obliged clause: the verb's phrase without its subject, "to", the limit and
    the "or ..." consequence."""
    drop: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass", "punct") and \
                child.i < verb.i and child.lower_ not in ("be",):
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("cc", "conj") and child.i > verb.i:
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("prep", "agent") and _holds_limit(ctx, child, due):
            drop.update(t.i for t in child.subtree)
        if child.dep_ in ("npadvmod", "advmod") and any(
            due[0] <= t.idx < due[1] for t in child.subtree
        ):
            drop.update(t.i for t in child.subtree)
    keep = [t for t in verb.subtree if t.i not in drop]
    # the kept part must be contiguous from the verb on
    keep = [t for t in keep if t.i >= verb.i or t.dep_ in ("auxpass",) or t.lower_ == "be"]
    if not keep:
        return None
    run = [keep[0]]
    for t in keep[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[-1].is_punct or run[-1].lower_ in ("or", "and", "but")):
        run.pop()
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1])


def _consequence_cue(ctx: _Context, sent: DocSpan, verb: Token | None, tok: Token) -> bool:
    """"otherwise", "or else", or an "or" that joins a second verb to the demand ("agree to a
    deal or face new sanctions")."""
    if tok.lower_ == "otherwise":
        return True
    if tok.lower_ != "or":
        return False
    if tok.i + 1 < sent.end and ctx.doc[tok.i + 1].lower_ == "else":
        return True
    if verb is not None and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                and c.left_edge.i > tok.i for c in verb.children):
        return True
    # "... to pass a spending bill or the government will shut down"
    nxt = [t for t in ctx.doc[tok.i + 1:min(sent.end, tok.i + 6)]
           if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    return bool(nxt) and nxt[0].dep_ == "conj" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt[0].children
    )


def _consequence(ctx: _Context, sent: DocSpan, verb: Token | None) -> tuple[int, int] | None:
    """What follows if the demand is not met: "or face ...", "or else ...", "otherwise ..."."""
    cue: Token | None = None
    for tok in sent:
        if verb is not None and tok.i <= verb.i:
            continue
        if _consequence_cue(ctx, sent, verb, tok):
            cue = tok
            break
    if cue is None:
        return None
    start = cue.i + 1
    while start < sent.end and (ctx.doc[start].is_punct or ctx.doc[start].lower_ == "else"):
        start += 1
    head = next((t for t in ctx.doc[start:sent.end] if t.pos_ == "VERB"), None) or next(
        (t for t in ctx.doc[start:sent.end] if t.pos_ == "AUX"), None)
    end = (head.right_edge.i if head is not None else sent.end - 1)
    end = max(end, start)
    while end > start and ctx.doc[end].is_punct:
        end -= 1
    if start >= sent.end:
        return None
    # a reporting clause after a comma ("..., the envoy said") is not part of it
    for k in range(start, end + 1):
        if ctx.doc[k].text in (",", ";", "—", "–") and k > start:
            rest = ctx.doc[k + 1:end + 1]
            if any(t.lemma_.lower() in _lex("cue_verbs") for t in rest):
                end = k - 1
                break
    return ctx.doc[start].idx, ctx.doc[end].idx + len(ctx.doc[end])


def _noun_roles(ctx: _Context, sent: DocSpan, noun: Token) -> tuple[
        Token | None, Slot | None, Slot | None]:
    """The demanded verb, the party and a demand read from a limit noun's phrase: "for Russia to
    agree", "a deadline for the receipt of bids", "gave Saddam Hussein a final deadline"."""
    party = demand = None
    verb = _infinitive_after(ctx, sent, noun.i)
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and any(c.dep_ == "mark" and c.lower_ == "for"
                                    for c in verb.children):
            party = _slot(ctx, _np(ctx, subj), subj)
    else:
        for child in noun.children:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None) \
                if child.dep_ == "prep" and child.lower_ == "for" else None
            if obj is not None:
                sub = list(obj.subtree)
                demand = _clause_slot(ctx, (sub[0].idx, sub[-1].idx + len(sub[-1])))
    if verb is None and demand is None and noun.dep_ in ("npadvmod", "appos") and \
            noun.head.pos_ in ("VERB", "AUX"):
        # "didn't respond to its offer by the close of business yesterday, a deadline ..."
        verb = noun.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ not in ("WDT", "WP"):
            party = _slot(ctx, _np(ctx, subj), subj)
    if party is None and noun.dep_ in ("dobj",):
        # "gave Saddam Hussein a final deadline"; "Hamas was given a 72-hour ultimatum"
        dative = next((c for c in noun.head.children if c.dep_ == "dative"), None) or next(
            (c for c in noun.head.children if c.dep_ == "nsubjpass"
             and noun.head.lemma_.lower() in ("give", "grant", "issue", "hand")), None)
        if dative is not None:
            party = _slot(ctx, _np(ctx, dative), dative)
    return verb, party, demand


def _obliged_subject(verb: Token) -> Token | None:
    """Who must act in a verb's clause: its subject, the object of a verb of asking ("asked it
    to respond"), the subject of a passive one ("was ordered to return"), or the subject of a
    verb it completes ("fails to file")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "ccomp":
        # "recommends all adults get ...", the subject parsed as the upper verb's object
        subj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if subj is None and verb.dep_ == "xcomp":
        upper = verb.head.children
        subj = next((c for c in upper if c.dep_ in ("dobj", "dative")), None) \
            or next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None and not any(c.dep_ == "auxpass" for c in verb.children):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            return subj if subj is not None and subj.tag_ not in ("WDT", "WP") else None
    if subj is not None and subj.dep_ != "nsubjpass" and subj.tag_ not in ("WDT", "WP"):
        return subj
    return None


def _verb_roles(ctx: _Context, frame: _Frame) -> tuple[Token | None, Slot | None, Slot | None]:
    """The demanded verb, a setter and the party of a frame cued by a verb's clause."""
    verb = frame.head
    set_by = party = None
    subj = _obliged_subject(verb)
    if subj is not None:
        party = _slot(ctx, _np(ctx, subj), subj)
    if verb.lemma_.lower() in ("give", "grant"):
        # "gave Merieux until mid-November to submit ...": the giver sets it
        receiver = next((c for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")
                         and not any(frame.due_tokens[0] <= t.idx < frame.due_tokens[1]
                                     for t in c.subtree)), None) or next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None)
        giver = _agent(verb)
        if giver is not None:
            set_by = _slot(ctx, _np(ctx, giver), giver)
        party = _slot(ctx, _np(ctx, receiver), receiver) if receiver is not None else None
    if verb.lemma_.lower() in ("have", "give", "get", "grant"):
        return next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "relcl", "acl")
                     and any(g.lower_ == "to" for g in c.children)), None) or next(
            (c for t in verb.children for c in t.children
             if c.dep_ in ("relcl", "acl") and any(g.lower_ == "to" for g in c.children)),
            None), set_by, party
    return verb, set_by, party


def _class_roles(ctx: _Context, frame: _Frame) -> tuple[Slot | None, Slot | None]:
    """The setter and the party a class predicate names: the subject of a commitment is the
    party; the subject of a request sets the limit and its addressee (object, "call on" object,
    or passive subject) is the party."""
    pred = frame.predicate
    if pred is None:
        return None, None
    subj = _agent(pred)
    if frame.predicate_roles == "committer":
        if subj is None or subj.dep_ == "nsubjpass":
            return None, None
        subj = _reported(subj)
        # who commits sets the limit on itself
        committer = _slot(ctx, _np(ctx, subj), subj)
        return committer, committer
    if frame.predicate_roles != "director":
        return None, None
    set_by = party = None
    if subj is not None and subj.dep_ != "nsubjpass" and subj.tag_ not in ("WDT", "WP"):
        subj = _reported(subj)
        set_by = _slot(ctx, _np(ctx, subj), subj)
    addressee = next((c for c in pred.children if c.dep_ in ("dobj", "dative", "nsubjpass")
                      and c.i not in ctx.tok_time), None) or next(
        (o for c in pred.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
         for o in c.children if o.dep_ == "pobj"), None)
    if addressee is not None and addressee.pos_ in ("PROPN", "NOUN", "PRON") and \
            addressee.ent_type_ not in ("DATE", "TIME") and _obliges(pred):
        party = _slot(ctx, _np(ctx, addressee), addressee)
    return set_by, party


def _obliges(pred: Token) -> bool:
    """Whether the addressee must act: an infinitive follows it ("ordered doctors to return",
    "was ordered to return") or a gerund of the duty ("task the Federal Reserve with
    achieving"), not a thing asked for ("calls for elections")."""
    return any(c.dep_ in ("xcomp", "ccomp") and _infinitive(c) for c in pred.children) or any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pcomp" for g in c.children)
        for c in pred.children)


def _roles(ctx: _Context, sent: DocSpan, frame: _Frame) -> dict[str, Slot | None]:
    set_by = party = demand = None
    setter = _setter(ctx, frame)
    if setter is not None:
        setter = _reported(setter)
        set_by = _slot(ctx, _np(ctx, setter), setter)
    verb: Token | None = None
    if frame.noun is not None:
        verb, party, demand = _noun_roles(ctx, sent, frame.noun)
    elif frame.kind == "extension":
        giver = _agent(frame.head)
        if giver is None or giver.dep_ == "nsubjpass":
            # "A C$30-a-share bid by Ciba-Geigy Ltd. ... was extended to Nov. 16"
            giver = _issuer(frame)
        if giver is not None:
            giver = _reported(giver)
            set_by = _slot(ctx, _np(ctx, giver), giver)
    elif frame.kind == "goal":
        holder = next((c for c in frame.head.children if c.dep_ == "poss"), None)
        party = _slot(ctx, _np(ctx, holder), holder) if holder is not None else None
    elif frame.head.pos_ in ("VERB", "AUX") and frame.head.lemma_.lower() not in \
            _lex("deadline_expiry_verbs"):
        verb, given_by, party = _verb_roles(ctx, frame)
        set_by = given_by or set_by
    if frame.predicate is not None:
        set_by, party = _class_roles(ctx, frame)
    if verb is not None and demand is None:
        rng = _demand_range(ctx, verb, frame.due_tokens)
        if rng is not None:
            demand = _clause_slot(ctx, rng)
    cons = _consequence(ctx, sent, verb)
    consequence = _clause_slot(ctx, cons) if cons is not None else None
    return {"set_by": set_by, "party": party, "demand": demand, "consequence": consequence}

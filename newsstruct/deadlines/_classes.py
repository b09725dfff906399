"""Predicate classes that make a time bound a deadline.

A limiting bound ("by DATE", "before DATE", "within N units", "no later than", "until DATE")
states a deadline when the dependency parse attaches it to a predicate of one of these classes,
each a lexicon named after the FrameNet frame it follows:

* Commitment: "has agreed to sell control of the firms ... within two years";
* Request / Imposing_obligation: "the agreement calls for elections within two years";
* Scheduling: "the closing is scheduled to be concluded by March 31";
* Availability / Being_in_effect (a permission or term, with "until" a day ahead): "the seats
  are only available on the Internet until Monday";
* Contingency: "the sale is subject to shareholder approval by April 24".

The bound may sit on the predicate itself or on what it governs: its infinitive or clause ("to
sell ..."), its object ("calls for elections within ..."), or the object of its preposition
("subject to approval by ..."). Relative clauses, adverbial clauses and modifiers of nouns are
not climbed: "a plan that would cut emissions by 2030" is not governed by "agreed" in "agreed to
a plan that ...". The class also says who plays which role: the committer (subject of a
commitment) is the party; the one who requests sets the limit and the one asked is the party.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from newsstruct.deadlines._base import _has_lemma, _lex, _negated
from newsstruct.types import Bound

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CLASSES", "ClassPredicate", "PredicateClass", "Roles", "class_predicate"]


class Roles(enum.Enum):
    """How a class's predicate fills the roles of its deadline."""

    #: the predicate's subject is the party ("Harcourt Canada has agreed to sell ...")
    COMMITTER = "committer"
    #: the predicate's subject sets the limit, its object is the party ("ordered doctors to ...")
    DIRECTOR = "director"
    #: the predicate names no role
    NONE = "none"


_LIMITS = frozenset({Bound.BY, Bound.BEFORE, Bound.WITHIN})


@attrs.frozen
class PredicateClass:
    """A class of predicates that turn a time bound on them into a deadline."""

    #: the FrameNet frame(s) the lexicon follows
    frame: str
    #: the lexicon (``newsstruct/data/<lexicon>.txt``)
    lexicon: str
    #: the bounds that state a limit on it
    bounds: frozenset[Bound]
    #: the parts of speech its predicates take
    pos: frozenset[str]
    roles: Roles
    #: a preposition the predicate must govern ("subject to", "call for"), if any
    preps: frozenset[str] = frozenset()
    #: whether the bound's time must lie ahead of the article's time
    ahead: bool = False
    #: whether the predicate must govern an infinitive, the act it puts on a schedule
    #: ("scheduled to be concluded by March 31", not "the shipments are set before March 16")
    infinitive: bool = False
    #: whether the bound must sit in the act the predicate governs, not on the predicate
    #: itself ("agreed to sell ... within two years"; "committed to Desert Shield within weeks"
    #: dates the deployment, not a limit on anyone)
    on_act: bool = False


#: The classes, in the order they are tried.
CLASSES: tuple[PredicateClass, ...] = (
    PredicateClass("Commitment", "deadline_class_commitment", _LIMITS,
                   frozenset({"VERB"}), Roles.COMMITTER, on_act=True),
    PredicateClass("Request / Imposing_obligation", "deadline_class_request", _LIMITS,
                   frozenset({"VERB"}), Roles.DIRECTOR),
    PredicateClass("Scheduling", "deadline_class_scheduling", _LIMITS,
                   frozenset({"VERB", "ADJ"}), Roles.NONE, infinitive=True, on_act=True),
    PredicateClass("Availability / Being_in_effect", "deadline_class_term",
                   frozenset({Bound.UNTIL}), frozenset({"ADJ"}), Roles.NONE, ahead=True),
    PredicateClass("Contingency", "deadline_class_contingency", _LIMITS,
                   frozenset({"ADJ"}), Roles.NONE, preps=frozenset({"to", "on", "upon"})),
)

#: Links climbed from a bound's word to the predicate that governs it: complements, objects,
#: prepositions and conjuncts, not relative or adverbial clauses.
_CLIMB = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj", "acomp", "oprd"})
#: Verbs that deny the act they govern (FrameNet Agree_or_refuse_to_act: refuse, decline; and
#: "fail"): "refused to pledge to release his tax returns before the election" is no pledge.
_REFUSALS = frozenset({"refuse", "decline", "fail", "reject"})
#: Predicates that need their preposition to be of their class ("call for", "call on").
_WITH_PREP = {"call": frozenset({"for", "on", "upon"})}


@attrs.frozen
class ClassPredicate:
    """A class predicate found for a bound."""

    token: Token
    cls: PredicateClass


def _member(tok: Token, cls: PredicateClass, bound: Bound) -> bool:
    if bound not in cls.bounds or tok.pos_ not in cls.pos or _negated(tok):
        return False
    if not _has_lemma(tok, _lex(cls.lexicon)):
        return False
    if cls.infinitive and not any(c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children):
        return False
    if _hypothetical(tok) or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _REFUSALS):
        return False
    preps = cls.preps or _WITH_PREP.get(tok.lemma_.lower(), frozenset())
    return not preps or any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def _hypothetical(tok: Token) -> bool:
    """A predicate in a condition ("Unless we ... demand a move away from fossil fuels by
    2030") states no commitment or request that was made."""
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            return True
        if tok.dep_ != "conj":
            return False
        tok = tok.head
    return False


def _candidates(head: Token) -> list[Token]:
    """The bound's word and what governs it through the climbed links, with the copular
    predicates ("is subject to", "are available") of each verb met."""
    out: list[Token] = []
    tok = head
    for _ in range(5):
        out.append(tok)
        out += [c for c in tok.children if c.dep_ in ("acomp", "oprd") and c not in out]
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i or (
            tok.dep_ == "prep" and tok.head.pos_ in ("NOUN", "PROPN")
        ):
            break  # a modifier of a noun ("its target for reducing emissions by 2025")
        tok = tok.head
    return out


def class_predicate(head: Token, bound: Bound, *, ahead: bool) -> ClassPredicate | None:
    """The class predicate a bound on ``head`` is attached to, if any; ``ahead`` says whether
    the bound's time lies after the article's time."""
    for tok in _candidates(head):
        for cls in CLASSES:
            if (ahead or not cls.ahead) and not (cls.on_act and tok.i == head.i) and \
                    _member(tok, cls, bound):
                return ClassPredicate(tok, cls)
    return None

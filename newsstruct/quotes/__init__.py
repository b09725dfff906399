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
  stands before its comma ("People like Scott, he said."); one that interrupts what it
  reports leaves both sides of its commas to it ("A, he told me on Friday, B"); a reported
  object runs on over the phrases and conjuncts the parser hangs on the cue after it, short
  of a phrase of the occasion ("in a ruling") or a clause of its own; a clause with its own
  subject and no subordinator after a verb of saying is its complement even when parsed as
  an adverbial ("said after the convention he would not ..."). Transcript lines ("PENCE: ...", also
  inside an opening mark) are read as speech too when the label looks like a speaker: a role from
  ``quote_speaker_roles`` (also "Poll"), a name the parser knows (in a headline, a person
  only), a name the article gives a person elsewhere ("Pence: ..."), or a name in capitals
  that the article also writes as a person's name or that opens several lines;
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
only through a clause. An adjective of believing or fearing from
``quote_thought_adjectives`` reports its clause as its subject's thought ("Many Democrats are
afraid that ..."). A noun of saying or believing from ``quote_report_nouns`` with a "that"
clause reports that clause ("Trump's claim that ...", "arguments that ..."), by its owner or
author when it names one. A clause of a verb of ``quote_as_verbs`` opened by "as", with a
subject and nothing said of its own, reports the clause it modifies (", as police have said";
"As Ms. Roe put it, ..."). Speakers are linked to entities afterwards,
in text order, by :mod:`newsstruct.speakers`.

The modules: :mod:`~newsstruct.quotes.marks` (quotation marks and the quoted stretches they
pair), :mod:`~newsstruct.quotes.cues` (cue verbs and the lexicons, the speaker and subject of a
cue), :mod:`~newsstruct.quotes.content` (what a cue reports and where it ends),
:mod:`~newsstruct.quotes.reported` (the reported-speech frames: verbs, nouns of saying,
"according to", transcript labels), :mod:`~newsstruct.quotes.nearby` (the cue of a quote from
around it) and :mod:`~newsstruct.quotes.extract` (``extract_quotes``).
"""

from __future__ import annotations

from newsstruct.quotes.cues import (
    CUE_LEMMAS,
    CUE_OBJECT_LEMMAS,
    NOT_SPEECH_LEMMAS,
    QUOTE_CUE_LEMMAS,
    SPEECH_LEMMAS,
    THOUGHT_LEMMAS,
)
from newsstruct.quotes.extract import MAX_SENTENCE_TOKENS as MAX_SENTENCE_TOKENS
from newsstruct.quotes.extract import SCARE_MAX_WORDS as SCARE_MAX_WORDS
from newsstruct.quotes.extract import extract_quotes
from newsstruct.quotes.marks import QuoteMark, find_marks, quoted_spans

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

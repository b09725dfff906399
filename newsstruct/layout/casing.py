"""How a line is written: in title case ("Olivia Munn: Queen of the Uncool"), as many
headlines are, or in sentence case ("The Web and cable star has achieved fame ..."), as
standfirsts and captions are; or as a quotation, as a pull quote is. Read by the title
features."""

from __future__ import annotations

import re
from functools import lru_cache

from newsstruct.data import lexicon
from newsstruct.layout.cues import has_date
from newsstruct.layout.features import _Feat, _title_like

__all__ = ["quoted", "title_case", "under_title_case"]

#: A word of four letters or more (a hyphen, an apostrophe and the letters after them
#: belong to it), after any opening quote or bracket.
_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]{3,}")
#: Fewest words of a line read as in title case, and fewest long words in it.
TITLE_CASE_WORDS, TITLE_CASE_LONG = 4, 2


@lru_cache(maxsize=8192)
def title_case(core: str) -> bool:
    """Whether ``core`` is written in title case: four words or more, not all in capitals,
    every word of four letters or more capitalised but the prepositions and conjunctions
    that some styles leave in lower case ("with", "from", "into")."""
    if len(core.split()) < TITLE_CASE_WORDS or core.isupper():
        return False
    small = lexicon("layout_title_case_small_words")
    long = [w for w in _LONG_WORD.findall(core) if w.lower() not in small]
    return len(long) >= TITLE_CASE_LONG and all(w[0].isupper() for w in long)


def under_title_case(f: _Feat, above: _Feat | None) -> bool:
    """Whether the line ``f`` (four words or more) is in sentence case right under a
    headline-like line in title case: the headline's standfirst or a picture's caption."""
    return (above is not None and f.words >= TITLE_CASE_WORDS and not f.core.isupper()
            and not title_case(f.core) and title_case(above.core) and _title_like(above)
            and not has_date(above.core))


#: Quotation marks that open and close a quotation.
_OPENING, _CLOSING = "“\"‘", "”\"’"
#: Fewest words of a line read as a pull quote.
QUOTED_WORDS = 5


def quoted(core: str) -> bool:
    """Whether the whole of ``core`` (five words or more) is one quotation, a closing full
    stop aside ("“I have been complicit in ... off my hands.”"): a pull quote."""
    end = core.rstrip(".")
    return (core[:1] in _OPENING and end[-1:] in _CLOSING and len(core.split()) >= QUOTED_WORDS
            and not any(c in _CLOSING for c in end[1:-1] if c != "’"))

"""Input diagnostics: what about a text may make its reading less reliable.

:func:`diagnose` reports, as :class:`~newsstruct.types.ParseWarning` records, HTML or Markdown
markup pasted into the text, text that does not read as English, control and invisible characters,
mis-decoded text (mojibake, U+FFFD), an article processed in chunks and an article without a
body paragraph. The text is parsed all the same; a warning only says why a reading may be poor.
Every check is a single linear scan (language is judged on a bounded sample of long texts).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsstruct.data import lexicon
from newsstruct.layout import layout_warnings
from newsstruct.pipeline import CHUNKS_KEY
from newsstruct.types import ParseWarning, Segment, SegmentKind, Span, WarningCode

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "LANGUAGES",
    "detect_language",
    "diagnose",
    "find_control_characters",
    "find_html",
    "find_markdown",
]

#: Languages whose function words are compared (``newsstruct/data/function_words_<code>.txt``).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
)

# --------------------------------------------------------------------------- markup

_HTML_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|cite|code|div|dl|dd|dt|em|"
    "figcaption|figure|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|"
    "link|main|meta|nav|noscript|ol|p|picture|pre|script|section|small|source|span|strong|"
    "style|sub|sup|svg|table|tbody|td|th|thead|time|title|tr|u|ul|video"
)
# A known tag name, then attributes that cannot hold another tag: each candidate "<" is
# scanned at most to the next "<" or ">" (and at most 500 characters), so the search is linear.
_HTML_TAG = re.compile(r"</?(?:" + _HTML_TAGS + r")(?:[\s/][^<>]{0,500})?>|<!--", re.IGNORECASE)
_HTML_ENTITY = re.compile(
    r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|amp|nbsp|quot|apos|lt|gt|[lr]squo|[lr]dquo|"
    r"[mn]dash|hellip|copy|reg|trade|laquo|raquo|eacute|egrave|agrave|ccedil|uuml|ouml|auml|"
    r"bull|middot|shy|zwj|zwnj);"
)
_MD_HEADING = re.compile(r"\n[ \t]{0,3}#{1,6}[ \t]+[^\W_]")
_MD_FENCE = re.compile(r"\n[ \t]{0,3}(?:```|~~~)")
_MD_LINK_TAIL = re.compile(r"\]\((?:https?://|www\.|/|#|mailto:)[^()\s]{0,500}\)")
_MD_EMPHASIS = re.compile(r"\*\*[^*\s][^*\n]{0,200}(?<=[^*\s])\*\*")
#: How far back from "](" the opening "[" of a Markdown link is looked for.
_MD_LINK_LABEL = 300
#: Candidates of one kind examined before giving up (keeps adversarial input linear).
_MAX_CANDIDATES = 1000


def find_html(text: str) -> tuple[int, Span] | None:
    """How many HTML tags or character references ``text`` holds (at least one), and the
    first; ``None`` if it holds none."""
    count = 0
    first: tuple[int, int] | None = None
    for gate, pattern in (("<", _HTML_TAG), ("&", _HTML_ENTITY)):
        if gate not in text:
            continue
        for m in pattern.finditer(text):
            count += 1
            if first is None or m.start() < first[0]:
                first = (m.start(), m.end())
            if count >= _MAX_CANDIDATES:
                break
    if first is None:
        return None
    return count, Span.of(text, *first)


def find_markdown(text: str) -> tuple[int, Span] | None:
    """How many Markdown constructs (two headings or more, links, images, emphasis, code
    fences) ``text`` holds, and the first; ``None`` if it holds none."""
    found: list[tuple[int, int]] = []
    padded = "\n" + text  # a construct on the first line starts after a line break too
    for gate, pattern, least in (("#", _MD_HEADING, 2), ("```", _MD_FENCE, 1),
                                 ("~~~", _MD_FENCE, 1), ("**", _MD_EMPHASIS, 1)):
        if gate not in text:
            continue
        hits = []
        for m in pattern.finditer(padded):
            start = m.start() if pattern is _MD_EMPHASIS else m.end() - len(m.group().lstrip())
            hits.append((max(0, start - 1), m.end() - 1))
            if len(hits) >= _MAX_CANDIDATES:
                break
        if len(hits) >= least:
            found.extend(hits)
    if "](" in text:
        for tried, m in enumerate(_MD_LINK_TAIL.finditer(text)):
            if tried >= _MAX_CANDIDATES:
                break
            lo = max(0, m.start() - _MD_LINK_LABEL)
            line_start = text.rfind("\n", lo, m.start()) + 1
            opening = text.rfind("[", max(lo, line_start), m.start())
            if opening >= 0 and m.start() > opening + 1:
                start = opening - 1 if opening > 0 and text[opening - 1] == "!" else opening
                found.append((start, m.end()))
    if not found:
        return None
    start, end = min(found)
    return len(found), Span.of(text, start, end)


# --------------------------------------------------------------------------- characters

# C0 and C1 controls other than tab, line feed and carriage return, Unicode format characters
# (Cf) other than the joiners that emoji and many scripts need and the emoji tag characters,
# and unpaired surrogates (left by ``errors="surrogateescape"`` decoding).
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\ud800-\udfff]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


_ASCII_NOT_CONTROL = bytes(b for b in range(128) if b in b"\t\n\r" or 0x20 <= b < 0x7F)


def find_control_characters(text: str) -> tuple[int, Span, Counter[str]] | None:
    """Control, invisible-format and unpaired surrogate characters in ``text`` (a leading
    byte-order mark aside): how many, the first, and the count of each; ``None`` if none."""
    pos = 1 if text.startswith("\ufeff") else 0
    # a cheap screen first: over the bytes of an ASCII text, else over its distinct characters
    if text.isascii():
        if not text.encode("ascii").translate(None, _ASCII_NOT_CONTROL):
            return None
    elif not _CONTROL.search("".join(set(text))):
        return None
    found = _CONTROL.findall(text, pos)
    first = _CONTROL.search(text, pos)
    if first is None:
        return None
    return len(found), Span.of(text, first.start(), first.end()), Counter(found)


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


@lru_cache(maxsize=65536)
def _script(ch: str) -> str:
    """The script of a letter (``"Latin"``, ``"Cyrillic"``, ``"Han"``...), ``""`` otherwise."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if "LATIN" in name:
        return "Latin"
    if first in ("CJK", "IDEOGRAPHIC"):
        return "Han"
    return first.title() if first else "Other"


# --------------------------------------------------------------------------- language

_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
#: Long texts are judged on this many evenly spaced windows of ``_WINDOW`` characters.
_WINDOWS = 4
_WINDOW = 2_500
#: Fewer words than this and the language is not judged.
_MIN_WORDS = 20


def _sample(text: str) -> str:
    if len(text) <= _WINDOWS * _WINDOW:
        return text
    step = len(text) // _WINDOWS
    return "\n".join(text[i * step : i * step + _WINDOW] for i in range(_WINDOWS))


@lru_cache(maxsize=1)
def _function_words() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((code, lexicon(f"function_words_{code}")) for code, _ in LANGUAGES)


def detect_language(text: str) -> tuple[str, float, float] | None:
    """The language whose function words are most frequent in ``text``: its code, the share
    of words that are its function words, and that share for English. ``None`` when the text
    has too few words or no language's function words reach 10% of them."""
    words = _sample(text).lower().split()
    if len(words) < _MIN_WORDS:
        return None
    freq = Counter(words)
    shares = {code: sum(freq[w] for w in vocab) / len(words) for code, vocab in _function_words()}
    best = max(shares, key=lambda code: (shares[code], code == "en"))
    if shares[best] < 0.10:
        return None
    return best, shares[best], shares["en"]


def _script_warning(text: str) -> ParseWarning | None:
    ascii_part = text.encode("ascii", "ignore")
    ascii_letters = len(ascii_part.translate(None, _ASCII_NON_LETTERS))
    if len(text) - len(ascii_part) <= ascii_letters:
        return None  # even if every other character were a letter, most letters are Latin
    scripts: Counter[str] = Counter()
    for ch, n in Counter("".join(_NON_ASCII.findall(text))).items():
        scripts[_script(ch)] += n
    del scripts[""]
    scripts["Latin"] += ascii_letters
    letters = sum(scripts.values())
    if letters < _MIN_WORDS * 3 or scripts["Latin"] >= letters / 2:
        return None
    script, n = max(((s, k) for s, k in scripts.items() if s != "Latin"), key=lambda x: x[1])
    return ParseWarning(
        code=WarningCode.NON_ENGLISH,
        message=f"the text does not read as English: {100 * n / letters:.0f}% of its letters "
                f"are {script}",
    )


def _language_warning(text: str) -> ParseWarning | None:
    script = _script_warning(text)
    if script is not None:
        return script
    found = detect_language(text)
    if found is None:
        return None
    code, share, english = found
    if code == "en" or share < 2 * english:
        return None
    name = dict(LANGUAGES)[code]
    return ParseWarning(
        code=WarningCode.NON_ENGLISH,
        message=f"the text does not read as English but as {name}: {100 * share:.0f}% of its "
                f"words are {name} function words, {100 * english:.0f}% English ones",
    )


# --------------------------------------------------------------------------- encoding

_MOJIBAKE = re.compile(r"â€[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02dc"
                       r"\u2013-\u203a\u2122\u20ac]|Ã[\x80-\xbf]")


def _encoding_warning(text: str) -> ParseWarning | None:
    first = text.find("\ufffd")
    if first >= 0:
        n = text.count("\ufffd")
        return ParseWarning(
            code=WarningCode.ENCODING,
            message=f"the text holds {n} U+FFFD replacement character{'s' if n > 1 else ''}: "
                    f"it was decoded with the wrong encoding",
            span=Span.of(text, first, first + 1),
        )
    if "â" not in text and "Ã" not in text:
        return None
    m = _MOJIBAKE.search(text)
    if m is None:
        return None
    return ParseWarning(
        code=WarningCode.ENCODING,
        message=f"the text looks mis-decoded (UTF-8 read as Latin-1 or cp1252): {m.group(0)!r}",
        span=Span.of(text, m.start(), m.end()),
    )


# --------------------------------------------------------------------------- all of it


def diagnose(
    text: str, segments: Sequence[Segment] = (), doc: Doc | None = None
) -> tuple[ParseWarning, ...]:
    """Every warning about ``text``; ``segments`` and the ``doc`` of the pass, when given,
    add the no-body and chunked-processing warnings."""
    out: list[ParseWarning] = []

    def plus(count: int) -> str:
        return "+" if count >= _MAX_CANDIDATES else ""

    html = find_html(text)
    if html is not None:
        out.append(ParseWarning(
            code=WarningCode.MARKUP,
            message=f"the text holds HTML markup ({html[0]}{plus(html[0])} tags or character "
                    f"references, first {html[1].text[:40]!r})",
            span=html[1],
        ))
    markdown = find_markdown(text)
    if markdown is not None:
        out.append(ParseWarning(
            code=WarningCode.MARKUP,
            message=f"the text holds Markdown markup ({markdown[0]}{plus(markdown[0])} "
                    f"headings, links, emphasis or code fences, first {markdown[1].text[:40]!r})",
            span=markdown[1],
        ))
    controls = find_control_characters(text)
    if controls is not None:
        total, span, each = controls
        listed = ", ".join(f"{_char_name(ch)} x{n}" for ch, n in each.most_common(3))
        more = ", ..." if len(each) > 3 else ""
        out.append(ParseWarning(
            code=WarningCode.CONTROL_CHARACTERS,
            message=f"the text holds {total} control or invisible character"
                    f"{'s' if total > 1 else ''} ({listed}{more})",
            span=span,
        ))
    encoding = _encoding_warning(text)
    if encoding is not None:
        out.append(encoding)
    language = _language_warning(text)
    if language is not None:
        out.append(language)
    if segments and not any(s.kind is SegmentKind.PARAGRAPH for s in segments):
        out.append(ParseWarning(code=WarningCode.NO_BODY,
                           message="no body paragraph was found in the text"))
    out.extend(layout_warnings(text, segments))
    chunks = doc.user_data.get(CHUNKS_KEY) if doc is not None else None
    if isinstance(chunks, int) and chunks > 1:
        out.append(ParseWarning(
            code=WarningCode.CHUNKED,
            message=f"the text is longer than one pass takes and was processed in {chunks} "
                    f"chunks cut at segment boundaries",
        ))
    return tuple(out)

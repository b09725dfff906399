"""Dirty text as scrapers produce it: every reading keeps the promises of
``tests/invariants.py``, and markup, foreign text and odd characters are reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsstruct
from newsstruct import Segment, SegmentKind, Span, pipeline

from .invariants import check_parse, codes

ARTICLE = """\
Ministers Agree Budget Deal After Late-Night Talks

By Anna Baran and Tom Smith, Reuters
Published 7:05 PM EST, Tue March 3, 2020

LONDON (Reuters) - Finance ministers agreed on a budget deal on Monday after talks that \
ran late into the night.

"We have a deal that works for everyone," Chancellor Margaret Okafor told reporters. \
She said parliament must approve the plan by Friday.

Opposition leader José García-López warned that the agreement would face a vote within 30 days.

What Comes Next

The treasury said it expected markets to react calmly to the news.

Copyright © 2020 Example Media Ltd. All rights reserved.
"""

PARAGRAPHS = ARTICLE.split("\n\n")


def _in_words(text: str, every: int, insert: str) -> str:
    """``insert`` after every ``every``-th character that is not a line break."""
    out: list[str] = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i % every == every - 1 and ch != "\n":
            out.append(insert)
    return "".join(out)


# name -> the dirty text (as a function of the clean article)
DIRTY: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "lone_cr": lambda t: t.replace("\n", "\r"),
    "mixed_line_ends": lambda t: t.replace("\n\n", "\r\n\n\r", 3).replace("\n", "\u2028", 2),
    "tabs": lambda t: t.replace("\n", "\n\t").replace(" on ", "\ton\t"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "unicode_spaces": lambda t: t.replace(" a", "\u2003a").replace(" t", "\u202ft")
    .replace(" w", "\u3000w").replace("\n\n", "\n\u2009\n"),
    "trailing_spaces": lambda t: t.replace("\n", "   \u00a0\n"),
    "zero_width": lambda t: "\ufeff" + _in_words(t, 7, "\u200b"),
    "word_joiner_and_soft_hyphen": lambda t: t.replace("agreed", "agr\u00adeed")
    .replace("Finance", "Fi\u2060nance"),
    "bidi_controls": lambda t: t.replace("Okafor", "\u202eOkafor\u202c")
    .replace("Reuters", "\u2067Reuters\u2069").replace(".", ".\u200f"),
    "combining_marks": lambda t: t.replace("e", "e\u0301").replace("a", "a\u0308"),
    "zalgo": lambda t: t.replace("o", "o" + "\u0336\u0489\u0301" * 30, 5),
    "emoji": lambda t: t.replace(" on ", " 🇬🇧 on 👨‍👩‍👧 ").replace(".", ". 😀🏴󠁧󠁢󠁳󠁣󠁴󠁿", 4),
    "nul_and_controls": lambda t: t.replace("budget", "bud\x00get")
    .replace(" the ", " \x07the\x1b[0m ").replace("\n\n", "\n\x0c\n", 2)
    .replace("Monday", "Mon\x7fday\x85"),
    "lone_surrogates": lambda t: t.replace("deal", "d\udce9al").replace("talks", "\ud800talks"),
    "mixed_scripts": lambda t: t.replace("Anna", "Аnna")  # Cyrillic A
    + "\nМинистры финансов договорились. 財政部長が合意した。 وزراء المالية اتفقوا.\n",
    "replacement_characters": lambda t: t.replace("José", "Jos\ufffd"),
    "mojibake": lambda t: t.replace("José", "JosÃ©").replace('"We', "â€œWe"),
    "long_line_without_spaces": lambda t: t + "\n\n" + "x" * 120_000 + "\n",
    "long_space_run_in_headline": lambda t: t.replace("Budget Deal", "Budget" + " " * 20_000
                                                      + "Deal", 1),
    "long_url": lambda t: t.replace("calmly", "calmly https://example.com/" + "a1/b2" * 3000),
    "thousands_of_straight_quotes": lambda t: t.replace("Finance", '"' * 3000 + "Finance"),
    "thousands_of_curly_quotes": lambda t: t + "\n\n" + "“" * 2000 + "”" * 2000,
    "spaced_quote_marks": lambda t: t + "\n\n" + '" ' * 3000,
    "unbalanced_quotes": lambda t: t.replace('"We', '"We "" " ‘ “ « "'),
    "thousands_of_newlines": lambda t: t.replace("\n\n", "\n" * 3000),
    "thousands_of_crlf_lines": lambda t: t.replace("\n\n", "\r\n" * 2000),
    "thousands_of_one_letter_lines": lambda t: t + "\n".join("a" * 2000) + "\n",
    "thousands_of_emoji": lambda t: t + "\n\n" + "😀" * 3000,
    "only_punctuation": lambda t: "!!! ??? ... --- *** ###",
    "single_character": lambda t: "a",
    "single_emoji": lambda t: "😀",
    "digits": lambda t: "2020 2021\n\n3 1 0 4",
    "byline_of_joiner_words": lambda t: t.replace(
        "By Anna Baran and Tom Smith, Reuters", "By Anna Smith" + "    the" * 23 + " x"),
    "headline_only": lambda t: PARAGRAPHS[0],
    "body_without_header": lambda t: "\n\n".join(PARAGRAPHS[3:6]),
}


@pytest.mark.parametrize("name", sorted(DIRTY))
def test_dirty_text_keeps_every_promise(name: str) -> None:
    text = DIRTY[name](ARTICLE)
    check_parse(text)


def _header(text: str) -> tuple[str | None, list[str], str | None]:
    art = newsstruct.parse_article(text, reference_date="2025-09-06")
    title = art.title.text if art.title else None
    published = art.published.value.date().isoformat() if art.published else None
    return title, [a.name for a in art.authors], published


@pytest.mark.parametrize("name", ["crlf", "lone_cr", "tabs", "trailing_spaces"])
def test_line_end_and_space_styles_read_alike(name: str) -> None:
    assert _header(DIRTY[name](ARTICLE)) == _header(ARTICLE)


def test_clean_article_has_no_warning() -> None:
    assert newsstruct.parse_article(ARTICLE, reference_date="2025-09-06").warnings == ()


# name, text, warning code expected
WARNED: list[tuple[str, str, str]] = [
    ("html_paragraphs", ARTICLE.replace("LONDON (Reuters)", "<p>LONDON (Reuters)")
     .replace("30 days.", "30 days.</p>"), "markup"),
    ("html_div_with_attributes", '<div class="story-body" data-id="42">\n' + ARTICLE + "</div>",
     "markup"),
    ("html_entities", ARTICLE.replace('"We', "&ldquo;We").replace(" and ", " &amp; "), "markup"),
    ("html_script", ARTICLE + '\n<script type="text/javascript">var x = 1;</script>\n', "markup"),
    ("markdown_links", ARTICLE.replace("Reuters)", "[Reuters](https://www.reuters.com/))"),
     "markup"),
    ("markdown_image", ARTICLE + "\n![A minister](/img/minister.jpg)\n", "markup"),
    ("markdown_headings_and_bold", "# " + ARTICLE.replace("What Comes Next", "## What Comes Next")
     .replace("budget deal", "**budget deal**"), "markup"),
    ("french", "Les ministres concluent un accord\n\nLes ministres des finances ont conclu un "
     "accord sur le budget lundi soir après des négociations qui ont duré toute la nuit. Selon "
     "le porte-parole du gouvernement, le texte sera présenté au parlement dans les prochains "
     "jours et il devra être adopté avant la fin du mois.", "non_english"),
    ("german", "Minister einigen sich auf Haushalt\n\nDie Finanzminister haben sich am Montag "
     "nach langen Verhandlungen auf einen Haushalt geeinigt. Der Entwurf wird in den kommenden "
     "Tagen dem Parlament vorgelegt und soll noch vor dem Ende des Monats verabschiedet werden, "
     "sagte ein Sprecher der Regierung.", "non_english"),
    ("spanish", "Los ministros alcanzan un acuerdo\n\nLos ministros de finanzas alcanzaron el "
     "lunes un acuerdo sobre el presupuesto tras unas negociaciones que se prolongaron durante "
     "toda la noche. Según el portavoz del gobierno, el texto se presentará al parlamento en "
     "los próximos días y deberá ser aprobado antes de que termine el mes.", "non_english"),
    ("russian", "Министры договорились о бюджете\n\nМинистры финансов в понедельник "
     "договорились о бюджете после переговоров, которые продолжались всю ночь. По словам "
     "представителя правительства, документ будет представлен парламенту в ближайшие дни.",
     "non_english"),
    ("chinese", "财政部长就预算达成协议\n\n财政部长们周一在通宵谈判后就预算达成协议。政府发言人"
     "表示，该文本将在未来几天提交议会，并须在月底前获得通过。反对党领袖警告说，该协议将在三十天"
     "内面临投票。", "non_english"),
    ("arabic", "وزراء المالية يتفقون على الميزانية\n\nتوصل وزراء المالية يوم الاثنين إلى اتفاق "
     "بشأن الميزانية بعد مفاوضات استمرت طوال الليل. وقال متحدث باسم الحكومة إن النص سيقدم إلى "
     "البرلمان في الأيام المقبلة.", "non_english"),
    ("nul", ARTICLE.replace("budget", "bud\x00get"), "control_characters"),
    ("zero_width_space", ARTICLE.replace("Monday", "Mon\u200bday"), "control_characters"),
    ("bidi_override", ARTICLE.replace("Okafor", "\u202eOkafor\u202c"), "control_characters"),
    ("ansi_escape", ARTICLE.replace("calmly", "\x1b[1mcalmly\x1b[0m"), "control_characters"),
    ("replacement_character", ARTICLE.replace("José", "Jos\ufffd"), "encoding"),
    ("mojibake", ARTICLE.replace("José", "JosÃ©"), "encoding"),
    ("no_body", "Ministers Agree Budget Deal", "no_body"),
]


@pytest.mark.parametrize(("name", "text", "code"), WARNED, ids=[w[0] for w in WARNED])
def test_reported_and_still_parsed(name: str, text: str, code: str) -> None:
    article = check_parse(text)
    assert code in codes(article), (name, article.warnings)
    assert article.segments, name
    for warning in article.warnings:
        if warning.span is not None:
            assert warning.span.text == text[warning.span.start : warning.span.end]


# text that must NOT be reported
QUIET: list[tuple[str, str, str]] = [
    ("english_with_a_french_quote", ARTICLE.replace(
        "calmly to the news.", 'calmly. "C\'est la vie," a French official said.'),
     "non_english"),
    ("less_than_sign", ARTICLE.replace("within", "in < 30 or > 10"), "markup"),
    ("company_ampersand", ARTICLE.replace("Finance", "AT&T and Procter & Gamble"), "markup"),
    ("hashtag_and_asterisk", ARTICLE.replace("calmly", "calmly #budget2020 *"), "markup"),
    ("emoji_with_joiners", ARTICLE.replace("news.", "news. 👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿"), "control_characters"),
    ("leading_byte_order_mark", "\ufeff" + ARTICLE, "control_characters"),
    ("accented_names", ARTICLE.replace("Tom Smith", "Zoë Brontë-Ñúñez"), "encoding"),
]


@pytest.mark.parametrize(("name", "text", "code"), QUIET, ids=[q[0] for q in QUIET])
def test_not_reported(name: str, text: str, code: str) -> None:
    article = newsstruct.parse_article(text, reference_date="2025-09-06")
    assert code not in codes(article), (name, article.warnings)


def test_control_warning_points_at_the_first_one() -> None:
    text = ARTICLE.replace("budget", "bud\x00get", 1).replace("Monday", "Mon\x00day")
    article = newsstruct.parse_article(text, reference_date="2025-09-06")
    (warning,) = [w for w in article.warnings if w.code.value == "control_characters"]
    assert warning.span is not None and warning.span.start == text.index("\x00")
    assert "2 control" in warning.message


@pytest.mark.parametrize("run", ['"' * 5000, "“" * 3000, "😀" * 3000, "(" * 3000, "x" * 20_000])
def test_long_runs_are_broken_for_the_tokenizer_only(run: str) -> None:
    text = f"Headline\n\nThe minister said {run} and left.\n"
    start = text.index("The")
    segments = (
        Segment(kind=SegmentKind.TITLE, span=Span.of(text, 0, 8)),
        Segment(kind=SegmentKind.PARAGRAPH, span=Span.of(text, start, len(text) - 1)),
    )
    doc = pipeline.run_pipeline(pipeline.load_model(None), text, segments)
    assert len(doc.text) == len(text)
    assert max(len(token) for token in doc) <= pipeline.MAX_RUN
    assert doc[0].text == "Headline" and doc.text[start:].startswith("The minister said")
    broken = pipeline.model_text(text)
    assert len(broken) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, broken, strict=True)) if a != b]
    run_start = text.index(run)
    assert len(changed) == len(run) // (pipeline.MAX_RUN + 1)
    assert all(broken[i] == " " and run_start < i < run_start + len(run) for i in changed)


def test_unpaired_surrogates_reach_the_model_as_replacement_characters() -> None:
    text = "Headline\n\nThe d\udce9al was \ud800signed.\n"
    assert pipeline.model_text(text) == text.replace("\udce9", "\ufffd").replace("\ud800", "\ufffd")
    article = check_parse(text)
    assert "control_characters" in codes(article)

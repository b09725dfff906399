"""The HTML display, record tables and flat records, on the seed and on hand-made records."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

import newsstruct
from newsstruct import render
from newsstruct.errors import InvalidArgumentError
from newsstruct.types import (
    Article,
    Author,
    BoilerplateKind,
    Bound,
    Byline,
    Deadline,
    Entity,
    EntityType,
    Granularity,
    Mention,
    PublishedTime,
    Quote,
    QuoteKind,
    Segment,
    SegmentKind,
    Slot,
    Span,
    TimeExpression,
    TimexType,
)

_VOID = frozenset({"br", "hr", "img", "meta", "input", "wbr"})


class _Reader(HTMLParser):
    """Checks that tags nest, and collects each segment's shown text (labels left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.segments: list[tuple[str, str]] = []  # (segment classes, shown text)
        self.labels: list[str] = []
        self.tags: set[str] = set()
        self.attrs_seen: list[str] = []
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs_seen.extend(name for name, _ in attrs)
        cls = dict(attrs).get("class") or ""
        if tag in _VOID:
            return
        self.stack.append((tag, cls))
        if "ns-seg" in cls.split():
            self.segments.append((cls, ""))
        if "ns-lab" in cls.split():
            self._in_label += 1
            self.labels.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, cls = self.stack.pop()
        assert open_tag == tag, f"<{open_tag}> closed by </{tag}>"
        if "ns-lab" in cls.split():
            self._in_label -= 1

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self.labels[-1] += data
        elif any("ns-text" in cls.split() for _, cls in self.stack):
            cls, text = self.segments[-1]
            self.segments[-1] = (cls, text + data)


def _read(markup: str) -> _Reader:
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert reader.stack == []
    return reader


# ------------------------------------------------------------------ hand-made records

NASTY = (
    "<b>Ministers</b> & Co\n\n"
    "By <i>Jane Roe</i>\n\n"
    'Jane Roe said "<script>alert(1)</script> is by Friday" at the <a href=x>Bank</a>.\n\n'
    "Cookies & <tracking> \u00a9 2025"
)


def _nasty_article() -> Article:
    text = NASTY

    def span(sub: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = text.index(sub, start + 1)
        return Span.of(text, start, start + len(sub))

    title, byline = span("<b>Ministers</b> & Co"), span("By <i>Jane Roe</i>")
    body = span('Jane Roe said "<script>alert(1)</script> is by Friday" at the <a href=x>Bank</a>.')
    foot = span("Cookies & <tracking> \u00a9 2025")
    person = Entity(id="E1", name="Jane <Roe>", type=EntityType.PERSON,
                    mentions=(Mention(span=span("Jane Roe", 1)),))
    # an ORG mention that crosses the quote's end: it must be cut, not break the nesting
    org = Entity(id="E2", name="Bank", type=EntityType.ORG,
                 mentions=(Mention(span=span('Friday" at')),))
    content = span("<script>alert(1)</script> is by Friday")
    friday = span("Friday")
    return Article(
        text=text,
        reference_date=dt.datetime(2025, 9, 6),
        segments=(
            Segment(kind=SegmentKind.TITLE, span=title),
            Segment(kind=SegmentKind.BYLINE, span=byline),
            Segment(kind=SegmentKind.PARAGRAPH, span=body),
            Segment(kind=SegmentKind.BOILERPLATE, span=foot,
                    boilerplate=BoilerplateKind.COOKIE),
        ),
        byline=Byline(span=byline, authors=(Author(name="Jane Roe", span=span("Jane Roe")),)),
        entities=(person, org),
        quotes=(Quote(kind=QuoteKind.DIRECT, content=content, cue=span("said"),
                      speaker=span("Jane Roe", 1), speaker_entity="E1",
                      speaker_name="Jane <Roe>"),),
        times=(TimeExpression(id="T1", span=friday, type=TimexType.DATE,
                              value="2025-09-12"),),
        deadlines=(Deadline(trigger=None, due=friday, due_value="2025-09-12", bound=Bound.BY,
                            party=Slot(span=span("Jane Roe", 1), entity="E1")),),
    )


def test_everything_is_escaped() -> None:
    markup = render.article_html(_nasty_article())
    assert "<script" not in markup and "<b>Ministers" not in markup and "<a href" not in markup
    assert "<tracking>" not in markup and "<i>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    reader = _read(markup)
    assert reader.tags <= {"div", "span", "style", "h3", "b"}
    assert not {a for a in reader.attrs_seen if a.startswith("on")}
    assert "Jane <Roe>" in " ".join(reader.labels)


def test_every_segment_is_shown_whole_and_in_order() -> None:
    article = _nasty_article()
    reader = _read(render.article_html(article))
    shown = [text for _, text in reader.segments]
    assert shown == [seg.text for seg in article.segments]
    kinds = [cls.split()[1] for cls, _ in reader.segments]
    assert kinds == ["ns-k-title", "ns-k-byline", "ns-k-paragraph", "ns-k-boilerplate"]


def test_marks_carry_their_values() -> None:
    labels = _read(render.article_html(_nasty_article())).labels
    assert "PERSON" in labels
    assert "author" in labels
    assert any(lab.startswith("“ direct — Jane <Roe>") for lab in labels)
    assert "DATE 2025-09-12" in labels
    assert "due 2025-09-12" in labels
    # the ORG mention crossing the quote's end is cut there and loses its label
    assert "ORG" not in labels


def test_card_counts_and_published() -> None:
    article = _nasty_article()
    pub = PublishedTime(span=article.segments[1].span, value=dt.datetime(2025, 9, 1),
                        granularity=Granularity.DAY, relative=True)
    markup = render.article_html(
        Article(text=article.text, reference_date=article.reference_date,
                segments=article.segments, entities=article.entities,
                byline=Byline(span=None, published=pub), id="a&b")
    )
    assert "&lt;b&gt;Ministers&lt;/b&gt; &amp; Co</h3>" in markup
    assert "2025-09-01" in markup and "id</b> a&amp;b" in markup
    assert "2 entities" in markup and "0 quotes" in markup and "1 paragraph<" in markup


def test_entity_colours_are_distinct() -> None:
    backgrounds = [bg for bg, _ in render.ENTITY_COLOURS.values()]
    accents = [accent for _, accent in render.ENTITY_COLOURS.values()]
    assert set(render.ENTITY_COLOURS) == set(EntityType)
    assert len(set(backgrounds)) == len(backgrounds)
    assert len(set(accents)) == len(accents)


def test_tables_hold_the_records() -> None:
    article = _nasty_article()
    ents = article.table("entities")
    assert len(ents) == 2 and ents[0] is article.entities[0] and list(ents) == list(
        article.entities)
    assert ents.columns[:2] == ("name", "type")
    assert ents.rows[0][:3] == ("Jane <Roe>", "PERSON", "1")
    markup = ents._repr_html_()
    assert "Jane &lt;Roe&gt;" in markup and "<caption>2 entities</caption>" in markup
    _read(markup)
    quotes = article.table("quotes")
    assert quotes.rows == [("direct", "Jane <Roe>", "said",
                            "<script>alert(1)</script> is by Friday")]
    assert "<script" not in quotes._repr_html_()
    deadlines = article.table("deadlines")
    assert deadlines.rows[0][:4] == ("", "Friday", "2025-09-12", "by")
    assert deadlines.rows[0][5] == "Jane Roe"
    with pytest.raises(InvalidArgumentError):
        article.table("people")


def test_records_are_flat() -> None:
    article = _nasty_article()
    rows = article.to_records("times")
    assert rows[0]["span_text"] == "Friday"
    assert rows[0]["span_start"] == NASTY.index("Friday")
    assert rows[0]["value"] == "2025-09-12"
    seg_rows = article.to_records("segments")
    assert [r["kind"] for r in seg_rows] == ["title", "byline", "paragraph", "boilerplate"]
    with pytest.raises(InvalidArgumentError):
        article.to_records("people")


def test_dataframe() -> None:
    pytest.importorskip("pandas")
    frame = _nasty_article().to_dataframe("entities")
    assert list(frame["name"]) == ["Jane <Roe>", "Bank"]
    assert frame.shape[0] == 2


# ------------------------------------------------------------------ the seed


def test_seed_display(seed: newsstruct.Article) -> None:
    markup = seed._repr_html_()
    reader = _read(markup)
    assert [t for _, t in reader.segments] == [s.text for s in seed.segments]
    shown_kinds = {cls.split()[1].removeprefix("ns-k-") for cls, _ in reader.segments}
    assert shown_kinds == {s.kind.value for s in seed.segments}
    assert "boilerplate · copyright" in markup
    for ent in seed.entities:
        assert f"ns-e-{ent.type.value}" in markup
    for q in seed.quotes:
        if q.speaker_name:
            assert any(q.speaker_name in lab for lab in reader.labels)
    for t in seed.times:
        if t.value:
            assert any(t.value in lab for lab in reader.labels)
    triggered = [d for d in seed.deadlines if d.trigger is not None]
    assert triggered
    assert len([lab for lab in reader.labels if lab.startswith("DEADLINE")]) == len(triggered)
    for d in seed.deadlines:
        assert d.due_value is None or f"due {d.due_value}" in reader.labels
    assert re.search(r"<script", markup) is None


def test_partial_quote_shows_its_quoted_words() -> None:
    text = 'He said it was "ludicrous" to ask.'
    clause = Span.of(text, text.index("it was"), text.index(" to ask"))
    words = Span.of(text, text.index("ludicrous"), text.index('" to'))
    article = Article(
        text=text, reference_date=dt.datetime(2025, 9, 6),
        segments=(Segment(kind=SegmentKind.PARAGRAPH, span=Span.of(text, 0, len(text))),),
        quotes=(Quote(kind=QuoteKind.PARTIAL, content=clause, cue=Span.of(text, 3, 7),
                      speaker=Span.of(text, 0, 2), fragments=(words,)),),
    )
    markup = render.article_html(article)
    assert '<span class="ns-qf">ludicrous</span>' in markup
    assert '<span class="ns-spk" title="speaker">He</span>' in markup
    assert '<span class="ns-cue" title="cue">said</span>' in markup
    assert [t for _, t in _read(markup).segments] == [text]

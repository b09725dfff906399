"""parse_html: rendering, metadata, metadata as header evidence, hostile markup, and the
header figures from the shared pages' original HTML."""

from __future__ import annotations

import codecs
import gzip
import html as _escape
import json
from pathlib import Path
from typing import Any

import pytest

import newsstruct
from benchmarks.modules import load_module
from newsstruct import errors
from newsstruct.evidence import apply_byline, metadata_people, metadata_time
from newsstruct.html import decode_html, looks_like_html, render_html
from newsstruct.types import (
    Author,
    Byline,
    Granularity,
    MetadataField,
    MetadataItem,
    MetadataSource,
    PageMetadata,
    PublishedTime,
    SegmentKind,
    Span,
    TimeSource,
    WarningCode,
    from_data,
    to_data,
)
from tests.figures import hold
from tests.invariants import check_article, codes

ROOT = Path(__file__).resolve().parents[1]
HEADER = ROOT.parent / "shared" / "eval" / "header"
REF = "2025-09-06"


def _seed_parts(seed_text: str) -> tuple[str, list[str]]:
    lines = [ln.strip() for ln in seed_text.splitlines() if ln.strip()]
    return lines[0], [ln for ln in lines[1:] if "By Nikodem" not in ln][:4]


def seed_page(seed_text: str, *, ld: str | None = None, head: str = "", byline: str = "",
              extra: str = "") -> str:
    """The seed article as a page: its headline in an ``<h1>``, its paragraphs in ``<p>``."""
    title, paras = _seed_parts(seed_text)
    if ld is None:
        ld = json.dumps({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Example News"},
            {"@type": "NewsArticle", "headline": title, "datePublished": "2025-08-06T09:30:00Z",
             "author": [{"@type": "Person", "name": "Nikodem Baran"}],
             "publisher": {"@type": "Organization", "name": "Example News"}}]})
    body = "".join(f"<p>{_escape.escape(p)}</p>\n" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_escape.escape(title)} |"
            f" Example News</title>{head}<script type='application/ld+json'>{ld}</script>"
            f"</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a>"
            f"</li></ul></nav><article><h1>{_escape.escape(title)}</h1>{byline}{body}</article>"
            f"{extra}</body></html>")


# --------------------------------------------------------------------------- parse_html


def test_seed_page_reads_title_author_and_time(seed_text: str) -> None:
    title, paras = _seed_parts(seed_text)
    page = seed_page(seed_text, byline="<p class='byline'>By Nikodem Baran</p>")
    art = newsstruct.parse_html(page, url="https://example.com/a", reference_date=REF)
    check_article(art.text, art)
    assert art.title is not None and art.title.text == title
    assert [a.name for a in art.authors] == ["Nikodem Baran"]
    assert art.published is not None
    assert art.published.source is TimeSource.METADATA
    assert art.published.value.date().isoformat() == "2025-08-06"
    assert art.published.timezone == "UTC"
    assert art.metadata is not None and art.metadata.url == "https://example.com/a"
    assert art.metadata.headline == title
    assert paras[0] in art.text


def test_json_round_trip_keeps_metadata(seed_text: str) -> None:
    art = newsstruct.parse_html(seed_page(seed_text), reference_date=REF)
    again = newsstruct.Article.from_json(art.to_json())
    assert again == art and again.metadata == art.metadata
    assert art.metadata is not None and art.metadata.items


def test_same_page_same_reading(seed_text: str) -> None:
    page = seed_page(seed_text)
    assert (newsstruct.parse_html(page, reference_date=REF).to_json()
            == newsstruct.parse_html(page.encode("utf-8"), reference_date=REF).to_json())


def test_invisible_content_left_out_and_visible_kept(seed_text: str) -> None:
    _, paras = _seed_parts(seed_text)
    extra = ("<script>var secret = 'SCRIPTTEXT';</script><style>.x{color:red}</style>"
             "<noscript>NOSCRIPTTEXT</noscript><template><p>TEMPLATETEXT</p></template>"
             "<div hidden>HIDDENTEXT</div><div aria-hidden='true'>ARIATEXT</div>"
             "<p style='color: red; display:none'>NONETEXT</p>"
             "<p style='display:block'>Shown footer line</p>")
    text = render_html(seed_page(seed_text, extra=extra)).text
    for word in ("SCRIPTTEXT", "color:red", "NOSCRIPTTEXT", "TEMPLATETEXT", "HIDDENTEXT",
                 "ARIATEXT", "NONETEXT"):
        assert word not in text
    assert "Shown footer line" in text
    for p in paras:
        assert p in text


def test_page_hidden_until_scripts_run_is_shown() -> None:
    text = render_html("<html><body style='display:none'><p>The port closed.</p>"
                       "<p hidden>Gone</p></body></html>").text
    assert text == "The port closed."


def test_lines_follow_the_markup() -> None:
    text = render_html("<body><ul><li>first item</li><li>second item</li></ul>"
                       "<p>one<br>two</p><table><tr><td>cell a</td><td>cell b</td></tr>"
                       "</table></body>").text
    lines = text.split("\n")
    assert "* first item" in lines and "* second item" in lines
    assert "one" in lines and "two" in lines
    assert any("cell a" in ln and "cell b" in ln for ln in lines)
    assert all(ln == ln.strip() for ln in lines) and "\n\n\n" not in text


def test_noscript_kept_where_it_is_the_page() -> None:
    # a page written by its scripts: what a reader without them sees is the text
    body = "Posted by Jane Doe. " + "The port closed as the storm approached the coast. " * 20
    text = render_html(f"<body><div id='app'></div><noscript><p>{body}</p></noscript>"
                       "</body>").text
    assert "The port closed" in text


def test_nested_list_items_carry_their_level() -> None:
    # the blog archive of header dev tr-emacspeak_blogspot_com_meta
    text = render_html("<body><ul><li><a>\u25bc&nbsp;</a><a>2019</a> (4)<ul><li><a>\u25bc"
                       "&nbsp;</a><a>October</a> (1)<ul><li><a>Meta-Programming In Emacs "
                       "Using Defadvice</a></li></ul></li></ul></li></ul></body>").text
    assert text.split("\n") == ["* \u25bc 2019 (4)", "+ \u25bc October (1)",
                                "o Meta-Programming In Emacs Using Defadvice"]


def test_spans_and_no_break_spaces_separate_words() -> None:
    # the bylines of header dev sh-098bb3e96c0a and tr-thelist_com_multivitamin
    markup = (
        '<body><div><span class="ArticlePage-authorBy">By </span><a href="/people/meg-james">'
        '<span>Meg James</span></a><span class="ArticlePage-authorTitle">Staff Writer </span>'
        '</div><div><span class="byline-by">By</span>&nbsp;<a href="/author/catlafuente">Cat '
        'Lafuente</a><span class="byline-timestamp"><span class="byline-slash">/</span>June '
        "12, 2020  9:49 am EST</span></div></body>")
    # the same as text and as bytes in each way of decoding them
    for page in (markup, markup.encode("utf-8"), markup.encode("utf-16"),
                 b"<meta charset='koi8-r'>" + markup.encode("koi8-r"),
                 b"<meta charset='shift_jis'>" + markup.encode("shift_jis")):
        text = render_html(page).text
        assert text.split("\n") == ["By Meg James Staff Writer",
                                    "By Cat Lafuente / June 12, 2020 9:49 am EST"]


def test_figure_caption_shown_image_text_not() -> None:
    # the lead photo of header dev sh-098bb3e96c0a
    text = render_html(
        "<body><figure><img alt='Disney+ logo' src='x.jpg'><figcaption>The Walt Disney Co. "
        "said overwhelming consumer demand led to some problems.<div class='Figure-credit'>"
        "(Reed Saxon / Associated Press)</div></figcaption></figure><form><label>Email</label>"
        "<input value='you@example.com'><button>Sign up</button></form></body>").text
    assert text.split("\n") == [
        "The Walt Disney Co. said overwhelming consumer demand led to some problems.",
        "(Reed Saxon / Associated Press)"]


def test_hidden_elements_give_no_placed_metadata() -> None:
    page = render_html("<body><div hidden><h1>Cookie settings</h1><time datetime='2019-01-01'>"
                       "1 Jan</time></div><h1>Storm closes port</h1><p>By Jane Doe, "
                       "<time datetime='2019-11-19'>Nov. 19, 2019</time></p></body>")
    placed = [(i.value, i.span.text if i.span else None) for i in page.metadata.items]
    assert placed == [("Storm closes port", "Storm closes port"),
                      ("2019-11-19", "Nov. 19, 2019")]


def test_noncharacters_in_the_page_do_not_move_spans() -> None:
    page = render_html("<body><p>a \ufdd0\ue000 b \ufdd1\ue001</p><h1>Storm closes port"
                       "</h1></body>")
    check = [i.span for i in page.metadata.items if i.span is not None]
    assert len(check) == 1 and page.text[check[0].start:check[0].end] == "Storm closes port"
    assert "\ufdd0" not in page.text and "\ufdd1" not in page.text


# --------------------------------------------------------------------------- metadata


def test_json_ld_forms() -> None:
    record = {"@type": "ReportageNewsArticle", "headline": "Storm closes port",
              "author": {"@type": "Person", "name": "Jane Doe"},
              "datePublished": "2019-11-19", "dateModified": "2019-11-20T10:00:00+01:00",
              "publisher": {"@type": "Organization", "name": "Daily Example"}}
    for ld in (json.dumps(record), json.dumps([{"@type": "BreadcrumbList"}, record]),
               json.dumps({"@graph": [{"@type": "WebPage"}, record]})):
        meta = render_html(f"<html><head><script type='application/ld+json'>{ld}</script>"
                           "</head><body><p>text</p></body></html>").metadata
        assert meta.values(MetadataField.HEADLINE) == ("Storm closes port",)
        assert meta.values(MetadataField.AUTHOR) == ("Jane Doe",)
        assert meta.values(MetadataField.PUBLISHED) == ("2019-11-19",)
        assert meta.values(MetadataField.MODIFIED) == ("2019-11-20T10:00:00+01:00",)
        assert meta.values(MetadataField.PUBLISHER) == ("Daily Example",)
        item = next(i for i in meta.items if i.field is MetadataField.AUTHOR)
        assert item.source is MetadataSource.JSON_LD and item.kind == "Person"
        assert item.key == "ReportageNewsArticle.author"


def test_bad_json_ld_is_skipped() -> None:
    for ld in ("{not json", "[1, 2, 3]", '"a string"', "{}", '{"@graph": 5}',
               '{"@type": "NewsArticle", "headline": {"x": 1}, "author": [null, 3]}'):
        page = render_html("<html><head><script type='application/ld+json'>" + ld +
                           "</script></head><body><p>Some text</p></body></html>")
        assert page.metadata.values(MetadataField.HEADLINE) == ()
        assert page.text == "Some text"


def test_meta_tags_time_h1_and_canonical() -> None:
    page = render_html(
        "<html><head><meta property='og:title' content='Storm closes port | Daily'>"
        "<meta property='og:site_name' content='Daily'>"
        "<meta property='article:published_time' content='2019-11-19T08:00:00Z'>"
        "<meta name='author' content='Jane Doe'>"
        "<link rel='canonical' href='https://daily.example/storm'>"
        "<meta property='og:url' content='https://daily.example/storm?x=1'></head>"
        "<body><h1>Storm closes port</h1><p>By Jane Doe, <time datetime='2019-11-19'>"
        "Nov. 19</time></p></body></html>")
    meta, text = page.metadata, page.text
    by_key = {i.key: i for i in meta.items}
    assert by_key["og:title"].source is MetadataSource.OPEN_GRAPH
    assert by_key["article:published_time"].source is MetadataSource.ARTICLE_META
    assert by_key["meta[name=author]"].value == "Jane Doe"
    assert meta.canonical_url == "https://daily.example/storm"
    h1 = by_key["h1"]
    assert h1.span is not None and h1.span.text == "Storm closes port"
    t = by_key["time[datetime]"]
    assert t.span is not None and text[t.span.start:t.span.end] == "Nov. 19"


# --------------------------------------------------------------------------- evidence


def _meta(*items: tuple[MetadataField, str, str | None]) -> PageMetadata:
    return PageMetadata(items=tuple(
        MetadataItem(field=f, value=v, source=MetadataSource.JSON_LD, key=f"Article.{f.value}",
                     kind=k) for f, v, k in items))


def test_organisations_are_not_authors() -> None:
    meta = _meta((MetadataField.AUTHOR, "Associated Press", None),
                 (MetadataField.AUTHOR, "Daily Example", "Organization"),
                 (MetadataField.AUTHOR, "https://daily.example/staff", None),
                 (MetadataField.AUTHOR, "newsdesk", None),
                 (MetadataField.AUTHOR, "By Jane Doe and John Roe", "Person"))
    assert metadata_people(meta) == ["Jane Doe", "John Roe"]


def test_visible_byline_stands_against_contradicting_metadata() -> None:
    text = "Storm closes port\n\nBy John Roe\n\nThe port closed on Tuesday."
    shown = Byline(span=Span.of(text, 19, 30),
                   authors=(Author(name="John Roe", span=Span.of(text, 22, 30)),))
    meta = _meta((MetadataField.AUTHOR, "Jane Doe", "Person"))
    by = apply_byline(text, (), shown, meta, newsstruct.article.coerce_reference_date(REF))
    assert by is not None and [a.name for a in by.authors] == ["John Roe"]


def test_stated_author_taken_where_the_page_shows_it() -> None:
    text = "Storm closes port\n\nJane Doe\n\nThe port closed on Tuesday."
    meta = _meta((MetadataField.AUTHOR, "Jane Doe", "Person"),
                 (MetadataField.AUTHOR, "Absent Person", "Person"))
    by = apply_byline(text, (), None, meta, newsstruct.article.coerce_reference_date(REF))
    assert by is not None and [a.name for a in by.authors] == ["Jane Doe"]
    assert by.authors[0].span.text == "Jane Doe"


def _shown(text: str, value: str, *, relative: bool = False) -> Byline:
    start = text.index(value)
    day = metadata_time("2023-08-11") if not relative else metadata_time("2023-09-26")
    assert day is not None
    t = PublishedTime(span=Span.of(text, start, start + len(value)), value=day[0],
                      granularity=Granularity.DAY, relative=relative)
    return Byline(span=t.span, published=t)


@pytest.mark.parametrize(("shown", "relative", "expected"), [
    ("08/11/2023", False, "2023-11-08"),      # figures only: read the other way round
    ("08/11/2023 | 20:26 PM", False, "2023-11-08"),
    ("3 weeks ago", True, "2023-10-17"),      # relative: only as good as the reference
    ("August 11, 2023", False, "2023-08-11"),  # written out: the day shown stands
])
def test_published_time_prefers_stated_unless_contradicted(
        shown: str, relative: bool, expected: str) -> None:
    stated = "2023-11-08T20:26:00Z" if "11" in shown else "2023-10-17T09:00:00Z"
    text = f"Molly Keane prize\n\n{shown}\n\nThe award was made on Tuesday."
    meta = _meta((MetadataField.PUBLISHED, stated, None))
    by = apply_byline(text, (), _shown(text, shown, relative=relative), meta,
                      newsstruct.article.coerce_reference_date("2023-11-09"))
    assert by is not None and by.published is not None
    assert by.published.value.date().isoformat() == expected


def test_metadata_time_forms() -> None:
    assert metadata_time("2019-11-19") == (metadata_time("2019-11-19T00:00")[0],  # type: ignore[index]
                                           Granularity.DAY, None)
    read = metadata_time("2019-11-19T08:05:00.000+0530")
    assert read is not None and read[0].hour == 8 and read[2] == "+05:30"
    assert metadata_time("2019-11-19T08:05Z") is not None
    assert metadata_time("last Tuesday") is None and metadata_time("2019-13-45") is None


# --------------------------------------------------------------------------- bad input


def test_encodings() -> None:
    body = "<html><body><p>Café Zürich – naïve</p></body></html>"
    for data in (codecs.BOM_UTF8 + body.encode("utf-8"), body.encode("utf-16"),
                 body.replace("<html>", "<html><meta charset='windows-1252'>").encode("cp1252"),
                 body.encode("cp1252")):
        text, warnings = decode_html(data)
        assert "Café Zürich – naïve" in text and not warnings
    declared_wrong = "<meta charset='utf-8'><p>Café</p>".encode("cp1252")
    assert "Café" in decode_html(declared_wrong)[0]


def test_broken_bytes_warn() -> None:
    data = b"<html><meta charset='utf-8'><body><p>caf\xc3 ok \x81\x8d text</p></body></html>"
    data = data.replace(b"utf-8", b"koi8-u")  # a declared encoding that reads every byte
    art_text, warnings = decode_html(data)
    assert "ok" in art_text and not warnings
    mixed = (b"<p>" + "Zürich".encode() + b" \x81\x8d</p><p>The port closed on Tuesday as "
             b"the storm approached the coast, officials said.</p>")
    text, warnings = decode_html(mixed)
    assert "\ufffd" in text and [w.code for w in warnings] == [WarningCode.ENCODING]


@pytest.mark.parametrize(("data", "error"), [
    (b"\x1f\x8b\x08\x00 gzip", errors.NotHTMLError),
    (b"%PDF-1.4 ...", errors.NotHTMLError),
    (b"<\x00p\x00>\x00h\x00i\x00" * 50, errors.UndecodableHTMLError),
    (b"\xef\xbb\xbf<p>\xff\xfe</p>", errors.UndecodableHTMLError),
    ("Just some plain text, no markup at all.", errors.NotHTMLError),
    ("", errors.NotHTMLError),
    (None, errors.InvalidInputError),
    ("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>",
     errors.EmptyArticleError),
])
def test_typed_errors(data: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        newsstruct.parse_html(data, reference_date=REF)


def test_too_large() -> None:
    markup = "<html><body>" + "<p>Some words here and <b>bold</b> text.</p>\n" * 460_000
    assert len(markup) > 20_000_000
    with pytest.raises(errors.HTMLTooLargeError) as info:
        newsstruct.parse_html(markup, reference_date=REF)
    assert isinstance(info.value, errors.InputTooLargeError)
    with pytest.raises(errors.HTMLTooLargeError):
        render_html(markup[:5000], max_html_chars=1000)


def test_deep_nesting_gives_a_result() -> None:
    markup = ("<html><body><p>The port closed on Tuesday.</p>" + "<div>" * 10_000 + "deep"
              + "</div>" * 10_000 + "</body></html>")
    art = newsstruct.parse_html(markup, reference_date=REF)
    check_article(art.text, art)
    assert "The port closed on Tuesday." in art.text
    assert "deep" in art.text and WarningCode.TRUNCATED_MARKUP.value not in codes(art)


def test_moderate_nesting_keeps_text() -> None:
    markup = "<body>" + "<div><span>" * 300 + "inner words" + "</span></div>" * 300 + "</body>"
    assert render_html(markup).text == "inner words"


def test_no_body_and_truncated_warn(seed_text: str) -> None:
    _, paras = _seed_parts(seed_text)
    art = newsstruct.parse_html(f"<p>{paras[0]}</p><p>{paras[1]}", reference_date=REF)
    check_article(art.text, art)
    assert paras[1] in art.text
    cut = seed_page(seed_text)[:-40]
    art = newsstruct.parse_html(cut, reference_date=REF)
    assert WarningCode.TRUNCATED_MARKUP.value in codes(art)
    nobody = "<html><head><title>x</title></head><frameset><frame src='a'></frameset></html>"
    with pytest.raises(errors.EmptyArticleError):
        newsstruct.parse_html(nobody, reference_date=REF)
    page = render_html("<html><head><title>x</title></head><frameset></frameset>"
                       "<p>Text outside</p></html>")
    assert WarningCode.NO_HTML_BODY in {w.code for w in page.warnings} or page.text


def test_entities_and_control_characters() -> None:
    art = newsstruct.parse_html("<body><p>Nul &#0; here &#x1; and &#xD800; &#1114112; "
                                "&bogus; &amp;</p><p>The port closed on Tuesday.</p></body>",
                                reference_date=REF)
    check_article(art.text, art)
    assert "The port closed on Tuesday." in art.text and "&" in art.text


def test_looks_like_html() -> None:
    assert looks_like_html("<!doctype html><title>x</title>")
    assert looks_like_html(b"  <div class='a'>x</div>")
    assert not looks_like_html("a < b and c > d in plain text")


# --------------------------------------------------------------------------- shared pages


#: Figures from the pages' HTML (layout and byline stages with the metadata weighed in).
HTML_FLOORS = {
    "dev": {"title_em": 0.93, "author_f1": 0.92, "date_acc": 0.96, "body_f1": 0.93},
    "wide": {"title_em": 0.95, "author_f1": 0.93, "date_acc": 0.94},
}


@pytest.mark.skipif(not (HEADER / "html").is_dir(), reason="../shared/eval/header/html is absent")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("name", sorted(HTML_FLOORS))
def test_header_figures_from_html(name: str, tmp_path: Path) -> None:
    bench = load_module(ROOT / "benchmarks" / "eval_header.py", "eval_header")
    scorer = load_module(HEADER / "score.py", "header_score")
    gold, pred = HEADER / f"{name}.jsonl", tmp_path / "pred.jsonl"
    assert bench.main([str(gold), str(pred), "--html", "--layout-only",
                       "--speed-rounds", "1"]) == 0
    result: dict[str, Any] = scorer.score(str(gold), str(pred))
    for metric, floor in HTML_FLOORS[name].items():
        hold(f"header {name} from HTML {metric}", result["ALL"][metric][0], floor)


@pytest.mark.skipif(not (HEADER / "html").is_dir(), reason="../shared/eval/header/html is absent")
def test_every_dev_page_lossless() -> None:
    from newsstruct.html import parse_header
    from tests.invariants import check_cover

    titled = 0
    for path in sorted((HEADER / "html").glob("*.html.gz")):
        page, segments, by = parse_header(gzip.decompress(path.read_bytes()),
                                          reference_date=REF)
        check_cover(page.text, segments)
        data = json.loads(json.dumps(to_data(page.metadata)))
        assert from_data(PageMetadata, data) == page.metadata
        for item in page.metadata.items:
            if item.span is not None:
                assert page.text[item.span.start:item.span.end] == item.span.text
        titled += any(s.kind is SegmentKind.TITLE for s in segments)
        if by is not None:
            for a in by.authors:
                assert page.text[a.span.start:a.span.end] == a.span.text
    assert titled > 0


# --------------------------------------------------------------------------- command line


def test_cli_reads_pages(seed_text: str, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    from newsstruct import cli

    title, _ = _seed_parts(seed_text)
    page = seed_page(seed_text, byline="<p>By Nikodem Baran</p>")
    named = tmp_path / "page.html"
    named.write_text(page, encoding="utf-8")
    unnamed = tmp_path / "page.dat"
    unnamed.write_text(page, encoding="utf-8")
    for path, extra in ((named, []), (unnamed, []), (unnamed, ["--html"])):
        assert cli.main([str(path), "--reference-date", REF, "--format", "json", *extra]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["metadata"]["items"] and data["text"].startswith("* Home")
        assert title in data["text"]
    plain = tmp_path / "plain.txt"
    plain.write_text(seed_text, encoding="utf-8")
    assert cli.main([str(plain), "--reference-date", REF, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["metadata"] is None
    assert cli.main([str(plain), "--html"]) == 1
    assert "HTML" in capsys.readouterr().err


def test_cli_batch_reads_pages_and_texts_in_order(seed_text: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from newsstruct import cli

    title, _ = _seed_parts(seed_text)
    page = seed_page(seed_text, byline="<p>By Nikodem Baran</p>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "c.htm").write_text("<html><body><script>x()</script></body></html>")
    (tmp_path / "d.html").write_text(page, encoding="utf-8")
    rows = tmp_path / "e.jsonl"
    rows.write_text(json.dumps({"id": "row-page", "html": page, "url": "https://example.org/a",
                                "reference_date": REF}) + "\n"
                    + json.dumps({"id": "row-text", "text": seed_text}) + "\n")
    code = cli.main([str(tmp_path / "*.*"), "--reference-date", REF, "--no-progress"])
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1  # c.htm renders to no text: recorded, the others go on
    assert [a["id"] for a in out] == [str(tmp_path / n) for n in ("a.html", "b.txt", "d.html")] \
        + ["row-page", "row-text"]
    pages = [a for a in out if a["metadata"] is not None]
    assert [a["id"] for a in pages] == [out[0]["id"], out[2]["id"], "row-page"]
    assert all(a["header"]["title"] == title for a in out)
    assert pages[2]["metadata"]["url"] == "https://example.org/a"
    assert "c.htm" in captured.err and "5 articles written, 1 failed" in captured.err

"""Deadline frames: the seed's deadline, golden and untouched sentences from the evaluation
corpora, rules."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

import newsstruct
from benchmarks.eval_deadlines import (
    DEV_POOL,
    GOLDEN,
    SCORER,
    UNTOUCHED,
    UNTOUCHED_WIRE,
    deadlines_with_dct,
    golden_deadlines,
    golden_to_gold,
    load_scorer,
    score_golden,
    to_prediction,
)
from benchmarks.sample_deadlines import draw, draw_tm_dev, draw_wire, draw_wire_dev
from newsstruct.deadlines import timex_interval
from newsstruct.types import Bound, Deadline, DeadlineStatus, iter_spans

from .conftest import EVAL, read_jsonl
from .figures import hold, hold_at_most

GOLDEN_ENTRIES: list[dict[str, Any]] = read_jsonl(GOLDEN)
UNTOUCHED_ENTRIES: list[dict[str, Any]] = read_jsonl(UNTOUCHED)
#: Floors of the untouched figures, a few points under the value measured.
UNTOUCHED_FLOORS = {"f1": 52.0, "due_value_acc": 84.0}
#: False deadlines allowed in the untouched sentences without one (one is found today).
UNTOUCHED_MAX_FALSE = 1
UNTOUCHED_WIRE_ENTRIES: list[dict[str, Any]] = read_jsonl(UNTOUCHED_WIRE)
#: Floors of the wire figures, a few points under the measured ones (75.0 and 76.9; 1 false,
#: the first run had 72.0, 77.8 and none).
UNTOUCHED_WIRE_FLOORS = {"f1": 72.0, "due_value_acc": 74.0}
UNTOUCHED_WIRE_MAX_FALSE = 1
#: ``WEKA_EXAMPLES:GENSIM_TEST_DATA``, the two folders the wire draw reads (see
#: ``benchmarks/sample_deadlines.py``); its test is skipped without them.
WIRE_SOURCES = os.environ.get("NEWSSTRUCT_WIRE_SOURCES", "")
#: The ``texts`` folder of ``r-cran-tm`` the second wire rule pool reads; its test is skipped
#: without it (and without the wire sources, which that draw keeps apart from).
TM_TEXTS = os.environ.get("NEWSSTRUCT_TM_TEXTS", "")
DEV_POOL_ENTRIES: list[dict[str, Any]] = read_jsonl(DEV_POOL)
#: Floors of the dev pool's figures, a few points under the measured values.
DEV_POOL_FLOORS = {"f1": 71.0, "due_value_acc": 94.0, "set_by_head_acc": 81.0,
                   "party_head_acc": 86.0}
DEV = EVAL / "deadlines" / "dev.jsonl"


def _parse(text: str, dct: str) -> tuple[Deadline, ...]:
    return deadlines_with_dct(text, dt.datetime.fromisoformat(dct))


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_deadline(seed: newsstruct.Article) -> Deadline:
    found = [d for d in seed.deadlines if d.trigger is not None and d.trigger.text == "deadline"]
    assert len(found) == 1
    return found[0]


def test_seed_deadline_frame(seed_deadline: Deadline, expected: dict[str, Any]) -> None:
    want = expected["deadlines_at_least"][0]
    d = seed_deadline
    assert d.set_by is not None and d.set_by.name == want["set_by"]
    assert d.party is not None and d.party.span.text == want["party"]
    assert d.demand is not None and d.demand.span.text == want["demand"]
    assert d.consequence is not None and d.consequence.span.text == want["consequence"]
    # "on or before 2025-08-08": less than 48 hours after Wednesday 2025-08-06
    assert d.due is not None and d.due.text == "less than 48 hours"
    assert d.due_value == "2025-08-08"
    assert d.bound is Bound.BEFORE
    assert d.due_start == dt.datetime(2025, 8, 6)
    assert d.due_end is not None and d.due_end <= dt.datetime(2025, 8, 9)
    assert d.duration_value == "PT48H"


def test_seed_status_follows_the_reference_date(seed_deadline: Deadline) -> None:
    # captured on 2025-09-06, a month after the deadline
    assert seed_deadline.status is DeadlineStatus.PASSED


def test_seed_event_anchor_is_not_a_dated_deadline(seed: newsstruct.Article) -> None:
    start = seed.text.index("before the Stouras vote")
    for d in seed.deadlines:
        if d.due is not None and d.due.start < start + 23 and start < d.due.end:
            assert d.due_value is None and d.event_anchor is not None
    assert [d for d in seed.deadlines if d.due_value is not None] == [
        d for d in seed.deadlines if d.trigger is not None and d.trigger.text == "deadline"
    ]


def test_seed_spans_are_offsets_of_the_text(seed: newsstruct.Article) -> None:
    for d in seed.deadlines:
        for span in iter_spans(d):
            assert seed.text[span.start:span.end] == span.text


def test_seed_scores_100_on_the_dev_line() -> None:
    if not DEV.exists():
        pytest.skip("../shared/eval is not beside the checkout")
    scorer = load_scorer()
    gold = scorer.load(str(DEV))
    pred: dict[str, Any] = {}
    for gid, g in gold.items():
        found = deadlines_with_dct(g["text"], dt.datetime.fromisoformat(g["dct"]))
        pred[gid] = {"id": gid, "deadlines": [to_prediction(d) for d in found]}
        # every field the gold gives comes out the same
        assert len(found) == len(g["deadlines"])
        for gd, pd in zip(g["deadlines"], pred[gid]["deadlines"], strict=True):
            for key, value in gd.items():
                if key != "note":
                    assert pd[key] == value, key
        one = scorer.score({gid: g}, {gid: pred[gid]})
        for key in ("precision", "recall", "f1", "due_value_acc", "bound_acc",
                    "set_by_head_acc", "party_head_acc"):
            assert one[key] == 100.0, key
    whole = scorer.score(gold, pred)
    hold("deadlines shared dev: detection F1", whole["f1"], 97.0)
    hold("deadlines shared dev: due value F1", whole["value_f1"], 97.0)


def test_seed_status_upcoming_on_its_creation_day() -> None:
    if not DEV.exists():
        pytest.skip("../shared/eval is not beside the checkout")
    g = read_jsonl(DEV)[0]
    found = deadlines_with_dct(g["text"], dt.datetime.fromisoformat(g["dct"]))
    assert [d.status for d in found] == [DeadlineStatus.UPCOMING]


# --------------------------------------------------------------------------- golden sentences

# The golden sentences were used to write the rules: they are a regression list. The untouched
# sentences below are the measure.

# Golden deadlines the stage does not find, and why.
GOLDEN_MISSES: dict[str, str] = {
    "temporal:APW20000107.0088:1440": "the parse attaches 'to repatriate the child by Jan. 14' "
                                      "to 'get around', not to 'ruling'",
    "quotes:polnear/dev/politico_2016-09-12_former-dnc-chairman-calls-for-cl:581":
        "'should' is not read as an obligation: it states a forecast as often as a duty "
        "('results should be known by Friday'), so 'should be developed by 6 o\u2019clock' "
        "is left out",
    "temporal:wsj_1042:373": "a permission ('may be exercised until') bounded by a span "
                             "counted from an event ('90 days after their issue date')",
}


def test_golden_file_is_well_formed() -> None:
    assert len(GOLDEN_ENTRIES) >= 190
    assert sum(1 for e in GOLDEN_ENTRIES if not e["deadlines"]) >= 150
    ids = [e["id"] for e in GOLDEN_ENTRIES]
    assert len(set(ids)) == len(ids) and set(GOLDEN_MISSES) <= set(ids)
    untouched = {e["text"] for e in UNTOUCHED_ENTRIES + UNTOUCHED_WIRE_ENTRIES}
    assert not any(e["text"] in untouched for e in GOLDEN_ENTRIES)
    for e in GOLDEN_ENTRIES:
        golden_to_gold(e)  # every span is found in its sentence
        assert dt.date.fromisoformat(e["dct"])
        for f in e["deadlines"]:
            assert f["bound"] in {b.value for b in Bound}


def _golden_param(entry: dict[str, Any]) -> Any:
    miss = GOLDEN_MISSES.get(entry["id"])
    marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
    return pytest.param(entry, id=entry["id"], marks=marks)


@pytest.mark.parametrize("entry", [_golden_param(e) for e in GOLDEN_ENTRIES])
def test_golden_sentence(entry: dict[str, Any]) -> None:
    gold = golden_to_gold(entry)
    found = golden_deadlines(entry)
    got = sorted(((d.due.start, d.due.end) if d.due else (-1, -1), d.due_value or "",
                  d.bound.value) for d in found)
    if not gold["deadlines"]:
        assert got == []
        return
    assert len(found) == len(gold["deadlines"]), got
    for g in gold["deadlines"]:
        hits = [d for d in found if d.due is not None
                and d.due.start < g["due"][1] and g["due"][0] < d.due.end]
        assert hits, (g, got)
        assert (hits[0].due_value, hits[0].bound.value) == (g["due_value"], g["bound"]), got
        if g["trigger"] is not None:
            assert hits[0].trigger is not None
            assert hits[0].trigger.start <= g["trigger"][0] < hits[0].trigger.end


needs_scorer = pytest.mark.skipif(not SCORER.exists(),
                                  reason="../shared/eval is not beside the checkout")


@needs_scorer
def test_golden_figures() -> None:
    r = score_golden()
    hold("deadlines golden: detection F1", r["f1"], 96.0)
    hold("deadlines golden: due value accuracy", r["due_value_acc"], 97.0)
    hold("deadlines golden: bound accuracy", r["bound_acc"], 97.0)
    hold("deadlines golden: set_by head accuracy", r["set_by_head_acc"], 69.0)
    hold("deadlines golden: party head accuracy", r["party_head_acc"], 70.0)
    assert r["neg_docs"] >= 150
    assert r["neg_false_positives"] == 0


@needs_scorer
def test_golden_detection_through_parse_article() -> None:
    r = score_golden(dct_anchor=False)
    hold("deadlines golden (dct as reference date only): detection F1", r["f1"], 94.5)


# --------------------------------------------------------------------------- untouched sentences


def test_untouched_file_is_well_formed() -> None:
    assert len(UNTOUCHED_ENTRIES) >= 440
    statuses = {s.value for s in DeadlineStatus}
    for e in UNTOUCHED_ENTRIES:
        golden_to_gold(e)
        assert dt.date.fromisoformat(e["dct"])
        for f in e["deadlines"]:
            assert f["bound"] in {b.value for b in Bound} and f["status"] in statuses


@pytest.mark.skipif(not (EVAL / "temporal" / "dev.jsonl").exists(),
                    reason="../shared/eval is not beside the checkout")
def test_untouched_sentences_are_the_fixed_draw() -> None:
    drawn = draw()
    assert [r["id"] for r in drawn] == [e["id"] for e in UNTOUCHED_ENTRIES]
    assert [r["text"] for r in drawn] == [e["text"] for e in UNTOUCHED_ENTRIES]


@needs_scorer
@pytest.mark.parametrize("name", ["untouched", "untouched wire"])
def test_untouched_figures(name: str) -> None:
    # each set measured once, on its first run after it was annotated; never tuned on
    path, floors, max_false = {
        "untouched": (UNTOUCHED, UNTOUCHED_FLOORS, UNTOUCHED_MAX_FALSE),
        "untouched wire": (UNTOUCHED_WIRE, UNTOUCHED_WIRE_FLOORS, UNTOUCHED_WIRE_MAX_FALSE),
    }[name]
    r = score_golden(path)
    hold(f"deadlines {name}: detection F1", r["f1"], floors["f1"])
    hold(f"deadlines {name}: due value accuracy", r["due_value_acc"], floors["due_value_acc"])
    hold_at_most(f"deadlines {name}: false deadlines in sentences without one",
                 r["neg_false_positives"], max_false)


def test_untouched_wire_file_is_well_formed() -> None:
    entries = UNTOUCHED_WIRE_ENTRIES
    assert len(entries) >= 435
    assert sum(1 for e in entries if e["deadlines"]) >= 60
    assert sum(1 for e in entries if not e["deadlines"]) >= 150
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == len(ids)
    statuses = {s.value for s in DeadlineStatus}
    for e in entries:
        golden_to_gold(e)
        assert e["source"].startswith(("weka 3.6.14-3 ", "gensim 4.4.0 "))
        assert dt.date.fromisoformat(e["dct"])
        for f in e["deadlines"]:
            assert f["bound"] in {b.value for b in Bound} and f["status"] in statuses


@pytest.mark.skipif(len(WIRE_SOURCES.split(":")) != 2
                    or not all(Path(d).is_dir() for d in WIRE_SOURCES.split(":")),
                    reason="NEWSSTRUCT_WIRE_SOURCES does not name the two source folders")
def test_untouched_wire_sentences_are_the_fixed_draw() -> None:
    weka, gensim = WIRE_SOURCES.split(":")
    drawn = draw_wire(Path(weka), Path(gensim))
    assert [(r["id"], r["text"]) for r in drawn] == \
        [(e["id"], e["text"]) for e in UNTOUCHED_WIRE_ENTRIES]






def test_dev_pool_is_well_formed_and_apart_from_the_untouched_sets() -> None:
    entries = DEV_POOL_ENTRIES
    assert len(entries) >= 360 and sum(1 for e in entries if e["deadlines"]) >= 50
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == len(ids)
    untouched = {e["text"] for e in UNTOUCHED_ENTRIES + UNTOUCHED_WIRE_ENTRIES}
    golden = {e["text"] for e in GOLDEN_ENTRIES}
    assert not any(e["text"] in untouched or e["text"] in golden for e in entries)
    for e in entries:
        golden_to_gold(e)
        assert dt.date.fromisoformat(e["dct"])


@needs_scorer
def test_dev_pool_figures() -> None:
    r = score_golden(DEV_POOL)
    hold("deadlines dev pool: detection F1", r["f1"], DEV_POOL_FLOORS["f1"])
    hold("deadlines dev pool: due value accuracy", r["due_value_acc"],
         DEV_POOL_FLOORS["due_value_acc"])
    hold("deadlines dev pool: set_by head accuracy", r["set_by_head_acc"],
         DEV_POOL_FLOORS["set_by_head_acc"])
    hold("deadlines dev pool: party head accuracy", r["party_head_acc"],
         DEV_POOL_FLOORS["party_head_acc"])


@pytest.mark.skipif(len(WIRE_SOURCES.split(":")) != 2
                    or not all(Path(d).is_dir() for d in WIRE_SOURCES.split(":")),
                    reason="NEWSSTRUCT_WIRE_SOURCES does not name the two source folders")
def test_dev_pool_wire_sentences_are_the_fixed_draw() -> None:
    weka, gensim = WIRE_SOURCES.split(":")
    drawn = draw_wire_dev(Path(weka), Path(gensim))
    assert [(r["id"], r["text"]) for r in drawn] == \
        [(e["id"], e["text"]) for e in DEV_POOL_ENTRIES if e["id"].startswith(("reuters", "lee"))]


@pytest.mark.skipif(len(WIRE_SOURCES.split(":")) != 2 or not TM_TEXTS
                    or not all(Path(d).is_dir() for d in [*WIRE_SOURCES.split(":"), TM_TEXTS]),
                    reason="NEWSSTRUCT_WIRE_SOURCES or NEWSSTRUCT_TM_TEXTS names no folder")
def test_dev_pool_tm_sentences_are_the_fixed_draw() -> None:
    weka, gensim = WIRE_SOURCES.split(":")
    drawn = draw_tm_dev(Path(weka), Path(gensim), Path(TM_TEXTS))
    assert [(r["id"], r["text"]) for r in drawn] == \
        [(e["id"], e["text"]) for e in DEV_POOL_ENTRIES if e["id"].startswith("tm:")]


# --------------------------------------------------------------------------- rules

# Forms the evaluation corpora hold no positive example of, in news-style sentences.
RULES: list[tuple[str, str, str, str | None, str]] = [
    ("Bids must be submitted no later than Oct. 15, the agency said.", "2024-10-01",
     "Oct. 15", "2024-10-15", "by"),
    ("The cutoff for registering is Friday.", "2024-10-01", "Friday", "2024-10-04", "by"),
    ("The last day to register to vote is Oct. 7.", "2024-10-01", "Oct. 7", "2024-10-07",
     "by"),
    ("The truce runs out on Sunday.", "2024-10-01", "Sunday", "2024-10-06", "on"),
    ("Lawmakers must pass the budget before the recess.", "2024-10-01", "the recess", None,
     "before"),
    ("The company extended its offer until 5 p.m. Friday.", "2024-10-01", "5 p.m. Friday",
     "2024-10-04T17:00", "until"),
    ("The visa was extended to Nov. 30.", "2024-10-01", "Nov. 30", "2024-11-30", "until"),
    ("The contracts face a Friday expiry.", "2024-10-01", "Friday", "2024-10-04", "on"),
    ("The reports are due to be filed by Oct. 15.", "2024-10-01", "Oct. 15", "2024-10-15",
     "by"),
    ("Passengers must show their passports before boarding.", "2024-10-01", "boarding", None,
     "before"),
    ("The board insists that members file their reports by Oct. 15.", "2024-10-01", "Oct. 15",
     "2024-10-15", "by"),
    ("Doctors recommend adults get a booster by the end of October.", "2024-10-01",
     "the end of October", "2024-10", "by"),
]


@pytest.mark.parametrize(("text", "dct", "due", "value", "bound"), RULES)
def test_rule_forms(text: str, dct: str, due: str, value: str | None, bound: str) -> None:
    found = _parse(text, dct)
    assert [(d.due.text if d.due else None, d.due_value, d.bound.value) for d in found] == [
        (due, value, bound)
    ]


# One form of each kind of deadline frame, written in the style of news: the evaluation corpora
# hold no sentence of most of these forms outside the untouched set. Each row: text, dct, due,
# due value, bound, status.
KINDS: list[tuple[str, str, str, str | None, str, DeadlineStatus]] = [
    # a limit noun as predicate, or modified by its date
    ("June 1 is the deadline to apply for the grant.", "2024-05-01", "June 1", "2024-06-01",
     "by", DeadlineStatus.UPCOMING),
    ("The contractors were given a May 9 close-of-business deadline to comply.", "2024-05-01",
     "May 9", "2024-05-09", "by", DeadlineStatus.UPCOMING),
    # an obligation and "by", no limit noun
    ("All records are supposed to be released by Jan. 29.", "2024-01-10", "Jan. 29",
     "2024-01-29", "by", DeadlineStatus.UPCOMING),
    ("He was ordered to return the funds by March 3.", "2024-02-10", "March 3", "2024-03-03",
     "by", DeadlineStatus.UPCOMING),
    ("The board is committed to concluding the process by Feb. 29.", "2024-02-10", "Feb. 29",
     "2024-02-29", "by", DeadlineStatus.UPCOMING),
    # spans: from the article's time, from an event, from a date
    ("Organizers have to collect 50,000 signatures within 18 months.", "2024-02-10",
     "18 months", "2025-08-10", "within", DeadlineStatus.UPCOMING),
    ("The state must set up a plan no later than six months before the election.",
     "2024-02-10", "six months before the election", None, "by", DeadlineStatus.UNKNOWN),
    ("Claims must be filed no later than 30 days after Jan. 15.", "2024-01-10",
     "30 days after Jan. 15", "2024-02-14", "by", DeadlineStatus.UPCOMING),
    # a scheduled act owed, an offer that runs out, an imposed goal, a vague span
    ("The next test comes on Tuesday, when the company is scheduled to make a $200 million "
     "payment.", "2024-02-10", "Tuesday", "2024-02-13", "on", DeadlineStatus.UPCOMING),
    ("Through Dec. 31, new members get free entry.", "2024-12-01", "Dec. 31", "2024-12-31",
     "until", DeadlineStatus.UPCOMING),
    ("The agency fell short of its court-ordered goal of releasing 40,000 pages by the end of "
     "the year.", "2024-02-10", "the end of the year", "2024", "by", DeadlineStatus.UPCOMING),
    ("The lawmakers have only weeks to make their case or face defeat.", "2024-02-10",
     "only weeks", None, "within", DeadlineStatus.UNKNOWN),
    # limits the text says ran out
    ("The lease expired in August.", "2024-02-10", "August", "2023-08", "on",
     DeadlineStatus.EXPIRED),
    ("The company missed the March 1 deadline to file its report.", "2024-03-10", "March 1",
     "2024-03-01", "by", DeadlineStatus.EXPIRED),
]


@pytest.mark.parametrize(("text", "dct", "due", "value", "bound", "status"), KINDS)
def test_frame_kinds(text: str, dct: str, due: str, value: str | None, bound: str,
                     status: DeadlineStatus) -> None:
    found = _parse(text, dct)
    assert [(d.due.text if d.due else None, d.due_value, d.bound.value, d.status)
            for d in found] == [(due, value, bound, status)]


def test_extension_until_attached_inside_a_long_object() -> None:
    # Reuters-21578 (weka 3.6.14-3, ReutersGrain-train.arff story 330), a story of the pool
    # left for writing rules: the parse hangs "until" on "accepting", inside the object
    text = ("Americus Trust for American Home Products Shares said it extended its deadline for "
            "accepting tendered shares until November 26, an extension of nine months.")
    found = _parse(text, "1987-03-20")
    # a limit moved lies ahead of the move: the November after the story, not the one before
    assert [(d.due.text if d.due else None, d.due_value, d.bound, d.status) for d in found] == \
        [("November 26", "1987-11-26", Bound.UNTIL, DeadlineStatus.EXTENDED)]
    # temporal dev wsj_0542: hung on the relative clause "that it doesn't already own"
    entry = next(e for e in GOLDEN_ENTRIES if e["id"] == "temporal:wsj_0542:1")
    found = golden_deadlines(entry)
    assert [(d.due.text if d.due else None, d.due_value) for d in found] == \
        [("5 p.m. EST, Nov. 6", "1989-11-06T17:00")]


def test_time_had_until_with_an_adverb_between() -> None:
    # Reuters-21578 (weka 3.6.14-3, ReutersGrain-test.arff story 296), of the rule pool
    found = _parse("Operators have now until early May to withdraw this sugar.", "1987-04-15")
    assert [(d.due.text if d.due else None, d.due_value, d.party.span.text if d.party else None)
            for d in found] == [("early May", "1987-05", "Operators")]


def test_span_before_an_event_records_the_event() -> None:
    found = _parse("The state must set up a plan no later than six months before the election.",
                   "2024-02-10")
    assert [(d.event_anchor.text if d.event_anchor else None, d.duration_value)
            for d in found] == [("the election", "P6M")]


def test_scheduled_act_and_imposed_goal_name_who_must_act() -> None:
    found = _parse("The next test comes on Tuesday, when the company is scheduled to make a "
                   "$200 million payment.", "2024-02-10")
    assert [d.party.span.text if d.party else None for d in found] == ["the company"]
    found = _parse("He was ordered to return the funds by March 3.", "2024-02-10")
    assert [d.party.span.text if d.party else None for d in found] == ["He"]


def test_consequence_after_or_else() -> None:
    found = _parse("Iran must halt enrichment by Friday or else face new sanctions, "
                   "the envoy said.", "2024-10-01")
    assert len(found) == 1
    d = found[0]
    assert d.party is not None and d.party.span.text == "Iran"
    assert d.demand is not None and d.demand.span.text == "halt enrichment"
    assert d.consequence is not None and d.consequence.span.text == "face new sanctions"
    assert d.status is DeadlineStatus.UPCOMING


NOT_LIMITS: list[str] = [
    "The company aims to be carbon neutral by 2030.",
    "By 2015, the gap had grown to 31 percent.",
    "He stayed in Paris until recently.",
    "The plan was drafted by Trump on Monday.",
    "There is dissent within the party over the March 3 vote.",
    "The delegates met before the convention in July.",
    "The new rules must take effect by Jan. 1.",
    "Can you give me until tomorrow?",
    "The search was extended to Mexico on Friday.",
    "Officials postponed until Tuesday any action on the permit.",
    "The announcement came just 30 hours before the filing deadline.",
    "The vote is due to be held on Dec. 12.",
    "Analysts say that shoppers return to the stores by November.",
    # a term told of the past, and a month-long span, are no offer running out
    "Through Sept. 30, the bank had lent $4 million to small firms.",
    'He adds: "Our fund has had {positive} net sales every month for the last three years -- '
    'until this month."',
    # scheduled events are not acts owed; a goal nobody imposed is not a limit
    "The vote is scheduled to take place on Tuesday.",
    "The company's goal is to double its sales by 2030.",
    "The team had only weeks to prepare.",
]


@pytest.mark.parametrize("text", NOT_LIMITS)
def test_not_a_limit(text: str) -> None:
    assert _parse(text, "2024-10-01") == ()


INTERVALS: list[tuple[str, str, str, str]] = [
    ("2025-08-08", "2025-08-08T00:00:00", "2025-08-09T00:00:00", "day"),
    ("2016-09", "2016-09-01T00:00:00", "2016-10-01T00:00:00", "month"),
    ("1994", "1994-01-01T00:00:00", "1995-01-01T00:00:00", "year"),
    ("2019-12-20T12:00", "2019-12-20T12:00:00", "2019-12-20T12:01:00", "minute"),
    ("1989-10-27T24:00", "1989-10-28T00:00:00", "1989-10-28T00:01:00", "minute"),
    ("2020-W05", "2020-01-27T00:00:00", "2020-02-03T00:00:00", "week"),
    ("1989-10-27TEV", "1989-10-27T18:00:00", "1989-10-28T00:00:00", "part_of_day"),
]


@pytest.mark.parametrize(("value", "start", "end", "granularity"), INTERVALS)
def test_timex_interval(value: str, start: str, end: str, granularity: str) -> None:
    assert timex_interval(value) == (dt.datetime.fromisoformat(start),
                                     dt.datetime.fromisoformat(end), granularity)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P3D", "XXXX-XX-XX", "2019-13-01"])
def test_timex_interval_rejects(value: str | None) -> None:
    assert timex_interval(value) is None


def test_prediction_shape_is_json() -> None:
    found = _parse("The rights, which expire Nov. 21, can be exercised for $100 each.",
                   "1989-11-02")
    line = json.loads(json.dumps([to_prediction(d) for d in found]))
    assert line[0]["due_value"] == "1989-11-21" and line[0]["bound"] == "on"


STATUSES: list[tuple[str, str, DeadlineStatus]] = [
    ("Sony Corp. completed its tender offer for Columbia Pictures Entertainment Inc., with "
     "Columbia shareholders tendering 99.3% of all common shares outstanding by the Tuesday "
     "deadline.", "1989-11-02", DeadlineStatus.MET),
    ("It's the third 90-day extension of the license, which is now set to expire in February.",
     "2019-11-19", DeadlineStatus.EXTENDED),
    ("The rights, which expire Nov. 21, can be exercised for $100 each.", "1989-11-02",
     DeadlineStatus.UPCOMING),
    ("The offer, which was due to expire yesterday, is conditional on the withdrawal of the "
     "company's poison pill rights plan.", "1989-11-02", DeadlineStatus.PASSED),
]


@pytest.mark.parametrize(("text", "dct", "status"), STATUSES)
def test_status(text: str, dct: str, status: DeadlineStatus) -> None:
    assert [d.status for d in _parse(text, dct)] == [status]


def test_time_granted_for_an_act() -> None:
    found = _parse("Trump gave Putin 50 days to reach a deal or face tariffs.", "2025-07-14")
    assert len(found) == 1
    d = found[0]
    assert d.due is not None and d.due.text == "50 days"
    # granted at a time the text does not give: left relative, the granting verb recorded
    assert (d.due_value, d.bound, d.duration_value) == (None, Bound.WITHIN, "P50D")
    assert d.event_anchor is not None and d.event_anchor.text == "gave"
    assert d.set_by is not None and d.set_by.span.text == "Trump"
    assert d.party is not None and d.party.span.text == "Putin"
    assert d.demand is not None and d.demand.span.text == "reach a deal"
    assert d.consequence is not None and d.consequence.span.text == "face tariffs"


def test_time_granted_now_counts_from_the_article() -> None:
    found = _parse("Putin has 50 days to reach a deal or face tariffs.", "2025-07-14")
    assert [(d.due_value, d.event_anchor) for d in found] == [("2025-09-02", None)]


def test_span_counts_from_the_event_that_set_it() -> None:
    found = _parse("The government declared a state of emergency at 10:30 p.m. Tuesday. It also "
                   "ordered doctors to return to work within 48 hours.", "1990-03-02")
    assert [(d.due.text if d.due else None, d.due_value, d.party.span.text if d.party else None)
            for d in found] == [("48 hours", "1990-03-01T22:30", "doctors")]


def test_time_told_in_the_past_is_not_a_limit() -> None:
    assert _parse("The team had two days to prepare.", "2024-10-01") == ()


def test_ultimatum_measured_in_hours() -> None:
    found = _parse("Hamas was given a 72-hour ultimatum to release the hostages.", "2024-10-01")
    assert [(d.due_value, d.party.span.text if d.party else None) for d in found] == [
        ("2024-10-04", "Hamas")
    ]


def test_consequence_as_a_clause() -> None:
    found = _parse("Congress has until Sept. 30 to pass a spending bill or the government "
                   "will shut down.", "2024-09-02")
    assert [(d.due_value, d.consequence.span.text if d.consequence else None)
            for d in found] == [("2024-09-30", "the government will shut down")]


def test_due_span_stays_in_its_segment_above_a_blanked_line() -> None:
    # the seed's headline with one letter of its first paragraph left, which layout labels
    # boilerplate: the token range of the due phrase must not take the blanked line in
    text = "rump Envoy Visits Moscow Before Sanctions Deadline\n\nW"
    article = newsstruct.parse_article(text, reference_date="2025-09-06")
    assert [d.due.text if d.due else None for d in article.deadlines] == ["Sanctions Deadline"]


# A time bound attached to a predicate of a named class (newsstruct/deadlines/_classes.py): one
# real sentence of the dev pool for each class. Each row: text, dct, due, due value, bound,
# set_by, party.
CLASS_BOUNDS: list[tuple[str, str, str, str | None, str, str | None, str | None]] = [
    # Commitment (Reuters-21578 test story 165)
    ("The government agency said, however, Harcourt Canada has agreed to sell control of the "
     "firms to Canadian interests within two years.", "1987-04-15", "two years", "1989-04-15",
     "within", "Harcourt Canada", "Harcourt Canada"),
    # Request (Lee corpus document 261)
    ("The agreement calls for elections within two years.", "2001-12-15", "two years",
     "2003-12-15", "within", "The agreement", None),
    # Imposing_obligation (header dev page hd-1487058344)
    ("The Competitive Dollar for Jobs and Prosperity Act would task the Federal Reserve with "
     "achieving and maintaining a current account balancing price for the dollar within five "
     "years.", "2019-08-06", "five years", "2024-08-06", "within",
     "The Competitive Dollar for Jobs and Prosperity Act", "the Federal Reserve"),
    # Scheduling (Reuters-21578 train story 1287)
    ("The closing is scheduled to be concluded by March 31, it said.", "1987-03-20", "March 31",
     "1987-03-31", "by", None, None),
    # Availability (Lee corpus document 42)
    ("The 10,000 midweek seats are only available on the Internet until Monday, for travel "
     "between January 9 and March 27.", "2001-12-15", "Monday", "2001-12-17", "until", None,
     None),
    # Contingency (Reuters-21578 train story 1088)
    ("The sale, to a group headed by Girozentrale Bank of Austria, is subject to shareholder "
     "approval by April 24, 1987, it said.", "1987-03-20", "April 24, 1987", "1987-04-24", "by",
     None, None),
]


@pytest.mark.parametrize(("text", "dct", "due", "value", "bound", "set_by", "party"),
                         CLASS_BOUNDS)
def test_bound_on_a_class_predicate(text: str, dct: str, due: str, value: str | None,
                                    bound: str, set_by: str | None, party: str | None) -> None:
    found = _parse(text, dct)
    assert [(d.due.text if d.due else None, d.due_value, d.bound.value,
             d.set_by.span.text if d.set_by else None, d.party.span.text if d.party else None)
            for d in found] == [(due, value, bound, set_by, party)]


# Bounds near a class word that state no limit, from the dev pool and the golden negatives:
# a modifier of a noun, a condition, a refusal, a deployment, a schedule with no act.
NOT_CLASS_BOUNDS: list[tuple[str, str]] = [
    ("Xi a letter with a proposal in which the United States would pledge to increase its "
     "target for reducing carbon emissions by 2025 if the Chinese pledged to cap and then "
     "gradually reduce their emissions.", "2016-09-08"),
    ("Unless we come together and demand a move away from fossil fuels by 2030, we will go the "
     "same way as manufacturing in the UK.", "2025-01-28"),
    ("He claimed that paying no income taxes was smart, although he again refused to pledge to "
     "release his tax returns before the election.", "2016-09-29"),
    ("At least 50,000 U.S. troops are expected to be committed to Desert Shield within weeks, "
     "including Marines, Army air assault forces, paratroopers and infantry.", "1990-08-15"),
    ("Both shipments are c and f Taiwan and are set before March 16, the spokesman said.",
     "1987-03-20"),
]


@pytest.mark.parametrize(("text", "dct"), NOT_CLASS_BOUNDS)
def test_bound_near_a_class_word_that_states_no_limit(text: str, dct: str) -> None:
    assert _parse(text, dct) == ()


# Who set the end of an offer, a bid or rights: its owner named in the phrase (a "by" agent, a
# possessive standing for the one who reports it) or the one who reports its end; and who
# commits sets the limit on itself. Real sentences of the golden set and the dev pool (Reuters
# stories 208, 1527, 1531, 247 and test 53, 499; WSJ wsj_0533; the Washington Post).
SETTERS: list[tuple[str, str, str]] = [
    ("ROPAK <ROPK> HAS 34 PCT OF BUCKHORN <BKN> Ropak Corp said it received and accepted about "
     "456,968 common shares and 527,035 Series A convertible preferred shares of Buckhorn Inc at "
     "four dlrs and 5.75 dlrs each respectively in response to its tender offer that expired "
     "Friday, and it now owns 34.4 pct of Buckhorn voting power.", "1987-03-20", "Ropak Corp"),
    ("It said it has received about 11,070,000 shares under its 22.50 dlrs per share offer which "
     "expired yesterday.", "1987-03-20", "It"),
    ("Mono also said options to buy up to 300,000 dlrs of its capital stock at 65 cts per share "
     "expire March three.", "1987-03-20", "Mono"),
    ("DRS said the deal is subject to approval by the Rospatch board, and the tender offer "
     "expires on March 6, 1986.", "1987-03-20", "DRS"),
    ("In a newspaper advertisement, the company said the tender and withdrawal rights will "
     "expire May Five unless extended.", "1987-04-15", "the company"),
    ("Southmark said the offer's record date is May 1, with an ex-dividend date of April 27, "
     "adding that the it will issue the rights to shareholders on May 6 and the offer will "
     "expire on May 22.", "1987-04-15", "Southmark"),
    ("Institut Merieux S.A., which offered 942 million Canadian dollars (US$801.2 million), or "
     "C$37 a share for Connaught, said it would extend its bid, due to expire last Thursday, to "
     "Nov. 6.", "1989-10-30", "Institut Merieux S.A"),
    ("A C$30-a-share bid by Ciba-Geigy Ltd., a pharmaceutical company based in Basel, "
     "Switzerland, and California-based Chiron Corp., a bioresearch concern, was extended to "
     "Nov. 16.", "1989-10-30", "Ciba-Geigy Ltd"),
    ("She said leaders had agreed to put together a reform plan by March of next year.",
     "2016-09-18", "leaders"),
]


@pytest.mark.parametrize(("text", "dct", "set_by"), SETTERS)
def test_setter_of_an_offer_or_a_commitment(text: str, dct: str, set_by: str) -> None:
    found = _parse(text, dct)
    assert [d.set_by.span.text if d.set_by else None for d in found] == [set_by]


# Ends of things that are not an offer, a bid or rights, or that nobody in the sentence reports
# (Reuters test story 271 and train story 471, WSJ wsj_0073): no setter.
NO_SETTER: list[tuple[str, str]] = [
    ("Dome Petroleum reiterated in the SEC filing that its existence as a going concern is "
     "dependent on continuing the interim debt plan, due to expire on June 30, and winning "
     "agreement for its proposed restructuring plan.", "1987-04-15"),
    ("An earlier pact expires next week, draining 8.5 billion marks from the system.",
     "1987-03-20"),
    ("The rights, which expire Nov. 21, can be exercised for $100 each.", "1989-11-02"),
]


@pytest.mark.parametrize(("text", "dct"), NO_SETTER)
def test_no_setter_for_an_end_nobody_named_issued(text: str, dct: str) -> None:
    found = _parse(text, dct)
    assert found and all(d.set_by is None for d in found)

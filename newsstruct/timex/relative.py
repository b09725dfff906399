"""Normalisers of relative times ("last week", "two days later"), weekdays, times of day,
terms of office, durations, sets, vague references and holidays.
"""

from __future__ import annotations

import datetime as dt
import re

from newsstruct.calendar import iso_week, nth_weekday, quarter_of
from newsstruct.timex.accept import _word_before
from newsstruct.timex.anchor import (
    _GRAN_RANK,
    _UNIT_GRAN,
    _Ctx,
    _duration,
    _nearest_year,
    _season_year,
    _shift,
    _Value,
    _value_at,
    _weekday_date,
)
from newsstruct.timex.dates import _pos_mod
from newsstruct.timex.vocab import (
    _MODS,
    _MONEY_BEFORE,
    _MONTHS,
    _ONES,
    _PARTS_OF_DAY,
    _SEASONS,
    _VAGUE,
    _WEEKDAYS,
    _holidays,
    _refs,
    _sets,
    _terms,
    _words_to_int,
)
from newsstruct.types import Granularity, TimexMod, TimexType


def _from_focus_day(base: dt.date, unit: str, step: int, mod: TimexMod | None) -> _Value | None:
    """ "the previous Friday", "the next morning", "that evening": a weekday or a part of a day
    counted from the day the text last mentioned."""
    if unit in _PARTS_OF_DAY:
        day = base + dt.timedelta(days=step)
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[unit]}", mod,
                      anchored="focus")
    if step == 0:
        return None  # "that Friday": which one is not said
    delta = (_WEEKDAYS[unit] - base.weekday()) % 7 or 7
    day = base + dt.timedelta(days=delta if step > 0 else delta - 7)
    return _Value(TimexType.DATE, day.isoformat(), mod, anchored="focus")


def _n_rel(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    pos = m["pos"]
    mod = _pos_mod(pos)
    day = ctx.day
    if rel == "the" and unit == "weekend" and not pos:
        sat = _weekday_date(day, 5, ctx.tense(m.start(), m.end()))
        return _Value(TimexType.DATE, iso_week(sat) + "-WE")
    if rel == "the":
        rel = "this"
    if rel in ("that", "same", "following") or (m["the"] and rel in ("next", "previous")):
        base = ctx.focus.day
        if base is None:
            if rel in ("that", "same"):
                return None
            base = day
        step = {"that": 0, "same": 0, "following": 1, "next": 1, "previous": -1}[rel]
        if unit in _WEEKDAYS or unit in _PARTS_OF_DAY:
            return _from_focus_day(base, unit, step, mod)
        if unit in _SEASONS:
            return None
        target = _shift(base, unit, step)
        gran = _UNIT_GRAN.get(unit, Granularity.DAY)
        return _Value(TimexType.DATE, _value_at(target, gran), mod, anchored="focus")
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "prior": -1,
            "next": 1, "coming": 1}.get(rel, 0)
    if unit in _WEEKDAYS:
        target = _weekday_date(day, _WEEKDAYS[unit], 0, rel)
        return _Value(TimexType.DATE, target.isoformat(), mod)
    if unit in _SEASONS:
        code = _SEASONS[unit]
        return _Value(TimexType.DATE, f"{_season_year(day, code, step):04d}-{code}", mod)
    if unit in _PARTS_OF_DAY:
        if rel in ("this", "current"):
            return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[unit]}", mod)
        if rel in ("last", "past", "previous") and unit in ("night", "evening"):
            prev = day - dt.timedelta(days=1)
            return _Value(TimexType.TIME, f"{prev.isoformat()}T{_PARTS_OF_DAY[unit]}", mod)
        return None
    if unit == "day":
        # "the end of the day": the anchor's day
        return _Value(TimexType.DATE, day.isoformat(), mod) if pos and step == 0 else None
    if unit == "quarter":
        y, q = quarter_of(day)
        q += step
        y, q = (y + (q - 1) // 4, (q - 1) % 4 + 1)
        return _Value(TimexType.DATE, f"{y:04d}-Q{q}", mod)
    if unit in ("decade", "century") and rel in ("past", "last"):
        return _Value(TimexType.DURATION, _duration(1, unit), mod)
    if unit == "decade":
        y = day.year // 10 + step
        return _Value(TimexType.DATE, f"{y:03d}", mod)
    if unit == "century":
        return _Value(TimexType.DATE, f"{day.year // 100 + step:02d}", mod)
    target = _shift(day, unit, step)
    if unit == "weekend":
        return _Value(TimexType.DATE, iso_week(target) + "-WE", mod)
    return _Value(TimexType.DATE, _value_at(target, _UNIT_GRAN[unit]), mod)


def _n_dayrel(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    day = ctx.day + dt.timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                       "tomorrow": 1}[w])
    if m["da"]:
        day += dt.timedelta(days=1 if m["da"].lower() == "after" else -1)
    pod = (m["pod"] or "").lower()
    mod = _pos_mod(m["pos"])
    if pod:
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[pod]}", mod)
    return _Value(TimexType.DATE, day.isoformat(), mod)


def _n_weekday(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    pod = (m["pod"] or "").lower()
    if m["pl"] or m["pl2"]:
        value = f"XXXX-WXX-{wd + 1}" + (f"T{_PARTS_OF_DAY[pod]}" if pod else "")
        return _Value(TimexType.SET, value, quant="EVERY")
    day = _weekday_date(ctx.day, wd, ctx.day_tense(m.start(), m.end()))
    if pod:  # "Friday evening": a part of a day is a time (TIMEX3)
        return _Value(TimexType.TIME, f"{day.isoformat()}T{_PARTS_OF_DAY[pod]}",
                      _pos_mod(m["pos"]))
    return _Value(TimexType.DATE, day.isoformat(), _pos_mod(m["pos"]))


def _clock_value(ctx: _Ctx, hour: int, minute: int) -> str:
    day = ctx.day
    if ctx.focus.day is not None and ctx.focus.gran is Granularity.DAY:
        day = ctx.focus.day
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _n_clock(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ap = m["ap"].lower()
    if not 1 <= h <= 12:
        return None
    if ap.startswith("p") and h != 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    return _Value(TimexType.TIME, _clock_value(ctx, h, mi))


def _n_clock24(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if not m["h24"] and not (before and before[-1] in ("at", "by", "until", "before",
                                                       "after", "from", "around")):
        return None
    return _Value(TimexType.TIME, _clock_value(ctx, int(m["h"]), int(m["mi"])))


_EVENING_AFTER = re.compile(r"\s+(?:tonight|this\s+(?:evening|afternoon))\b", re.IGNORECASE)


def _n_oclock(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    h = int(m["h"]) if m["h"].isdigit() else _ONES[m["h"].lower()]
    part = re.sub(r"\s+", " ", (m["part"] or m["part2"] or "").lower())
    if part.endswith("morning"):
        h = 0 if h == 12 else h
    elif part or _EVENING_AFTER.match(ctx.text, m.end()):
        h = h if h == 12 else h + 12
    return _Value(TimexType.TIME, _clock_value(ctx, h, 0))


_DATE_BEFORE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d)[ T]$")


def _n_hms(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    """Hours, minutes and seconds: a time of day after a date, "at", or with a zone or
    "a.m."; otherwise a length of time ("won in 2:14:08")."""
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    date = _DATE_BEFORE.search(ctx.text, max(0, m.start() - 11), m.start())
    if date or m["ap"] or m["tz"] or _word_before(ctx.text, m.start()) in ("at", "by"):
        if m["ap"] and m["ap"][0].lower() == "p" and h < 12:
            h += 12
        if h > 23:
            return None
        day = date["date"] if date else _clock_value(ctx, h, mi)[:10]
        return _Value(TimexType.TIME, f"{day}T{h:02d}:{mi:02d}:{sec:02d}")
    parts = "".join(f"{n}{u}" for n, u in ((h, "H"), (mi, "M"), (sec, "S")) if n)
    return _Value(TimexType.DURATION, f"PT{parts or '0S'}", start=m.start(), end=m.end("s"))


def _n_term(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    """ "a second term": one term of the office last named before it (a president's is four
    years); an unknown number of years when no office is named."""
    pattern, table = _terms()
    offices = list(pattern.finditer(ctx.text, 0, m.start()))
    after = pattern.search(ctx.text, m.end(), min(len(ctx.text), m.end() + 40))
    office = offices[-1] if offices else after
    if office is None:
        return _Value(TimexType.DURATION, "PXY")
    years = table[re.sub(r"\s+", " ", office[0].lower())]
    return _Value(TimexType.DURATION, f"P{years}Y")


def _n_midpart(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    day = _clock_value(ctx, 0, 0)[:10]
    return _Value(TimexType.TIME, f"{day}T{_PARTS_OF_DAY[m['pod'].lower()]}", _pos_mod(m["pos"]))


def _n_noon(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    return _Value(TimexType.TIME, _clock_value(ctx, 0 if w == "midnight" else 12, 0))


def _n_dur(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    nw = re.sub(r"\s+", " ", m["n"].lower())
    rel = (m["rel"] or "").lower()
    direction = (m["dir"] or "").lower()
    before = ctx.text[max(0, m.start() - 16):m.start()].lower()
    if direction in ("old", "of age") or re.search(r"\b(?:aged?|ages)\s+$", before):
        return None
    if m["hy"].startswith("-") and ctx.text[m.end():m.end() + 4].lower() == "-old":
        return None
    if unit == "quarter" and not m["pl"] and nw in ("a", "an", "one") and not direction:
        return None
    if unit == "quarter" and ((m["hy"].startswith("-") and m["pl"]) or re.match(
            r"\s+of\b", ctx.text[m.end():m.end() + 4])):
        return None
    if nw in ("some",) and not m["pl"]:
        return None
    if nw in ("a", "an") and m["pl"] and m["long"]:
        # "a decades-long feud": the article belongs to the noun, the number is unknown
        return _Value(TimexType.DURATION, _duration(None, unit), start=m.start("unit"))
    if unit == "weekend" and nw not in ("a", "an", "one") and not m["pl"]:
        return None
    if nw in ("a", "an") and not direction and not rel and _MONEY_BEFORE.search(before):
        return _Value(TimexType.SET, _duration(1, unit), quant=None, freq=None)
    start, end = m.start(), m.end()
    if m["the"] and (m["hy"].startswith("-") or m["long"]):
        start = m.start("rel") if m["rel"] else m.start("n")
    half = bool(m["half"] or m["half2"])
    if nw.endswith("1/2"):
        nw, half = nw[:-3].strip(), True
    vague = nw in _VAGUE
    n_val = _words_to_int(nw)
    n: float | None = None if vague else (n_val if n_val is not None else None)
    if n is None and not vague:
        try:
            n = float(nw)
        except ValueError:
            return None
    mod = _MODS.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()))
    if m["n2"]:
        mod = TimexMod.APPROX
    if direction in ("before", "after"):
        nxt = ctx.text[m.end():m.end() + 2]
        if nxt[:1] not in (".", ",", ";", "") and nxt.strip() != "":
            end = m.end("half2") if m["half2"] else m.end("pl") if m["pl"] else m.end("unit")
            direction = ""
    if direction and unit in ("second", "minute", "hour") and direction not in (
            "ago", "from now", "hence"):
        end = m.end("half2") if m["half2"] else m.end("pl") if m["pl"] else m.end("unit")
        return _Value(TimexType.DURATION, _duration(n, unit, half), mod, start=start, end=end)
    if direction:
        return _n_shift(ctx, unit, None if n is None else int(n), direction, mod, start, end)
    value = _duration(n, unit, half)
    if rel in ("past", "last", "recent", "next", "coming") and n is None and unit != "day":
        value = _duration(None, unit)
    return _Value(TimexType.DURATION, value, mod, start=start, end=end)


#: The TIMEX3 value of an unknown time at each granularity.
_UNKNOWN_AT = {Granularity.YEAR: "XXXX", Granularity.QUARTER: "XXXX-QX",
               Granularity.MONTH: "XXXX-XX", Granularity.WEEK: "XXXX-WXX",
               Granularity.DAY: "XXXX-XX-XX"}


def _n_shift(ctx: _Ctx, unit: str, n: int | None, direction: str, mod: TimexMod | None,
             start: int, end: int) -> _Value | None:
    if n is None:
        ref = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
        return _Value(TimexType.DATE, ref, mod, start=start, end=end)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if unit in ("second", "minute", "hour"):
        if direction in ("ago", "from now", "hence"):
            delta = dt.timedelta(**{unit + "s": sign * n})
            t = ctx.anchor + delta
            return _Value(TimexType.TIME, t.strftime("%Y-%m-%dT%H:%M"), mod, start=start, end=end)
        return _Value(TimexType.DURATION, _duration(n, unit), mod, start=start, end=end)
    ugran = _UNIT_GRAN.get(unit, Granularity.DAY)
    focus = ctx.focus
    anchored: str | None = None
    if focus.day is None and direction in ("later", "after"):
        # "Seven decades later": after a point the text has not dated, so no calendar value
        return _Value(TimexType.DATE, _UNKNOWN_AT[ugran], mod, start=start, end=end,
                      anchored="unknown")
    months_year = focus.months_year()
    if unit == "year" and months_year is not None:
        return _Value(TimexType.DATE, f"{months_year + sign * n:04d}", mod, start=start,
                      end=end, anchored="focus", moves=False)
    if direction in ("ago", "from now", "hence") or focus.day is None:
        base, gran = ctx.day, ugran
        if unit == "year" and direction == "ago" and focus.quarter is not None:
            y, q = focus.quarter
            return _Value(TimexType.DATE, f"{y - n:04d}-Q{q}", mod, start=start, end=end,
                          anchored="quarter", moves=False)
    elif unit == "year" and focus.quarter is not None and focus.gran is Granularity.QUARTER:
        y, q = focus.quarter
        return _Value(TimexType.DATE, f"{y + sign * n:04d}-Q{q}", mod, start=start, end=end,
                      anchored="quarter", moves=False)
    else:
        assert focus.gran is not None
        if _GRAN_RANK.get(ugran, 4) > _GRAN_RANK.get(focus.gran, 4):
            base, gran = ctx.day, ugran
        else:
            base, gran = focus.day, focus.gran
            anchored = "focus"
            if gran in (Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
                        Granularity.SECOND):
                gran = Granularity.DAY
    target = _shift(base, unit, sign * n)
    return _Value(TimexType.DATE, _value_at(target, gran), mod, start=start, end=end,
                  anchored=anchored)


_HALVES = {"minute": "PT30S", "hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y",
           "century": "P50Y"}


def _n_half(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    mod = _MODS.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()))
    return _Value(TimexType.DURATION, _HALVES[m["unit"].lower()], mod)


def _n_plural(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    unit = m["unit"].lower()
    direction = (m["dir"] or "").lower()
    if direction:
        ref = "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF"
        return _Value(TimexType.DATE, ref, start=m.start("unit"))
    if pre in ("recent", "in recent"):
        start = m.start() if pre == "recent" else m.start("unit") - len("recent ")
        return _Value(TimexType.DATE, "PAST_REF", start=start)
    if m["long"]:
        return _Value(TimexType.DURATION, _duration(None, unit[:-1].replace("centurie",
                                                                            "centurie")))
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if not pre and not (before and before[-1] in ("for", "in", "over", "within", "took",
                                                  "take", "takes", "taking", "lasted",
                                                  "spent", "after", "last", "lasting")):
        return None
    if pre.startswith("in "):
        return None
    return _Value(TimexType.DURATION, _duration(None, unit[:-1]))


def _n_set(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    unit = m["unit"].lower()
    q = m["q"].lower()
    f = (m["f"] or "").lower()
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if q in ("a", "an") and not f and not _MONEY_BEFORE.search(before):
        return None
    freq: str | None = None
    if f:
        times = {"once": 1, "twice": 2, "thrice": 3}.get(f)
        if times is None:
            times = _words_to_int(f.split()[0])
            if times is None:
                return None
        freq = f"{times}X"
    quant = q.upper() if q in ("every", "each") else None
    if unit in _WEEKDAYS:
        return _Value(TimexType.SET, f"XXXX-WXX-{_WEEKDAYS[unit] + 1}", quant=quant, freq=freq)
    if unit in _PARTS_OF_DAY:
        return _Value(TimexType.SET, f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}", quant=quant, freq=freq)
    n = 2 if m["other"] else 1
    return _Value(TimexType.SET, _duration(n, unit), quant=quant, freq=freq)


def _n_fyear(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    det = m["det"].lower()
    adj = (m["adj"] or "").lower()
    if det == "the" and not adj and m["ended"]:  # "the (fiscal) year ended March 31"
        return _Value(TimexType.DURATION, "P1Y", end=m.end("ended") - len(m["ended"]))
    step = -1 if det == "last" or adj in ("latest", "past", "previous", "prior") else \
        1 if det == "next" or adj in ("coming", "new") else 0
    base = ctx.focus.day.year if det == "that" and ctx.focus.day else ctx.day.year
    if m["ended"]:
        return _Value(TimexType.DATE, f"{base + step:04d}", end=m.end("ended") - len(m["ended"]))
    if det in ("the", "its", "their") and not adj and not m["fisc"]:
        return _Value(TimexType.DATE, f"{base:04d}") if det == "the" else None
    return _Value(TimexType.DATE, f"{base + step:04d}")


def _n_yearago(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    start = m.start() + (len(m["w"]) - len(m["w"].split()[-1]))
    focus = ctx.focus
    months_year = focus.months_year()
    if months_year is not None:
        return _Value(TimexType.DATE, f"{months_year - 1:04d}", start=start, anchored="focus",
                      moves=False)
    if focus.quarter is not None:
        y, q = focus.quarter
        return _Value(TimexType.DATE, f"{y - 1:04d}-Q{q}", start=start, anchored="quarter",
                      moves=False)
    return _Value(TimexType.DATE, f"{ctx.day.year - 1:04d}", start=start, moves=False)


def _n_yearend(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    w = m["w"].lower()
    if w.startswith("month"):
        return _Value(TimexType.DATE, f"{ctx.day.year:04d}-{ctx.day.month:02d}", TimexMod.END)
    return _Value(TimexType.DATE, f"{ctx.day.year:04d}", TimexMod.END)


def _n_eachmonth(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    return _Value(TimexType.SET, f"XXXX-{month:02d}", quant=m["q"].upper())


def _n_setword(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(TimexType.SET, _sets()[1][m[0].lower()])


def _n_ref(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    phrase = re.sub(r"\s+", " ", m[0].lower())
    return _Value(TimexType.DATE, _refs()[1][phrase])


def _n_holiday(m: re.Match[str], ctx: _Ctx) -> _Value | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    spec = _holidays()[1][name]
    parts = spec.split("-", 2)
    month = int(parts[0])
    rel = (m["rel"] or "").lower()

    def on(year: int) -> dt.date | None:
        try:
            if len(parts) == 2:
                return dt.date(year, month, int(parts[1]))
            nth, _, days = parts[2].partition("+")  # "11-1-1+1": the day after the first Monday
            day = nth_weekday(year, month, int(parts[1]) - 1, int(nth))
            return day + dt.timedelta(days=int(days or 0))
        except ValueError:
            return None

    if m["year"]:
        year = int(m["year"])
    elif rel == "last":
        d0 = on(ctx.day.year)
        year = ctx.day.year if d0 and d0 < ctx.day else ctx.day.year - 1
    elif rel == "next":
        d0 = on(ctx.day.year)
        year = ctx.day.year if d0 and d0 > ctx.day else ctx.day.year + 1
    else:
        d0 = on(ctx.day.year)
        year = ctx.day.year
        if d0 is not None:
            year = _nearest_year(ctx.day, d0.month, d0.day)
    day = on(year)
    if day is None:
        return None
    return _Value(TimexType.DATE, day.isoformat())

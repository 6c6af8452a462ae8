"""Extraction: the numeric claims of an article, as :class:`~checker.model.Claim` records.

``extract_article`` is a pure function of the article. Per sentence (``context.sentence_spans``):
:func:`checker.numbers.find_numbers` reads the numbers (the project's own grammar; the record is
:class:`checker.figure.Figure`, and :mod:`checker.ranges` joins two numbers into a range);
:mod:`checker.notclaims` drops what is not a claim (dates, years, times, ages, ordinals, names,
page debris); :mod:`checker.semantics` applies hedges and trends; :mod:`checker.attach` attaches the
unit (measurement unit, rate, or the counted noun); this module joins what spans two figures (ranges
whose first end has its own unit, bracketed conversions, "3 dollars 50 cents", "280 million of the
1.5 billion shekels") and asks :func:`checker.context.describe` what the figure measures and who
gives it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace

from checker import context
from checker.attach import attach_fraction_unit, attach_unit, rate_after
from checker.measures_nouns import singular
from checker.model import Article, Claim
from checker.notclaims import (
    bare_one,
    blocked_spans,
    debris_spans,
    in_name,
    not_a_claim,
    suspended_tail,
    year_context,
)
from checker.notclaims_time import clock_time, group_age
from checker.numbers import Figure, find_numbers, is_year_like
from checker.ranges import change_then_level
from checker.semantics import (
    HEDGE_ROWS,
    TREND_WORD_RE,
    apply_hedges,
    apply_over,
    apply_row,
    apply_suffix_hedge,
    apply_suffix_trend,
    apply_trend,
    change_of,
)


def extract_article(article: Article) -> tuple[Claim, ...]:
    """The claims of one article, sorted by start; offsets index ``article.text``."""
    text = article.text
    lo = min(max(article.body_start, 0), len(text))
    debris = debris_spans(text, lo)
    line_starts = _line_starts(text)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for s_start, s_end in context.sentence_spans(text, lo, len(text)):
        for fig in _figures(text, s_start, s_end, debris):
            claims.append(_claim(article, fig, s_start, s_end, line_starts, seen))
    claims.sort(key=lambda c: (c.start, c.end))
    return tuple(_harmonise(claims))


def _harmonise(claims: list[Claim]) -> list[Claim]:
    """Two readings that need the entity and predicate, made once they are known (docs/semantics.md):
    money or percent whose noun names a change is that change (``semantics.change_of``); a bare count
    whose counted noun is the unit of the sentence's previous figure takes that unit by ellipsis ("about
    12,000 hectares according to the fire service, more than 25,000 according to ...")."""
    out = list(claims)
    for k, c in enumerate(claims):
        change = change_of(c)
        if change is not None:
            row = {"up": "change-noun-up", "down": "change-noun-down"}.get(change)
            sem = c.semantics + (row,) if row else tuple(s for s in c.semantics if not s.startswith("trend-"))
            out[k] = replace(c, trend=change or None, semantics=sem)
            continue
        if not c.entity or c.dimension != "count" or c.unit:
            continue
        earlier = [p for p in claims[:k] if p.sentence_start == c.sentence_start and p.end <= c.start]
        prev = earlier[-1] if earlier else None
        if prev is None or prev.dimension == "count" or not prev.unit:
            continue
        named = (singular(prev.unit.lower()), singular(prev.text.split()[-1]))
        if singular(c.entity.strip().lower()) in named:
            out[k] = replace(c, unit=prev.unit, dimension=prev.dimension, entity=prev.entity)
    return out


def extract_text(text: str, article: str = "") -> list[Claim]:
    """The claims of a bare text (a sentence or a paragraph); for tests and the benchmark."""
    return list(extract_article(Article(id=article, path=article, text=text)))


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _claim(article: Article, fig: Figure, s_start: int, s_end: int, line_starts: list[int],
           seen: dict[str, int]) -> Claim:
    text = article.text
    sentence = text[s_start:s_end]
    figure_text = text[fig.start:fig.end]
    norm = " ".join(sentence.split())
    digest = hashlib.sha1(f"{article.id}\x00{norm}\x00{figure_text}".encode()).hexdigest()[:10]
    base = "c" + digest
    seen[base] = seen.get(base, 0) + 1
    cid = base if seen[base] == 1 else f"{base}-{seen[base]}"
    ctx = context.describe(text, s_start, s_end, fig.start, fig.end, fig.unit, fig.dimension)
    sem = list(dict.fromkeys(fig.sem))
    if fig.hedge == "exact" and not any(s in sem for s in ("fraction",)):
        sem.insert(0, "exact")
    return Claim(
        id=cid,
        article=article.id,
        line=bisect.bisect_right(line_starts, fig.start),
        start=fig.start,
        end=fig.end,
        text=figure_text,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        hedge=fig.hedge,
        trend=fig.trend,
        unit=fig.unit,
        dimension=fig.dimension,
        entity=ctx.entity,
        attribution=ctx.attribution,
        sentence=sentence,
        sentence_start=s_start,
        semantics=tuple(sem),
        scope=ctx.scope,
        predicate=ctx.predicate,
        context=ctx.context,
    )


def _figures(text: str, lo: int, hi: int, debris: list[tuple[int, int]]) -> list[Figure]:
    blocked = blocked_spans(text, lo, hi) + debris
    out = []
    for fig in find_numbers(text, lo, hi):
        if any(fig.num_start < b and fig.num_end > a for a, b in blocked):
            continue
        if not_a_claim(text, fig, lo, hi):
            continue
        year_like = is_year_like(fig)
        apply_hedges(text, fig, lo, hi)  # before the unit: a hedge after the figure ("-plus") ends it
        if fig.kind != "fraction":
            tail = suspended_tail(text, fig, hi) if fig.unit is None else None
            if tail is None:
                attach_unit(text, fig, hi)
            else:
                _attach_suspended(text, fig, hi, tail)
            apply_over(text, fig)
            apply_trend(text, fig, lo)
            apply_suffix_hedge(text, fig, hi)
            apply_suffix_trend(text, fig, hi)
        else:
            attach_fraction_unit(text, fig, hi)
            apply_trend(text, fig, lo)
        if fig.dimension == "count" and (bare_one(text, fig) or in_name(text, fig, lo)):
            continue
        if clock_time(text, fig, lo, hi):
            continue  # "left at 6.30", "by 11.30": a time, not a claim
        if group_age(text, fig, lo):
            continue  # "children under 5": an age, not a claim
        if year_like and fig.dimension == "count" and year_context(text, fig, lo) \
                and (fig.hedge == "exact" or (fig.unit is None and fig.hedge_word in _YEAR_HEDGES)):
            continue  # a year, also after a hedge that is a time preposition ("around 2035", "beyond 2030")
        if out and fig.start < max(out[-1].end, out[-1].unit_end):
            # part of the previous figure ("64.2 cents a dozen") or of its counted noun ("two 737 Max jets")
            continue
        out.append(fig)
    out = _bound_pairs(text, _join_with_units(text, _dollars_and_cents(text, out)))
    return _partitives(text, _conversions(text, out))


def _attach_suspended(text: str, fig: Figure, hi: int, tail: int) -> None:
    """'10-, 20- and 30-year bonds': a suspended member takes the unit the last member's word gives,
    and keeps its own span."""
    end = fig.end
    fig.end = tail
    attach_unit(text, fig, hi)
    fig.end, fig.unit_end = end, 0


_LOWER_BOUNDS = ("more-than", "at-least")
_UPPER_BOUNDS = ("less-than", "at-most")
_BOUND_GAP_RE = re.compile(r"\s*,?\s*(?:and|but)\s+", re.IGNORECASE)


def _bound_pairs(text: str, figs: list[Figure]) -> list[Figure]:
    """'more than 10 and less than 40', 'at most 100 and at least 20': a lower and an upper bound
    joined by 'and'/'but' are one range whose ends keep their bounds."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        if prev is None or not _BOUND_GAP_RE.fullmatch(text, prev.end, fig.start) \
                or prev.value is None or fig.value is None \
                or (prev.unit and fig.unit and prev.unit != fig.unit):
            out.append(fig)
            continue
        kinds = (prev.hedge, fig.hedge)
        if kinds[0] in _LOWER_BOUNDS and kinds[1] in _UPPER_BOUNDS:
            low, high = prev.value, fig.value
        elif kinds[0] in _UPPER_BOUNDS and kinds[1] in _LOWER_BOUNDS:
            low, high = fig.value, prev.value
        else:
            out.append(fig)
            continue
        if low >= high:
            out.append(fig)  # "more than 40 and less than 10" are two bounds
            continue
        joined = Figure(prev.start, fig.end, None, low, high, hedge="range", unit=prev.unit or fig.unit,
                        dimension=prev.dimension if prev.unit else fig.dimension, num_start=prev.num_start,
                        num_end=fig.num_end, raw=prev.raw)
        joined.sem = sorted(set(prev.sem) | set(fig.sem) - {"exact"}) + ["range"]
        out[-1] = joined
    return out


_YEAR_HEDGES = frozenset(["around", "about", "circa", "c.", "beyond", "within", "near", "over", "roughly",
                          "approximately", "approx.", "some", "~"])
_AND_RE = re.compile(r"\s+(?:and\s+)?")


_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _dollars_and_cents(text: str, figs: list[Figure]) -> list[Figure]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents' are one amount; so is a bare
    two-digit number that ends the phrase after a currency named by a word: '15 dollars and 50',
    'twenty euros fifty'."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        cents = fig.unit == "cent" or (
            prev is not None and fig.unit is None and fig.kind == "number" and prev.end > 0
            and text[prev.end - 1].isalpha() and prev.value is not None and float(prev.value).is_integer()
            and (fig.spelled or len(fig.raw) == 2) and _CLAUSE_END_RE.match(text, fig.end) is not None)
        if prev is not None and prev.dimension == "currency" and cents \
                and prev.value is not None and fig.value is not None and fig.value < 100 \
                and prev.hedge == fig.hedge == "exact" and _AND_RE.fullmatch(text, prev.end, fig.start):
            prev.value = prev.low = prev.high = prev.value + fig.value / 100
            prev.end = fig.end
            continue
        out.append(fig)
    return out


_PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|a|an|its|their|his|her|our)\s+")


def _partitives(text: str, figs: list[Figure]) -> list[Figure]:
    """'280 million of the 1.5 billion shekels', '15 of the 20 victims': the part takes the unit of the
    whole."""
    for a, b in zip(figs, figs[1:], strict=False):
        if a.unit is None and b.unit and a.kind == "number" and a.value is not None \
                and _PARTITIVE_RE.fullmatch(text, a.end, b.start) \
                and (b.dimension in ("currency", "measure") or (b.dimension == a.dimension == "count")):
            a.unit, a.dimension = b.unit, b.dimension  # "15 of the 20 victims"
    return figs


_CONVERSION_GAP_RE = re.compile(r"\s*\(\s*")
_CONVERSION_NEXT_RE = re.compile(r"\s*[/;,]\s*")


def _conversions(text: str, figs: list[Figure]) -> list[Figure]:
    """A figure in brackets right after another is a conversion of it: '10.5 million Australian
    dollars ($7.5 million)', 'more than 7.5 million Danish crowns (US $1.1 million)': it inherits the
    hedge and trend of the figure it converts."""
    source: Figure | None = None
    for prev, fig in zip(figs, figs[1:], strict=False):
        if _CONVERSION_GAP_RE.fullmatch(text, prev.end, fig.start):
            source = prev
            _rate_after_brackets(text, prev, fig)
        elif source is None or not _CONVERSION_NEXT_RE.fullmatch(text, prev.end, fig.start):
            source = None
            continue
        if fig.hedge == "exact" and fig.value is not None and source.hedge not in ("exact", "range", "vague"):
            row = next((r for r in reversed(source.sem) if r in HEDGE_ROWS), None)
            if row is not None:
                apply_row(fig, row)
        if fig.trend is None and source.trend is not None and "from-to" not in source.sem:
            fig.trend = source.trend
            fig.sem.append("trend-up" if source.trend == "up" else "trend-down")
    _elliptical_trends(text, figs)
    _elliptical_units(figs)
    return figs


def _elliptical_units(figs: list[Figure]) -> None:
    """'The Dow fell 1.2 percent and the Nasdaq lost 0.9': a small bare change after a change in
    percent (or points) in the same sentence is in the same unit."""
    for prev, fig in zip(figs, figs[1:], strict=False):
        if fig.trend is not None and prev.trend is not None and fig.unit is None and fig.kind == "number" \
                and fig.dimension == "count" and fig.value is not None and abs(fig.value) < 100 \
                and not fig.spelled and prev.dimension == "percent":
            fig.unit, fig.dimension = prev.unit, prev.dimension


_CLOSE_RE = re.compile(r"\s*\)")


def _rate_after_brackets(text: str, source: Figure, fig: Figure) -> None:
    """'9 billion shekels ($2.4 billion) a year': a rate after the bracket applies to both amounts."""
    close = _CLOSE_RE.match(text, fig.end)
    if close is None or source.unit is None or fig.unit is None or " per " in source.unit + fig.unit:
        return
    rate = rate_after(text, close.end(), len(text))
    if rate is not None and source.dimension == fig.dimension == "currency":
        source.unit, fig.unit = f"{source.unit} per {rate}", f"{fig.unit} per {rate}"


_AND_SAME_RE = re.compile(r"(?:\s+[\w-]+){0,4}?\s+and\s+", re.IGNORECASE)
_ELLIPSIS_GAP_RE = re.compile(r"[^.;:!?()]{0,60},\s+(?:and\s+)?[\w’'&. -]{1,40}\s+by\s+|,\s+or\s+")


def _elliptical_trends(text: str, figs: list[Figure]) -> None:
    """'Retailers were down 2.3%, Burlington by 2.6%', 'fell 500 points, or 1.6%', 'rose 0.4% on the
    month and 3.2% on the year': a figure whose trend verb was left out (after 'by', restating the change
    after ', or', or a second change in the same unit right after 'and') takes the trend of the figure
    before it."""
    for prev, fig in zip(figs, figs[1:], strict=False):
        if fig.trend is None and prev.trend is not None and "from-to" not in prev.sem \
                and (_ELLIPSIS_GAP_RE.fullmatch(text, max(prev.end, prev.unit_end), fig.start)
                     or (_AND_SAME_RE.fullmatch(text, max(prev.end, prev.unit_end), fig.start)
                         and fig.unit == prev.unit and fig.dimension in ("percent", "currency"))) \
                and not TREND_WORD_RE.search(text, prev.end, fig.start):
            fig.trend = prev.trend
            fig.sem.append("trend-up" if prev.trend == "up" else "trend-down")


_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_GAP_RE = re.compile(r"\s+and\s+", re.IGNORECASE)
_POINT_HEDGES = ("approximate", "more-than", "at-least", "less-than", "at-most")
_FROM_GAP_RE = re.compile(r"(?:\s+[^\s,;:()]+){0,4}?\s+to\s+", re.IGNORECASE)
_TO_GAP_RE = re.compile(r"\s*(?:to|[-–])\s*", re.IGNORECASE)


def _join_with_units(text: str, figs: list[Figure]) -> list[Figure]:
    """Ranges whose first end carries its own unit: 'from 252 miles to 287 miles', 'from 208 pounds to
    193', 'from $36,040 at 10.45pm to $34,935' (the grammar joins bare numbers before units attach)."""
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            b = figs[i + 1]
            joined = _unit_range(text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
            _share_from_unit(text, a, b)
        out.append(a)
        i += 1
    return out


def _share_from_unit(text: str, a: Figure, b: Figure) -> None:
    """'from about 14-18 mpg to 24': the bare second end of a movement takes the first end's unit;
    so do the earlier level a figure is compared with ('1,500 people applied, up from 900') and the
    other side of a tally ('by 219 votes to 212')."""
    if b.unit is not None or b.kind != "number" or b.value is None or a.unit is None \
            or b.dimension != "count":
        return
    movement = a.dimension in ("measure", "currency", "percent") \
        and _FROM_RE.search(text, max(0, a.start - 6), a.start) \
        and _TO_ONLY_RE.fullmatch(text, a.end, b.start)
    tally = a.dimension == "count" and a.unit_end and _TO_ONLY_RE.fullmatch(text, a.unit_end, b.start)
    if movement or tally or _COMPARED_RE.fullmatch(text, max(a.end, a.unit_end), b.start):
        b.unit, b.dimension = a.unit, a.dimension


_TO_ONLY_RE = re.compile(r"\s+to\s+", re.IGNORECASE)
_COMPARED_RE = re.compile(r"(?:\s+[a-z]+){0,3}?,?\s+(?:(?:up|down)\s+from|compared\s+(?:with|to)|against|"
                          r"versus|vs\.?)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)


def _unit_range(text: str, a: Figure, b: Figure) -> Figure | None:
    if a.kind != "number" or b.kind != "number" or b.hedge != "exact":
        return None
    if a.value is None or b.value is None or a.dimension not in ("measure", "currency"):
        return None
    if b.unit is not None and b.unit != a.unit and not (a.unit or "").startswith(b.unit + " per "):
        return None  # "from $75 per barrel to $45.88": the second end shares the rate
    lead = _FROM_RE.search(text, max(0, a.start - 6), a.start)
    if a.hedge != "exact" and (lead is None or a.hedge not in _POINT_HEDGES):
        return None  # "from up to 252 miles to 287 miles": the hedged end is the starting point
    between = _BETWEEN_RE.search(text, max(0, a.start - 9), a.start) if a.hedge == "exact" else None
    if between is not None:  # "between 185 km and 215 km"
        if not _AND_GAP_RE.fullmatch(text, a.end, b.start) or a.value == b.value:
            return None
        low, high = sorted((a.value, b.value))
        fig = Figure(between.start(), b.end, None, low, high, hedge="range", unit=a.unit,
                     dimension=a.dimension, num_start=a.num_start, num_end=b.num_end, raw=a.raw)
        fig.sem = sorted(set(a.sem) | set(b.sem) - {"exact"}) + ["range"]
        return fig
    if lead is not None:
        if not _FROM_GAP_RE.fullmatch(text, a.end, b.start):
            return None
    elif not (_TO_GAP_RE.fullmatch(text, a.end, b.start) and a.value < b.value):
        return None
    elif change_then_level(text, a.start, a.value, b.value):
        return None  # "rose $2 to $45": a change, then a level
    fig = Figure(a.start if lead is None else lead.start(), b.end, None, min(a.value, b.value),
                 max(a.value, b.value), hedge="range", unit=a.unit, dimension=a.dimension,
                 num_start=a.num_start, num_end=b.num_end, raw=a.raw)
    fig.sem = sorted(set(a.sem) | set(b.sem) - {"exact"})
    if lead is not None:
        fig.sem.append("from-to")
        fig.trend = "up" if b.value > a.value else "down" if b.value < a.value else None
    else:
        fig.sem.append("range")
    return fig



"""Compare the claims of each group and report disagreements as findings.

Each claim is an interval (``low``/``high``, ``None`` for an open end). Both intervals are widened by
the tolerance on a log scale (``low / (1 + t)``, ``high * (1 + t)``); two claims conflict when the
widened intervals do not overlap. How far apart they are is the ratio of the nearest ends (>= 1) and
gives the severity. See docs/compare.md for the scale, the defaults and what changes a finding id.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from checker.context_scope import ONE_PERIOD
from checker.context_words import WEEKDAYS
from checker.measures import dimension_of, percent_scale
from checker.model import Article, Claim, Finding, Group, Reference, Rule, Severity
from checker.report import one_line, reference_text
from checker.rules import RuleSet, Settings
from checker.similarity_cues import CONTRAST_RE

Interval = tuple[float | None, float | None]

KIND_PREFIX = {"conflict": "C", "scope-differs": "S", "differs-from-reference": "R"}

# Scope markers (Claim.scope, vocabulary in checker/context_scope.py) fall into categories: time frame,
# day ("date:"), sub-population, region. A gap is explained by scope when both claims carry markers of
# one category and none of them match ("since:2019" vs "current"; "region:a" vs "region:b"; regions
# match when one's words contain the other's). A marker on one side only means the other article did
# not say, not that it measured something else -- except a sub-population on the lower figure: a part
# ("adults") below a figure for everyone is expected.
TIME_MARKERS = ("current", "cumulative", "peak")
TIME_PREFIXES = ("since:", "period:", "past:", "next:", "asof:", "per-")
# A day that is the time of writing is "now": "today" and "as of today" count as ``current``.
NOW_MARKERS = frozenset(("date:today", "asof:today", "date:now", "asof:now"))

# A sentence that moves between two figures in one voice ("fell to 480 last week, from 612").
CHANGE_VERB = re.compile(
    r"\b(?:rose|rise[ns]?|rising|fell|fall(?:s|en|ing)?|increas(?:e[ds]?|ing)|decreas(?:e[ds]?|ing)|grew|"
    r"grow(?:s|n|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|surg(?:e[ds]?|ing)|soar(?:s|ed|ing)?|"
    r"drop(?:s|ped|ping)?|declin(?:e[ds]?|ing)|plung(?:e[ds]?|ing)|tumbl(?:e[ds]?|ing)|sank|slid|"
    r"slipped|doubled|tripled|halved)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Policy:
    """Tolerance and severity thresholds in force for one group."""

    tolerance: float
    source: str  # "global" or "rule:<id>"
    thresholds: tuple[tuple[str, float], ...]  # ascending by threshold
    scope_severity: str = "info"


@dataclass(frozen=True)
class Comparison:
    """Everything behind one pairwise comparison (or a claim against a reference)."""

    a: Claim  # in a pair, the claim that lies lower (by interval; by value when only values are apart)
    b: Claim | None  # None when ``a`` is compared against a reference (``interval_b``)
    interval_a: Interval
    interval_b: Interval
    widened_a: Interval
    widened_b: Interval
    policy: Policy
    overlap: Interval | None  # where the widened intervals meet; None when they do not
    ratio: float | None  # nearest ends' ratio (>= 1) when apart; None when overlapping or not finite
    severity: str | None  # severity of the gap; None when they overlap
    scope_differences: tuple[str, ...] = ()
    # When the intervals overlap only thanks to an open or wide end ("as many as 40,000" against "about
    # 5,000") but the point values lie apart and the scopes differ: the values' ratio after tolerance.
    value_ratio: float | None = None

    @property
    def conflicting(self) -> bool:
        return self.overlap is None

    @property
    def reportable(self) -> bool:
        return self.overlap is None or self.value_ratio is not None

    @property
    def gap(self) -> float | None:
        """How far apart, as reported: the intervals' ratio, or the values' when only they are apart."""
        return self.ratio if self.overlap is None else self.value_ratio


# ---------------------------------------------------------------- settings and policy


def thresholds_of(pairs: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """(severity, lowest ratio) pairs, one per severity (the last given wins), ascending by ratio."""
    out = {Severity(str(getattr(name, "value", name))).value: float(value) for name, value in pairs}
    return tuple(sorted(out.items(), key=lambda kv: (kv[1], Severity(kv[0]).rank)))


def policy_for(rule: Rule | None, settings: Settings) -> Policy:
    """The tolerance and thresholds for a group: the rule's where it sets them, else the global ones."""
    tolerance, source = settings.tolerance, "global"
    pairs = list(settings.severity_thresholds)
    if rule is not None:
        pairs.extend(rule.severity)
        if rule.tolerance is not None:
            tolerance, source = rule.tolerance, f"rule:{rule.id}"
    return Policy(float(tolerance), source, thresholds_of(pairs), settings.scope_severity)


def severity_for(ratio: float | None, thresholds: Sequence[tuple[str, float]]) -> str:
    """The highest severity whose threshold the ratio reaches; ``None`` (a zero or sign gap) is the top."""
    if ratio is None:
        top = max((Severity(n) for n, _ in thresholds), key=lambda s: s.rank, default=Severity.critical)
        return top.value
    fired = [name for name, threshold in thresholds if ratio >= threshold]
    return max(fired, key=lambda n: Severity(n).rank) if fired else Severity.info.value


# ---------------------------------------------------------------- intervals


def interval_of(claim: Claim) -> Interval | None:
    """The claim's interval; a point when only ``value`` is known; ``None`` when nothing is known."""
    low, high = _finite(claim.low), _finite(claim.high)
    if low is None and high is None:
        value = _finite(claim.value)
        return None if value is None else (value, value)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return (low, high)


def scaled(iv: Interval | None, factor: float) -> Interval | None:
    """An interval in another unit of one dimension (a fraction x 100 = percent)."""
    if iv is None or factor == 1.0:
        return iv
    return (None if iv[0] is None else iv[0] * factor, None if iv[1] is None else iv[1] * factor)


def _scaled_value(value: float | None, factor: float) -> float | None:
    value = _finite(value)
    return None if value is None else value * factor


def reference_interval(ref: Reference) -> Interval | None:
    low, high = _finite(ref.low), _finite(ref.high)
    if low is None and high is None:
        value = _finite(ref.value)
        return None if value is None else (value, value)
    return (low, high)


def widen(iv: Interval, tolerance: float) -> Interval:
    """Widen by a relative tolerance on a log scale, away from the middle, whatever the signs."""
    factor = 1.0 + tolerance
    low, high = iv
    if low is not None:
        low = low / factor if low > 0 else low * factor
    if high is not None:
        high = high * factor if high > 0 else high / factor
    return (low, high)


def _gap(lower: Interval, upper: Interval) -> tuple[Interval | None, float | None]:
    """Overlap of two intervals, or the ratio of the nearest ends when ``lower`` lies below ``upper``."""
    lo = _max_opt(lower[0], upper[0], low_side=True)
    hi = _max_opt(lower[1], upper[1], low_side=False)
    if lo is None or hi is None or lo <= hi:
        return (lo, hi), None
    near_low, near_high = lower[1], upper[0]
    assert near_low is not None and near_high is not None  # disjoint means both ends are finite
    if near_low > 0 and near_high > 0:
        return None, near_high / near_low
    if near_low < 0 and near_high < 0:
        return None, near_low / near_high
    return None, None


def _max_opt(a: float | None, b: float | None, *, low_side: bool) -> float | None:
    """The tighter of two ends: max of lows, min of highs; ``None`` is an open end."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b) if low_side else min(a, b)


def _finite(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)


def _center(iv: Interval) -> float:
    low, high = iv
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else (high if high is not None else 0.0)


# ---------------------------------------------------------------- scope


def _scope_gaps(lower: Facts, upper: Facts) -> tuple[str, ...]:
    """Scope differences that can explain why ``lower``'s figure lies below ``upper``'s."""
    cats_low, cats_up = lower.scopes, upper.scopes
    out = []
    for cat in sorted(set(cats_low) | set(cats_up)):
        low, up = cats_low.get(cat, frozenset()), cats_up.get(cat, frozenset())
        if cat == "time" and low == {"peak"} and all(m == "current" or m.startswith("asof:") for m in up):
            continue  # a count at some moment above the peak contradicts the peak: nothing explained
        if low and up and not any(_same_marker(x, y) for x in low for y in up):
            out.append(f"{cat}: {', '.join(sorted(low))} vs {', '.join(sorted(up))}")
        elif low and not up and cat == "subpop":
            out.append(f"{cat}: {', '.join(sorted(low))} vs not limited")
        elif bool(low) != bool(up) and _one_voice(lower, upper):
            named = ", ".join(sorted(low or up))
            out.append(f"{cat}: {named} vs not named" if low else f"{cat}: not named vs {named}")
    part_low, part_up = _part_marker(lower.claim), _part_marker(upper.claim)
    if part_low and not part_up:
        out.append(f"part: {part_low.lower()} vs the whole")
    return tuple(out)


# A figure for a part, said in so many words: "the bore alone, excluding stations", "in March alone".
PART_WORDS = re.compile(
    r"\b(?:alone|excluding|exclusive\s+of|not\s+(?:counting|including)|leaving\s+out|without\s+counting)\b",
    re.IGNORECASE)


def _part_marker(claim: Claim) -> str | None:
    """A part word in ``claim``'s sentence that belongs to its figure: the figure written in digits
    nearest to the word is this claim's ("9.4% on a year earlier and 0.8% on September alone": "alone"
    is the 0.8%'s). A part below the whole is expected, like a sub-population."""
    text, offset = claim.sentence, claim.sentence_start
    own = (claim.start - offset, claim.end - offset)
    figures = [m.span() for m in DIGITS.finditer(text)]
    for word in PART_WORDS.finditer(text):
        near = min(figures, key=lambda f: max(f[0] - word.end(), word.start() - f[1], 0), default=None)
        if near is not None and own[0] <= near[0] and near[1] <= own[1]:
            return word.group(0)
    return None


DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")


def _side_by_side(fa: Facts, fb: Facts) -> tuple[str, ...]:
    """One speaker's two figures in one sentence, not set against each other ("had spent $26 million by
    the end of December and was on track for $47 million by the end of June"): two measures the
    speaker tells apart, even when the extractor read no scope marker for either."""
    if fa.claim.sentence_start == fb.claim.sentence_start and _one_voice(fa, fb):
        return ("one speaker, one sentence: two figures side by side",)
    return ()


def _one_voice(fa: Facts, fb: Facts) -> bool:
    """Both figures from one speaker in one article: a speaker who names a scope for one figure and not
    for the other ("$112 million for 2028 ... about $540 million over the next five years") has set two
    measures side by side, not contradicted themself."""
    a, b = sorted((fa.claim, fb.claim), key=lambda c: c.start)
    sa, sb = fa.speaker, fb.speaker
    if a.article != b.article or not (sa and sb) or sa.lower() != sb.lower():
        return False
    # "more than 250, far more than the official figure of about 40": one sentence, two sources
    return a.sentence_start != b.sentence_start or not CONTRAST_RE.search(
        a.sentence[a.end - a.sentence_start : b.start - a.sentence_start])


def _scope_categories(scope: Iterable[str]) -> dict[str, frozenset[str]]:
    cats: dict[str, set[str]] = {}
    for raw in scope:
        marker = raw.strip().lower()
        if not marker:
            continue
        if marker in NOW_MARKERS:
            marker = "current"
        marker = ONE_PERIOD.get(marker, marker)
        if marker in TIME_MARKERS or marker.startswith(TIME_PREFIXES):
            cat = "time"
        elif ":" in marker:
            cat = marker.split(":", 1)[0]
        else:
            cat = marker
        cats.setdefault(cat, set()).add(marker)
    return {k: frozenset(v) for k, v in cats.items()}


def _same_marker(a: str, b: str) -> bool:
    """Equal markers; for regions, one name's words within the other's ("north varn" in "x's north varn");
    for dates, the same day or month where one leaves out the year ("--03" and "2024-03"), and any day
    against a weekday, which might be that day: a difference that cannot be shown explains nothing."""
    if a == b:
        return True
    pa, _, va = a.partition(":")
    pb, _, vb = b.partition(":")
    if pa == pb and pa in ("since", "period", "asof", "date") and va and vb:
        return _same_date(va, vb)
    if not (a.startswith("region:") and b.startswith("region:")):
        return False
    wa, wb = (set(re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", m[7:]))) for m in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _same_date(a: str, b: str) -> bool:
    """Two date values (YYYY, YYYY-MM, YYYY-MM-DD, --MM, --MM-DD or a weekday) that may be one date."""
    if a in WEEKDAYS or b in WEEKDAYS:
        return not (a in WEEKDAYS and b in WEEKDAYS)
    if a.startswith("--") != b.startswith("--"):
        partial, full = (a, b) if a.startswith("--") else (b, a)
        return bool(re.fullmatch(r"\d{4}", full[:4])) and full[4:] == partial[1:]
    return False


# ---------------------------------------------------------------- comparisons


@dataclass(frozen=True, eq=False)
class Facts:
    """What the comparison reads from one claim, worked out once per claim: its interval, speaker,
    scope categories, dimension and the key that identifies it across edits (see :func:`_side_key`)."""

    claim: Claim
    interval: Interval | None
    speaker: str | None
    scopes: Mapping[str, frozenset[str]]
    dimension: str
    key: str


def facts_of(claim: Claim) -> Facts:
    return Facts(claim, interval_of(claim), speaker(claim.attribution), _scope_categories(claim.scope),
                 dimension_of(claim), _side_key(claim))


@dataclass(frozen=True)
class Pair:
    """One pair of a group's claims, in the order :func:`compare` meets them: the comparison, or why
    the two are not compared."""

    a: Claim
    b: Claim
    comparison: Comparison | None
    not_compared: str | None = None


def comparisons(members: Iterable[Claim], rule: Rule | None, policy: Policy) -> Iterator[Pair]:
    """Every pair of a group's claims and how it compares; the one loop behind findings and explain.

    The figures of a ``tally`` rule's group count different sets: they are never compared with one
    another (only with the rule's reference).
    """
    facts = [facts_of(c) for c in sorted(set(members), key=_order_key)]
    tally = rule is not None and rule.kind == "tally"
    for fa, fb in combinations(facts, 2):
        if tally:
            assert rule is not None
            yield Pair(fa.claim, fb.claim, None, f"rule {rule.id} counts different sets (tally)")
            continue
        why_not = _why_not(fa, fb)
        if why_not is not None:
            yield Pair(fa.claim, fb.claim, None, why_not)
        else:
            yield Pair(fa.claim, fb.claim, _compare_facts(fa, fb, policy))


def _why_not(fa: Facts, fb: Facts) -> str | None:
    """Why two claims of one group are not compared, or ``None`` when they are."""
    a, b = fa.claim, fb.claim
    if a.id == b.id:
        return "same claim"
    if fa.dimension != fb.dimension:
        return f"different dimensions ({a.dimension} vs {b.dimension})"
    if (a.trend is None) != (b.trend is None):
        return "one is a change, the other a level"
    if a.article == b.article and a.sentence_start == b.sentence_start and CHANGE_VERB.search(a.sentence):
        sa, sb = fa.speaker, fb.speaker
        if not (sa and sb and sa.lower() != sb.lower()):
            return "one sentence describing a change, in one voice"
    if fa.interval is None or fb.interval is None:
        return "no interval"
    return None


def _compare_facts(fa: Facts, fb: Facts, policy: Policy) -> Comparison:
    """Compare two claims (assumed comparable); the result does not depend on argument order.

    A share written as a fraction ("a fifth", 0.2) against a percent ("84%") is compared in percent
    (20 against 84): its interval and value are multiplied by 100; the texts stay as written.
    """
    a, b = fa.claim, fb.claim
    dimension = a.dimension if a.dimension == b.dimension else fa.dimension
    ka, kb = percent_scale(a, dimension), percent_scale(b, dimension)
    ia, ib = scaled(fa.interval, ka), scaled(fb.interval, kb)
    assert ia is not None and ib is not None
    if (_center(ia), fa.key, a.id) > (_center(ib), fb.key, b.id):
        fa, fb, a, b, ia, ib, ka, kb = fb, fa, b, a, ib, ia, kb, ka
    wa, wb = widen(ia, policy.tolerance), widen(ib, policy.tolerance)
    overlap, ratio = _gap(wa, wb)
    if a.trend and b.trend and a.trend != b.trend:
        overlap, ratio = None, None  # "rose" against "fell": a disagreement whatever the sizes
    if overlap is None:
        scopes = _scope_gaps(fa, fb) or _side_by_side(fa, fb)
        return Comparison(a, b, ia, ib, wa, wb, policy, None, ratio, severity_for(ratio, policy.thresholds),
                          scopes)
    va, vb = _scaled_value(a.value, ka), _scaled_value(b.value, kb)
    if va is not None and vb is not None and va > 0 and vb > 0 and va != vb:
        if va > vb:
            fa, fb, a, b, ia, ib, wa, wb, va, vb = fb, fa, b, a, ib, ia, wb, wa, vb, va
        value_ratio = (vb / (1 + policy.tolerance)) / (va * (1 + policy.tolerance))
        scopes = _scope_gaps(fa, fb) if value_ratio > 1 else ()
        if scopes:
            return Comparison(a, b, ia, ib, wa, wb, policy, overlap, None, None, scopes, value_ratio)
        estimate = HIGH_ESTIMATE.match(b.text) or b.hedge in POINT_HEDGES
        if value_ratio > 1 and estimate and _rival_estimates(fa, fb):
            # "as many as 9,000 barrels", says the regulator, against the operator's "about 1,200": the
            # bound is the regulator's own estimate, set against the other's.
            severity = severity_for(value_ratio, policy.thresholds)
            return Comparison(a, b, ia, ib, wa, wb, policy, overlap, None, severity, (), value_ratio)
    return Comparison(a, b, ia, ib, wa, wb, policy, overlap, None, None)


# Two speakers' point figures ("58%" against "barely 44%"): each hedge's width absorbs the rounding of
# one report, it does not reconcile two sources whose values lie apart after tolerance.
POINT_HEDGES = frozenset(("exact", "approximate"))
# An upper bound that is its speaker's high estimate ("as many as 9,000"), not a ceiling ("no more than").
HIGH_ESTIMATE = re.compile(r"(?:up\s+to|as\s+(?:many|much|high)\s+as)\b", re.IGNORECASE)


def _rival_estimates(fa: Facts, fb: Facts) -> bool:
    """Two speakers' estimates of one thing in one time frame: the lower one an estimate, not a bound
    ("more than 30,000" and "as many as 40,000" agree), and neither with a time frame the other lacks
    ("as many as 40,000 over five years" against "fewer than 1,000" held now is no disagreement)."""
    sa, sb = fa.speaker, fb.speaker
    if not (sa and sb) or sa.lower() == sb.lower() or fa.claim.hedge not in ("exact", "approximate", "range"):
        return False
    return fa.scopes.get("time") == fb.scopes.get("time")


def compare_reference(
    claim: Claim, ref: Reference, policy: Policy, dimension: str | None = None
) -> Comparison | None:
    """A claim against a rule's reference, in the rule's ``dimension`` (a fraction against a percent
    reference is multiplied by 100)."""
    ic = scaled(interval_of(claim), percent_scale(claim, dimension) if dimension else 1.0)
    ir = reference_interval(ref)
    if ic is None or ir is None:
        return None
    wc, wr = widen(ic, policy.tolerance), widen(ir, policy.tolerance)
    lower, upper = (wc, wr) if _center(ic) <= _center(ir) else (wr, wc)
    overlap, ratio = _gap(lower, upper)
    severity = None if overlap is not None else severity_for(ratio, policy.thresholds)
    return Comparison(claim, None, ic, ir, wc, wr, policy, overlap, ratio, severity)


def group_members(group: Group, claims: Mapping[str, Claim]) -> list[Claim]:
    """A group's claims (those known in ``claims``), in comparison order."""
    return sorted({claims[m.claim] for m in group.members if m.claim in claims}, key=_order_key)


def compare(
    groups: Iterable[Group], claims: Iterable[Claim], articles: Iterable[Article], ruleset: RuleSet | None
) -> tuple[Finding, ...]:
    """Findings for every group: pairwise conflicts or scope differences (see :func:`comparisons`),
    and reference gaps."""
    ruleset = ruleset if ruleset is not None else RuleSet.empty()
    by_id = {c.id: c for c in claims}
    by_article = {a.id: a for a in articles}
    rules = {r.id: r for r in ruleset.rules}
    settings = ruleset.settings
    findings: list[Finding] = []
    for group in sorted(groups, key=lambda g: g.id):
        rule = rules.get(group.rule) if group.rule else None
        policy = policy_for(rule, settings)
        members = group_members(group, by_id)
        for pair in comparisons(members, rule, policy):
            if pair.comparison is not None and pair.comparison.reportable:
                findings.append(_pair_finding(group, pair.comparison, by_article))
        if rule is not None and rule.reference is not None:
            for claim in members:
                ref_cmp = compare_reference(claim, rule.reference, policy, rule.dimension)
                if ref_cmp is not None and ref_cmp.conflicting:
                    findings.append(_reference_finding(group, rule, ref_cmp, by_article))
    return _finalise(findings)


# ---------------------------------------------------------------- findings


def _pair_finding(group: Group, cmp: Comparison, articles: Mapping[str, Article]) -> Finding:
    a, b = cmp.a, cmp.b
    assert b is not None
    kind = "scope-differs" if cmp.scope_differences else "conflict"
    severity = cmp.policy.scope_severity if kind == "scope-differs" else cmp.severity
    dates = [_article_attr(articles, c.article, "date") for c in (a, b)]
    sentence = f"{_figure(a, articles)} is {describe_gap(cmp)} {_figure(b, articles)}"
    if not cmp.conflicting:
        sentence += " (as point values; their intervals overlap)"
    if kind == "scope-differs":
        sentence += f", but they measure different scopes ({'; '.join(cmp.scope_differences)})"
    if dates[0] and dates[1] and dates[0] != dates[1]:
        sentence += f"; figures from different dates: {dates[0]} vs {dates[1]}"
    details: dict[str, object] = {
        "sides": [_side(a, cmp.interval_a, cmp.widened_a, articles, group.dimension),
                  _side(b, cmp.interval_b, cmp.widened_b, articles, group.dimension)],
        **_policy_details(cmp),
    }
    if kind == "scope-differs":
        details["scope_differences"] = list(cmp.scope_differences)
        details["severity_if_conflict"] = cmp.severity
        details["apart_by"] = "intervals" if cmp.conflicting else "values"
    elif not cmp.conflicting:
        details["apart_by"] = "values"  # a speaker's high estimate ("as many as") against another's figure
    if dates[0] and dates[1] and dates[0] != dates[1]:
        details["dates"] = dates
    ident = _ident(kind, [_side_key(a), _side_key(b)])
    return Finding(ident, kind, group.id, str(severity), (a.id, b.id), sentence + ".", cmp.gap, details)


def _reference_finding(group: Group, rule: Rule, cmp: Comparison, articles: Mapping[str, Article]) -> Finding:
    claim, ref = cmp.a, rule.reference
    assert ref is not None and cmp.severity is not None
    ref_text = reference_text(ref)
    where = ", ".join(x for x in (ref.source, ref.date) if x)
    message = f"{_figure(claim, articles)} is {describe_gap(cmp, reference_side=True)} the reference " \
              f"{ref_text} ({where})."
    details: dict[str, object] = {
        "sides": [_side(claim, cmp.interval_a, cmp.widened_a, articles, rule.dimension)],
        "reference": {"text": ref_text, "value": ref.value, "interval": list(cmp.interval_b),
                      "widened": list(cmp.widened_b), "source": ref.source, "date": ref.date},
        **_policy_details(cmp),
    }
    ref_key = f"{rule.id}|{ref.value}|{ref.low}|{ref.high}|{ref.source}"
    ident = _ident("differs-from-reference", [_side_key(claim), ref_key])
    return Finding(ident, "differs-from-reference", group.id, cmp.severity, (claim.id,), message, cmp.ratio,
                   details)


def describe_gap(cmp: Comparison, *, reference_side: bool = False) -> str:
    """'18× below' / 'far above' (relative to the other side), for messages and explain."""
    size = "far" if cmp.gap is None else ratio_text(cmp.gap)
    below = _center(cmp.interval_a) <= _center(cmp.interval_b) if reference_side else True
    if cmp.a.trend and cmp.b is not None and cmp.b.trend \
            and cmp.a.trend != cmp.b.trend:
        return f"in the opposite direction ({cmp.a.trend} vs {cmp.b.trend}) to"
    return f"{size} {'below' if below else 'above'}"


RATIO_SIGN = "×"  # one sign for "how far apart" in messages, reports and explain


def ratio_text(ratio: float) -> str:
    """How far apart, as written in messages, reports and ``checker explain``: '1.04×', '1.9×', '14×'.
    Two decimals below 1.1, so that a small gap does not read as '1.0×' (no gap at all); above that,
    cut down to one decimal below 10 and to a whole number from 10, never rounded up, so the ratio
    shown never crosses a severity threshold the real ratio is below (1.96 is '1.9×', minor)."""
    if ratio < 1.1:
        return f"{ratio:.2f}{RATIO_SIGN}"
    if ratio < 10:
        return f"{math.floor(ratio * 10 + 1e-9) / 10:.1f}{RATIO_SIGN}"
    if not math.isfinite(ratio):
        return f"{ratio:,.0f}{RATIO_SIGN}"
    return f"{math.floor(ratio + 1e-9):,d}{RATIO_SIGN}"


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: a leading 'The', 'A', 'An', 'Its' ... in lower case
    ('according to the interior ministry'); other capitals stay ('according to Police Chief Ada Lind')."""
    first, _, rest = name.partition(" ")
    return f"{first.lower()} {rest}" if rest and first in _LOWER_FIRST else name


_LOWER_FIRST = frozenset(("The", "A", "An", "Its", "Their", "His", "Her", "Our"))


def speaker(attribution: str | None) -> str | None:
    """Who gives the figure, from the attribution phrase: 'said Nauert' -> 'Nauert'."""
    if not attribution:
        return None
    text = attribution.strip().strip(",.;:\"'“”")
    text = re.sub(r"^(according to|as reported by|reported by|per)\s+", "", text, flags=re.I)
    text = re.sub(r"^(said|says|say|told|estimated|estimates|reported|reports)\s+", "", text, flags=re.I)
    text = re.sub(r"(\s+(has|have|had))?\s+(said|says|say|told|estimated|estimates|estimate|"
                  r"suggest|suggests|suggested|claim|claims|claimed|believe|believes)(\s+that)?$",
                  "", text, flags=re.I)
    return text.strip() or None


def _figure(claim: Claim, articles: Mapping[str, Article]) -> str:
    outlet = _article_attr(articles, claim.article, "outlet")
    where = [x for x in (outlet, claim.article) if x]
    who = speaker(claim.attribution)
    if who:
        where.append(f"according to {in_sentence(who)}")
    return f"\"{claim.text}\" ({', '.join(where)})"


def _side(
    claim: Claim, iv: Interval, widened: Interval, articles: Mapping[str, Article], dimension: str
) -> dict[str, object]:
    side: dict[str, object] = {
        "claim": claim.id,
        "article": claim.article,
        "outlet": _article_attr(articles, claim.article, "outlet"),
        "date": _article_attr(articles, claim.article, "date"),
        "line": claim.line,
        "text": claim.text,
        "hedge": claim.hedge,
        "interval": list(iv),
        "widened": list(widened),
        "attribution": claim.attribution,
        "speaker": speaker(claim.attribution),
        "scope": list(claim.scope),
    }
    if percent_scale(claim, dimension) != 1.0:  # "a fifth" compared as 20%: keep the fraction as read
        side["interval_as_read"] = list(interval_of(claim) or (None, None))
        side["dimension"] = claim.dimension
    return side


def _policy_details(cmp: Comparison) -> dict[str, object]:
    return {
        "tolerance": cmp.policy.tolerance,
        "tolerance_from": cmp.policy.source,
        "thresholds": dict(cmp.policy.thresholds),
        "severity_from_ratio": cmp.severity,
    }


def _article_attr(articles: Mapping[str, Article], article_id: str, name: str) -> str | None:
    article = articles.get(article_id)
    return getattr(article, name, None) if article is not None else None


def _normal(text: str | None) -> str:
    return one_line(text or "").casefold()


def _side_key(claim: Claim) -> str:
    """What identifies a claim across edits elsewhere and renames: its figure and its sentence."""
    return f"{_normal(claim.text)}|{_normal(claim.sentence)}"


def _order_key(claim: Claim) -> tuple[str, str, int, str]:
    return (_side_key(claim), claim.article, claim.start, claim.id)


def _ident(kind: str, keys: list[str]) -> str:
    digest = hashlib.sha256("\n".join([kind, *sorted(keys)]).encode("utf-8")).hexdigest()
    return f"{KIND_PREFIX.get(kind, 'F')}-{digest[:8]}"


def _finalise(findings: list[Finding]) -> tuple[Finding, ...]:
    """Sort (severity, quantity, kind, claims) and make ids unique: a repeat gets '-2', '-3', ..."""
    seen: dict[str, int] = {}
    out = []
    for f in sorted(findings, key=lambda f: (f.id, f.claims)):
        seen[f.id] = seen.get(f.id, 0) + 1
        out.append(f if seen[f.id] == 1 else replace(f, id=f"{f.id}-{seen[f.id]}"))
    out.sort(key=lambda f: (-Severity(f.severity).rank, f.quantity, f.kind, f.claims, f.id))
    return tuple(out)


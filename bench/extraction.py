"""Extraction quality and speed benchmark: ``python bench/extraction.py [--errors LEVEL] [--data DIR]``.

Scores checker's extractor and quantulum3 alone, in the same run and with the same code, on:
NewsQuant (development half; value, value+unit, value+change, value+concept), the four
cqe-recognizers-derived sets (value, value+unit), Recognizers-Text's NumberRangeModel (hedges as
intervals, open/closed ends) and MeasEval (Quantity span overlap, IsApproximate/IsRange; scientific
text, a guard rather than a target; see bench/other_sets.py), and quantulum3's own cases as a
regression guard (of the sentences checker still routes through quantulum3, how many quantulum3 gets
right and checker does not). Prints Markdown tables; ``--errors value`` (or unit/change/concept) lists
checker's misses and spurious figures on NewsQuant.

Scoring (see ../shared/benchmarks/README.md): per sentence, predicted and gold quantities are
matched one to one (maximum bipartite matching); values are equal within a relative tolerance of
1e-3; an interval equals an interval when both sorted ends are equal (a point never equals an
interval). Precision = correct/predicted, recall = correct/gold, micro-averaged.

Mapping checker's claims to NewsQuant's conventions (a translation of notation, never of a sentence):
one change label per quantity, a trend before the figure wins over a hedge, a from->to movement is
'=', a trend word after the figure ("34% higher", "a 5% drop") or a noun naming the change ("a 5% pay
rise", "puts the increase at 8%") is '=' (NewsQuant labels those '=' in every dev item), a level reached
after a movement ("rose 18 sen to RM23.50") is '=' (12 of 20 dev items); ISO codes become NewsQuant's
currency names; a fraction's unit is compared as '%' (NewsQuant writes '% <base noun>'); the pence sign
is NewsQuant's 'point'.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import other_sets  # noqa: E402

from checker.units import NATIONAL_CURRENCIES, lemma  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
REL_TOL = 1e-3
CQE_SETS = ("age-model", "currency-model", "dimension-model", "temperature-model")

# checker's ISO currency codes and unit names -> NewsQuant's normalized_unit vocabulary
CURRENCY_NAMES = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar",
    "MYR": "malaysian ringgit", "ILS": "shekel", "DKK": "danish krone", "SEK": "swedish krona",
    "NOK": "norwegian krone", "CHF": "swiss franc", "CNY": "chinese yuan", "INR": "indian rupee",
    "KRW": "south korean won", "RUB": "russian ruble", "ZAR": "south african rand", "BRL": "brazilian real",
    "FIM": "finnish markka", "HRK": "croatian kuna", "MXN": "mexican peso", "TRY": "turkish lira",
    "cent": "cent", "sen": "sen",
    "percent": "percentage",
    "penny": "penny",  # NewsQuant normalizes the pence sign ("118.5p") as "point": see unit_equal
    "percentage point": "percentage point", "basis point": "basis point", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "times": "count", "tonne": "metric ton",
}


@dataclass(frozen=True)
class Q:
    """One quantity, predicted or gold, in the scorer's terms."""

    low: float
    high: float
    interval: bool
    change: str
    unit: str  # normalized, "-" for none
    concept: str  # space-separated words, "-" for none


# --- gold -------------------------------------------------------------------------------------------

_GOLD_VALUE_RE = re.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*(?:-\s*(-?[\d.]+(?:[eE][-+]?\d+)?))?\s*$")


def gold_quantity(q: dict[str, str]) -> Q | None:
    m = _GOLD_VALUE_RE.match(q["value"])
    if not m:
        return None
    a = float(m.group(1))
    b = float(m.group(2)) if m.group(2) else None
    lo, hi = (a, a) if b is None else (min(a, b), max(a, b))
    return Q(lo, hi, b is not None, q.get("change", "="), q.get("normalized_unit", "-") or "-",
             q.get("referred_concepts", "-") or "-")


# --- the two systems --------------------------------------------------------------------------------

# NewsQuant labels a change only when the trend word comes before the figure ("rose 5%", "up 5%"); a
# comparative or noun after it ("34.4% higher", "a sharp 3 percent drop", "a 5-mpg boost") is labelled
# '=' in every such dev item. checker keeps the trend on the claim (an editor wants it); the scorer maps
# those rows to NewsQuant's convention.
# The same holds for a figure whose noun names the change ("a 5% pay rise", "the rise was 13%").
_AFTER_ROWS = ("trend-up-after", "trend-down-after", "change-noun-up", "change-noun-down")


def change_label(hedge: str, trend: str | None, semantics: Sequence[str]) -> str:
    """checker's hedge/trend -> NewsQuant's one change label. A quantity gets one label, so a choice
    is needed when a figure has both: a trend wins over a hedge ("up nearly 57%" is 'up', as the gold
    mostly has it), except that a from->to movement is an interval labelled '='."""
    if "from-to" in semantics:
        return "="
    if trend in ("up", "down") and not any(r in semantics for r in _AFTER_ROWS):
        return trend
    if hedge == "approximate" or any(r in semantics for r in ("approx", "nearly", "average")):
        return "~"
    if hedge in ("more-than", "at-least"):
        return ">"
    if hedge in ("less-than", "at-most"):
        return "<"
    return "="


def checker_unit(unit: str | None) -> str:
    if not unit:
        return "-"
    parts = unit.split(" per ")
    return " per ".join(CURRENCY_NAMES.get(p) or NATIONAL_CURRENCIES.get(p, p) for p in parts)


def run_checker(text: str) -> list[Q]:
    from checker.extract import extract_text

    out = []
    for c in extract_text(text):
        if c.value is not None and c.hedge not in ("range", "vague"):
            lo = hi = c.value
            interval = False
        elif c.low is not None and c.high is not None:
            lo, hi, interval = c.low, c.high, True
        else:
            continue
        unit = "%" if c.dimension == "ratio" and not c.unit else checker_unit(c.unit)
        out.append(Q(lo, hi, interval, change_label(c.hedge, c.trend, c.semantics), unit, c.entity or "-"))
    return out


def run_quantulum(text: str) -> list[Q]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        unc = getattr(q, "uncertainty", None) or 0.0
        name = q.unit.name if q.unit is not None else "dimensionless"
        unit = "-" if name == "dimensionless" else name
        if unc:
            out.append(Q(q.value - unc, q.value + unc, True, "=", unit, "-"))
        else:
            out.append(Q(q.value, q.value, False, "=", unit, "-"))
    return out


# --- matching ---------------------------------------------------------------------------------------

def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def value_equal(p: Q, g: Q) -> bool:
    if p.interval != g.interval:
        return False
    return _close(p.low, g.low) and _close(p.high, g.high)


def _norm_unit(u: str) -> list[str]:
    return [lemma(w) for w in re.split(r"[\s-]+", u.lower().replace("$", "dollar")) if w]


def unit_equal(p: Q, g: Q) -> bool:
    if g.unit.startswith("%") or p.unit == "%":
        # NewsQuant writes a fraction's unit as '% <base noun>' ("% Germans"); checker's fraction is a
        # ratio whose base is the entity, so only the '%' is compared
        return g.unit.startswith("%") and p.unit == "%"
    if g.unit in ("-", "") or p.unit in ("-", ""):
        return g.unit in ("-", "") and p.unit in ("-", "")
    a, b = _norm_unit(p.unit), _norm_unit(g.unit)
    if a[:1] == ["penny"] and b[:1] == ["point"]:
        b = ["penny", *b[1:]]  # NewsQuant's name for the pence sign ("118.5p", "down 68 p")
    if not a or not b:
        return a == b
    if a == b or _same_word(a[-1], b[-1]):
        return True
    # a counted noun against a gold noun phrase: "snaps" ~ "snap man coverage", "barrels" ~ "barrel of oil"
    return len(a) == 1 and "per" not in b and _same_word(a[0], b[0])


def _same_word(x: str, y: str) -> bool:
    x, y = sorted((x, y), key=len)
    return x == y or (len(x) >= 4 and y.startswith(x) and len(y) - len(x) <= 2)  # "virus" ~ "viruse"


_STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "by", "with", "from", "its", "their"]
)


def concept_overlap(p: Q, g: Q) -> bool:
    if g.concept.strip() in ("-", ""):
        return p.concept in ("-", "")
    gw = {lemma(w) for w in re.findall(r"[\w-]+", g.concept.lower())} - _STOP
    pw = {lemma(w) for w in re.findall(r"[\w-]+", p.concept.lower())} - _STOP
    return bool(gw & pw)


LEVELS: dict[str, Callable[[Q, Q], bool]] = {
    "value": value_equal,
    "value+unit": lambda p, g: value_equal(p, g) and unit_equal(p, g),
    "value+change": lambda p, g: value_equal(p, g) and p.change == g.change,
    "value+concept": lambda p, g: value_equal(p, g) and concept_overlap(p, g),
}


def match(pred: list[Q], gold: list[Q], ok: Callable[[Q, Q], bool]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths); returns (pred index, gold index) pairs."""
    owner: dict[int, int] = {}  # gold index -> pred index

    def augment(i: int, seen: set[int]) -> bool:
        for j, g in enumerate(gold):
            if j in seen or not ok(pred[i], g):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def row(self) -> tuple[float, float, float]:
        p = 100 * self.correct / self.predicted if self.predicted else 0.0
        r = 100 * self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 1), round(r, 1), round(f, 1)


def score(items: list[tuple[str, list[Q]]], system: Callable[[str], list[Q]], levels: Sequence[str]
          ) -> tuple[dict[str, Score], float, list[list[Q]]]:
    scores = {lv: Score() for lv in levels}
    preds: list[list[Q]] = []
    t0 = time.perf_counter()
    for text, _ in items:
        preds.append(system(text))
    elapsed = time.perf_counter() - t0
    for (_, gold), pred in zip(items, preds, strict=True):
        for lv in levels:
            s = scores[lv]
            s.correct += len(match(pred, gold, LEVELS[lv]))
            s.predicted += len(pred)
            s.gold += len(gold)
    return scores, (len(items) / elapsed if elapsed else float("inf")), preds


# --- data sets --------------------------------------------------------------------------------------

def load_set(path: Path) -> list[tuple[str, list[Q]]]:
    items = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        gold = [g for g in (gold_quantity(q) for q in item["quantities"]) if g is not None]
        items.append((item["text"], gold))
    return items


def quantulum_regressions(path: Path) -> tuple[int, int, int, Score]:
    """(sentences, routed through quantulum3 by checker, regressions among those, checker's value
    score on all of them). A regression: checker finds fewer gold values than quantulum3 alone."""
    from checker.extract import extract_text

    cases = json.loads(path.read_text(encoding="utf-8"))
    routed = regressions = 0
    overall = Score()
    ok = LEVELS["value"]
    for case in cases:
        gold = [Q(r["value"] - (r.get("uncertainty") or 0), r["value"] + (r.get("uncertainty") or 0),
                  bool(r.get("uncertainty")), "=", r["unit"], "-") for r in case["res"]]
        pred = run_checker(case["req"])
        c_hits = len(match(pred, gold, ok))
        overall.correct += c_hits
        overall.predicted += len(pred)
        overall.gold += len(gold)
        if not any("quantulum3" in c.semantics for c in extract_text(case["req"])):
            continue
        routed += 1
        if c_hits < len(match(run_quantulum(case["req"]), gold, ok)):
            regressions += 1
    return len(cases), routed, regressions, overall


def _fmt(name: str, system: str, scores: dict[str, Score]) -> list[str]:
    return [f"| {name} | {system} | {lv} | " + " | ".join(f"{x:.1f}" for x in s.row()) + " |"
            for lv, s in scores.items()]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder")
    ap.add_argument("--errors", choices=["value", "unit", "change", "concept"], default=None,
                    help="print checker's mismatches on NewsQuant at this level")
    args = ap.parse_args(argv)

    warnings.filterwarnings("ignore", module="quantulum3")  # "classifier dependencies not installed"
    if not (args.data / "newsquant" / "NewsQuant.dev.json").is_file():
        print(f"bench/extraction.py: error: {args.data}: no benchmarks folder (NewsQuant.dev.json not found; "
              "give --data DIR)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    from quantulum3 import parser  # load both systems before timing either

    parser.parse("warm up: 5 km in 2 hours")
    q_load = time.perf_counter() - t0
    from checker.extract import extract_text

    extract_text("warm up: 1 million people")

    nq = load_set(args.data / "newsquant" / "NewsQuant.dev.json")
    nq_levels = ("value", "value+unit", "value+change", "value+concept")
    lines = ["| set | system | level | P | R | F1 |", "|---|---|---|---|---|---|"]
    c_scores, c_rate, c_preds = score(nq, run_checker, nq_levels)
    q_scores, q_rate, _ = score(nq, run_quantulum, nq_levels)
    lines += _fmt("NewsQuant dev", "checker", c_scores) + _fmt("NewsQuant dev", "quantulum3", q_scores)
    for name in CQE_SETS:
        items = load_set(args.data / "cqe-recognizers-derived" / f"{name}.json")
        lines += _fmt(name, "checker", score(items, run_checker, ("value", "value+unit"))[0])
        lines += _fmt(name, "quantulum3", score(items, run_quantulum, ("value", "value+unit"))[0])
    print("\n".join(lines))
    print()
    print("\n".join(_other_tables(args.data)))
    total, routed, regressions, overall = quantulum_regressions(args.data / "quantulum3" / "quantities.json")
    p, r, f = overall.row()
    print()
    print("| quantulum3's own cases | sentences | routed through quantulum3 by checker | regressions "
          "| checker value P/R/F1 on all |")
    print("|---|---|---|---|---|")
    print(f"| quantities.json | {total} | {routed} | {regressions} | {p:.1f} / {r:.1f} / {f:.1f} |")
    print()
    print("| speed (NewsQuant dev, after loading) | sentences/second |")
    print("|---|---|")
    print(f"| checker | {c_rate:.0f} |")
    print(f"| quantulum3 | {q_rate:.0f} |")
    print(f"\nquantulum3 load time: {q_load:.1f} s; {len(nq)} sentences")
    if args.errors:
        level = "value" if args.errors == "value" else f"value+{args.errors}"
        _print_errors(nq, c_preds, level)
    return 0


def _scored(items: list, system: Callable[[str], list], ok: Callable[[object, object], bool]
            ) -> tuple[Score, list[list[tuple[object, object]]]]:
    s = Score()
    pairs_per_item = []
    for text, gold in items:
        pred = system(text)
        pairs = match(pred, gold, ok)
        s.correct += len(pairs)
        s.predicted += len(pred)
        s.gold += len(gold)
        pairs_per_item.append([(pred[i], gold[j]) for i, j in pairs])
    return s, pairs_per_item


def _other_tables(data: Path) -> list[str]:
    """Recognizers-Text number ranges (hedges as intervals) and MeasEval (spans and modifiers)."""
    lines = ["| set | system | level | P | R | F1 |", "|---|---|---|---|---|---|"]

    def row(name: str, system: str, level: str, s: Score) -> str:
        return f"| {name} | {system} | {level} | " + " | ".join(f"{x:.1f}" for x in s.row()) + " |"

    ranges = other_sets.load_ranges(data / "recognizers-text" / "NumberRangeModel.json")
    for name, system in (("checker", other_sets.checker_intervals),
                         ("quantulum3", other_sets.quantulum_intervals)):
        for level, ok in (("ends", other_sets.ends_equal), ("ends+closed", other_sets.ends_closed_equal)):
            lines.append(row("NumberRangeModel", name, level, _scored(ranges, system, ok)[0]))
    meas = other_sets.load_measeval(data / "measeval" / "eval")
    for name, spans in (("checker", other_sets.checker_spans), ("quantulum3", other_sets.quantulum_spans)):
        s, pairs = _scored(meas, spans, other_sets.spans_overlap)
        lines.append(row("MeasEval", name, "Quantity span", s))
        flat = [pg for item in pairs for pg in item]
        for mod in ("IsApproximate", "IsRange"):
            counts = Score(*other_sets.modifier_counts(flat, mod))
            lines.append(row("MeasEval", name, f"{mod} (matched spans)", counts))
    return lines


def _print_errors(items: list[tuple[str, list[Q]]], preds: list[list[Q]], level: str) -> None:
    print(f"\n## checker's mismatches at level {level}\n")
    for idx, ((text, gold), pred) in enumerate(zip(items, preds, strict=True)):
        pairs = match(pred, gold, LEVELS[level])
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        miss = [g for j, g in enumerate(gold) if j not in mg]
        extra = [p for i, p in enumerate(pred) if i not in mp]
        if not miss and not extra:
            continue
        print(f"[{idx}] {text}")
        for g in miss:
            print(f"    MISS  {_show(g)}")
        for p in extra:
            print(f"    EXTRA {_show(p)}")


def _show(q: Q) -> str:
    v = f"{q.low:g}-{q.high:g}" if q.interval else f"{q.low:g}"
    return f"{v} {q.change} unit={q.unit!r} concept={q.concept!r}"


if __name__ == "__main__":
    raise SystemExit(main())

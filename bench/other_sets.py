"""Two more sets for ``bench/extraction.py``: Recognizers-Text's number ranges and MeasEval.

- ``recognizers-text/NumberRangeModel.json``: comparative hedges as intervals in interval notation
  ("more than thirty" -> ``(30,)``, "no less than thirty" -> ``[30,)``, "between 20 and 30" ->
  ``[20,30)``). A prediction is matched one to one per input; ``ends`` compares the two ends (an open
  end is None), ``ends+closed`` also whether each end is included. checker's hedges give the ends
  (more-than ``(v,)``, at-least ``[v,)``, less-than ``(,v)``, at-most ``(,v]``, a range ``[lo,hi]``);
  quantulum3 gives a point or value ± uncertainty, both closed.
- ``measeval/eval``: scientific paragraphs. A predicted figure matches a gold Quantity span when the
  character spans overlap (one to one). Among matched pairs, the IsApproximate and IsRange modifiers
  are compared with checker's hedge (approximate; a range, a vague amount or a bound) and with
  quantulum3's uncertainty (a range; quantulum3 has no notion of approximate). Only the paragraphs
  with an annotation file are scored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

Interval = tuple[float | None, float | None, bool, bool]  # low, high, low included, high included
Span = tuple[int, int, frozenset[str]]  # start, end, modifiers

_BOUND = {"more-than": (False, True), "at-least": (True, True), "less-than": (True, False),
          "at-most": (True, True)}
_RANGE_HEDGES = frozenset(["range", "vague", "more-than", "at-least", "less-than", "at-most"])


# --- NumberRangeModel -------------------------------------------------------------------------------

def parse_interval(text: str) -> Interval | None:
    m = re.fullmatch(r"\s*([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])\s*", text)
    if not m:
        return None
    lo = float(m.group(2)) if m.group(2) else None
    hi = float(m.group(3)) if m.group(3) else None
    return lo, hi, m.group(1) == "[" and lo is not None, m.group(4) == "]" and hi is not None


def checker_intervals(text: str) -> list[Interval]:
    from checker.extract import extract_text

    out: list[Interval] = []
    for c in extract_text(text):
        if c.hedge in _BOUND:
            lo_in, hi_in = _BOUND[c.hedge]
            out.append((c.low, c.high, lo_in and c.low is not None, hi_in and c.high is not None))
        elif c.hedge in ("range", "vague", "approximate"):  # bounds joined into a range keep their ends
            out.append((c.low, c.high, "more-than" not in c.semantics, "less-than" not in c.semantics))
        elif c.value is not None:
            out.append((c.value, c.value, True, True))
    return out


def quantulum_intervals(text: str) -> list[Interval]:
    from quantulum3 import parser

    out: list[Interval] = []
    for q in parser.parse(text):
        u = getattr(q, "uncertainty", None) or 0.0
        out.append((q.value - u, q.value + u, True, True))
    return out


def _end_equal(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)


def ends_equal(p: Interval, g: Interval) -> bool:
    return _end_equal(p[0], g[0]) and _end_equal(p[1], g[1])


def ends_closed_equal(p: Interval, g: Interval) -> bool:
    return ends_equal(p, g) and p[2] == g[2] and p[3] == g[3]


def load_ranges(path: Path) -> list[tuple[str, list[Interval]]]:
    items = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        gold = [iv for iv in (parse_interval(r["Resolution"]["value"]) for r in case["Results"]) if iv]
        items.append((case["Input"], gold))
    return items


# --- MeasEval ---------------------------------------------------------------------------------------

def load_measeval(folder: Path) -> list[tuple[str, list[Span]]]:
    items = []
    for tsv in sorted((folder / "tsv").glob("*.tsv")):
        text_path = folder / "text" / (tsv.stem + ".txt")
        if not text_path.exists():
            continue
        gold: list[Span] = []
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) < 8 or cols[2] != "Quantity":
                continue
            try:
                mods = frozenset(json.loads(cols[7]).get("mods", []))
            except (json.JSONDecodeError, AttributeError):
                mods = frozenset()
            gold.append((int(cols[3]), int(cols[4]), mods))
        items.append((text_path.read_text(encoding="utf-8"), gold))
    return items


def checker_spans(text: str) -> list[Span]:
    from checker.extract import extract_text

    out = []
    for c in extract_text(text):
        mods = set()
        if c.hedge == "approximate" or c.hedge == "vague":
            mods.add("IsApproximate")
        if c.hedge in _RANGE_HEDGES:
            mods.add("IsRange")
        out.append((c.start, c.end, frozenset(mods)))
    return out


def quantulum_spans(text: str) -> list[Span]:
    from quantulum3 import parser

    return [(q.span[0], q.span[1], frozenset(["IsRange"] if getattr(q, "uncertainty", None) else []))
            for q in parser.parse(text)]


def spans_overlap(p: Span, g: Span) -> bool:
    return p[0] < g[1] and g[0] < p[1]


def modifier_counts(pairs: list[tuple[Span, Span]], mod: str) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of one modifier over matched span pairs."""
    tp = sum(1 for p, g in pairs if mod in p[2] and mod in g[2])
    return tp, sum(1 for p, _ in pairs if mod in p[2]), sum(1 for _, g in pairs if mod in g[2])


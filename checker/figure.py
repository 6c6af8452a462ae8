"""The record the number grammar fills in (:class:`Figure`), the number words and their parsers.

Shared by :mod:`checker.numbers` (finding numbers), :mod:`checker.ranges` (joining two numbers into
a range) and the later extraction stages, which refine a figure in place until it becomes a Claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12}
ABBREV_SCALES = {"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "m": 1e6, "k": 1e3, "tn": 1e12,
                 "trn": 1e12}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}


@dataclass
class Figure:
    """A number found in text (internal, mutable while extraction refines it)."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    hedge: str = "exact"
    trend: str | None = None
    unit: str | None = None
    dimension: str = "count"
    sem: list[str] = field(default_factory=list)
    kind: str = "number"  # number, vague, fraction
    num_start: int = 0  # span of the numeral itself (no currency, multiplier or unit)
    num_end: int = 0
    raw: str = ""
    has_sep: bool = False  # "1,307,000"
    has_mult: bool = False  # million / bn / k ...
    spelled: bool = False
    glued_letters: str = ""  # letters glued before the digits that were not a currency
    years: bool = False  # a range of two year-like numbers ("between 2014 and 2017")
    unit_end: int = 0  # end of the counted noun, when the unit is one ("50 pupils")
    hedge_word: str = ""  # the hedge as written before the number ("over", "about")
    trend_word: str = ""  # the trend word that fired ("rose", "cut")
    over_at: int = -1  # where an "over" before the figure starts, until the unit says what it is

    def __post_init__(self) -> None:
        if self.value is not None and self.low is None and self.high is None:
            self.low = self.high = self.value


def parse_digits(raw: str) -> float:
    """'1,307,000' -> 1307000.0; '.001' -> 0.001."""
    return float(raw.replace(",", ""))


def parse_spelled(words: list[str]) -> float | None:
    """Value of a well-formed run of number words ('twenty five', 'two million', 'a dozen')."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        w = w.lower()
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = 1.0
        elif w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w == "dozen":
            current = (current or 1.0) * 12
        elif w in SCALES:
            total += (current or 1.0) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def is_year_like(f: Figure) -> bool:
    return (f.kind == "number" and f.hedge == "exact" and not f.spelled and not f.has_sep and not f.has_mult
            and f.unit is None and len(f.raw) == 4 and f.raw.isdigit() and 1000 <= int(f.raw) <= 2199)

"""Property tests for the number grammar (checker/numbers.py) and extraction offsets."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.extract import extract_text
from checker.numbers import find_numbers, parse_spelled

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _only_value(text: str) -> float | None:
    figs = find_numbers(text)
    assert len(figs) == 1, [(text[f.start:f.end], f.value) for f in figs]
    assert text[figs[0].start:figs[0].end] == text.strip()
    return figs[0].value


@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_numbers_round_trip_through_num2words(n: int) -> None:
    assert _only_value(num2words(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(SCALES)))
def test_spelled_numbers_with_a_scale(n: int, scale: str) -> None:
    assert _only_value(f"{num2words(n)} {scale}") == n * SCALES[scale]


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(SCALES)))
def test_digits_with_a_scale_word(n: int, scale: str) -> None:
    assert _only_value(f"{n} {scale}") == n * SCALES[scale]


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators_round_trip(n: int) -> None:
    text = f"{n:,}"
    assert _only_value(text) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_with_separators_round_trip(d) -> None:  # type: ignore[no-untyped-def]
    assert math.isclose(_only_value(f"{d:,.2f}"), float(d), rel_tol=1e-12)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_ranges_are_sorted_intervals(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    figs = find_numbers(f"between {lo} and {hi} percent" if lo != hi else f"{lo} percent")
    assert len(figs) == 1
    assert (figs[0].low, figs[0].high) == (lo, hi)


def test_parse_spelled_rejects_non_numbers() -> None:
    assert parse_spelled(["twenty", "five"]) == 25
    assert parse_spelled(["a", "dozen"]) == 12
    assert parse_spelled(["apples"]) is None


FRAGMENTS = [
    "about 2 million people", "more than one million Uighurs", "20%", "on March 22, 2021,", "since 1989",
    "tens of thousands of workers", "$10 to $15 billion", "USD10m", "a fifth of the cotton", "11 a.m.",
    "the S&P 500", "COVID-19", "fell from 4.8 to 4.7 percent", "25 million-plus", "one of the best",
    "268763574 4399287110194044 n 1", "up to 400 jobs", "(US $1.1 million)", "Maddon, 66,", "seven officials",
    "minus 387 Fahrenheit", "between 5% and 6%", "£2.4bn", "and", "said the ministry", ".", "\n\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12))
def test_offsets_always_index_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    claims = extract_text(text, article="p.txt")
    last_end = -1
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.start >= last_end  # sorted, not overlapping
        last_end = c.end
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.value is not None:
            assert (c.low is None or c.low <= c.value) and (c.high is None or c.value <= c.high)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–/%$£€¥+~()abmkMBnsptoAUSDRM\n")), max_size=60))
def test_any_text_extracts_without_error(text: str) -> None:
    for c in extract_text(text):
        assert text[c.start:c.end] == c.text
        assert c.low is None or c.high is None or c.low <= c.high


@pytest.mark.parametrize("text", ["0 0/0", "The score was 3 0/0 today.", "5 1/0 of them", "7 0/0/0"])
def test_a_zero_denominator_is_no_fraction(text: str) -> None:
    # Found by the property above: a mixed number with a zero denominator divided by zero.
    claims = extract_text(text)
    assert claims and all(c.value is not None and c.value == int(c.value) for c in claims)

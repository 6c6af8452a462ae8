"""Extraction on noisy copy: the debris real articles carry next to their figures (phone numbers, links,
page and photo counters, times, scores, names with numbers) never becomes a claim, and never changes the
claims of the sentence it sits beside. Sentences and noise are invented for this test."""

from __future__ import annotations

import pytest

from checker.extract import extract_text

SENTENCES = (
    "About 3,000 people marched on Saturday, organisers said.",
    "The council cut the budget by 4.5% to £120 million.",
    "More than 40 homes were flooded and 12 families moved out.",
    "Prices rose tenfold in a decade.",
)

NOISE = (
    "Call 0800 555 0199 or +44 20 7946 0958 for help.",
    "Read more at https://news.example.com/2024/05/story-12345 or write to desk2024@example.com.",
    "Page 3 of 5.",
    "Photo 1 of 4: Jane Doe/Reuters.",
    "Updated 7:30 p.m., 3 March 2024. 5 min read.",
    "COVID-19 rules and Section 230 were discussed at the G20.",
    "United won 3-1 in the 89th minute.",
    "The update to iOS 17.2 reached No. 10 in the Top 100 chart.",
    "The 2022-23 season, the 1990s and 24/7 coverage were mentioned.",
    "Officers went to 12 Harbour Road and 221B Baker Street.",
    "A 54-year-old man, aged 54, was named.",
)


def _readings(text: str) -> list[tuple[object, ...]]:
    return [(c.text, c.value, c.low, c.high, c.hedge, c.trend, c.unit) for c in extract_text(text)]


@pytest.mark.parametrize("noise", NOISE)
def test_noise_alone_holds_no_claim(noise: str) -> None:
    assert _readings(noise) == []


@pytest.mark.parametrize("noise", NOISE)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_noise_beside_a_sentence_changes_none_of_its_claims(sentence: str, noise: str) -> None:
    alone = _readings(sentence)
    assert alone, "every sentence here holds a figure"
    assert _readings(f"{noise} {sentence}") == alone
    assert _readings(f"{sentence} {noise}") == alone
    assert _readings(f"{sentence}\n\n{noise}\n") == alone

"""What a figure measures, who gives it and in what scope: :func:`describe`.

Pure Python, no tagger: the sentence is cut into word tokens, the figure's clause is found
(bounded by ``;``, ``:``, dashes, ", and/but/which ...", relative words and "that"), and small word
lists (:mod:`checker.context_words`) guess which words are verbs, auxiliaries and prepositions.
docs/context.md describes the reading with examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.context_attr import attribution as _attribution
from checker.context_entity import entity_and_predicate
from checker.context_phrase import is_number, is_year
from checker.context_scope import SCOPE_VOCABULARY, scope_markers
from checker.context_split import Token, sentence_spans, sentences_near, tokens
from checker.context_words import (
    AUX,
    EVENT_NOUNS,
    NOT_NAMES,
    PREPS,
    is_finite_verb,
    is_past_form,
    is_possessive,
    strip_possessive,
    wordset,
)

__all__ = ["FigureContext", "SCOPE_VOCABULARY", "describe", "sentence_spans"]


@dataclass(frozen=True)
class FigureContext:
    entity: str | None  # what is measured, a short noun phrase
    attribution: str | None  # who the article says gives the figure
    predicate: str | None  # the verb/predicate the figure attaches to, lemmatised-ish
    scope: tuple[str, ...]  # normalised scope markers (SCOPE_VOCABULARY), sorted, deduplicated
    context: tuple[str, ...]  # salient event/place/name words of the clause, lowercased, sorted


EMPTY = FigureContext(None, None, None, (), ())

_CLAUSE_OPENERS = wordset(
    "and but while which who whom when where as although though because whereas saying according "
    "including if unless bringing taking raising pushing")
_SUBORDINATORS = wordset("where who which when while because although though whereas unless")
_INTRO_OPENERS = wordset("in during since last over as by between from this so on at after before within "
                         "throughout for until through among")
_ANTECEDENT_LINKS = wordset("where which who whom")
_TIME_OPENERS = wordset("in during since from between for")
_RESTRICTING = wordset("counting including covering")
_JOINS = wordset("and but while whereas ,")
_PLACE_OPENERS = wordset("in across throughout within inside")
_WINDOW_KINDS = frozenset({"since", "period", "past", "next", "asof", "date"})
_DOTTED = re.compile(r"\b((?:[a-z]\.){2,})")
_COMMON_OPENERS = wordset(
    """human hospital annual adult unemployment inflation turnout retail data nearly only almost total
    average global local national federal official economic overall roughly approximately just public
    private median""")


def _clause(toks: list[Token], f0: int, f1: int) -> tuple[int, int, int]:
    """Token range [lo, hi) of the clause holding the figure tokens [f0, f1), and the end of the
    figure's phrase for scope (the clause, cut at the first comma after the figure)."""
    lo = 0
    for i in range(f0 - 1, -1, -1):
        t = toks[i]
        if t.text in ";:—–()," or t.low in _SUBORDINATORS and not _acronym(t):
            lo = i + 1
            break
        if t.low == "that" and i > 0 and toks[i - 1].low not in PREPS:
            lo = i + 1
            break
        if t.low in ("and", "but") and f0 - i <= 3 and not any(is_number(x) for x in toks[max(0, i - 4):i]):
            lo = i + 1
            break
    hi = len(toks)
    for i in range(f1, len(toks)):
        t = toks[i]
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if t.text in ";:—–()" or (t.text == "," and nxt in _CLAUSE_OPENERS) or (
                t.low in _SUBORDINATORS and not _acronym(t)):
            hi = i
            break
        if t.text == "," and i + 2 < len(toks) and _looks_attribution(toks, i + 1):
            hi = i
            break
    scope_hi = next((i for i in range(f1, hi) if toks[i].text == ","), hi)
    # An opening adverbial ("In 2019, ...", "Since April 2017, ...") scopes the main clause.
    if lo > 0 and toks[lo - 1].text == "," and toks[0].low in _INTRO_OPENERS:
        first_comma = next(i for i, t in enumerate(toks) if t.text == ",")
        if first_comma == lo - 1 or not any(t.text in ";:—–()" for t in toks[first_comma:lo]):
            lo = 0 if first_comma == lo - 1 else lo
    return lo, hi, scope_hi


def _framing(text: str, toks: list[Token], lo: int, f0: int, scope_hi: int) -> list[str]:
    """Phrases outside the figure's clause that still frame it: an opening adverbial cut off by an
    appositive ("In Lindor, the second city, rents rose 4.1%") and a time phrase between commas right
    before the clause ("Turnout in the first referendum, in 2016, was 67%")."""
    out = []
    commas = [i for i, t in enumerate(toks[:f0]) if t.text == ","]
    hard = any(t.text in ";:—–()" for t in toks[:f0])
    appositive = len(commas) > 1 and lo == commas[1] + 1 and commas[1] - commas[0] <= 7 and not any(
        t.low in _SUBORDINATORS or t.low in _CLAUSE_OPENERS for t in toks[commas[0] + 1:commas[1]])
    if toks and toks[0].low in _INTRO_OPENERS and appositive and not hard:
        out.append(text[toks[0].start:toks[commas[0]].start])
    if lo > 1 and toks[lo - 1].text == ",":
        before = [i for i in commas if i < lo - 1]
        k = before[-1] + 1 if before else 0
        if toks[k].low in _TIME_OPENERS and lo - 1 - k <= 6 and k > 0:
            out.append(text[toks[k].start:toks[lo - 2].end])
    # A restriction after the comma: "about 92,000, counting only those registered in official camps".
    k = scope_hi
    restricting = k + 2 < len(toks) and toks[k].text == "," and toks[k + 1].low in _RESTRICTING
    if restricting and toks[k + 2].low == "only":
        end = next((i for i in range(k + 1, len(toks)) if toks[i].text in ",;:—–()"), len(toks))
        out.append(text[toks[k + 1].start:toks[end - 1].end])
    return out


def _marker_kind(marker: str) -> str:
    """What a scope marker says: a time window (since, period, past, next, as-of, date are one kind:
    "4,000 since January" after "900 in January" keeps only its own), a region, a group ..."""
    kind = marker.split(":")[0]
    return "time" if kind in _WINDOW_KINDS else kind


def _inherited_scope(text: str, toks: list[Token], lo: int, f0: int,
                     scope: tuple[str, ...]) -> tuple[str, ...]:
    """Scope the figure takes from outside its clause when its own words say none of that kind: the
    region of an opening prepositional phrase ("In the neighbouring Kessary region, where ..., turnout of
    49%") and the date of the event a "when" clause hangs on ("after the 2021 election, when turnout was
    62%")."""
    kinds = {_marker_kind(m) for m in scope}
    extra: set[str] = set()
    if "region" not in kinds and toks[0].low in _PLACE_OPENERS:
        comma = next((i for i in range(1, min(f0, 9)) if toks[i].text == ","), None)
        # a phrase, not a clause: "In 2019 the flood killed 52 across Kelmira, ..." scopes nothing after it
        phrase_only = comma is not None and not any(
            t.low in AUX or is_past_form(t.low) or is_finite_verb(t.low) or is_number(t)
            for t in toks[1:comma])
        if phrase_only and not any(t.text in ";:—–()" for t in toks[comma:f0]):
            opening = text[toks[0].start:toks[comma - 1].end]
            extra |= {m for m in scope_markers(opening) if m.startswith("region:")}
    if "time" not in kinds and lo >= 2 and toks[lo - 1].low == "when" and not _acronym(toks[lo - 1]):
        end = lo - 2 if toks[lo - 2].text == "," else lo - 1
        start = end
        while start > 0 and end - start < 8 and toks[start - 1].text not in ",;:—–()":
            start -= 1
        if start < end:
            event = text[toks[start].start:toks[end - 1].end]
            extra |= {m for m in scope_markers(event) if m.split(":")[0] in ("period", "date")}
    return tuple(sorted(set(scope) | extra)) if extra else scope


def _acronym(t: Token) -> bool:
    """'WHO', 'US', 'IT' written in capitals are names, not function words."""
    return len(t.text) > 1 and t.text.isupper() and t.text.isalpha()


def _looks_attribution(toks: list[Token], i: int) -> bool:
    window = [t.low for t in toks[i:i + 5]]
    return any(w in ("said", "says", "told", "added", "according", "estimated", "reported") for w in window)


def _names(text: str, toks: list[Token], skip: set[int], sentence_start: int) -> set[str]:
    """Capitalised names (joined: 'hurricane maria') and event nouns among the tokens."""
    out: set[str] = set()
    run: list[Token] = []

    def flush() -> None:
        while run and run[-1].low == "of":
            run.pop()
        if run:
            name = " ".join(strip_possessive(t.text) for t in run).lower()
            if "." in name:
                name = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), name)  # u.s. -> us
            if len(run) > 1 or run[0].start != sentence_start or _opener_is_name(text, run[0]):
                out.add(name)
        run.clear()

    for idx, t in enumerate(toks):
        first = t.text[0]
        cap = first.isupper() and first.isalpha() and strip_possessive(t.low) not in NOT_NAMES \
            and idx not in skip
        if cap or (run and t.low == "of" and idx + 1 < len(toks) and toks[idx + 1].text[:1].isupper()):
            run.append(t)
            if cap and is_possessive(t.text):
                flush()  # "China's Xinjiang region": two names
            continue
        if run:
            flush()
        if t.low in EVENT_NOUNS and first.islower() and idx not in skip:
            out.add(t.low)
    flush()
    return out


def _opener_is_name(text: str, t: Token) -> bool:
    return _opener_word_is_name(text, t.text)


@lru_cache(maxsize=1024)
def _opener_word_is_name(text: str, word_as_written: str) -> bool:
    """A capitalised word opening a sentence is a name when it is capitalised mid-sentence elsewhere,
    is a possessive, or is neither a plural, a common opener nor a word found in lower case."""
    if is_possessive(word_as_written):
        return True
    if re.search(r"[a-z,]\s+" + re.escape(word_as_written) + r"\b", text):
        return True
    word = word_as_written.lower()
    common = word in _COMMON_OPENERS or word.endswith("s")
    return not (common or re.search(r"\b" + re.escape(word) + r"\b", text))


def describe(text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int,
             unit: str | None, dimension: str) -> FigureContext:
    """All offsets absolute into text. May look at neighbouring sentences (for a quote's speaker)."""
    try:
        return _describe(text, sent_start, sent_end, fig_start, fig_end, unit, dimension)
    except (IndexError, ValueError, KeyError, TypeError):
        return EMPTY


def _describe(text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int,
              unit: str | None, dimension: str) -> FigureContext:
    n = len(text)
    sent_start, sent_end = max(0, min(sent_start, n)), max(0, min(sent_end, n))
    if sent_end <= sent_start:
        return EMPTY
    fig_start = max(sent_start, min(fig_start, sent_end))
    fig_end = max(fig_start, min(fig_end, sent_end))
    toks = tokens(text, sent_start, sent_end)
    fig = [k for k, t in enumerate(toks) if t.end > fig_start and t.start < max(fig_end, fig_start + 1)]
    if not fig:
        return EMPTY
    f0, f1 = fig[0], fig[-1] + 1
    lo, hi, scope_hi = _clause(toks, f0, f1)
    prior = [sp for sp in sentences_near(text, max(0, sent_start - 600), sent_start) if sp[1] <= sent_start]
    before = tokens(text, *prior[-1]) if prior else None
    entity, predicate = entity_and_predicate(text, toks, f0, f1, lo, hi, unit, dimension, before)
    who = _attribution(text, sent_start, sent_end, fig_start, fig_end)
    # A second figure joined to this one ("0.6% on the month and 7.5% on a year ago") brings its own scope.
    scope_hi = next((k for k in range(f1 + 1, scope_hi) if is_number(toks[k]) and not is_year(toks[k])
                     and toks[k - 1].low in ("and", "but", "while", "whereas")), scope_hi)
    clause_text = text[toks[lo].start:toks[scope_hi - 1].end] if scope_hi > lo else ""
    fig_text = text[fig_start:fig_end]
    scope_text = " ".join([*_framing(text, toks, lo, f0, scope_hi), clause_text])
    scope = scope_markers(scope_text.replace(fig_text, " " * len(fig_text)) if fig_text else scope_text)
    earlier = [k for k in range(lo, f0) if is_number(toks[k]) and not is_year(toks[k])]
    if earlier and scope_hi > f0:
        # "In 2021 turnout was 62%, and 71% in 2017": the figure's own words override, kind by kind,
        # what it shares with the clause's earlier figure.
        # ... from the word joining the two on ("12% since January and 3% in January alone").
        join = next((k for k in range(f0 - 1, earlier[-1], -1) if toks[k].low in _JOINS), earlier[-1])
        own = text[toks[join].end:toks[scope_hi - 1].end]
        local = scope_markers(own.replace(fig_text, " " * len(fig_text)) if fig_text else own)
        kinds = {_marker_kind(m) for m in local}
        scope = tuple(sorted(set(local) | {m for m in scope if _marker_kind(m) not in kinds}))
    scope = _inherited_scope(text, toks, lo, f0, scope)
    skip = set(range(f0, f1))
    if who:
        at = text.find(who, sent_start, sent_end)
        if at >= 0:
            skip |= {k for k, t in enumerate(toks) if at <= t.start < at + len(who)}
    linked = lo > 0 and toks[lo - 1].low in _ANTECEDENT_LINKS and not _acronym(toks[lo - 1])
    first = max(0, lo - 6) if linked else lo
    names = _names(text, toks[first:scope_hi], {k - first for k in skip}, toks[0].start)
    if not names - EVENT_NOUNS:  # nothing but "the storm": add the sentence's names
        names |= _names(text, toks, skip, toks[0].start)
    return FigureContext(entity, who, predicate, scope, tuple(sorted(names)))

"""What a figure measures, who gives it and in what scope: :func:`describe`.

Pure Python, no tagger: the sentence is cut into word tokens, the figure's clause is found
(bounded by ``;``, ``:``, dashes, ", and/but/which ...", relative words and "that"), and small word
lists (:mod:`checker.context_words`) guess which words are verbs, auxiliaries and prepositions.
docs/context.md describes the reading with examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.context_attr import attribution as _attribution
from checker.context_scope import SCOPE_VOCABULARY, scope_markers
from checker.context_split import Token, sentence_spans, tokens
from checker.context_words import (
    AUX,
    AUX_FILLERS,
    CONJ_STOP,
    DETS,
    EVENT_NOUNS,
    KNOWN_VERBS,
    LINKING_VERBS,
    NOT_NAMES,
    PREPS,
    RELATIVES,
    SCOPE_OPENERS,
    is_finite_verb,
    is_past_form,
    lemma,
    participle,
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

_PUNCT_STOP = frozenset(",.;:!?()[]—–")
_QUOTE = frozenset("“”\"‘’'")
_NUMBER_WORDS = wordset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand thousands million millions billion dozen dozens hundreds about around nearly almost some
    more over at least up roughly approximately fewer less under""")
_UNIT_SKIP = wordset("% percent per cent pc percentage point points")
_CLAUSE_OPENERS = wordset(
    "and but while which who whom when where as although though because whereas saying according "
    "including if unless")
_SUBORDINATORS = wordset("where who which when while because although though whereas unless")
_GENERIC_GOVERNORS = wordset("include including includes included be have")
_INTRO_OPENERS = wordset("in during since last over as by between from this so")
_REL_SUBJECT = wordset("who that which")
_DATE_LEADS = wordset("the early late mid")
_MAX_NP = 10
_MAX_PP = 9


def _is_word(t: Token) -> bool:
    return bool(re.match(r"[^\W\d_]", t.text))


def _is_number(t: Token) -> bool:
    return t.text[:1].isdigit() or t.text[:1] in "$€£¥" or t.low in _NUMBER_WORDS


def _is_year(t: Token) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", t.text))


def _clause(toks: list[Token], f0: int, f1: int) -> tuple[int, int]:
    """Token range [lo, hi) of the clause holding the figure tokens [f0, f1)."""
    lo = 0
    for i in range(f0 - 1, -1, -1):
        t = toks[i]
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if t.text in ";:—–()" or (t.text == "," and nxt in _CLAUSE_OPENERS):
            lo = i + 1
            break
        if t.low in _SUBORDINATORS or (t.low == "that" and i > 0 and toks[i - 1].low not in PREPS):
            lo = i + 1
            break
        if t.low in ("and", "but") and f0 - i <= 3 and not any(_is_number(x) for x in toks[max(0, i - 4):i]):
            lo = i + 1
            break
    hi = len(toks)
    for i in range(f1, len(toks)):
        t = toks[i]
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if t.text in ";:—–()" or (t.text == "," and nxt in _CLAUSE_OPENERS) or t.low in _SUBORDINATORS:
            hi = i
            break
        if t.text == "," and i + 2 < len(toks) and _looks_attribution(toks, i + 1):
            hi = i
            break
    # An opening adverbial ("In 2019, ...", "Since April 2017, ...") scopes the main clause.
    if (lo > 0 and toks[lo - 1].text == "," and toks[0].low in _INTRO_OPENERS
            and not any(t.text == "," for t in toks[: lo - 1])):
        lo = 0
    return lo, hi


def _looks_attribution(toks: list[Token], i: int) -> bool:
    window = [t.low for t in toks[i:i + 5]]
    return any(w in ("said", "says", "told", "added", "according", "estimated", "reported") for w in window)


def _np_right(toks: list[Token], i: int, hi: int, dimension: str) -> tuple[list[Token], int]:
    """The counted noun phrase right after the figure: '(of) Uighurs and other members of ...'."""
    while i < hi and (toks[i].low in _UNIT_SKIP or toks[i].text in _QUOTE):
        i += 1
    if i < hi and toks[i].low == "of":
        i += 1
    elif dimension == "currency" and i < hi and toks[i].low in ("in", "for", "worth", "on"):
        i += 1
        if i < hi and toks[i].low == "of":
            i += 1
    words: list[Token] = []
    while i < hi and len(words) < _MAX_NP:
        t, low = toks[i], toks[i].low
        nxt = toks[i + 1] if i + 1 < hi else None
        if t.text in _QUOTE:
            i += 1
            continue
        if not _is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or low in SCOPE_OPENERS:
            break
        if low in PREPS and low != "of":
            break
        if low in DETS and words and words[-1].low != "of":
            break
        if low in ("and", "or"):
            if nxt is None or _is_number(nxt) or nxt.low in AUX or is_past_form(nxt.low) or not _is_word(nxt):
                break
        elif is_past_form(low):
            adjective = not words and nxt is not None and _is_word(nxt) and nxt.low not in PREPS | AUX | DETS
            if not adjective:
                break
        elif words and is_finite_verb(low):
            break
        words.append(t)
        i += 1
    while words and words[-1].low in ("of", "and", "or", "the", "a", "an"):
        words.pop()
        i -= 1
    return words, i


def _skip_aux(toks: list[Token], i: int, hi: int) -> tuple[int, bool]:
    seen = False
    while i < hi and (toks[i].low in AUX or toks[i].low in AUX_FILLERS or toks[i].low in _REL_SUBJECT):
        seen = seen or toks[i].low in AUX
        i += 1
    return i, seen


def _pp_chain(toks: list[Token], i: int, hi: int) -> tuple[list[Token], int]:
    """Prepositional phrases after a participle: 'into political camps for indoctrination'."""
    words: list[Token] = []
    while i < hi and len(words) < _MAX_PP:
        t, low = toks[i], toks[i].low
        nxt = toks[i + 1] if i + 1 < hi else None
        if t.text in _QUOTE:
            i += 1
            continue
        if not _is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or low in SCOPE_OPENERS:
            break
        if low in ("since", "per", "during") or (
            low in ("in", "over", "for", "by") and nxt is not None
            and (_is_year(nxt) or nxt.low in _DATE_LEADS and _years_ahead(toks, i + 1, hi))
        ):
            break
        if low in ("in", "over") and nxt is not None and nxt.low == "the" and i + 2 < hi \
                and toks[i + 2].low in ("past", "last", "previous", "region"):
            break
        if low in ("and", "or") and (nxt is None or not _is_word(nxt) or nxt.low in AUX or _is_number(nxt)):
            break
        if (is_past_form(low) or is_finite_verb(low)) and words and words[-1].low not in PREPS:
            break
        if not words and low not in PREPS:
            break
        words.append(t)
        i += 1
    while words and (words[-1].low in PREPS or words[-1].low in DETS or words[-1].low in ("and", "or")):
        words.pop()
        i -= 1
    return words, i


def _object(toks: list[Token], i: int, hi: int) -> list[Token]:
    """Object of a verb after the figure's noun phrase: 'materials from this Chinese province'."""
    if i < hi and toks[i].low in PREPS:
        return _pp_chain(toks, i, hi)[0]
    words, k = _np_right(toks, i, hi, "count")
    if words:
        words += _pp_chain(toks, k, hi)[0]
    return words


def _years_ahead(toks: list[Token], i: int, hi: int) -> bool:
    return any(_is_year(t) for t in toks[i:min(hi, i + 3)])


def _skip_scope(toks: list[Token], i: int, hi: int) -> int:
    """Skip a time phrase ('each year', 'since April 2017', 'in 2019') to reach a following verb."""
    start = i
    while i < hi and i - start < 5 and (toks[i].low in SCOPE_OPENERS or toks[i].low in ("since", "in", "year",
                                        "month", "week", "day", "years", "decade") or _is_year(toks[i])
                                        or toks[i].low in ("the", "past", "a")):
        i += 1
    return i


def _phrase(text: str, words: list[Token]) -> str:
    words = [w for w in words if w.text not in _QUOTE]
    while words and words[0].low in DETS:
        words = words[1:]
    if not words:
        return ""
    out = text[words[0].start:words[-1].end]
    return re.sub(r"[“”\"]", "", re.sub(r"\s+", " ", out)).strip()


def _subject_left(text: str, toks: list[Token], j: int, lo: int) -> str:
    """Noun phrase ending at token j (inclusive), walking left: 'the death toll from Hurricane Maria'."""
    words: list[Token] = []
    while j >= lo and len(words) < 8:
        t, low = toks[j], toks[j].low
        if not _is_word(t) or low in AUX or low in RELATIVES or low in CONJ_STOP or is_past_form(low):
            break
        if low in DETS:
            if j - 1 >= lo and toks[j - 1].low in ("of", "from", "in", "for", "at", "on"):
                words.insert(0, t)
                j -= 1
                continue
            break
        if low in PREPS and low not in ("of", "from", "in", "for", "at", "on"):
            break
        if low in KNOWN_VERBS and low not in EVENT_NOUNS and words and not low.endswith("s") \
                and low not in ("total", "number", "count", "record", "estimate"):
            break
        words.insert(0, t)
        j -= 1
    while words and words[0].low in PREPS:
        words = words[1:]
    return _phrase(text, words)


def _governor(toks: list[Token], f0: int, lo: int) -> int:
    """Index of the word governing the figure on its left, past determiners and a coordinated figure."""
    j = f0 - 1
    for _ in range(3):
        while j >= lo and toks[j].low in DETS | {"estimated", "additional", "further", "another", "other"}:
            j -= 1
        if j >= lo and toks[j].low in ("and", "or", ","):
            k = j - 1
            while k >= lo and k > j - 7 and not _is_number(toks[k]):
                k -= 1
            if k >= lo and _is_number(toks[k]):
                while k - 1 >= lo and _is_number(toks[k - 1]):
                    k -= 1
                j = k - 1
                continue
        break
    return j


def _entity(text: str, toks: list[Token], f0: int, f1: int, lo: int, hi: int,
            unit: str | None, dimension: str) -> tuple[str | None, str | None]:
    np_words, i = _np_right(toks, f1, hi, dimension)
    head = _phrase(text, np_words)
    predicate: str | None = None
    tail = ""
    j, aux_seen = _skip_aux(toks, i, hi)
    if j < hi and is_past_form(toks[j].low):
        predicate = lemma(toks[j].text)
        pp, k = _pp_chain(toks, j + 1, hi)
        tail = " ".join(x for x in (toks[j].text, _phrase(text, pp)) if x)
        if not pp and lo > 0 and toks[lo - 1].low == "where":
            antecedent = _subject_left(text, toks, lo - 2, 0)
            tail = f"{tail} in {antecedent}" if antecedent else tail
        k = _skip_scope(toks, k, hi)
        if k < hi and is_finite_verb(toks[k].low):
            obj = _object(toks, k + 1, hi)
            tail += f" ({' '.join(x for x in (toks[k].text, _phrase(text, obj)) if x)})"
    elif j < hi and (is_finite_verb(toks[j].low) or (toks[j].low in KNOWN_VERBS and j > i)):
        predicate = lemma(toks[j].text)
        obj = _object(toks, j + 1, hi)
        if head:
            tail = f"({' '.join(x for x in (toks[j].text, _phrase(text, obj)) if x)})"
    elif aux_seen:
        predicate = "be"
    g = _governor(toks, f0, lo)
    if head and g >= lo:
        gov = toks[g]
        if (is_past_form(gov.low) or gov.low.endswith("ing") or (gov.low in KNOWN_VERBS and g > lo
                                                                  and toks[g - 1].low == "to")) \
                and lemma(gov.text) in KNOWN_VERBS and lemma(gov.text) not in _GENERIC_GOVERNORS \
                and lemma(gov.text) not in LINKING_VERBS:
            verb = lemma(gov.text)
            predicate = predicate or verb
            if not tail:
                tail = participle(verb)
        elif gov.low in PREPS and gov.low != "of" and g - 1 >= lo and _is_word(toks[g - 1]) \
                and toks[g - 1].low not in DETS | AUX | PREPS:
            noun = toks[g - 1].low
            verb = lemma(noun)
            if verb in KNOWN_VERBS and verb not in _GENERIC_GOVERNORS:
                predicate = predicate or verb
                if gov.low in ("on", "against", "upon"):
                    tail = tail or f"({participle(verb)})"
            else:
                predicate = predicate or noun
    if not head:
        if g >= lo and toks[g].low == "of":
            head = _subject_left(text, toks, g - 1, lo)
        elif g >= lo + 1 and toks[g].low in ("to", "at", "by", "around", "near") and g - 1 >= lo:
            v = g - 1
            obj_end = v
            while v >= lo and not (is_past_form(toks[v].low) or toks[v].low in AUX
                                   or lemma(toks[v].text) in LINKING_VERBS | {"put", "estimate", "count"}):
                v -= 1
            if v >= lo:
                predicate = predicate or lemma(toks[v].text)
                head = _subject_left(text, toks, obj_end, v + 1) if obj_end > v else ""
                if not head:
                    head = _subject_left(text, toks, _skip_left_aux(toks, v - 1, lo), lo)
        elif g >= lo and (toks[g].low in AUX or lemma(toks[g].text) in LINKING_VERBS):
            predicate = predicate or lemma(toks[g].text)
            head = _subject_left(text, toks, _skip_left_aux(toks, g - 1, lo), lo)
        if not head and tail and unit and dimension == "count":
            head = unit
    entity = " ".join(x for x in (head, tail) if x).strip() or None
    if entity and len(entity) > 120:
        entity = entity[:120].rsplit(" ", 1)[0]
    return entity, predicate


def _skip_left_aux(toks: list[Token], j: int, lo: int) -> int:
    while j >= lo and (toks[j].low in AUX or toks[j].low in ("now", "already", "also", "still")):
        j -= 1
    return j


def _names(text: str, toks: list[Token], skip: set[int]) -> set[str]:
    """Capitalised names (joined: 'hurricane maria') and event nouns among the tokens."""
    out: set[str] = set()
    run: list[Token] = []

    def flush() -> None:
        while run and run[-1].low == "of":
            run.pop()
        if run:
            name = " ".join(re.sub(r"[’']s$", "", t.text) for t in run).lower()
            opener = len(run) == 1 and run[0].start == toks[0].start
            if not opener or _capitalised_elsewhere(text, run[0]):
                out.add(name)
        run.clear()

    for idx, t in enumerate(toks):
        cap = _is_word(t) and t.text[0].isupper() and t.low not in NOT_NAMES and idx not in skip
        if cap or (run and t.low == "of" and idx + 1 < len(toks) and toks[idx + 1].text[:1].isupper()):
            run.append(t)
            continue
        flush()
        if t.low in EVENT_NOUNS and idx not in skip:
            out.add(t.low)
    flush()
    return out


def _capitalised_elsewhere(text: str, t: Token) -> bool:
    return re.search(r"[a-z,]\s+" + re.escape(t.text) + r"\b", text) is not None


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
    lo, hi = _clause(toks, f0, f1)
    entity, predicate = _entity(text, toks, f0, f1, lo, hi, unit, dimension)
    who = _attribution(text, sent_start, sent_end, fig_start, fig_end)
    clause_text = text[toks[lo].start:toks[hi - 1].end] if hi > lo else ""
    fig_text = text[fig_start:fig_end]
    scope = scope_markers(clause_text.replace(fig_text, " " * len(fig_text)) if fig_text else clause_text)
    skip = set(range(f0, f1))
    if who:
        at = text.find(who, sent_start, sent_end)
        if at >= 0:
            skip |= {k for k, t in enumerate(toks) if at <= t.start < at + len(who)}
    first = max(0, lo - 6) if lo > 0 and toks[lo - 1].low == "where" else lo
    names = _names(text, toks[first:hi], {k - first for k in skip})
    if not names:
        names = _names(text, toks, skip)
    return FigureContext(entity, who, predicate, scope, tuple(sorted(names)))

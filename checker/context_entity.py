"""What a figure measures (entity) and the verb it attaches to (predicate).

Works on the word tokens of one sentence. The counted noun phrase usually follows the figure
("2 million *people*", "20% *of clothing*"); a participle or verb phrase after it narrows it
("people *forced into political camps*"); a verb or a noun+preposition before it says what happened
to them ("*killed* 40 people" -> "people killed", "*sanctions on* seven officials" -> "officials
(sanctioned)"). With no noun after the figure, the subject of a linking verb ("the death toll *rose
to* 40"), the noun before "of" ("a turnout *of* 65%") or the object of an estimate ("put *the crowd*
at 8,000") is the entity.
"""

from __future__ import annotations

from checker.context_phrase import (
    ANTECEDENT_PREPS,
    HEARSAY,
    MAX_PP,
    MODALS,
    RAISING,
    REL_SUBJECT,
    UNIT_SKIP,
    is_adverb,
    is_number,
    is_time_word,
    is_word,
    is_year,
    np_right,
    object_phrase,
    phrase,
    pp_chain,
    skip_aux,
    skip_left_aux,
    skip_scope,
    span,
    subject_left,
)
from checker.context_split import Token
from checker.context_words import (
    ATTRIBUTION_VERBS,
    AUX,
    AUX_FILLERS,
    CONJ_STOP,
    DETS,
    GENERIC_HEADS,
    KNOWN_VERBS,
    LINKING_VERBS,
    MONTHS,
    PREPS,
    is_finite_verb,
    is_past_form,
    lemma,
    participle,
    wordset,
)
from checker.measures_nouns import UNIT_CLASS

_GENERIC_GOVERNORS = wordset("include including includes included be have")
_PRE_FIGURE_SKIP = DETS | wordset(
    "estimated additional further another other record new all-time extra total roughly nearly just only "
    "some about around almost approximately it them us him her nearer closer barely scarcely")
_BE = wordset("is are was were be been being 's ’s")
_PRONOUN_HEADS = wordset("there it they them we us he she this that these those which who one ones")
_LOCATIVES = wordset("on in at inside aboard")  # a place after a bare figure: "200 on board"
_NOT_NARROWING = wordset("compared based according including excluding adjusted")  # "0.2%, compared with"
_LEFT_PREPS = wordset("to at by around near for up down from above below past over beyond under")
_MEASURE_ADJECTIVES = wordset(
    "wide long high deep tall thick old away across large heavy big broad lower higher up down more less")
_AGE_WORDS = wordset("to and or over older between above under - –")
_ESTIMATE_VERBS = wordset("put estimate count number place")
_LEFT_VERBS = LINKING_VERBS | _ESTIMATE_VERBS | ATTRIBUTION_VERBS
# Verbs (lemmas) whose "to" opens an infinitive: "expects to cancel", "plans to axe", "had to ground".
_CONTROL_VERBS = wordset(
    "expect plan have need want aim hope intend seek try propose threaten decide agree fail prepare vow "
    "pledge promise refuse continue begin start force order allow ask move choose")


def _governor(toks: list[Token], f0: int, lo: int) -> tuple[int, int]:
    """Index of the word governing the figure on its left (past determiners and a coordinated
    figure: 'sanctions against 10 individuals and *four* institutions'), and the clause start."""
    j = f0 - 1
    for _ in range(3):
        while j >= 0 and toks[j].low in _PRE_FIGURE_SKIP:
            j -= 1
        if j >= 1 and toks[j].low == "to" and toks[j - 1].low in ("closer", "nearer", "close", "near"):
            j -= 2  # "turnout was closer to 50%": a hedge, not what governs the figure
            continue
        if j >= 0 and toks[j].low in ("and", "or", ","):
            k = j - 1
            while k >= 0 and k > j - 7 and not is_number(toks[k]):
                k -= 1
            if k >= 0 and is_number(toks[k]) and not is_year(toks[k]):
                while k - 1 >= 0 and is_number(toks[k - 1]):
                    k -= 1
                j = k - 1
                lo = min(lo, max(j, 0))
                continue
        break
    return j, lo


def _is_verb_governor(toks: list[Token], g: int, lo: int) -> bool:
    gov = toks[g]
    verb = lemma(gov.text)
    if verb in _GENERIC_GOVERNORS or verb in LINKING_VERBS:
        return False
    if verb not in KNOWN_VERBS:
        return _is_unlisted_verb(toks, g, lo)
    if is_past_form(gov.low) or gov.low.endswith("ing"):
        return True
    prev = toks[g - 1].low if g > lo else ""
    return prev not in DETS and (prev in MODALS or prev not in PREPS)


def _is_unlisted_verb(toks: list[Token], g: int, lo: int) -> bool:
    """A verb the word lists do not know, told by its place: a past form right after its subject ("the
    airline cancelled about 300 flights") or a bare form after an infinitive's "to" ("expects to cancel
    about 560 flights", "had to ground 40 planes", "is set to shed 900 jobs")."""
    gov = toks[g]
    if not (gov.text.isalpha() and gov.text.islower()) or gov.low in DETS | PREPS | AUX | CONJ_STOP \
            or gov.low in _PRE_FIGURE_SKIP or is_adverb(gov):
        return False
    prev = toks[g - 1].low if g > lo else ""
    if prev == "to" and g - 2 >= lo:
        before = toks[g - 2]
        return lemma(before.text) in _CONTROL_VERBS or before.low in RAISING or is_past_form(before.low)
    return is_past_form(gov.low) and prev not in DETS | PREPS and prev != "of"


def _after_figure(text: str, toks: list[Token], i: int, hi: int, lo: int) -> tuple[str, str | None]:
    """(tail, predicate) from what follows the figure's noun phrase (token i on)."""
    if i < hi and toks[i].low == "aged":  # "adults aged 18 to 29 have ..."
        i += 1
        while i < hi and (is_number(toks[i]) or toks[i].low in _AGE_WORDS):
            i += 1
    if i < hi and toks[i].low in PREPS and toks[i].low not in ("since", "per"):
        pp, k = pp_chain(toks, i, hi)  # "3 in 10 children in the district live ..."
        k2, aux2 = skip_aux(toks, k, hi)
        if pp and k2 < hi and (aux2 or is_finite_verb(toks[k2].low) or is_past_form(toks[k2].low)):
            i = k
    j, aux = skip_aux(toks, i, hi)
    if j >= hi:
        return "", ("be" if aux in _BE else None)
    t = toks[j]
    if t.low in HEARSAY | {"confirmed"} and j + 1 < hi and is_past_form(toks[j + 1].low):
        j += 1  # "were confirmed killed", "are feared dead"
        t = toks[j]
    if is_past_form(t.low) and t.low not in _NOT_NARROWING:
        verb = lemma(t.text)
        obj = object_phrase(toks, j + 1, hi, limit=MAX_PP)
        if verb in LINKING_VERBS and j + 1 < hi and is_word(toks[j + 1]) and toks[j + 1].low not in PREPS:
            obj = [toks[j + 1]]  # "remained missing"
        tail = span(text, t, obj)
        if not obj and lo > 0 and toks[lo - 1].low == "where":
            antecedent = subject_left(text, toks, lo - 2, 0, ANTECEDENT_PREPS)
            tail = f"{tail} in {antecedent}" if antecedent else tail
        k = skip_scope(toks, j + 1 + _covered(toks, j + 1, obj), hi)
        if k < hi and is_finite_verb(toks[k].low):
            tail += f" ({span(text, toks[k], object_phrase(toks, k + 1, hi))})"
        return tail, verb
    be_complement = aux in _BE and is_word(t) and t.low not in DETS | CONJ_STOP and not t.low.endswith("ing")
    if not be_complement and (is_finite_verb(t.low) or (t.low in KNOWN_VERBS and j > i)):
        return f"({span(text, t, object_phrase(toks, j + 1, hi))})", lemma(t.text)
    if be_complement:
        complement = object_phrase(toks, j, hi, limit=5) if t.low in PREPS else [t]
        return phrase(text, complement), "be"
    return "", ("be" if aux in _BE else None)


def _covered(toks: list[Token], i: int, words: list[Token]) -> int:
    if not words:
        return 0
    last = words[-1].end
    return sum(1 for t in toks[i:] if t.end <= last)


def entity_and_predicate(text: str, toks: list[Token], f0: int, f1: int, lo: int, hi: int,
                         unit: str | None, dimension: str,
                         before: list[Token] | None = None) -> tuple[str | None, str | None]:
    """(entity, predicate) of the figure tokens [f0, f1) in the clause [lo, hi); ``before``: the
    previous sentence's tokens, for 'the true number was 110,000' after '21,000 people marched'."""
    np_words, i = np_right(toks, f1, hi, dimension)
    head = phrase(text, np_words)
    adjective = ""
    if head.lower() in _MEASURE_ADJECTIVES:  # "90 miles wide": the subject is measured
        head, adjective = "", head
    tail, predicate = _after_figure(text, toks, i, hi, lo)
    g, lo = _governor(toks, f0, lo)
    if head and g >= lo:
        gov = toks[g]
        if _is_verb_governor(toks, g, lo):
            # The figure is the verb's object only when no verb follows its noun phrase
            # ("killed 40 people"; not "say 2,000 families still live ...").
            verb = lemma(gov.text)
            if not tail:
                predicate = verb
                if verb not in ATTRIBUTION_VERBS:  # "new cases reported" says no more than "new cases"
                    tail = gov.text if gov.low.endswith("ed") else participle(verb)
        elif gov.low in PREPS and gov.low != "of" and g - 1 >= lo and is_word(toks[g - 1]) \
                and toks[g - 1].low not in DETS | AUX | PREPS:
            noun = toks[g - 1].low
            verb = lemma(noun)
            if noun == "home" and gov.low == "to":
                predicate = predicate or "live"  # "the region is home to 10 million people"
            elif verb in KNOWN_VERBS and verb not in _GENERIC_GOVERNORS:
                predicate = predicate or verb
                if gov.low in ("on", "against", "upon"):
                    tail = tail or f"({participle(verb)})"
    if not head and g >= lo and _is_verb_governor(toks, g, lo):
        predicate = predicate or lemma(toks[g].text)  # "which organisers said drew 50,000"
    if head.lower() in _PRONOUN_HEADS:
        head = ""  # "12 of them", "there were 500,000"
    if not head:
        head, pred = _head_from_left(text, toks, g, lo, dimension)
        predicate = predicate or pred
        if head.lower() in _PRONOUN_HEADS:
            head = ""
        if not head and tail and unit and dimension == "count":
            head = unit
        if not head and dimension == "count":
            head = _earlier_counted(text, toks, f0)  # "93,000 marchers, while ... there were 500,000"
            words = head.lower().split()
            nominal = any(w.endswith("s") and not w.endswith("ss") or w in UNIT_CLASS for w in words)
            if not tail and i < hi and toks[i].low in _LOCATIVES and not nominal:
                # "40 missing, from around 200 on board": the earlier figure names no counted noun,
                # and where these were says what they are.
                pp, _ = pp_chain(toks, i, hi)
                head, tail = "", phrase(text, pp)
    if head.lower().split()[-1:] in ([w] for w in GENERIC_HEADS):
        # "612 new cases ..., bringing the total to 4,270"; "... 21,000 people marched. The union said
        # the true number was 110,000"
        earlier = _earlier_counted(text, toks, f0)
        if not earlier and before:
            earlier = _earlier_counted(text, before, len(before))
        if earlier and earlier.lower() not in head.lower():
            head = f"{head} ({earlier})"
    if head and adjective and not tail:
        tail = f"({adjective})"
    entity = " ".join(x for x in (head, tail) if x).strip() or None
    if entity and len(entity) > 120:
        entity = entity[:120].rsplit(" ", 1)[0]
    return entity, predicate


def _is_left_verb(toks: list[Token], v: int, lo: int) -> bool:
    """Token v is a verb form: 'rose', 'was', 'will cost', 'is trending', 'averaged', 'stands'."""
    t, prev = toks[v], (toks[v - 1].low if v > lo else "")
    if is_past_form(t.low) or t.low in AUX:
        return True
    k = v - 1
    while k > lo and (toks[k].low in AUX_FILLERS - {"to"} or toks[k].low.endswith("ly")):
        k -= 1
    if k >= lo and toks[k].low in MODALS and is_word(t) and not t.low.endswith("ing"):
        return True  # "will also boost", "can dip", "to trade"
    if prev in DETS or prev in PREPS or prev == "of":
        return False
    verb = lemma(t.text)
    if t.low.endswith("ing"):
        k = v - 1
        while k > lo and (toks[k].low in AUX_FILLERS or toks[k].low.endswith("ly")):
            k -= 1  # "is also trending"
        return toks[k].low in AUX or verb in KNOWN_VERBS | LINKING_VERBS and (v == lo or prev == ",")
    return prev in MODALS and verb in KNOWN_VERBS or verb in _LEFT_VERBS \
        or is_finite_verb(t.low) or (t.low.endswith("s") and verb in KNOWN_VERBS)


def _earlier_counted(text: str, toks: list[Token], f0: int) -> str:
    """The counted noun phrase of the nearest figure before token f0 in the sentence."""
    for k in range(f0 - 1, -1, -1):
        if is_number(toks[k]) and toks[k].text[:1].isdigit() and not is_year(toks[k]) \
                and not (k > 0 and toks[k - 1].low in MONTHS):
            words, _ = np_right(toks, k + 1, f0, "count")
            if words and not any(is_number(w) for w in words):
                return phrase(text, words)
    return ""


def _head_from_left(text: str, toks: list[Token], g: int, lo: int, dimension: str) -> tuple[str, str | None]:
    """Entity when no noun follows the figure: 'toll *of* 40', 'toll *rose to* 40', '*put the crowd at*'
    and, for amounts and measures, the subject of the verb ('petrol *averaged* $2.11 a gallon')."""
    if g < lo:
        return "", None
    low = toks[g].low
    if low in ("of", "worth"):
        return subject_left(text, toks, g - 1, lo), None
    if low in _LEFT_PREPS and g - 1 >= lo:
        v = g - 1
        # The nearest verb, past intransitive ones ("since the outbreak began in March").
        while v >= lo and (not _is_left_verb(toks, v, lo) or v + 2 < g and toks[v + 1].low in PREPS
                           and is_time_word(toks[v + 2]) and toks[v].low not in AUX):
            v -= 1
        if v < lo:
            return "", None
        obj, _ = np_right(toks, v + 1, g, "count") if v + 1 < g and not is_adverb(toks[v + 1]) else ([], v)
        object_ok = obj and not any(is_number(t) or t.low in ("up", "down") for t in obj)
        head = phrase(text, obj) if object_ok else ""
        if not head:
            j = skip_left_aux(toks, v - 1, lo)
            if v - 1 >= lo and toks[v - 1].low == "to":  # "gained 1% to close at 1,478"
                while j >= lo and (is_number(toks[j]) or toks[j].low in UNIT_SKIP or is_adverb(toks[j])):
                    j -= 1
                if j >= lo and _is_left_verb(toks, j, lo):
                    j = skip_left_aux(toks, j - 1, lo)
            head = subject_left(text, toks, j, lo)
        return head, lemma(toks[v].text)
    verb_left = dimension != "count" and _is_left_verb(toks, g, lo) \
        and lemma(toks[g].text) not in ATTRIBUTION_VERBS
    if low in AUX or lemma(toks[g].text) in LINKING_VERBS or verb_left:
        j = skip_left_aux(toks, g - 1, lo)
        if j < lo and lo >= 2 and toks[lo - 1].low in REL_SUBJECT:
            j, lo = lo - 2, 0  # "the small country that is about 90 miles wide"
        return subject_left(text, toks, j, lo), lemma(toks[g].text)
    return "", None

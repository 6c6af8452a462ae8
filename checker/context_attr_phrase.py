"""Phrase readers for :mod:`checker.context_attr`: is a word a verb of saying, the speaker before a
verb ('Zhang Ming, China's ambassador to the EU, said'), after it ('said its chair, Beatriz Olmo'),
the owner of a possessive ('the company's figure'), a name opening a sentence, and the clean-up of a
speaker phrase (trailing circumstances, leading time words, source phrases)."""

from __future__ import annotations

import re

from checker.context_source import source_owner
from checker.context_speaker import speaker_kind
from checker.context_split import Token
from checker.context_words import (
    ATTRIBUTION_VERBS,
    AUX,
    CONJ_STOP,
    DETS,
    GENERIC_HEADS,
    IRREGULAR,
    KNOWN_VERBS,
    MONTHS,
    PREPS,
    PRONOUNS,
    RELATIVES,
    WEEKDAYS,
    is_finite_verb,
    is_past_form,
    is_possessive,
    lemma,
    strip_possessive,
    wordset,
)

_QUOTES = "“”\"‘’'"
# Verb forms that are also common nouns: accepted only when "that", a comma, a colon, a quote,
# a determiner or a number follows ("the report estimates that", not "credible reports out there").
_NOUNLIKE = wordset(
    "report reports estimate estimates claim claims count counts record records note notes state states "
    "find finds show shows project projects forecast forecasts cite put tweet tweets")
_LEAD_TRIM = wordset("but and so however meanwhile also yet then while now")
_SUBJECT_INNER = wordset("of for to at and the a an from in on with")
_OCCASIONS = (
    "statement|interview|press|news|briefing|conference|letter|speech|tweet|post|hearing|meeting|call|email|"
    "televised|radio|video|report|parliament|congress|court"
)
_WHEN = "|".join(WEEKDAYS) + "|week|month|year|weekend|morning|evening|night|january|february|march|april|" \
    "may|june|july|august|september|october|november|december"
# Trailing circumstances of the saying, not part of the speaker: "on Tuesday", "in a statement",
# "at a press briefing in Beijing", "last week", "earlier".
_TAIL_TIME = re.compile(
    rf"\s+(?:(?:on|in|at|during|last|this|earlier|late|early|by|via|over)\s+(?:a\s+|an\s+|the\s+|its\s+|this\s+)?"
    rf"(?:{_WHEN}|{_OCCASIONS})\b.*|(?:{'|'.join(WEEKDAYS)}|yesterday|today|earlier|later|previously)\b.*)$",
    re.IGNORECASE)
_INTRO_WORDS = wordset("last earlier later separately")
SOURCE_NOUNS = wordset("estimate estimates figure figures data count tally report survey study census "
                        "analysis calculation calculations records statistics")
_FUNCTION = wordset("not no yes so then there here this that which what also only just even and or but "
                    "nobody none nothing anyone anybody everyone everybody someone somebody")
_TIME_ONLY = wordset("this last next week month year day today yesterday earlier later on in monday tuesday "
                     "wednesday thursday friday saturday sunday morning evening night")
_LEAD_TIME = re.compile(
    r"^(?:(?:on|in|last|earlier|late|early|this|by)\s+)?(?:this\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|month|year|morning|evening|night|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)(?:\s+(?:morning|evening|night|\d{1,2}))?,?\s+",
    re.IGNORECASE)
_TRAILING_ADVERBS = wordset("still now alone also already too itself themselves only again even")
_LY_NOUNS = wordset("family daily weekly monthly quarterly yearly ally assembly rally supply italy july "
                    "tally reply anomaly monopoly")
_TIME_WORDS = _TIME_ONLY | wordset("the final first opening closing second third same")
_ENDS_NOT = DETS | PREPS | CONJ_STOP | wordset("and or nor of")
_HEADS = GENERIC_HEADS | wordset("figures estimates numbers")
_PRONOUN_OF = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
_PRE_VERB_ADVERBS = wordset("also previously recently further repeatedly separately then now already "
                            "today yesterday earlier later")
CONTEST_VERBS = wordset("disputes disputed rejects rejected contests contested denies denied challenges "
                         "challenged questions questioned")
_SUBJECT_STOPS = wordset("after before when said says told")
POSSESSIVE_PRONOUNS = wordset("its their his her our")
_NAME_PARTICLES = wordset("de la van von der al bin da di du le")
# Verbs a source keeps, gives or changes its own figure with: "stands by its estimate of 92,000",
# "gave a figure of 92,000", "revised their estimate to 6,000".
_TITLES = wordset("chairman chairwoman chair spokesman spokeswoman spokesperson minister director president "
                  "chief secretary leader head executive officer commissioner governor mayor")
# What a person is for a body: "Beatriz Olmo, the union's chair", "Mara Ilic, one of the organisers".
_ROLES = _TITLES | wordset("one member members official organiser organizer analyst researcher economist "
                           "manager coordinator representative spokesperson adviser advisor inspector")
# A one-word name is a body's only when it speaks or is described: "Grainwatch says", "Velker, a ...".
_NOT_IN_OWNER = PREPS | AUX | RELATIVES | CONJ_STOP | DETS | CONTEST_VERBS | ATTRIBUTION_VERBS
_TWO_DIGITS = re.compile(r"\d{2,}")
_SAMPLE = re.compile(r"\s+of\s+(?:more\s+than\s+|about\s+|some\s+|nearly\s+)?\d[\d,.]*\b.*$")
_WORDISH = re.compile(r"[\w’'\-.&]+")
_CAPITALISED = re.compile(r"[A-Z][\w’'\-.]*")


def is_owner(word: str) -> bool:
    """'the ministry's', 'police’s': a possessive word (a letter, digit or _ before the apostrophe)."""
    return is_possessive(word) and len(word) > 2 and (word[-3].isalnum() or word[-3] == "_")


def is_attr_verb(toks: list[Token], i: int) -> bool:
    w = toks[i].low
    if not (w.isascii() and w.isalpha()) or not toks[i].text[0].islower():
        return False  # "Secretary of State Mike Pompeo": a capitalised word is not the verb
    lem = IRREGULAR.get(w) or lemma(w)
    if lem not in ATTRIBUTION_VERBS:
        return False
    if lem == "expect" and i + 1 < len(toks) and toks[i + 1].low == "to":
        return False  # "growth expected to reach 2%": a forecast about the subject, not by it
    nxt_word = toks[i + 1].text if i + 1 < len(toks) else ""
    if lem == "add" and (nxt_word[:1].isdigit() or nxt_word.islower() and nxt_word != "that"
                         or nxt_word[:1] in "$€£"):
        return False  # "would add about $186 a year": adding an amount, not saying
    if i and toks[i - 1].low in ("is", "are", "was", "were", "be", "been", "being"):
        return False  # passive: "Beijing was cited for ..."
    if i and toks[i - 1].low == "to":
        return False  # an infinitive: "want the utility to explain why ...", "is due to report"
    if w in _NOUNLIKE:
        prev = toks[i - 1].low if i else ""
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if prev in DETS or prev in PREPS or is_possessive(prev) or prev in ("’", "'"):
            return False
        plural = prev.endswith("s") and not prev.endswith("ss")
        plural_subject = (plural or prev in SOURCE_NOUNS) and w == lemma(w)
        if plural_subject and nxt.isascii() and nxt.isalpha() and nxt.islower() and nxt not in PREPS:
            return True  # "Opposition leaders claim turnout was ..."
        owned = i > 1 and (toks[i - 2].low in DETS or is_owner(toks[i - 2].text))
        if nxt == "," and w == lemma(w) and (toks[i - 1].text[:1].isupper() or owned):
            return False  # "the Vessel Watch project, 27 ...", "close to the police estimate, and": nouns
        if not (nxt.lower() in ("that", ",", ":", ".", ";", "!", "?", "") or nxt in _QUOTES
                or nxt.lower() in DETS or nxt[:1].isdigit() or nxt[:1].isupper()):
            return False
    if w.endswith("ing"):
        # ", putting the crowd at ...", ", saying ..."; "with organisers claiming a record ..."
        return i > 0 and toks[i - 1].text == "," or with_subject(toks, i) is not None
    return True


def with_subject(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of X in "with X claiming ...", X a short noun phrase right before the verb ``i``."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if toks[k].low == "with":
            words = toks[k + 1:i]
            ok = words and all(w.text[:1].isalpha() and w.low not in PREPS | AUX for w in words)
            return (k + 1, i) if ok else None
    return None


def _is_adverb(word: str, opening: bool = False) -> bool:
    """'still', 'alone', 'rarely' ('Nationally' when ``opening``): an adverb, never the whole or the end
    of a speaker."""
    w = word.lower()
    lower = word.islower() or opening and word[:1].isupper() and word[1:].islower()
    return w in _TRAILING_ADVERBS or lower and w.endswith("ly") and len(w) > 4 and w not in _LY_NOUNS


def _verb_at(words: list[str], i: int) -> bool:
    """``words[i]`` is a finite verb ending the speaker's noun phrase: 'The Free List *insists* its
    count', 'The ministry now *puts*', 'it *counted* visits' (not 'payroll records', 'its report')."""
    w = words[i]
    low = w.lower().strip(",")
    if i == 0 or not (w.isalpha() and w.islower()):
        return False
    prev = words[i - 1].lower()
    if prev in DETS or prev in PREPS or is_possessive(prev) or prev.endswith(("’", "'")):
        return False
    lem = IRREGULAR.get(low) or lemma(low)
    if lem not in ATTRIBUTION_VERBS and lem not in KNOWN_VERBS:
        return False
    if not (is_past_form(low) or low.endswith("s") and low != lem or low in IRREGULAR):
        return False
    if is_past_form(low) and i + 1 < len(words) and words[i + 1].lower() in PREPS:
        return False  # "Figures released by the ministry": a participle qualifying the noun
    if low not in _NOUNLIKE or _is_adverb(prev) or prev in _PRE_VERB_ADVERBS:
        return True
    # "commission records", "Regulator records seen by ...": a noun, unless a determiner follows
    # ("insists its count") or it follows a source noun ("its count put turnout at")
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    return nxt in DETS or nxt in PRONOUNS or bool(nxt) and prev in SOURCE_NOUNS and not is_past_form(nxt)


def _trim_to_noun_phrase(words: list[str]) -> list[str]:
    """The speaker's noun phrase out of a phrase that ran on: a leading sentence adverb ('Nationally,'),
    a time appositive ('the final day, police'), a verb and what follows it, trailing adverbs."""
    if len(words) > 1 and words[0].endswith(",") and _is_adverb(words[0].rstrip(","), opening=True):
        words = words[1:]  # "Nationally, the ministry"
    comma = max((k for k, w in enumerate(words[:-1]) if w.endswith(",")), default=None)
    if comma is not None and all(w.lower().strip(",") in _TIME_WORDS for w in words[:comma + 1]):
        words = words[comma + 1:]  # "the final day, police"
    cut = next((k for k in range(1, len(words)) if _verb_at(words, k) or is_past_form(words[k])
                and k + 2 < len(words) and words[k + 1] in ("at", "on") and words[k + 2][:1].isdigit()), None)
    if cut is not None:
        words = words[:cut]  # "The Free List insists its count", "it counted visits"
    while len(words) > 1 and _is_adverb(words[-1]):
        words = words[:-1]  # "The organisers still", "its teams alone"
    return words


def _contact_clause(words: list[str]) -> bool:
    """'a figure officials (cite)', 'the figure the ministry (gave)': a figure noun, then the subject of
    a relative clause without 'that'."""
    if len(words) < 3 or words[0].lower() not in ("a", "the") or words[1].lower() not in _HEADS:
        return False
    third = words[2]
    if third.lower() in ("the", "a", "an"):
        return len(words) > 3
    return third.isalpha() and third.lower() not in PREPS | _ENDS_NOT and not is_past_form(third) \
        and (len(words) == 3 or third[:1].isupper())


def clean_speaker(phrase: str) -> str | None:
    phrase = phrase.strip(" ,;:—–-" + _QUOTES)
    phrase = _TAIL_TIME.sub("", phrase).strip(" ,;:")
    phrase = _LEAD_TIME.sub("", phrase)
    phrase = _SAMPLE.sub("", phrase)  # "The survey of 2,000 adults": the survey speaks, not its sample
    words = phrase.split()
    while words and words[0].lower().strip(",") in _LEAD_TRIM:
        words = words[1:]
    if len(words) > 2 and words[0].lower() == "according" and words[1] == "to":
        words = words[2:]  # "according to preliminary results": the source, not the cue
    if words and words[0].islower() and words[0].endswith("ing") and lemma(words[0]) in ATTRIBUTION_VERBS:
        return None  # "saying its observers": a participle's clause, not a speaker
    if len(words) > 14 or _TWO_DIGITS.search(" ".join(words)):
        return None
    if _contact_clause(words):
        words = words[2:]  # "79%, a figure officials cite": the contact clause's subject
    whole = " ".join(words)
    owner = source_owner(whole)  # "figures X filed with ...", "data that X published"
    words = _trim_to_noun_phrase(owner.split() if owner != whole else words)
    phrase = " ".join(words).strip(" ,;:")
    if not phrase:
        return None
    if len(words) == 1 and words[0].lower() in POSSESSIVE_PRONOUNS:
        return _PRONOUN_OF[words[0].lower()]  # "Its data show": resolved like "it"
    if _is_adverb(words[-1]) or words[-1].lower() in _ENDS_NOT or not words[0][:1].isalnum():
        return None  # "rarely", "food and water until March, and", "killing an"
    last = words[-1].lower() if not words[-1].isupper() or len(words[-1]) == 1 else words[-1]
    if len(words) > 1 and last in PRONOUNS:
        return None  # "the number it (announced)": a relative clause, not a speaker
    if len(words) == 1 and (last in _FUNCTION or last in AUX or last in DETS):
        return None
    if all(w.lower().rstrip(".") in _TIME_ONLY or w.lower().rstrip(".") in MONTHS for w in words):
        return None  # "by Feb. 20", "on Monday"
    owner = source_owner(strip_possessive(phrase))
    return _PRONOUN_OF.get(owner.lower(), owner)  # "Its data show": "it", resolved like a pronoun


def subject_before(text: str, toks: list[Token], v: int, stop_at_comma: bool = False) -> str | None:
    """The noun phrase ending just before token ``v`` (skipping auxiliaries, a time phrase and an
    appositive: 'Zhang Ming, China's ambassador to the EU, said' -> 'Zhang Ming')."""
    j = v - 1
    while j >= 0 and (toks[j].low in AUX or toks[j].low in _PRE_VERB_ADVERBS):
        j -= 1
    if j >= 1 and toks[j].text == ")":
        k = next((k for k in range(j - 1, max(-1, j - 6), -1) if toks[k].text == "("), None)
        j = k - 1 if k else j  # "The Cabin Crew Union (TCCU) said"
    if j >= 1 and toks[j].low in ("and", "but", "or"):
        # "The union dismissed that as scaremongering and said ...", "had buried or recorded ...": the
        # first verb's subject.
        k = next((k for k in range(j - 1, -1, -1) if toks[k].text in ",;" or is_past_form(toks[k].low)
                  or _progressive(toks, k)), -1)
        if k > 0 and (is_past_form(toks[k].low) or _progressive(toks, k)):
            return subject_before(text, toks, k, stop_at_comma)
    if j >= 1 and toks[j].low in WEEKDAYS and toks[j - 1].low == "on":
        j -= 2
    appositive: list[Token] = []
    if j >= 1 and toks[j].text == "," and not stop_at_comma:
        k = j - 1
        while k >= 0 and (j - k < 14 or _opening_name_before(toks, k)) and toks[k].text != ",":
            k -= 1
        if k > 0 and toks[k].text == ",":
            appositive = toks[k + 1:j]
            j = k - 1
    end = j
    stopped = False
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.text == "," and stop_at_comma:
            stopped = True
            break
        capitalised = j > 0 and t.text[0].isupper()  # "Associated Press": a name, not a verb
        reduced_relative = is_past_form(low) and low not in _SUBJECT_STOPS and j + 1 <= end and j > 0 \
            and toks[j - 1].low not in PRONOUNS \
            and (toks[j + 1].low in PREPS or toks[j + 1].low in ("this", "last", "earlier")) \
            and toks[j - 1].low not in AUX
        acronym = len(t.text) > 1 and t.text.isupper() and t.text.isalpha()  # "the WHO", "the US"
        # "Analysts polled by the newswire", "The survey of 2,000 adults"
        inner = low == "by" and j > 0 and is_past_form(toks[j - 1].low) \
            or t.text[:1].isdigit() and j > 0 and toks[j - 1].low == "of"
        if t.text in ",’'" or reduced_relative or acronym or inner or _WORDISH.fullmatch(t.text) and (
            low in _SUBJECT_INNER or low not in PREPS | RELATIVES | CONJ_STOP | AUX
            and (capitalised or not is_past_form(low)) and low not in _SUBJECT_STOPS
        ):
            j -= 1
            continue
        stopped = True
        break
    if end < 0 or j == end:
        return None
    words = toks[j + 1:end + 1]
    opener = bool(words) and (words[0].low in PREPS or words[0].low in _INTRO_WORDS
                              or words[0].low.endswith("ing"))  # "Citing hospital records, the paper said"
    if any(w.text == "," for w in words) and v + 1 < len(toks) and toks[v + 1].text == ",":
        last = max(k for k, w in enumerate(words) if w.text == ",")
        words = words[last + 1:]  # "The crowd, police estimated, numbered ...": a parenthetical
    lead_prep = bool(words) and words[0].low in PREPS
    while words and (words[0].text == "," or words[0].low in _SUBJECT_INNER - {"the", "a", "an"}):
        words = words[1:]
    if (stopped or opener) and any(w.text == "," for w in words):
        first = next(k for k, w in enumerate(words) if w.text == ",")
        words = words[first + 1:]
    elif words and lead_prep and any(w.low in ("the", "a", "an") for w in words[1:]):
        # "For hip replacements the ministry gives ...": an opening phrase without its comma
        words = words[max(k for k, w in enumerate(words) if w.low in ("the", "a", "an")):]
    if not words:
        return None
    if words[0].low in POSSESSIVE_PRONOUNS and _is_name(appositive):
        words = appositive  # "Its chair, Beatriz Olmo, said": the name says more than "its chair"
    elif _name_and_role(words, appositive):
        # "Beatriz Olmo, the union's chair, said": the name keeps the role that says what kind of source
        # she speaks for ("The union's chair, Beatriz Olmo, said" gives the role, which says it already)
        return clean_speaker(text[words[0].start:appositive[-1].end])
    elif appositive and (appositive[0].low == "by" or len(appositive) > 1 and is_past_form(appositive[0].low)
                         and appositive[1].low == "by") and words[-1].end <= appositive[0].start \
            and words[-1].low in SOURCE_NOUNS:
        # "The figures, released by the ministry on Friday, show", "The report, by the monitor Safe
        # Harbour, counted": who made the source is part of it
        made = text[appositive[0].start:appositive[-1].end]
        return clean_speaker(text[words[0].start:words[-1].end] + " " + made)
    return clean_speaker(text[words[0].start:words[-1].end])


def _progressive(toks: list[Token], k: int) -> bool:
    """Token ``k`` is the auxiliary of a progressive verb: "The federation *is* seeking €1bn and says"."""
    return toks[k].low in ("is", "are", "was", "were") and k + 1 < len(toks) \
        and toks[k + 1].low.endswith("ing")


def _name_and_role(name: list[Token], role: list[Token]) -> bool:
    """``name`` is a person's name and ``role`` a short appositive naming a kind of source ("the
    union's chair", "a police spokesman"), not a clause ("who chairs ...")."""
    # the kind is read before a preposition: "China's ambassador to the EU" is no EU official
    head = role[:next((k for k, t in enumerate(role) if k and t.low in PREPS), len(role))]
    return _is_name(name) and 0 < len(role) <= 8 and role[0].low not in PREPS \
        and any(t.low in _ROLES for t in head) \
        and not any(t.text in ",;:" or t.low in AUX | RELATIVES or t.text[:1].isdigit() for t in role) \
        and speaker_kind(" ".join(t.text for t in head)) is not None \
        and speaker_kind(" ".join(t.text for t in name)) is None


def _opening_name_before(toks: list[Token], k: int) -> bool:
    """A capitalised name opens the sentence and a comma follows it before token ``k``, an appositive
    opening with a determiner: "Civic Watch, a monitoring network that deployed ..., said"."""
    comma = next((c for c in range(min(k, 8)) if toks[c].text == ","), None)
    return comma is not None and comma > 0 and comma + 1 < len(toks) \
        and toks[comma + 1].low in ("a", "an", "the") and all(t.text[:1].isupper() for t in toks[:comma])


def _is_name(words: list[Token] | tuple[Token, ...]) -> bool:
    """Capitalised words ('Beatriz Olmo', 'Dr Ana de la Cruz'), at most six."""
    return 0 < len(words) <= 6 and words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
        and all(w.text[:1].isupper() or w.low in _NAME_PARTICLES for w in words)


def object_after(text: str, toks: list[Token], v: int, stop_at_verb: bool = False) -> str | None:
    """The speaker after a postposed verb: 'said Foreign Ministry spokesperson Geng Shuang at ...';
    ``stop_at_verb``: the agent of a passive ends at a verb ('claimed by organisers was ...')."""
    words: list[Token] = []
    for k in range(v + 1, len(toks)):
        t = toks[k]
        if t.text in ",.;:!?" or t.text in _QUOTES or t.low in RELATIVES:
            if t.text == "," and words:
                after = toks[k + 1:next((e for e in range(k + 1, len(toks)) if not toks[e].text[:1].isalpha()
                                         and toks[e].text not in "’'"), len(toks))]
                if words[0].low in POSSESSIVE_PRONOUNS and _is_name(after):  # "said its chair, Beatriz Olmo."
                    return clean_speaker(text[after[0].start:after[-1].end])
                end = next((e for e in range(k + 1, len(toks)) if toks[e].text in ",;:"), len(toks))
                if _name_and_role(words, after) and k + 1 + len(after) <= end:
                    # "said Beatriz Olmo, the union's chair."
                    return clean_speaker(text[words[0].start:after[-1].end])
            break
        if t.low in PREPS and t.low not in ("of", "for", "to") or t.low == "that":
            break
        if stop_at_verb and (t.low in AUX or is_past_form(t.low)):
            break
        words.append(t)
        if len(words) > 10:
            return None
    if not words or any(w.low in AUX or w.text[:1].isdigit() for w in words):
        return None  # "reported a net profit of 212 million": the verb's object, not a speaker
    rest = [] if stop_at_verb else toks[v + 1 + len(words):]
    rest = rest[:next((k for k, t in enumerate(rest) if t.text in ",.;:!?" or t.text in _QUOTES), len(rest))]
    if any(t.low in AUX or is_finite_verb(t.low) or _present_verb(rest, k) for k, t in enumerate(rest)):
        # "says the real number of jobs at risk is closer to 600", "said his route in the east covers
        # about 1,300 households": the reported clause
        return None
    if words[0].low in POSSESSIVE_PRONOUNS | PRONOUNS and any(
            _verb_at([w.text for w in words], k) for k in range(1, len(words))):
        return None  # "said its own count put turnout at": the reported clause, not who said it
    return clean_speaker(text[words[0].start:words[-1].end])


def _present_verb(toks: list[Token], k: int) -> bool:
    """'covers', 'runs': a lower-case verb in -s after a noun (not after a determiner)."""
    w = toks[k].low
    return toks[k].text.islower() and w.endswith("s") and not w.endswith("ss") and k > 0 \
        and toks[k - 1].low not in DETS and toks[k - 1].text[:1].isalpha() and lemma(w) != w \
        and (lemma(w) in KNOWN_VERBS or lemma(w) in ATTRIBUTION_VERBS)


def owner_np(text: str, toks: list[Token], k: int) -> str | None:
    """The noun phrase ending in the possessive token ``k``: 'disputes the company's' -> 'the company',
    'the regional health authority's' -> 'the regional health authority', 'Civic Watch's'."""
    j = k - 1
    while j >= 0 and (toks[j].text[:1].isupper() and toks[j].text[:1].isalpha() and toks[j].low not in DETS
                      or toks[j].text in "’'" and j > 0 and toks[j - 1].low.endswith("s")):
        j -= 1  # a capitalised name: "Civic Watch's", "the Castrea Tenants' Union's"
    lo = j + 1
    for d in range(j, max(-1, j - 4), -1):
        low = toks[d].low
        if low in ("the", "a", "an", "this", "that"):
            lo = d
            break
        if not toks[d].text.isalpha() or toks[d].text[0].isupper() or low in _NOT_IN_OWNER \
                or lemma(low) in KNOWN_VERBS or is_past_form(low):
            break
    return clean_speaker(text[toks[lo].start:toks[k].end])


def leading_name(text: str, toks: list[Token]) -> str | None:
    """A name opening a sentence ('Governor Kathy Hochul visited ...'): two or more capitalised words."""
    if len(toks) > 2 and toks[0].low == "the" and toks[1].low in _TITLES and not toks[2].text[:1].isupper():
        return text[toks[0].start:toks[1].end]  # "The mayor was blunt."
    run = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        # a title inside the name: "Commission chairman Radek Sovin", "Civic Union finance spokeswoman"
        title = t.low in _TITLES or t.text.isalpha() and t.text.islower() and nxt in _TITLES
        if not (_CAPITALISED.fullmatch(t.text) or run and title) or t.low in DETS:
            break
        run.append(t)
    while run and not run[-1].text[:1].isupper():
        run.pop()
    if run and run[0].low in PREPS:
        return None  # "In Monvel, the number ...": an opening place phrase, not a name
    if sum(1 for t in run if t.text[:1].isupper()) < 2:
        return None
    return text[run[0].start:run[-1].end]

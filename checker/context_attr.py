"""Attribution: who the article says gives a figure.

Read in this order, in the figure's sentence:

1. ``according to X`` (nearest to the figure);
2. when the figure is inside a quotation, the quote's speaker: the attribution outside the quote in
   the same sentence, else the one of an earlier sentence of the same paragraph (a running quote),
   else the next sentence when it is a bare attribution (``, he said.``);
3. ``X said/estimates/reports (that) ... FIGURE`` (the nearest such verb before the figure);
4. ``FIGURE ..., X said`` / ``FIGURE ..., said X`` (after the figure, behind a comma or quote).

A pronoun speaker (``he said``) is resolved to the nearest named speaker of the three sentences
before; when none is found the attribution is None rather than a bare pronoun.
"""

from __future__ import annotations

import re

from checker.context_source import NAME_RUN, anaphor_head, names_body, source_owner
from checker.context_split import Token, sentences_near, tokens
from checker.context_words import (
    ATTRIBUTION_VERBS,
    AUX,
    CONJ_STOP,
    DETS,
    IRREGULAR,
    KNOWN_VERBS,
    NOT_NAMES,
    PREPS,
    PRONOUNS,
    RELATIVES,
    SOURCE_VERBS,
    WEEKDAYS,
    is_past_form,
    is_possessive,
    lemma,
    strip_possessive,
    wordset,
)

_CLOSE_Q = "”\""
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
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_ACCORDING_END = re.compile(r"[,.;:!?”\"]|\s(?:that|which|who|when|while)\s|\s(?:says|said)\b")
_INTRO_WORDS = wordset("last earlier later separately")
_SOURCE_NOUNS = wordset("estimate estimates figure figures data count tally report survey study census "
                        "analysis calculation calculations records statistics")
_CLAUSE_LINKS = wordset("while but whereas and although though yet")
_FUNCTION = wordset("not no yes so then there here this that which what also only just even nobody none "
                    "nothing anyone anybody everyone everybody someone somebody")
_TIME_ONLY = wordset("this last next week month year day today yesterday earlier later on in monday tuesday "
                     "wednesday thursday friday saturday sunday morning evening night")
_LEAD_TIME = re.compile(
    r"^(?:(?:on|in|last|earlier|late|early|this|by)\s+)?(?:this\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|month|year|morning|evening|night|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)(?:\s+(?:morning|evening|night|\d{1,2}))?,?\s+",
    re.IGNORECASE)
_POSTPOSED_VERBS = wordset("said says added adds told tells wrote writes noted notes stated states explained "
                           "warned claimed claims estimated estimates reported reports insisted argued")
_PRE_VERB_ADVERBS = wordset("also previously recently further repeatedly separately then now already "
                            "today yesterday earlier later")
_CONTEST_VERBS = wordset("disputes disputed rejects rejected contests contested denies denied challenges "
                         "challenged questions questioned")
_SUBJECT_STOPS = wordset("after before when said says told")
_POSSESSIVE_PRONOUNS = wordset("its their his her our")
_NAME_PARTICLES = wordset("de la van von der al bin da di du le")
# Verbs a source keeps, gives or changes its own figure with: "stands by its estimate of 92,000",
# "gave a figure of 92,000", "revised their estimate to 6,000".
_HOLD_VERBS = wordset(
    "stand stick give revise raise lower cut update keep defend maintain publish release issue offer provide "
    "cite announce confirm increase reduce double halve set adjust correct repeat reaffirm reiterate lift "
    "trim")
_HELD_NOUNS = wordset("figure figures estimate estimates count tally toll number numbers forecast projection "
                      "median average total")
_HELD_ADJECTIVES = wordset("own earlier initial original latest official new revised previous first last "
                           "lower "
                           "higher final preliminary")
_SPEECH = wordset("say tell add write note state explain")
_NUMBER_WORDS = wordset("hundred thousand million billion trillion")
_SHARE_WORDS = wordset("percent per cent pc percentage point points")
# Lower-case titles inside a name that opens a sentence: "Commission chairman Radek Sovin".
_TITLES = wordset("chairman chairwoman chair spokesman spokeswoman spokesperson minister director president "
                  "chief secretary leader head executive officer commissioner governor mayor")
# A one-word name is a body's only when it speaks or is described: "Grainwatch says", "Velker, a ...".
_SPEAKS = re.compile(r"(?:,\s+(?:a|an)\s|\s+(?:says|said|estimates|estimated|reports|reported|counts|counted|"
                     r"publishes|published|tracks|tracked|monitors|monitored)\b)")
_NOT_IN_OWNER = PREPS | AUX | RELATIVES | CONJ_STOP | DETS | _CONTEST_VERBS | ATTRIBUTION_VERBS
_TWO_DIGITS = re.compile(r"\d{2,}")
_WORDISH = re.compile(r"[\w’'\-.]+")
_SPACES = re.compile(r"\s*")
_CAPITALISED = re.compile(r"[A-Z][\w’'\-.]*")


def _owner(word: str) -> bool:
    """'the ministry's', 'police’s': a possessive word (a letter, digit or _ before the apostrophe)."""
    return is_possessive(word) and len(word) > 2 and (word[-3].isalnum() or word[-3] == "_")


def _is_attr_verb(toks: list[Token], i: int) -> bool:
    w = toks[i].low
    if not (w.isascii() and w.isalpha()) or not toks[i].text[0].islower():
        return False  # "Secretary of State Mike Pompeo": a capitalised word is not the verb
    lem = IRREGULAR.get(w) or lemma(w)
    if lem not in ATTRIBUTION_VERBS:
        return False
    if i and toks[i - 1].low in ("is", "are", "was", "were", "be", "been", "being"):
        return False  # passive: "Beijing was cited for ..."
    if w in _NOUNLIKE:
        prev = toks[i - 1].low if i else ""
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if prev in DETS or prev in PREPS or is_possessive(prev) or prev in ("’", "'"):
            return False
        plural = prev.endswith("s") and not prev.endswith("ss")
        plural_subject = (plural or prev in _SOURCE_NOUNS) and w == lemma(w)
        if plural_subject and nxt.isascii() and nxt.isalpha() and nxt.islower() and nxt not in PREPS:
            return True  # "Opposition leaders claim turnout was ..."
        if nxt == "," and w == lemma(w) and toks[i - 1].text[:1].isupper():
            return False  # "the Vessel Watch project, 27 tankers ...": a noun before a comma
        if not (nxt.lower() in ("that", ",", ":", ".", ";", "!", "?", "") or nxt in _QUOTES
                or nxt.lower() in DETS or nxt[:1].isdigit() or nxt[:1].isupper()):
            return False
    if w.endswith("ing"):
        return i > 0 and toks[i - 1].text == ","  # ", putting the crowd at ...", ", saying ..."
    return True


def _clean(phrase: str) -> str | None:
    phrase = phrase.strip(" ,;:—–-" + _QUOTES)
    phrase = _TAIL_TIME.sub("", phrase).strip(" ,;:")
    phrase = _LEAD_TIME.sub("", phrase)
    words = phrase.split()
    while words and words[0].lower().strip(",") in _LEAD_TRIM:
        words = words[1:]
    phrase = " ".join(words).strip(" ,;:")
    if not phrase or len(words) > 14 or _TWO_DIGITS.search(phrase):
        return None
    last = words[-1].lower() if not words[-1].isupper() or len(words[-1]) == 1 else words[-1]
    if len(words) > 1 and last in PRONOUNS:
        return None  # "the number it (announced)": a relative clause, not a speaker
    if len(words) == 1 and (last in _FUNCTION or last in AUX or last in DETS):
        return None
    if all(w.lower() in _TIME_ONLY for w in words):
        return None
    return source_owner(strip_possessive(phrase))


def _subject_before(text: str, toks: list[Token], v: int, stop_at_comma: bool = False) -> str | None:
    """The noun phrase ending just before token ``v`` (skipping auxiliaries, a time phrase and an
    appositive: 'Zhang Ming, China's ambassador to the EU, said' -> 'Zhang Ming')."""
    j = v - 1
    while j >= 0 and (toks[j].low in AUX or toks[j].low in _PRE_VERB_ADVERBS):
        j -= 1
    if j >= 1 and toks[j].low in ("and", "but"):
        # "The union dismissed that as scaremongering and said ...": the first verb's subject.
        k = next((k for k in range(j - 1, -1, -1) if toks[k].text in ",;" or is_past_form(toks[k].low)), -1)
        if k > 0 and is_past_form(toks[k].low):
            return _subject_before(text, toks, k, stop_at_comma)
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
        if t.text in ",’'" or reduced_relative or acronym or _WORDISH.fullmatch(t.text) and (
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
    while words and (words[0].text == "," or words[0].low in _SUBJECT_INNER - {"the", "a", "an"}):
        words = words[1:]
    if (stopped or opener) and any(w.text == "," for w in words):
        first = next(k for k, w in enumerate(words) if w.text == ",")
        words = words[first + 1:]
    elif words and words[0].low in PREPS and any(w.low in ("the", "a", "an") for w in words[1:]):
        # "For hip replacements the ministry gives ...": an opening phrase without its comma
        words = words[max(k for k, w in enumerate(words) if w.low in ("the", "a", "an")):]
    if not words:
        return None
    if words[0].low in _POSSESSIVE_PRONOUNS and _is_name(appositive):
        words = appositive  # "Its chair, Beatriz Olmo, said": the name says more than "its chair"
    return _clean(text[words[0].start:words[-1].end])


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


def _object_after(text: str, toks: list[Token], v: int, stop_at_verb: bool = False) -> str | None:
    """The speaker after a postposed verb: 'said Foreign Ministry spokesperson Geng Shuang at ...';
    ``stop_at_verb``: the agent of a passive ends at a verb ('claimed by organisers was ...')."""
    words: list[Token] = []
    for k in range(v + 1, len(toks)):
        t = toks[k]
        if t.text in ",.;:!?" or t.text in _QUOTES or t.low in RELATIVES:
            if t.text == "," and words and words[0].low in _POSSESSIVE_PRONOUNS:
                name = toks[k + 1:next((e for e in range(k + 1, len(toks)) if not toks[e].text[:1].isalpha()),
                                        len(toks))]
                if _is_name(name):  # "said its chair, Beatriz Olmo."
                    return _clean(text[name[0].start:name[-1].end])
            break
        if t.low in PREPS and t.low not in ("of", "for", "to") or t.low == "that":
            break
        if stop_at_verb and (t.low in AUX or is_past_form(t.low)):
            break
        words.append(t)
        if len(words) > 10:
            return None
    if not words or any(w.low in AUX for w in words):
        return None
    return _clean(text[words[0].start:words[-1].end])


def _according_d(text: str, start: int, end: int, pos: int) -> tuple[int, str] | None:
    """``according to X`` nearest to ``pos``, with its distance."""
    best: tuple[int, str] | None = None
    for m in _ACCORDING.finditer(text, start, end):
        stop = _ACCORDING_END.search(text, m.end(), end)
        phrase = _clean(text[m.end():stop.start() if stop else end])
        if phrase:
            dist = abs(m.start() - pos)
            if best is None or dist < best[0]:
                best = (dist, phrase)
    return best


def _according(text: str, start: int, end: int, pos: int) -> str | None:
    found = _according_d(text, start, end, pos)
    return found[1] if found else None


def _preposed_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    for v in range(len(toks) - 1, -1, -1):
        if toks[v].start >= pos or not _is_attr_verb(toks, v):
            continue
        if toks[v].low.endswith("ing"):
            main = _main_verb(toks, v)  # "Police gave a lower figure, putting the crowd at 21,000"
            subject = _subject_before(text, toks, main) if main is not None else None
        else:
            subject = _subject_before(text, toks, v)
        if subject and subject.split()[0].lower() in _POSSESSIVE_PRONOUNS | PRONOUNS:
            # "Civic Watch said its own count put turnout at 41%": the one who says it owns the count
            at = text.find(subject, toks[0].start, toks[v].start)
            outer = _preposed_d(text, toks, at if at >= 0 else toks[v].start)
            subject = outer[1] if outer else subject
        if subject:
            return pos - toks[v].start, subject
    return None


def _main_verb(toks: list[Token], end: int) -> int | None:
    """The first verb of the sentence before token ``end``."""
    for k in range(1, end):
        low = toks[k].low
        if not toks[k].text[0].islower():
            continue
        if low in AUX or is_past_form(low) or low in _CONTEST_VERBS or (
                low.endswith("s") and lemma(low) in KNOWN_VERBS
                                               and toks[k - 1].low not in DETS):
            return k
    return None


def _possessive_source_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """"the UN panel's estimate that about 5,000 ...", "the ministry's figures show 300 ..."."""
    for v in range(len(toks) - 1, 0, -1):
        t = toks[v]
        if t.start == pos and _owner(toks[v - 1].text) and toks[v - 1].text[0].islower() \
                and not _counts_things(toks, v):
            # "well below the commission's 58.2%": the owner of the figure gives it (not "the
            # region's 22 camps": a count of the owner's things)
            name = _owner_np(text, toks, v - 1)
            if name:
                return 0, name
        if t.start >= pos or t.low not in _SOURCE_NOUNS:
            continue
        if _another_clause(toks, v, pos):
            continue
        owner = toks[v - 1]
        if not _owner(owner.text) or not owner.text[0].isalpha():
            continue
        name = _owner_np(text, toks, v - 1)
        if name:
            return pos - t.start, name
    return None


def _counts_things(toks: list[Token], v: int) -> bool:
    """The figure at token ``v`` counts things named after it ("the region's 22 camps", "the
    province's 2.3 million residents"), rather than being a share or a bare figure ("the commission's
    58.2%", "the ministry's 40 percent")."""
    k = v + 1
    while k < len(toks) and (toks[k].low in _NUMBER_WORDS or toks[k].text[:1].isdigit()):
        k += 1
    return k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() \
        and toks[k].low not in PREPS | CONJ_STOP | _SHARE_WORDS


def _another_clause(toks: list[Token], v: int, pos: int) -> bool:
    """Another clause starts between token ``v`` and offset ``pos``: "disputes the company's figure of
    1,200, saying closer to 3,000", "the 340 in the fire service's tally, and expects payouts of ..."."""
    for k in range(v + 1, len(toks)):
        x = toks[k]
        if x.start >= pos:
            return False
        if _is_attr_verb(toks, k) and (x.low.endswith("ing") or lemma(x.low) in _SPEECH):
            return True
        if x.low in _CLAUSE_LINKS and toks[k - 1].text == ",":
            return True
    return False


def _owner_np(text: str, toks: list[Token], k: int) -> str | None:
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
    return _clean(text[toks[lo].start:toks[k].end])


def _held_source_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """'X stands by its estimate of 92,000', 'X gave a figure of 92,000', 'X revised their estimate to
    6,000': the subject of the verb that keeps, gives or changes the figure."""
    f = next((k for k, t in enumerate(toks) if t.start >= pos), None)
    if f is None or f < 3 or toks[f - 1].low not in ("of", "at", "to", "as") \
            or toks[f - 2].low not in _HELD_NOUNS:
        return None
    v = f - 3
    while v >= 1 and f - 3 - v < 2 and toks[v].low in _HELD_ADJECTIVES \
            and toks[v - 1].low in DETS | _HELD_ADJECTIVES:
        v -= 1  # "its own estimate", "their initial figure"
    if v < 1 or toks[v].low not in DETS:
        return None
    v -= 1
    if v >= 1 and toks[v].low in ("by", "to", "with"):
        v -= 1  # "stands by", "sticks to", "stuck with"
    if v < 1 or not toks[v].text.islower() or lemma(toks[v].low) not in _HOLD_VERBS:
        return None
    subject = _subject_before(text, toks, v, stop_at_comma=True)
    if subject and subject.lower() in PRONOUNS:
        outer = _preposed_d(text, toks, toks[v].start)  # "Velker said it stood by its figure of ..."
        subject = outer[1] if outer else subject
    return (pos - toks[v].start, subject) if subject else None


def _preposed(text: str, toks: list[Token], pos: int) -> str | None:
    found = _preposed_d(text, toks, pos)
    return found[1] if found else None


def _postposed_d(text: str, toks: list[Token], pos: int, bounded: bool = True) -> tuple[int, str] | None:
    """'..., X said' / '..., said X' after ``pos``; ``bounded``: stop at ', while ...' (another clause)."""
    seen_break = False
    for v, t in enumerate(toks):
        if t.start < pos:
            continue
        if bounded and t.text == ";":
            break  # "; the organisers say €48m": another clause's speaker
        if t.text in ",;—" or t.text in _CLOSE_Q:
            seen_break = True
            continue
        if bounded and seen_break and t.low in _CLAUSE_LINKS and toks[v - 1].text in ",;—":
            break  # ", while the board reported 48%": another clause's speaker
        if not seen_break or not _is_attr_verb(toks, v) or t.low.endswith("ing"):
            continue
        prev = toks[v - 1] if v else None
        if prev is not None and (prev.text in "," or prev.text in _CLOSE_Q):
            speaker = _object_after(text, toks, v) if t.low in _POSTPOSED_VERBS else None
            if speaker:
                return t.start - pos, speaker
            # "..., the city's transit operator, Lorvik Metro, said": an appositive before the verb.
            subject = _subject_before(text, toks, v) if prev.text == "," else None
            if subject and text.find(subject, pos) >= 0:
                return t.start - pos, subject
            continue
        subject = _subject_before(text, toks, v, stop_at_comma=True)
        if subject:
            return t.start - pos, subject
    return None


def _postposed(text: str, toks: list[Token], pos: int, bounded: bool = True) -> str | None:
    found = _postposed_d(text, toks, pos, bounded)
    return found[1] if found else None


def _by_agent(text: str, toks: list[Token], pos: int) -> str | None:
    """'the 30,000 claimed by the organisers', 'was estimated at 100,000 by organisers': a passive
    attribution verb whose 'by' follows the figure at ``pos`` closely."""
    after = [k for k, t in enumerate(toks) if t.start >= pos]
    if not after:
        return None
    first = after[0]
    for v in range(max(0, first - 6), min(len(toks) - 1, first + 4)):
        t = toks[v]
        if not is_past_form(t.low) or lemma(t.text) not in SOURCE_VERBS:
            continue
        if v < first and toks[v + 1].low == "by":
            # "was estimated by police at 4,000": the agent stands between the verb and the figure
            if toks[first - 1].low in ("at", "as", "to") and not any(x.text in ",;" for x in toks[v:first]):
                return _object_after(text, toks, v + 1, stop_at_verb=True)
            continue
        k = v + 1
        while k < len(toks) and k - v < 6 and toks[k].low != "by" and toks[k].text not in ",.;" \
                and not is_past_form(toks[k].low):
            k += 1
        if k < len(toks) and toks[k].low == "by" and first <= k <= first + 5:
            return _object_after(text, toks, k, stop_at_verb=True)
    return None


def sentence_attribution(text: str, start: int, end: int, pos: int) -> str | None:
    """Who a sentence attributes the figure at ``pos`` to (quotes aside)."""
    toks = tokens(text, start, end)
    agent = _by_agent(text, toks, pos)
    if agent:
        return agent
    preposed, postposed = _preposed_d(text, toks, pos), _postposed_d(text, toks, pos)
    if preposed and postposed and _final_speech(toks, pos + postposed[0]) \
            and not _final_speech(toks, pos - preposed[0], final=False):
        # "Inspectors estimated that around 38,000 litres had leaked, agency spokesman Henrik Aalto
        # said.": a speech verb closing the sentence gives the whole sentence's source.
        return postposed[1]
    candidates = (_according_d(text, start, end, pos), preposed, postposed,
                  _possessive_source_d(text, toks, pos), _held_source_d(text, toks, pos))
    found = [x for x in candidates if x is not None]
    return min(found)[1] if found else None


def _final_speech(toks: list[Token], at: int, final: bool = True) -> bool:
    """The token starting at offset ``at`` is a verb of speech ('said', 'told'); with ``final``, one
    that closes the sentence (no figure and no 'that' clause after it)."""
    v = next((k for k, t in enumerate(toks) if t.start == at), None)
    if v is None or lemma(toks[v].low) not in _SPEECH:
        return False
    return not final or not any(t.low == "that" or t.text[:1].isdigit() for t in toks[v + 1:])


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """(open, close) offsets of the quotation around ``pos``, if any. A quotation left open at the end
    of its paragraph continues when the next paragraph opens with a quotation mark (news style for a
    quote running over several paragraphs); up to three paragraphs are followed."""
    para = _paragraph_start(text, pos)
    before = text[para:pos]
    if before.count("“") > before.count("”"):
        opener, closer, open_at = "“", "”", para + before.rfind("“")
    elif before.count('"') % 2 == 1:
        opener, closer, open_at = '"', '"', para + before.rfind('"')
    else:
        return None
    at = pos
    for _ in range(4):
        close = text.find(closer, at)
        nl = text.find("\n", at)
        if close >= 0 and (nl < 0 or close < nl):
            return open_at, close
        if nl < 0:
            return open_at, len(text)
        nxt = _SPACES.match(text, nl).end()
        if not text.startswith(opener, nxt):
            return open_at, nl
        at = nxt + 1
    return open_at, at


def _is_pronoun(name: str | None) -> bool:
    return name is not None and name.lower() in PRONOUNS


def _resolve(text: str, found: str | None, spans: list[tuple[int, int]], index: int) -> str | None:
    if not _is_pronoun(found):
        return found
    recent = spans[max(0, index - 3):index]
    if recent:  # "Fair Fare disputes the figure. It says ...": the one who contests it speaks next
        s, e = recent[-1]
        toks = tokens(text, s, e)
        v = next((k for k, t in enumerate(toks) if t.low in _CONTEST_VERBS), None)
        name = _subject_before(text, toks, v, stop_at_comma=True) if v else None
        if name and not _is_pronoun(name):
            return name
    for s, e in reversed(recent):
        name = _postposed(text, tokens(text, s, e), s, bounded=False) or sentence_attribution(text, s, e, e)
        if not name or _is_pronoun(name):
            # "Commission chairman Radek Sovin defended the tally. ... he told reporters": the subject
            name = _leading_name(text, tokens(text, s, e))
        if name:
            return name
    return None


def _leading_name(text: str, toks: list[Token]) -> str | None:
    """A name opening a sentence ('Governor Kathy Hochul visited ...'): two or more capitalised words."""
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
    if sum(1 for t in run if t.text[:1].isupper()) < 2:
        return None
    return text[run[0].start:run[-1].end]


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e or pos == e:
            return s, e
    return None


def _quote_speaker(text: str, para: list[tuple[int, int]], here: tuple[int, int],
                   quote: tuple[int, int]) -> str | None:
    open_q, close_q = quote
    closing = _containing(para, close_q)
    if closing is not None:
        found = _postposed(text, tokens(text, *closing), close_q)
        if found:
            return found
    opening = _containing(para, open_q)
    if opening is not None and open_q > opening[0]:
        found = _preposed(text, tokens(text, *opening), open_q)
        if found:
            return found
    for s, e in reversed([sp for sp in para if sp[1] <= min(here[0], open_q)]):
        found = _postposed(text, tokens(text, s, e), s, bounded=False)
        if found:
            return found
    after = [sp for sp in para if sp[0] >= max(here[1], close_q)]
    if after:
        s, e = after[0]
        toks = tokens(text, s, e)
        return _postposed(text, toks, s, bounded=False) or _preposed(text, toks, e)
    return None


def attribution(text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int) -> str | None:
    """Who the article says gives the figure at text[fig_start:fig_end]; None if nobody."""
    para_start = _paragraph_start(text, sent_start)
    quote = _quote_bounds(text, fig_start)
    para_end = text.find("\n", max(sent_end, quote[1] if quote else 0))
    para_end = len(text) if para_end < 0 else para_end
    para = sentences_near(text, para_start, para_end)
    prior = [s for s in sentences_near(text, max(0, para_start - 1500), sent_start) if s[1] <= sent_start]
    spans = prior + [(sent_start, sent_end)]
    found = None
    if quote is not None:
        found = _according(text, sent_start, sent_end, fig_start) or _quote_speaker(
            text, para, (sent_start, sent_end), quote)
    if found is None:
        found = sentence_attribution(text, sent_start, sent_end, fig_start)
    if found and anaphor_head(found):
        found = _antecedent(text, found, spans) or found
    return _resolve(text, found, spans, len(spans) - 1) if found else None


def _antecedent(text: str, found: str, spans: list[tuple[int, int]]) -> str | None:
    """The body 'the group' or 'the agency' points back to: the last name before it, in this sentence
    or the ones before, that can name such a body (:func:`checker.context_source.names_body`)."""
    head = anaphor_head(found)
    here = text.find(found, *spans[-1])
    # "Civic Watch, a monitoring network, ...", "the medical charity Médecins Solidaires" for "the network",
    # "the charity"
    det = r"(?:[Aa]n?|[Tt]he)\s+"
    described = re.compile(rf"(?P<a>{NAME_RUN.pattern}),\s+{det}(?:[\w-]+\s+){{0,4}}{head}\b(?!\s+[A-Z])"
                           rf"|\b{det}(?:[\w-]+\s+){{0,3}}{head}\s+(?P<b>{NAME_RUN.pattern})")
    for s, e in reversed(spans):
        for m in reversed(list(described.finditer(text, s, e))):
            name = (m.group("a") or m.group("b") or "").rstrip(".")
            if name[:1].isupper() and not all(w.lower() in NOT_NAMES for w in name.split()):
                return name
    for s, e in reversed(spans):
        end = here if s == spans[-1][0] and here >= 0 else e
        for m in reversed(list(NAME_RUN.finditer(text, s, end))):
            name = m.group().rstrip(".")
            if head and names_body(name, head) and not _common_opener(text, name, m.start(), s) \
                    and (" " in name or _SPEAKS.match(text, m.end(), m.end() + 40)):
                return name
    return None


def _common_opener(text: str, name: str, at: int, sentence_start: int) -> bool:
    """A single capitalised word opening a sentence that is a common word ('Police', 'Prices')."""
    if " " in name or at != sentence_start:
        return False
    low = name.lower()
    return low.endswith("s") or low in NOT_NAMES or lemma(low) in KNOWN_VERBS \
        or re.search(rf"\b{re.escape(low)}\b", text) is not None

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

from checker.context_split import Token, sentences_near, tokens
from checker.context_words import (
    ATTRIBUTION_VERBS,
    AUX,
    CONJ_STOP,
    DETS,
    IRREGULAR,
    KNOWN_VERBS,
    PREPS,
    PRONOUNS,
    RELATIVES,
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
_FUNCTION = wordset("not no yes so then there here this that which what also only just even")
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
    if len(words) == 1 and (last in _FUNCTION or last in AUX):
        return None
    if all(w.lower() in _TIME_ONLY for w in words):
        return None
    return strip_possessive(phrase)


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
    if j >= 1 and toks[j].text == "," and not stop_at_comma:
        k = j - 1
        while k >= 0 and j - k < 14 and toks[k].text != ",":
            k -= 1
        if k > 0 and toks[k].text == ",":
            j = k - 1
    end = j
    stopped = False
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.text == "," and stop_at_comma:
            stopped = True
            break
        reduced_relative = is_past_form(low) and j + 1 <= end and j > 0 and toks[j - 1].low not in PRONOUNS \
            and (toks[j + 1].low in PREPS or toks[j + 1].low in ("this", "last", "earlier")) \
            and toks[j - 1].low not in AUX
        acronym = len(t.text) > 1 and t.text.isupper() and t.text.isalpha()  # "the WHO", "the US"
        if t.text in ",’'" or reduced_relative or acronym or _WORDISH.fullmatch(t.text) and (
            low in _SUBJECT_INNER or low not in PREPS | RELATIVES | CONJ_STOP | AUX
            and not is_past_form(low) and low not in _SUBJECT_STOPS
        ):
            j -= 1
            continue
        stopped = True
        break
    if end < 0 or j == end:
        return None
    words = toks[j + 1:end + 1]
    opener = bool(words) and (words[0].low in PREPS or words[0].low in _INTRO_WORDS)
    while words and (words[0].text == "," or words[0].low in _SUBJECT_INNER - {"the", "a", "an"}):
        words = words[1:]
    if (stopped or opener) and any(w.text == "," for w in words):
        first = next(k for k, w in enumerate(words) if w.text == ",")
        words = words[first + 1:]
    if not words:
        return None
    return _clean(text[words[0].start:words[-1].end])


def _object_after(text: str, toks: list[Token], v: int) -> str | None:
    """The speaker after a postposed verb: 'said Foreign Ministry spokesperson Geng Shuang at ...'."""
    words: list[Token] = []
    for t in toks[v + 1:]:
        if t.text in ",.;:!?" or t.text in _QUOTES or t.low in RELATIVES:
            break
        if t.low in PREPS and t.low not in ("of", "for", "to") or t.low == "that":
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
        if subject:
            return pos - toks[v].start, subject
    return None


def _main_verb(toks: list[Token], end: int) -> int | None:
    """The first verb of the sentence before token ``end``."""
    for k in range(1, end):
        low = toks[k].low
        if not toks[k].text[0].islower():
            continue
        if low in AUX or is_past_form(low) or (low.endswith("s") and lemma(low) in KNOWN_VERBS
                                               and toks[k - 1].low not in DETS):
            return k
    return None


def _possessive_source_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """"the UN panel's estimate that about 5,000 ...", "the ministry's figures show 300 ..."."""
    for v in range(len(toks) - 1, 0, -1):
        t = toks[v]
        if t.start == pos and _owner(toks[v - 1].text) and toks[v - 1].text[0].islower():
            # "well below the commission's 58.2%": the owner of the figure gives it
            name = _subject_before(text, toks, v, stop_at_comma=True)
            if name:
                return 0, name
        if t.start >= pos or t.low not in _SOURCE_NOUNS:
            continue
        owner = toks[v - 1]
        if not _owner(owner.text) or not owner.text[0].isalpha():
            continue
        name = _subject_before(text, toks, v, stop_at_comma=True)
        if name:
            return pos - t.start, name
    return None


def _preposed(text: str, toks: list[Token], pos: int) -> str | None:
    found = _preposed_d(text, toks, pos)
    return found[1] if found else None


def _postposed_d(text: str, toks: list[Token], pos: int, bounded: bool = True) -> tuple[int, str] | None:
    """'..., X said' / '..., said X' after ``pos``; ``bounded``: stop at ', while ...' (another clause)."""
    seen_break = False
    for v, t in enumerate(toks):
        if t.start < pos:
            continue
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
    for v in range(max(0, first - 4), min(len(toks) - 1, first + 4)):
        t = toks[v]
        if not is_past_form(t.low) or lemma(t.text) not in ATTRIBUTION_VERBS:
            continue
        k = v + 1
        while k < len(toks) and k - v < 6 and toks[k].low != "by" and toks[k].text not in ",.;" \
                and not is_past_form(toks[k].low):
            k += 1
        if k < len(toks) and toks[k].low == "by" and first <= k <= first + 5:
            return _object_after(text, toks, k)
    return None


def sentence_attribution(text: str, start: int, end: int, pos: int) -> str | None:
    """Who a sentence attributes the figure at ``pos`` to (quotes aside)."""
    toks = tokens(text, start, end)
    agent = _by_agent(text, toks, pos)
    if agent:
        return agent
    candidates = (_according_d(text, start, end, pos), _preposed_d(text, toks, pos),
                  _postposed_d(text, toks, pos), _possessive_source_d(text, toks, pos))
    found = [x for x in candidates if x is not None]
    return min(found)[1] if found else None


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
        if name and not _is_pronoun(name):
            return name
    for s, e in reversed(recent[-2:]):
        name = _leading_name(text, tokens(text, s, e))
        if name:
            return name
    return None


def _leading_name(text: str, toks: list[Token]) -> str | None:
    """A name opening a sentence ('Governor Kathy Hochul visited ...'): two or more capitalised words."""
    run = []
    for t in toks:
        if not _CAPITALISED.fullmatch(t.text) or t.low in DETS:
            break
        run.append(t)
    if len(run) < 2:
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
    return _resolve(text, found, spans, len(spans) - 1) if found else None

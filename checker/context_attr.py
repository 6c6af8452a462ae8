"""Attribution: who the article says gives a figure (phrase readers: :mod:`checker.context_attr_phrase`).

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

from checker.context_attr_phrase import (
    CONTEST_VERBS,
    POSSESSIVE_PRONOUNS,
    SOURCE_NOUNS,
    clean_speaker,
    is_attr_verb,
    is_owner,
    leading_name,
    object_after,
    owner_np,
    subject_before,
    with_subject,
)
from checker.context_source import NAME_RUN, anaphor_head, names_body
from checker.context_speaker import speaker_kind
from checker.context_split import Token, sentences_near, tokens
from checker.context_words import (
    AUX,
    CONJ_STOP,
    DETS,
    KNOWN_VERBS,
    NOT_NAMES,
    PREPS,
    PRONOUNS,
    RELATIVES,
    SOURCE_VERBS,
    is_past_form,
    lemma,
    wordset,
)

_CLOSE_Q = "”\""
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_ACCORDING_END = re.compile(r"[,.;:!?”\"]|\s(?:that|which|who|when|while)\s|\s(?:says|said)\b")
_CLAUSE_LINKS = wordset("while but whereas and although though yet")
_POSTPOSED_VERBS = wordset("said says added adds told tells wrote writes noted notes stated states explained "
                           "warned claimed claims estimated estimates reported reports insisted argued")
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
_SPEAKS = re.compile(r"(?:,\s+(?:a|an)\s|\s+(?:says|said|estimates|estimated|reports|reported|counts|counted|"
                     r"publishes|published|tracks|tracked|monitors|monitored)\b)")
_SPACES = re.compile(r"\s*")
def _according_d(text: str, start: int, end: int, pos: int) -> tuple[int, str] | None:
    """``according to X`` nearest to ``pos``, with its distance."""
    best: tuple[int, str] | None = None
    for m in _ACCORDING.finditer(text, start, end):
        stop = _ACCORDING_END.search(text, m.end(), end)
        phrase = clean_speaker(text[m.end():stop.start() if stop else end])
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
        if toks[v].start >= pos or not is_attr_verb(toks, v):
            continue
        held = with_subject(toks, v) if toks[v].low.endswith("ing") else None
        if held is not None:  # "with organisers claiming a record attendance of 410,000"
            subject = clean_speaker(text[toks[held[0]].start:toks[held[1] - 1].end])
        elif toks[v].low.endswith("ing"):
            said = next((k for k in range(v - 1, -1, -1) if is_attr_verb(toks, k)
                         and not toks[k].low.endswith("ing") and lemma(toks[k].low) in _SPEECH), None)
            if said is not None:  # "..., a spokeswoman said, adding that eight ...": the speaker's words
                subject = (object_after(text, toks, said) if toks[said - 1].text == "," else None) \
                    or subject_before(text, toks, said, stop_at_comma=True)
            else:
                main = _main_verb(toks, v)  # "Police gave a lower figure, putting the crowd at 21,000"
                subject = subject_before(text, toks, main) if main is not None else None
        else:
            subject = subject_before(text, toks, v)
        if subject and subject.split()[0].lower() in POSSESSIVE_PRONOUNS | PRONOUNS:
            # "Civic Watch said its own count put turnout at 41%": the one who says it owns the count
            at = text.find(subject, toks[0].start, toks[v].start)
            outer = _preposed_d(text, toks, at if at >= 0 else toks[v].start)
            subject = outer[1] if outer else subject
        if subject:
            return pos - toks[v].start, subject
    return None


def _main_verb(toks: list[Token], end: int) -> int | None:
    """The first verb of the sentence before token ``end``, not one of a relative clause ("X, a group
    that tracks ... records, put the figure at ...")."""
    relative = False
    for k in range(1, end):
        low = toks[k].low
        if toks[k].text == ",":
            relative = False
        elif low in ("that", "who", "which"):
            relative = True
        if relative or not toks[k].text[0].islower():
            continue
        if low in AUX or is_past_form(low) or low in CONTEST_VERBS or (
                low.endswith("s") and lemma(low) in KNOWN_VERBS
                                               and toks[k - 1].low not in DETS):
            return k
    return None


def _possessive_source_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """"the UN panel's estimate that about 5,000 ...", "the ministry's figures show 300 ..."."""
    for v in range(len(toks) - 1, 0, -1):
        t = toks[v]
        if t.start == pos and is_owner(toks[v - 1].text) and toks[v - 1].text[0].islower() \
                and not _counts_things(toks, v):
            # "well below the commission's 58.2%": the owner of the figure gives it (not "the
            # region's 22 camps": a count of the owner's things)
            name = owner_np(text, toks, v - 1)
            if name:
                return 0, name
        if t.start >= pos or t.low not in SOURCE_NOUNS:
            continue
        if _another_clause(toks, v, pos):
            continue
        at = v - 1
        if at >= 1 and toks[at].text.isalpha() and toks[at].text.islower() and is_owner(toks[at - 1].text):
            at -= 1  # "Cropwatch's satellite estimate": one word between the owner and its data
        owner = toks[at]
        if not is_owner(owner.text) or not owner.text[0].isalpha():
            continue
        name = owner_np(text, toks, at)
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
        if is_attr_verb(toks, k) and (x.low.endswith("ing") or lemma(x.low) in _SPEECH):
            return True
        if x.low in _CLAUSE_LINKS and toks[k - 1].text == ",":
            return True
    return False


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
    subject = subject_before(text, toks, v, stop_at_comma=True)
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
        if not seen_break or not is_attr_verb(toks, v) or t.low.endswith("ing"):
            continue
        prev = toks[v - 1] if v else None
        if prev is not None and (prev.text in "," or prev.text in _CLOSE_Q):
            # not "..., told a rally outside the headquarters": who is told does not speak
            speaker = object_after(text, toks, v) if t.low in _POSTPOSED_VERBS and lemma(t.low) != "tell" \
                else None
            if speaker:
                return t.start - pos, speaker
            # "..., the city's transit operator, Lorvik Metro, said": an appositive before the verb.
            subject = subject_before(text, toks, v) if prev.text == "," else None
            if subject and text.find(subject, pos, t.start) >= 0:  # after the figure, in this sentence
                return t.start - pos, subject
            continue
        subject = subject_before(text, toks, v, stop_at_comma=True)
        if subject and subject.split()[0].lower() in POSSESSIVE_PRONOUNS | PRONOUNS:
            # "X, a charity that runs two clinics, said its teams had treated ...": who owns the teams
            at = text.find(subject, toks[0].start, t.start)
            outer = _preposed_d(text, toks, at) if at >= 0 else None
            subject = outer[1] if outer else subject
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
    for v in range(max(0, first - 6), min(len(toks) - 1, first + 5)):
        t = toks[v]
        if not is_past_form(t.low) or lemma(t.text) not in SOURCE_VERBS:
            continue
        if v < first and toks[v + 1].low == "by":
            # "was estimated by police at 4,000": the agent stands between the verb and the figure
            if toks[first - 1].low in ("at", "as", "to") and not any(x.text in ",;" for x in toks[v:first]):
                return object_after(text, toks, v + 1, stop_at_verb=True)
            continue
        k = v + 1
        while k < len(toks) and k - v < 6 and toks[k].low != "by" and toks[k].text not in ",.;" \
                and not is_past_form(toks[k].low):
            k += 1
        if k < len(toks) and toks[k].low == "by" and first <= k <= first + 5:
            return object_after(text, toks, k, stop_at_verb=True)
    return None


def sentence_attribution(text: str, start: int, end: int, pos: int) -> str | None:
    """Who a sentence attributes the figure at ``pos`` to (quotes aside)."""
    toks = tokens(text, start, end)
    agent = _by_agent(text, toks, pos)
    if agent:
        return agent
    preposed, postposed = _preposed_d(text, toks, pos), _postposed_d(text, toks, pos)
    closing = _closing_speech_d(text, toks, pos)
    if closing and postposed and not _final_speech(toks, pos + postposed[0], final=False):
        postposed = closing  # "..., nearly three times the gap the mayor has acknowledged, the auditor said."
    if preposed and postposed and _final_speech(toks, pos + postposed[0]) \
            and not _final_speech(toks, pos - preposed[0], final=False):
        # "Inspectors estimated that around 38,000 litres had leaked, agency spokesman Henrik Aalto
        # said.": a speech verb closing the sentence gives the whole sentence's source.
        return postposed[1]
    candidates = (_according_d(text, start, end, pos), preposed, postposed,
                  _possessive_source_d(text, toks, pos), _held_source_d(text, toks, pos),
                  _comes_from_d(text, toks, pos))
    found = [x for x in candidates if x is not None]
    return min(found)[1] if found else None


def _comes_from_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """'The estimate of 75,000 spectators came from the organisers': the figure's noun phrase comes
    from its source (no comma or verb between the figure and 'came from')."""
    f = next((k for k, t in enumerate(toks) if t.start >= pos), None)
    if f is None:
        return None
    for k in range(f + 1, min(len(toks) - 1, f + 8)):
        t = toks[k]
        if t.low in ("came", "comes", "come") and toks[k + 1].low == "from":
            who = object_after(text, toks, k + 1, stop_at_verb=True)
            return (t.start - pos, who) if who else None
        if t.text in ",;:" or t.low in AUX or t.low in RELATIVES or is_attr_verb(toks, k) \
                or is_past_form(t.low):
            return None
    return None


def _closing_speech_d(text: str, toks: list[Token], pos: int) -> tuple[int, str] | None:
    """The speech verb closing the sentence after ``pos`` and its speaker ('..., the auditor said.',
    '..., said the auditor.')."""
    for v in range(len(toks) - 1, -1, -1):
        if toks[v].start <= pos:
            return None
        if is_attr_verb(toks, v) and lemma(toks[v].low) in _SPEECH and _final_speech(toks, toks[v].start):
            speaker = object_after(text, toks, v) if toks[v - 1].text == "," else None
            speaker = speaker or subject_before(text, toks, v, stop_at_comma=True)
            return (toks[v].start - pos, speaker) if speaker else None
    return None


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
        v = next((k for k, t in enumerate(toks) if t.low in CONTEST_VERBS), None)
        name = subject_before(text, toks, v, stop_at_comma=True) if v else None
        if name and not _is_pronoun(name):
            return name
    for s, e in reversed(recent):
        name = _postposed(text, tokens(text, s, e), s, bounded=False) or sentence_attribution(text, s, e, e)
        if not name or _is_pronoun(name):
            # "Commission chairman Radek Sovin defended the tally. ... he told reporters": the subject
            name = leading_name(text, tokens(text, s, e)) or _body_subject(text, tokens(text, s, e), found)
        if name:
            return name
    return None


def _body_subject(text: str, toks: list[Token], pronoun: str | None) -> str | None:
    """The subject of a sentence when it is a body that can speak and agrees with ``pronoun``: "The
    ministry has launched a campaign. It said ..." -> 'The ministry'."""
    main = _main_verb(toks, len(toks))
    subject = subject_before(text, toks, main, stop_at_comma=True) if main else None
    if not subject or _is_pronoun(subject) or len(subject.split()) > 5 or speaker_kind(subject) is None:
        return None
    plural = subject.lower().endswith("s") and not subject.lower().endswith("ss")
    return subject if plural == ((pronoun or "").lower() == "they") else None


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
        # "far short of the “more than 120,000” claimed by the organisers": a passive agent still wins
        found = _by_agent(text, tokens(text, sent_start, sent_end), fig_start) \
            or _according(text, sent_start, sent_end, fig_start) \
            or _quote_speaker(text, para, (sent_start, sent_end), quote)
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

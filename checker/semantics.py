"""THE table of number semantics: how hedges, vague amounts, ranges and fractions become intervals.

Each row has an id, the words it covers, the hedge it sets (one of ``model.HEDGES``; ``None`` for
rows that only modify the number: multipliers, trends, currency, percent), the interval rule and an
example. Extraction records the ids of the rows that fired in ``Claim.semantics`` so that a reader
(or ``checker explain``) can see why a figure got its interval. ``docs/semantics.md`` holds the same
table for editors; ``tests/test_extract.py`` checks that the two agree.

Interval rules (v = the number as written, after multipliers):

- ``point``: value v, low v, high v.
- ``approx``: value v, low v*(1-APPROX), high v*(1+APPROX).
- ``nearly``: value v, low v*(1-APPROX), high v (just below the figure).
- ``above``: value v, low v, high open (None).
- ``below``: value v, low open (None), high v.
- ``ends``: value None (no single point), low/high the two ends, sorted.
- ``magnitude``: value None, low = the order of magnitude named, high = ten times it (dozens: 12-120).
- ``modifier``: changes v or the unit/trend only; the interval comes from the other rows.

Most rows are applied to a figure while it is read (``apply_*``); the change-noun rows need what the
figure measures, so :func:`change_of` reads them from a finished claim (``extract._harmonise``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.figure import Figure
from checker.measures_nouns import WORD_RE, singular
from checker.model import HEDGES, Claim

APPROX = 0.1  # relative half-width of the interval an approximate hedge gives


@dataclass(frozen=True)
class Row:
    id: str
    words: tuple[str, ...]
    hedge: str | None
    rule: str
    example: str


def _row(id_: str, words: str, hedge: str | None, rule: str, example: str) -> Row:
    return Row(id_, tuple(w.strip() for w in words.split("|") if w.strip()), hedge, rule, example)


TABLE: tuple[Row, ...] = (
    _row("exact", "(a bare number)", "exact", "point", "13,000 workers -> 13000 [13000, 13000]"),
    _row("approx", "about|around|roughly|approximately|approx.|some|an estimated|estimated|circa|c.|~|∼|≈|"
         "more or less|in the region of|in the neighbourhood of|in the neighborhood of|on the order of|"
         "of the order of|near|nearer|nearer to|closer to|barely|or so|or thereabouts",
         "approximate", "approx", "about 2 million -> 2e6 [1.8e6, 2.2e6]"),
    _row("nearly", "nearly|almost|close to|just shy of|shy of|just short of|not quite", "approximate",
         "nearly",
         "nearly 60% -> 60 [54, 60]"),
    _row("average", "averaged|averaging|averages|on average", "approximate", "approx",
         "averaged 7.3 points -> 7.3 [6.57, 8.03] (an average stands for values around it)"),
    _row("more-than", "more than|over|above|in excess of|upwards of|upward of|greater than|larger than|"
         "bigger than|higher than|north of|exceed|exceeding|exceeds|exceeded|surpass|surpassed|surpasses|"
         "surpassing|over than|well over|beyond|>",
         "more-than", "above", "more than one million -> 1e6 [1e6, -]"),
    _row("at-least", "at least|a minimum of|"
         "greater than or equal to|"
         "at least or equal to|equal to or more than|≥|⩾|>=|or more|or greater|or higher|or above|or over|"
         "and more|"
         "and above|and over|and up",
         "at-least",
         "above", "at least 1,000 -> 1000 [1000, -]"),
    _row("plus", "-plus|+|-odd", "at-least", "above",
         "25 million-plus -> 2.5e7 [2.5e7, -]; 40-odd -> [40, -]"),
    _row("less-than", "less than|fewer than|under|below|just under|lower than|smaller than|south of|sub-|<",
         "less-than", "below",
         "fewer than 100 -> 100 [-, 100]"),
    _row("at-most", "up to|as many as|as much as|as high as|at most|a maximum of|"
         "within|⩽|"
         "less than or equal to|equal to or less than|≤|<=|or less|or fewer|or lower|or below|or under|"
         "and under|"
         "and below",
         "at-most", "below", "up to 1.8 million -> 1.8e6 [-, 1.8e6]"),
    _row("not-more-than", "no more than|not more than|never more than|not above|not over|not exceeding|"
         "must not exceed|not a penny more than|not one more than|no higher than|(not, no, never or n't, "
         "with 'a penny', 'one', 'a single vote' ..., before any more-than word)",
         "at-most", "below", "not a penny more than $45 million -> 4.5e7 [-, 4.5e7]"),
    _row("not-less-than", "no fewer than|no less than|not less than|never below|not under|"
         "not a day less than|(not, no, never or n't, with 'a day', 'one' ..., before any less-than word)",
         "at-least", "above", "no fewer than 300 -> 300 [300, -]"),
    _row("range", "between X and Y|X to Y|X-Y|X or Y|more than X and less than Y|"
         "at most Y and at least X",
         "range", "ends", "between $62 and $68 -> [62, 68]; more than 10 and less than 40 -> [10, 40]"),
    _row("shared-multiplier", "X to Y million|$X to $Y billion|X-Y thousand", "range", "ends",
         "$10 to $15 billion -> [1e10, 1.5e10]"),
    _row("from-to", "from X to Y", "range", "ends", "fell from 4.8 to 4.7 percent -> [4.7, 4.8], trend down"),
    _row("vague-magnitude", "dozens|scores of|hundreds|thousands|millions|billions", "vague", "magnitude",
         "thousands of people -> [1000, 10000]; dozens -> [12, 120]; scores of -> [20, 200]"),
    _row("vague-tens-of", "tens of thousands|hundreds of thousands|tens of millions|hundreds of millions",
         "vague", "magnitude", "tens of thousands -> [1e4, 1e5]"),
    _row("vague-many", "many thousands|many, many thousands|several hundred|several thousand|a few hundred|"
         "a few thousand|several dozen|a few dozen", "vague", "magnitude",
         "many, many thousands -> [1000, 10000]; several hundred -> [200, 1000]"),
    _row("spelled", "one ... ninety-nine|hundred|thousand|million|billion|trillion|dozen|a million|"
         "half a million", None, "modifier", "twenty-five -> 25; two million -> 2e6"),
    _row("multiplier", "million|billion|trillion|thousand|mn|bn|b|m|k|tn", None, "modifier",
         "£2.4bn -> 2.4e9 GBP"),
    _row("fraction", "half|a third|a quarter|a fifth|two-thirds|one in six|one out of three|1/16|by a third|"
         "more than half|a quarter point|half a percentage point|two and a half|a quarter of a million",
         "exact", "point",
         "a fifth of -> 0.2 (ratio); a quarter point -> 0.25 point; two and a half weeks -> 2.5 week"),
    _row("percent", "%|per cent|percent|pc|pct|percentage points|basis points", None, "modifier",
         "20 per cent -> 20 percent"),
    _row("currency", "$|US$|£|€|¥|USD|RM|PS (glued)|dollars|euros|yen|...", None, "modifier",
         "USD10m -> 1e7 USD"),
    _row("negative", "minus|-|−", None, "modifier", "minus 387 Fahrenheit -> -387"),
    _row("trend-up", "rose|rise|rises|rising|risen|up|increased|increase|increases|increasing|grew|grow|"
         "grows|growing|grown|gained|gain|gains|gaining|jumped|jump|jumps|jumping|climbed|climb|climbs|climbing|"
         "surged|surge|surging|soared|soaring|added|adds|advanced|advance|rallied|boosted|upward|upwards|widened|"
         "widening|widens|expanded|expanding|spiked|skyrocketed|rocketed|leapt|leaped|rebounded|firmed|soars|"
         "surges|rallies|advances|leaps|rebounds|spikes|soar|rally|leap|rebound|spike|higher by|+",
         None, "modifier", "rose 5% -> 5 percent, trend up"),
    _row("trend-down", "fell|fall|falls|falling|fallen|down|dropped|drop|drops|dropping|declined|decline|"
         "declines|declining|decreased|decrease|decreases|slid|slide|sliding|slipped|slipping|lost|loses|"
         "losing|plunged|plunging|plummeted|plummeting|tumbled|tumbling|sank|sinking|eased|shed|shedding|cut|"
         "dipped|shrank|slumped|retreated|downward|downwards|narrowed|narrowing|narrows|contracted|contracting|"
         "weakened|sagged|tanked|dived|slumping|shrinking|slides|slips|sinks|dips|tumbles|plunges|plummets|"
         "sheds|eases|retreats|slumps|shrinks|shrunk|sunk|tanks|dives|tumble|plunge|plummet|slip|sink|dip|"
         "slump|shrink|tank|dive|retreat|ease|lower by", None, "modifier",
         "fell 3% -> 3 percent, trend down"),
    _row("trend-up-after", "higher|up|more (percent)|rise|rises|increase|increases|gain|gains|jump|jumps|"
         "surge|"
         "hike|hikes|boost|growth|climb|rally|advance|uptick", None, "modifier",
         "shares closed 34% higher; a 5% rise; a tenfold rise -> trend up (a change in percent, points, "
         "money, a measure or a multiple)"),
    _row("trend-down-after", "lower|down|less (percent)|cheaper|drop|drops|fall|falls|decline|declines|"
         "decrease|decreases|cut|cuts|reduction|reductions|slump|plunge|slide|dip|contraction", None,
         "modifier",
         "a 5% drop in sales; 3.2 percent lower -> trend down"),
    _row("change-noun-up", "rise|increase|growth|hike|gain|jump", None, "modifier",
         "puts the rise at nearly 13% -> trend up (money or percent whose noun names a change)"),
    _row("change-noun-down", "fall|drop|decline|decrease|cut", None, "modifier",
         "the cut was 4% -> trend down ('800 job cuts' counts jobs)"),
)
ROWS: dict[str, Row] = {r.id: r for r in TABLE}
if any(r.hedge is not None and r.hedge not in HEDGES for r in TABLE):
    raise RuntimeError("semantics table: hedge outside model.HEDGES")


def _round(x: float) -> float:
    """12 significant digits: 0.18 rather than 0.18000000000000002 in reports and JSON."""
    return float(f"{x:.12g}")


def interval(rule: str, v: float) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) for one number under an interval rule (``ends``/``magnitude`` are built
    by the extractor, which knows both ends)."""
    if rule == "approx":
        a, b = _round(v * (1 - APPROX)), _round(v * (1 + APPROX))
        return v, min(a, b), max(a, b)
    if rule == "nearly":
        a = _round(v * (1 - APPROX))
        return v, min(a, v), max(a, v)
    if rule == "above":
        return v, v, None
    if rule == "below":
        return v, None, v
    return v, v, v


# --- applying the table ---------------------------------------------------------------------------

def _is_suffix(word: str) -> bool:
    return word.startswith(("or ", "and ", "-", "+"))


def _words_re(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


HEDGE_ROWS = ("approx", "average", "nearly", "more-than", "at-least", "plus", "less-than", "at-most",
              "not-more-than", "not-less-than")
# A negation before a more-than or less-than word flips the bound: "no more than 300", "not a penny more
# than $45 million", "must not exceed 40", "did not rise above 2%" are at most; "no fewer than 300",
# "not a day less than 6 years", "has not fallen below 4%" at least. The negated rows list examples;
# the words matched are the two bound rows' own.
NEGATED = {"more-than": "not-more-than", "less-than": "not-less-than"}
_NEGATION_RE = re.compile(
    r"(?<![\w-])(?:not|no|never|[a-z]+n['’]t)\s+(?:(?:even\s+)?(?:one|a\s+single|a|an)\s+"
    r"(?:(?!(?:more|less|fewer|over|under|above|below)\b)[a-z]+\s+)?)?"
    # a verb of being or moving between: "did not rise above 2%", "has not fallen below 4%"
    r"(?:(?:be|been|being|is|was|were|are|go|goes|went|gone|get|gets|got|stay|stays|stayed|remain|remains|"
    r"remained|rise|rises|rose|risen|climb|climbs|climbed|grow|grows|grew|grown|fall|falls|fell|fallen|"
    r"drop|drops|dropped|sink|sinks|sank|sunk|dip|dips|dipped)\s+){0,2}$",
    re.IGNORECASE,
)
_PREFIX_WORDS = {w: r for r in HEDGE_ROWS if r not in NEGATED.values() for w in ROWS[r].words
                 if not _is_suffix(w)}
_SYMBOLS = {w: r for w, r in _PREFIX_WORDS.items() if not w[0].isalpha()}
_GLUED = {w: r for w, r in _PREFIX_WORDS.items() if w.endswith("-")}
_PLAIN = {w: r for w, r in _PREFIX_WORDS.items() if w not in _SYMBOLS and w not in _GLUED}
_PREFIX_RE = re.compile(
    rf"(?:(?<![\w-])(?P<w>{_words_re(list(_PLAIN))})\s+|(?<![=<>-])(?P<s>{_words_re(list(_SYMBOLS))})\s*"
    rf"|(?<![\w-])(?P<g>{_words_re(list(_GLUED))}))$",
    re.IGNORECASE,
)
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                 "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens|hundreds|thousands")
_SUFFIX_WORDS = {w: r for r in HEDGE_ROWS if r not in NEGATED.values() for w in ROWS[r].words
                 if _is_suffix(w)}
_SUFFIX_RE = re.compile(
    r"^(?:\s+(?P<w>" + _words_re([w for w in _SUFFIX_WORDS if w.startswith("or ")]) + r")\b"
    # "aged 65 and over", "$50 and up" end the phrase ("20 jobs and over 300 cars" is two figures)
    r"|\s+(?P<w2>and\s+more)\b(?!\s*[\w$£€(])"
    r"|\s+(?P<w3>" + _words_re([w for w in _SUFFIX_WORDS if w.startswith("and ") and w != "and more"])
    + r")\b(?!\s*(?:[\d$£€(]|(?:a|an|the|than|of|to|from|at|in|on|by|for|with|" + _NUMBER_WORDS + r")\b))"
    r"|(?P<p>-plus\b|\s+plus\b|-odd\b|\+(?![\d\w])))",
    re.IGNORECASE,
)
_TRENDS = {w: r for r in ("trend-up", "trend-down") for w in ROWS[r].words if w[0].isalpha()}
# an article and a word sizing the change between a trend verb and its figure: "climb a more modest
# 4.1%", "fell a record 9%", "rose another hefty 3%" ("an estimated" is a hedge, read before this)
_SIZE_WORDS = ("record|modest|healthy|robust|solid|sharp|steep|hefty|massive|huge|big|bigger|large|larger|"
               "small|smaller|slight|marginal|meagre|meager|paltry|mere|respectable|dramatic|"
               "staggering|remarkable|stunning|impressive|significant|substantial|sizeable|sizable|"
               "whopping|further|additional|estimated|reported|projected|expected|provisional|revised|"
               "annual|annualised|annualized|cumulative|combined|net|real|nominal|surprise|surprising|"
               "unexpected|unprecedented|historic")
_FILLER = (rf"(?:an?|another)\s+(?:(?:more|much|far|less|still|even|relatively|comparatively|very|fairly|"
           rf"rather|somewhat|slightly)\s+)?(?:{_SIZE_WORDS})")
_TREND_RE = re.compile(
    rf"\b(?P<t>{_words_re(list(_TRENDS))})(?:\s+(?:by|of|a\s+further|an\s+additional|another|just|only|"
    r"(?:by\s+)?an\s+average\s+of|"
    rf"sharply|slightly|marginally|a\s+whopping|some|{_FILLER}))?\s+$",
    re.IGNORECASE,
)
# verbs that are a change only with "by" after their object ("raised rates by 0.75 percentage point")
_UP_BY = "raised raise raises raising hiked hike hikes lifted boosted"
_DOWN_BY = "lowered lower lowers reduced reduce reduces reducing trimmed slashed cuts cutting"
_BY_VERBS = {**dict.fromkeys(_UP_BY.split(" "), "trend-up"),
             **dict.fromkeys(_DOWN_BY.split(" "), "trend-down")}
_TRENDS_BY = {**_TRENDS, **_BY_VERBS}
_TREND_BY_RE = re.compile(rf"\b(?P<t>{_words_re(list(_TRENDS_BY))})\s+(?:[\w'’-]+\s+){{1,5}}by\s+$",
                          re.IGNORECASE)
_NOT_TREND_UP_RE = re.compile(
    r"\b(?:gave|give|gives|giving|given|picked|pick|picks|set|sets|made|make|makes|signed|sign|took|take|"
    r"takes|taken|ended|end|ends|racked|rack|racks|turned|turn|showed|show|shows|came|come|comes|paid|pay|"
    r"used|use|wrapped|wrap|summed|sum|lined|line|backed|opened|open|put|puts|held|hold|holds|stood|"
    r"built|build|builds|add|adds|added|adding|speak|spoke|sped|speed|split|splits|tied|tie|tot|totted)\s+up\s*$",
    re.IGNORECASE,
)
# verbs whose "down" is a particle: "handed down 14 sentences", "shut down 3 plants", "turned down 2 bids"
# count what was handed down, shut or turned down ("brought down inflation by 2%" stays a fall)
_NOT_TREND_DOWN_RE = re.compile(
    r"\b(?:hand|hands|handed|handing|shut|shuts|shutting|turn|turns|turned|turning|lay|lays|laid|laying|"
    r"vote|votes|voted|voting|strike|strikes|struck|shoot|shoots|shot|track|tracks|tracked|hunt|hunts|hunted|"
    r"pin|pins|pinned|stand|stands|stood|put|puts|putting|play|plays|played|playing|tear|tears|tore|torn|"
    r"take|takes|took|taken|taking|pull|pulls|pulled|pulling|knock|knocks|knocked|back|backs|backed|"
    r"wind|winds|wound|step|steps|stepped|sit|sits|sat|settle|settles|settled|close|closes|closed|"
    r"note|notes|noted|jot|jotted)\s+down\s*$",
    re.IGNORECASE,
)
# a trend word right before a figure ("rose 0.2% to 4.1%": a change, then the level; ranges.py)
MOVED_RE = re.compile(rf"\b(?:{_words_re(list(_TRENDS))})\s+$", re.IGNORECASE)
TREND_WORD_RE = re.compile(rf"\b(?:{_words_re(list(_TRENDS_BY))})\b", re.IGNORECASE)


_LOOSE_ROWS = ("approx", "nearly")
_BOUND_ROWS = ("more-than", "at-least", "plus", "less-than", "at-most", "not-more-than", "not-less-than")
# verbs whose "up" is a particle: "edged up to 4.1%" is the level reached. ("rose up to 3 metres",
# "jumped up to 5%" stay bounds: they usually mean "as much as".)
_MOTION_UP_RE = re.compile(
    r"\b(?:edg|inch|tick|mov|bounc|revis|ratchet|bump|nudg|push|went|go|crept|creep|mark|ramp|step)"
    r"(?:e|es|ed|ing|ted|ped|s)?\s+$",
    re.IGNORECASE,
)


def apply_hedges(text: str, fig: Figure, lo: int, hi: int) -> None:
    """Hedge words before ('about', 'more than') or after ('-plus', 'or more') a figure."""
    row = None
    m = _PREFIX_RE.search(text, max(lo, fig.start - 32), fig.start)
    if m:
        word = (m.group("w") or m.group("s") or m.group("g")).lower()
        row = _PREFIX_WORDS.get(re.sub(r"\s+", " ", word))
        outer = _PREFIX_RE.search(text, max(lo, m.start() - 32), m.start()) if row in _LOOSE_ROWS else None
        if outer:
            outer_text = outer.group("w") or outer.group("s") or outer.group("g")
            outer_word = re.sub(r"\s+", " ", outer_text).lower()
            if _PREFIX_WORDS.get(outer_word) in _BOUND_ROWS:  # "up to approximately 3 μm": the bound wins
                m, word, row = outer, outer_word, _PREFIX_WORDS[outer_word]
        neg = _NEGATION_RE.search(text, max(lo, m.start() - 32), m.start()) if row in NEGATED else None
        if neg is not None and row is not None:  # "no more than 300", "not a penny more than $45 million"
            row, m, word = NEGATED[row], neg, text[neg.start():m.end()].strip()
        if fig.hedge in ("range", "vague") and row not in ("approx", "nearly"):
            row = None  # "over three or four years" is a duration, not "more than"
        elif row == "at-most" and word.startswith("up") \
                and _MOTION_UP_RE.search(text, max(lo, m.start() - 16), m.start()):
            row = None  # "edged up to 4.1%", "revised up to $5 billion": the level reached, not a bound
        elif re.sub(r"\s+", " ", word) == "over" and fig.kind != "fraction" and fig.value is not None:
            fig.over_at = m.start()  # a bound or a span of time: decided once the unit is known (apply_over)
        else:
            fig.start = m.start()
            fig.hedge_word = re.sub(r"\s+", " ", word)
    sm = _SUFFIX_RE.match(text[fig.end:min(hi, fig.end + 18)])
    if sm and row in ("approx", "nearly") and (_suffix_word(sm) or sm.group("p")):
        row = None  # "about 500 or more": the bound after the figure says more than the prefix
    if sm and row is None:
        row = "plus" if sm.group("p") else _SUFFIX_WORDS.get(_suffix_word(sm))
        fig.end += sm.end()
        if sm.group("p") and fig.unit is None:
            from checker.numbers import read_suffixes  # numbers -> ranges -> this table: import when used

            read_suffixes(text, fig, hi)  # "40-odd percent", "20-plus million"
    if row is not None and fig.over_at < 0:
        apply_row(fig, row)


def apply_row(fig: Figure, row: str) -> None:
    """Apply one hedge row of the table to a figure: record it, and give a point figure the row's
    hedge and interval ("about 14-18 mpg", "some tens of thousands": a range or vague amount keeps the
    interval it has)."""
    fig.sem.append(row)
    if fig.hedge in ("range", "vague") or fig.value is None:
        return
    fig.hedge = ROWS[row].hedge or fig.hedge
    fig.value, fig.low, fig.high = interval(ROWS[row].rule, fig.value)


def _suffix_word(sm: re.Match[str]) -> str:
    word = sm.group("w") or sm.group("w2") or sm.group("w3")
    return re.sub(r"\s+", " ", word.lower()) if word else ""


_DURATION_UNITS = frozenset(["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"])
_BOUND_VERBS_RE = re.compile(r"\b(?:last|lasts|lasted|lasting|took|take|takes|taking|spent|spend|spends|"
                             r"waited|wait|waits|for|after|in|within|aged|age)\s+$", re.IGNORECASE)


# Verbs that take the counted things as their object: "cut 800 jobs", "lost 3 games", "added 40 stores"
# count the things cut, lost or added; they are no movement of the figure itself.
_OBJECT_VERBS = frozenset(["cut", "cuts", "shed", "shedding", "lost", "loses", "losing", "added", "adds",
                           "gained", "gain", "gains", "gaining", "boosted", "slashed", "expanded",
                           "expanding"])


def apply_over(text: str, fig: Figure) -> None:
    """'over' before a figure, once its unit is known: 'more than' ('over 500 people'), except before
    a duration, where it is a preposition ('planted over five years'), unless a verb of duration
    precedes ('lasted over 3 hours', 'for over two years')."""
    at, fig.over_at = fig.over_at, -1
    if at < 0:
        return
    if fig.unit in _DURATION_UNITS and not _BOUND_VERBS_RE.search(text, max(0, at - 12), at):
        return
    fig.start, fig.hedge_word = at, "over"
    apply_row(fig, "more-than")


def apply_suffix_hedge(text: str, fig: Figure, hi: int) -> None:
    """A hedge after the unit or counted noun: '20 days or so', '50 pupils or fewer'."""
    if fig.hedge != "exact" or fig.value is None:
        return
    end = max(fig.end, fig.unit_end)
    sm = _SUFFIX_RE.match(text[end:min(hi, end + 18)])
    if not sm or not _suffix_word(sm):
        return
    fig.end = end + sm.end()
    apply_row(fig, _SUFFIX_WORDS[_suffix_word(sm)])


# "grow" with an object is "cultivate": "grew 7.4 million tonnes of wheat" is the crop, an amount
_GROW = frozenset(("grew", "grow", "grows", "growing", "grown"))
_OF_NOUN_RE = re.compile(r"\s+of\s+(?!the\b|its\b|their\b|his\b|her\b|total\b)[a-z]", re.IGNORECASE)


def _produced(text: str, fig: Figure, verb: str) -> bool:
    """A transitive 'grow' whose figure is an amount produced: the figure is a measure or a counted
    noun followed by 'of' and what was grown ('grew 7.4 million tonnes of wheat', 'grown 300 hectares
    of maize'). 'Output grew 7%', 'the herd grew 40 head', 'grew 2 million tonnes' stay changes."""
    if verb not in _GROW or fig.dimension not in ("measure", "count") or fig.unit is None:
        return False
    if fig.unit.lower() in ("point", "points"):
        return False
    return _OF_NOUN_RE.match(text, max(fig.end, fig.unit_end)) is not None


def apply_trend(text: str, fig: Figure, lo: int) -> None:
    """Trend words before the figure, once its unit is known: the change ('rose 5%', 'down 2.3%', 'a
    drop of 3%', '+0.2%', 'cut prices by 10%'). The level reached ('rose 9% to $84') keeps no trend; so
    does a counted object ('cut 800 jobs' counts jobs cut; 'lost 1.1%', 'added 15 sen', 'shed 300
    points' are changes)."""
    if fig.start > lo and text[fig.start - 1] == "+":
        fig.start -= 1
        fig.trend = "up"
        fig.sem.append("trend-up")
        return
    m = (_TREND_RE.search(text, max(lo, fig.start - 40), fig.start)
         or _TREND_BY_RE.search(text, max(lo, fig.start - 60), fig.start))
    if m and m.group("t").lower() == "up" and _NOT_TREND_UP_RE.search(text, max(lo, m.start() - 12), m.end()):
        m = None
    if m and m.group("t").lower() == "down" \
            and _NOT_TREND_DOWN_RE.search(text, max(lo, m.start() - 12), m.start("t") + 4):
        m = None
    if m and m.group("t").lower() in _OBJECT_VERBS and fig.dimension == "count" and fig.unit is not None \
            and fig.unit.lower() not in ("points", "point"):
        m = None
    if m and _produced(text, fig, m.group("t").lower()):
        m = None
    if m:
        row = _TRENDS_BY[m.group("t").lower()]
        fig.trend = "up" if row == "trend-up" else "down"
        fig.trend_word = m.group("t").lower()
        fig.sem.append(row)


def _after_words(row: str, percent: bool) -> list[str]:
    return [w.split(" (")[0] for w in ROWS[row].words if percent or "(percent)" not in w]


def _after_re(percent: bool) -> re.Pattern[str]:
    up = _words_re(_after_words("trend-up-after", percent))
    down = _words_re(_after_words("trend-down-after", percent))
    return re.compile(rf"(?:[\s-]+points?)?[\s-]+(?:(?P<up>{up})|(?P<down>{down}))\b"
                      r"(?!\s+(?:from|to|payment|front|and|in\s+value)\b)", re.IGNORECASE)


_AFTER_RE = {True: _after_re(True), False: _after_re(False)}
_LEVEL_WORDS = frozenset(["gain", "gains"])  # "a $2 billion gain" is an amount, not a change of one


def apply_suffix_trend(text: str, fig: Figure, hi: int) -> None:
    """Trend words after the figure: 'closed 34% higher', 'a 5% drop', '3.2 percent lower', 'a
    0.25-point cut'. Only a change in percent, points, money or a measure: '500 job cuts' counts cuts."""
    if fig.trend is not None or fig.value is None:
        return
    points = fig.dimension == "count" and (fig.unit is None or fig.unit.lower() in ("point", "points"))
    fold = fig.dimension == "ratio" and text[fig.start:fig.end].lower().endswith("fold")  # "a tenfold rise"
    if fig.dimension not in ("percent", "currency", "measure") and not points and not fold:
        return
    end = max(fig.end, fig.unit_end)
    m = _AFTER_RE[fig.dimension == "percent"].match(text, end, hi)
    if m is None or (points and not re.match(r"[\s-]+points?\b", text[end:m.end()], re.IGNORECASE)):
        return
    word = (m.group("up") or m.group("down")).lower()
    if fig.dimension == "currency" and word in _LEVEL_WORDS:
        return
    if fig.dimension == "measure" and word in ("up", "down"):
        return  # "215 km up", "2 miles down the road": a place, not a change
    fig.trend = "up" if m.group("up") else "down"
    fig.trend_word = word
    fig.sem.append("trend-up-after" if fig.trend == "up" else "trend-down-after")


# --- a claim whose noun names a change (read once the entity and predicate are known) --------------

CHANGE_NOUNS = {w: ("up" if r.endswith("up") else "down") for r in ("change-noun-up", "change-noun-down")
                for w in ROWS[r].words}
# Verbs that state an amount of money spent or lost, not a change in it: "lost about €85 million" is
# the amount lost, like "cost €85 million" and "a loss of €85 million".
AMOUNT_VERBS = frozenset(("lose", "cost"))
_HEAD_END = frozenset(("of", "for", "in", "on", "at", "to"))
_AT_END_RE = re.compile(r"\bat\s*$")
_BRACKETS_RE = re.compile(r"\([^)]*\)")


# Participles that end in no -ed: "the rise given", "a cut made last year"
_PARTICIPLES = frozenset(("given", "paid", "made", "set", "put", "won", "sought", "brought", "taken",
                          "shown", "seen", "held", "kept", "told", "done", "laid", "struck", "forecast",
                          "cut", "promised", "offered"))
_ED_NOUNS = frozenset(("need", "needs", "speed", "seed", "feed", "breed", "greed", "bed", "shed", "red",
                       "hundred", "thousand"))


def _participle(word: str) -> bool:
    return word in _PARTICIPLES or (word.endswith("ed") and len(word) > 4 and word not in _ED_NOUNS)


def _drop_participles(head: list[str]) -> list[str]:
    """The head without the participles after a change noun: 'rise received' (the entity of 'will
    receive the 6.5% rise') -> rise; 'increase announced', 'cut imposed'. Only when a change noun is
    left: 'the 5% share owned' keeps 'owned' as its head."""
    k = len(head)
    while k > 1 and _participle(head[k - 1]):
        k -= 1
    if k < len(head) and singular(head[k - 1]) in CHANGE_NOUNS:
        return head[:k]
    return head


def change_of(claim: Claim) -> str | None:
    """The trend a claim of money or percent takes from its words, once its entity and predicate are
    known: '' (no trend) for an amount spent or lost ('lost about €85 million'), 'up'/'down' when the
    noun it is the level of names a change ('the real rise for a typical commuter was 13%', 'puts the
    annual increase at 8.1%'), None when nothing changes."""
    if claim.dimension == "currency" and (claim.predicate or "").lower() in AMOUNT_VERBS:
        return "" if claim.trend is not None else None
    if claim.trend is not None or claim.dimension not in ("percent", "currency"):
        return None
    words = WORD_RE.findall(_BRACKETS_RE.sub(" ", claim.entity or "").lower())
    cut = next((k for k, w in enumerate(words) if w in _HEAD_END), len(words))
    head = _drop_participles(words[:cut])  # "the real rise for a typical commuter" -> rise
    if head and singular(head[-1]) in CHANGE_NOUNS:
        if claim.dimension == "currency" and head[-1] in _LEVEL_WORDS:
            return None  # "$1 billion in gains" is an amount (as in apply_suffix_trend)
        return CHANGE_NOUNS[singular(head[-1])]
    # "puts the annual increase at 8.1%": the change noun was read as the predicate, the figure is its "at".
    before = claim.sentence[: max(claim.start - claim.sentence_start, 0)]
    noun = singular((claim.predicate or "").lower())
    return CHANGE_NOUNS.get(noun) if noun and _AT_END_RE.search(before) else None


def markdown_table() -> str:
    """The table as Markdown, as docs/semantics.md shows it (a test keeps the two the same)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| id | words | hedge | interval rule | example |", "|---|---|---|---|---|"]
    for r in TABLE:
        words = ", ".join(r.words)
        lines.append(f"| `{r.id}` | {cell(words)} | {r.hedge or '—'} | {r.rule} | {cell(r.example)} |")
    return "\n".join(lines) + "\n"


def update_doc(path: str = "docs/semantics.md") -> bool:
    """Rewrite the table between the markers in docs/semantics.md; True when it changed."""
    from pathlib import Path

    doc = Path(path).read_text(encoding="utf-8")
    new = re.sub(r"(<!-- semantics-table:start -->\n).*?(<!-- semantics-table:end -->)",
                 lambda m: m.group(1) + markdown_table() + m.group(2), doc, flags=re.S)
    if new != doc:
        Path(path).write_text(new, encoding="utf-8")
    return new != doc


if __name__ == "__main__":  # python -m checker.semantics: refresh the table in docs/semantics.md
    update_doc()

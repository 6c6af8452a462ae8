"""Small closed word lists and a rough lemmatiser for :mod:`checker.context`.

No tagger: a word's part of speech is guessed from these lists and from its ending. The lists
hold function words and the verbs news figures attach to; they are not about any one story.
"""

from __future__ import annotations

from functools import lru_cache


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps the lists below readable)."""
    return frozenset(text.split())


def is_possessive(word: str) -> bool:
    """'China's', 'the union’s': a word ending in an apostrophe and s."""
    return word.endswith(("'s", "’s"))


def strip_possessive(word: str) -> str:
    """'China's' -> 'China'; other words unchanged."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


# Nouns that name a figure rather than what it counts ("the total", "the true number", "the death
# toll"): what is counted is their complement or an earlier figure's noun. The one shared list.
GENERIC_HEADS = wordset("total tally number figure count sum loss losses estimate toll")

AUX = wordset("is are was were be been being has have had will would could can may might should must shall "
    "do does did 's ’s")
# Words that may sit inside an auxiliary chain: "are reportedly still being held",
# "are believed to be held", "have now been detained".
AUX_FILLERS = wordset(
    "not never reportedly still now currently already also allegedly believed thought said estimated "
    "feared understood known reported expected presumed to likely probably just only even all")
PREPS = wordset(
    "in into at on from for with by to across throughout within inside outside near over under during "
    "since after before between among amongst against through around per without toward towards via "
    "upon amid amidst beyond onto off out up down along behind beneath about below above alongside despite")
DETS = wordset(
    "the a an this that these those its their his her our your my some any each every both such no "
    "whose")
PRONOUNS = wordset("he she they it we i you him them us one")
RELATIVES = wordset("who whom whose which that where when while")
CONJ_STOP = wordset("but whereas although though because so yet if unless as than while nor however")
# Words that open a time or scope phrase: the entity stops there, the scope reader takes over.
SCOPE_OPENERS = wordset(
    "since last this next each every per annually yearly monthly weekly daily currently now so to-date "
    "today yesterday altogether overall cumulatively worldwide nationwide globally abroad overseas")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Verbs that introduce who gives a figure ("X said", "according to X", "X estimates that").
ATTRIBUTION_VERBS = wordset(
    "say tell estimate report claim state add note announce warn write find show suggest believe put "
    "count record confirm indicate reveal calculate allege insist argue assert explain acknowledge tweet "
    "testify disclose predict forecast project cite maintain contend conclude publish reckon "
    "document tally repeat expect attribute")
# Verbs whose passive agent gives the figure: "the 30,000 claimed by organisers", "the 12,000 hectares
# given by the fire service", "figures released by the ministry".
SOURCE_VERBS = ATTRIBUTION_VERBS | wordset("give release publish provide compile issue supply quote")
# Verbs that make the figure's clause a statement about the subject ("the toll rose to 40").
LINKING_VERBS = wordset(
    "be reach hit total top exceed number stand near surpass pass equal rise fall climb jump drop "
    "increase decrease grow shrink soar surge plunge slump tumble decline rebound double triple halve "
    "remain stay come amount hover sit edge swell balloon reduce")

KNOWN_VERBS = wordset(
    """repeat hold detain kill injure wound die force import export sanction arrest evacuate displace affect
    attend march gather protest vote rise fall increase decrease grow drop jump climb reach hit total
    stand contain live work lose gain make send take give sell buy spend cost earn pay raise cut employ
    hire infect test vaccinate hospitalise hospitalize treat rescue miss flee leave return register
    estimate report say tell claim count find show suggest put record confirm announce add note warn
    state believe recruit deport execute imprison jail sentence charge convict release free target ban
    bar restrict block list name accuse destroy damage build produce ship receive allocate pledge donate
    fund owe borrow lend invest approve reject sign support oppose back win poll survey interview sample
    fine expect forecast project predict face suffer experience visit travel enter cross arrive migrate
    occupy surround burn flood strike sink crash house shelter feed serve cover account represent
    comprise include exceed top surpass double triple halve shrink expand slow plunge soar surge slump
    tumble decline rebound recover post log see attract draw turn sterilise sterilize torture abuse
    discriminate monitor survive save perish drown starve number near equal remain stay amount hover
    join participate use sign displace relocate intern incarcerate abduct kidnap disappear lay cull
    evict strand trap bury overturn collapse destroy demolish close open shut lay furlough sack dismiss
    resign quit retire deliver manufacture harvest grow mine pick process consume reside belong depend
    lack need own come include indicate reveal calculate allege insist argue assert explain acknowledge
    tweet testify disclose cite maintain contend conclude publish reckon diagnose hospitalize admit
    discharge isolate quarantine screen inject carry bring document tally identify verify drown cause quit
    compare""")

# Past tense / participle -> lemma for irregular verbs.
IRREGULAR = {
    "held": "hold", "kept": "keep", "made": "make", "sent": "send", "taken": "take", "took": "take",
    "given": "give", "gave": "give", "sold": "sell", "built": "build", "lost": "lose", "found": "find",
    "told": "tell", "said": "say", "says": "say", "struck": "strike", "stricken": "strike",
    "fled": "flee", "left": "leave", "paid": "pay", "spent": "spend", "brought": "bring",
    "bought": "buy", "caught": "catch", "thought": "think", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "stood": "stand", "drew": "draw",
    "drawn": "draw", "saw": "see", "seen": "see", "won": "win", "shot": "shoot", "slain": "slay",
    "beaten": "beat", "driven": "drive", "drove": "drive", "shown": "show", "known": "know",
    "met": "meet", "led": "lead", "ran": "run", "came": "come", "become": "become", "became": "become",
    "went": "go", "gone": "go", "got": "get", "gotten": "get", "began": "begin", "begun": "begin",
    "sank": "sink", "sunk": "sink", "burnt": "burn", "hidden": "hide", "chosen": "choose",
    "written": "write", "wrote": "write", "broke": "break", "broken": "break", "spoke": "speak",
    "spoken": "speak", "stolen": "steal", "sought": "seek", "fought": "fight", "taught": "teach",
    "felt": "feel", "dealt": "deal", "meant": "mean", "undertaken": "undertake",
    "withdrawn": "withdraw", "rebuilt": "rebuild", "born": "bear", "borne": "bear", "laid": "lay",
    "swept": "sweep", "fed": "feed", "bled": "bleed", "dug": "dig", "stuck": "stick", "hung": "hang",
    "thrown": "throw", "threw": "throw", "blown": "blow", "blew": "blow", "flown": "fly",
    "flew": "fly", "forbidden": "forbid", "overseen": "oversee", "mistaken": "mistake",
    "sworn": "swear", "torn": "tear", "worn": "wear", "woken": "wake", "froze": "freeze",
    "frozen": "freeze", "shaken": "shake", "arisen": "arise", "arose": "arise", "dies": "die",
    "died": "die", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "has": "have",
    "had": "have", "stole": "steal",
}
# Forms that are past tense or participle but whose bare form equals the lemma ("put", "cut").
SAME_FORM = wordset("put cut hit set let spread hurt cost bid shed quit read")
PARTICIPLE = {lemma: form for form, lemma in IRREGULAR.items() if form.endswith(("n", "t", "d"))}
PARTICIPLE.update({"hold": "held", "keep": "kept", "make": "made", "send": "sent", "find": "found",
                   "lose": "lost", "build": "built", "sell": "sold", "pay": "paid", "leave": "left",
                   "flee": "fled", "spend": "spent", "say": "said", "tell": "told", "strike": "struck",
                   "rise": "risen", "fall": "fallen", "be": "been", "have": "had", "die": "died"})

_E_ENDINGS = ("v", "z", "c", "g", "at", "iz", "is", "ur", "us", "as", "os", "uc", "rs", "ns", "ps", "dg",
              "bl", "pl", "gl", "tl", "ir", "ag", "rg", "ut", "iv", "ov", "ud")


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """Rough verb lemma: 'held' -> 'hold', 'forced' -> 'force', 'sanctioning' -> 'sanction'."""
    w = word.lower().strip("’'")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in KNOWN_VERBS or w in SAME_FORM:
        return w
    for suffix in ("ed", "ing", "es", "s"):
        if not w.endswith(suffix) or len(w) <= len(suffix) + 2:
            continue
        base = w[: -len(suffix)]
        if suffix == "ed" and base.endswith("e"):
            return base + "e"  # agreed, freed
        if suffix == "ed" and base.endswith("i"):
            return base[:-1] + "y"
        if suffix == "es" and base.endswith("i"):
            return base[:-1] + "y"
        candidates = [base + "e", base] if suffix in ("ed", "ing") else [base, base + "e"]
        if suffix == "s":
            candidates = [base]
        if len(base) > 2 and base[-1] == base[-2]:
            candidates.append(base[:-1])
        for cand in candidates:
            if cand in KNOWN_VERBS:
                return cand
        if suffix == "s":
            return base
        if suffix == "es":
            return base if base.endswith(("ch", "sh", "ss", "x")) else base + "e"
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsfz":
            return base[:-1]
        if len(base) >= 6 and base.endswith("ll") and base[-3] in "ea" and base[-4] not in "aeiou" \
                and not base.endswith("all"):
            return base[:-1]  # "cancelled", "travelled", "modelled"; not "installed"
        if base.endswith(_E_ENDINGS) and not base.endswith(("air", "our", "oir", "eir")):
            return base + "e"
        vowel = "aeiou"
        short = len(base) == 3 and base[0] not in vowel and base[1] in vowel and base[2] not in vowel + "wxy"
        consonant_in = base.endswith("in") and base[-3] not in vowel
        if base.endswith(("dl", "kl", "fl", "zl")) or consonant_in or short:
            return base + "e"  # "handled", "combined", "examined", "filed" (a short vowel doubles: "pinned")
        return base
    return w


def participle(verb_lemma: str) -> str:
    """'sanction' -> 'sanctioned', 'hold' -> 'held', 'arrest' -> 'arrested'."""
    if verb_lemma in PARTICIPLE:
        return PARTICIPLE[verb_lemma]
    if verb_lemma in SAME_FORM:
        return verb_lemma
    if verb_lemma.endswith("e"):
        return verb_lemma + "d"
    if verb_lemma.endswith("y") and len(verb_lemma) > 2 and verb_lemma[-2] not in "aeiou":
        return verb_lemma[:-1] + "ied"
    if len(verb_lemma) >= 5 and verb_lemma[-1] == "l" and verb_lemma[-2] in "aeiou" \
            and verb_lemma[-3] not in "aeiou":
        return verb_lemma + "led"  # "cancel" -> "cancelled", as lemma() reads it back
    return verb_lemma + "ed"


@lru_cache(maxsize=8192)
def is_past_form(word: str) -> bool:
    """A past tense or participle ('held', 'detained', 'forced'), not an -ed noun like 'bed'."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w] not in ("be", "have", "say") or w == "said"
    if w in SAME_FORM:
        return w not in ("cost", "read", "set")
    return len(w) > 4 and w.endswith("ed") and w not in NOT_VERBS


@lru_cache(maxsize=8192)
def is_finite_verb(word: str) -> bool:
    """Present tense forms that are not also common nouns ('contains', 'live', 'remain')."""
    w = word.lower()
    if w.endswith("ed") or (w in IRREGULAR and is_past_form(w)):
        return False
    return lemma(w) in FINITE_OK


FINITE_OK = wordset(
    """contain live remain say suffer die own make come include represent attend hold earn receive
    belong lack speak believe think want go get become seem appear join participate take flee enter
    arrive reside depend rely struggle continue stay suggest indicate reveal tell comprise constitute
    exceed""")
# -ed words that are not verb forms.
NOT_VERBS = wordset(
    "hundred hundreds bed red shed speed seed need feed united indeed deed breed greed weed sled "
    "based related aged")

# Words that name an event: kept in ``context`` so that two storms or two marches stay apart.
EVENT_NOUNS = wordset(
    """storm hurricane typhoon cyclone tornado earthquake quake tremor flood floods flooding wildfire
    wildfires fire blaze tsunami eruption explosion blast attack attacks bombing shooting crash collapse
    landslide avalanche drought famine heatwave march rally protest protests demonstration strike
    election referendum vote primary war conflict invasion siege pandemic epidemic outbreak crackdown
    riot riots uprising coup ceasefire sanctions census survey poll summit olympics games marathon
    festival concert covid covid-19 coronavirus malaria cholera ebola measles flu influenza tuberculosis
    hiv aids dengue mpox virus""")

# Capitalised words that are not names (sentence openers, titles, weekdays, months).
NOT_NAMES = wordset(
    """the a an this that these those it its he she they we i you his her their our in on at of for
    to by from with as and but or if when while after before since during over under about around
    some several many most more all both each every no not there here what which who whom whose why
    how where mr mrs ms dr prof sir madam president secretary minister spokesperson spokesman
    spokeswoman chief director head deputy senator governor mayor ambassador chairman chairwoman
    representative rep sen gov gen lt col capt officer official officials experts police organisers
    organizers according however meanwhile also still yet then thus so last next later earlier
    today yesterday tomorrow read source file photo image update updated breaking watch video
    one two three four five six seven eight nine ten first second third former top among within
    across throughout between despite only just nearly almost"""
) | frozenset(WEEKDAYS) | frozenset(MONTHS)

"""What kind of source a speaker is, so a report can say which sides disagree ("organisers against
police", "officials against researchers", "the company against the union").

:func:`speaker_kind` reads only the words of the attribution, never a list of names: a role or body
word ("police", "ministry", "union", "researchers", "charity", "UN") says the kind. The head noun of the
speaker's first noun phrase (cut at a comma or preposition) decides: the last role word of that phrase
("The police union" is a union, "City police" are police). A generic head (official, spokesman,
department, office, agency, board, chief executive, researchers, experts, lawmakers, source, campaigners,
survey, study) takes the kind of a role word before it ("Union official Katrin Moll" is the union's,
"the city police department" the police's, "Ministry researchers" the ministry's, "a police source" the
police's, "the charity's survey" the charity's); "opposition" wins in its phrase ("the opposition Civic
Union"); a place or modifier word (city, state, province, international, industry) decides only when
nothing else does. A phrase with no role word passes to the next one ("Beatriz Olmo, the union's chair";
"researchers at Oskelund University" are researchers, not the university's). A speaker with no such
word (a bare personal name, "Several reports", "its staff") has no kind: None.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (kind, cue words or phrases). Listed most specific first only for readability: the head of the first
# phrase holding a cue decides (see the module docstring); at one position the longer cue wins ("news
# agency" before "agency").
SPEAKER_KINDS: tuple[tuple[str, str], ...] = (
    ("international", "un united nations unhcr unicef unesco who world bank imf red cross red crescent "
                      "international eu european union nato refugee agency"),
    ("media", "newspaper paper broadcaster news agency reuters associated press afp tv radio magazine outlet "
              "media journalists reporters"),
    ("police", "police officers constabulary gendarmerie sheriff"),
    ("union", "union unions workers employees dockers tenants"),
    ("ngo", "charity charities ngo ngos rights amnesty watch watchdog monitor monitors observers observer "
            "aid group aid groups alliance network foundation coalition"),
    ("organisers", "organisers organizers organiser organizer campaigners campaign protesters activists "
                   "demonstrators marchers"),
    ("researchers", "researchers researcher study studies university scientists academics institute "
                    "economists economist analysts analyst survey journal professor experts epidemiologists "
                    "think tank analysis model modelling"),
    ("industry", "association federation chamber of commerce chamber insurers landlords lobby industry "
                 "business leaders trade body farmers owners"),
    ("company", "company firm corporation corp inc ltd plc operator airline carrier chief executive ceo "
                "management employer employers manufacturer carmaker executive plant"),
    ("government", "government ministry minister ministers officials official authorities authority "
                   "department council councillors mayor governor president presidency agency office "
                   "commission cabinet regulator embassy mission province city state army military "
                   "coast guard fire service health service service bureau prosecutors court electoral "
                   "board administration senator lawmakers parliament state media"),
    ("witnesses", "witnesses witness residents survivors locals families relatives victims eyewitnesses "
                  "villagers passengers patients"),
    ("anonymous", "sources source people familiar insiders"),
    ("opposition", "opposition"),
)

# The plain words a report uses for each kind.
KIND_LABELS = {
    "international": "international bodies", "media": "news media", "police": "police",
    "union": "unions and workers", "ngo": "NGOs and monitors", "organisers": "organisers and campaigners",
    "researchers": "researchers", "industry": "industry bodies", "company": "companies",
    "government": "officials", "witnesses": "witnesses and residents", "anonymous": "unnamed sources",
    "opposition": "the opposition",
}


def _cue_pattern() -> re.Pattern[str]:
    cues = sorted({cue for _, words in SPEAKER_KINDS for cue in _cues(words)}, key=lambda c: (-len(c), c))
    return re.compile(r"(?<![\w’'])(" + "|".join(re.escape(c) for c in cues) + r")(?![\w’'])")


def _cues(words: str) -> list[str]:
    """The cue phrases of one kind: single words, and the multi-word phrases written out below."""
    phrases = [p for p in _PHRASES if p in words]
    rest = words
    for p in phrases:
        rest = rest.replace(p, " ")
    return phrases + rest.split()


_PHRASES = ("united nations", "world bank", "red cross", "red crescent", "european union", "refugee agency",
            "news agency", "associated press", "aid group", "aid groups", "think tank", "chamber of commerce",
            "business leaders", "trade body", "chief executive", "coast guard",
            "fire service", "health service", "state media", "people familiar")
_KIND_OF = {cue: kind for kind, words in reversed(SPEAKER_KINDS) for cue in _cues(words)}
_CUE = _cue_pattern()
_POSSESSIVE_S = re.compile(r"(?<=\w)'s\b")
_STATE_MEDIA = re.compile(r"state\s+(?:media|broadcaster|television|news)")
# Heads that say only "someone speaking for": they take the kind of a role word before them.
_GENERIC_HEADS = frozenset({
    "official", "officials", "department", "office", "service", "agency", "authority", "authorities",
    "bureau", "board", "chief executive", "ceo", "executive", "management", "researchers", "researcher",
    "scientists", "economists", "economist", "lawmakers", "senator", "minister", "ministers",
    "president", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "campaigners",
    "activists", "experts", "survey", "study", "studies", "analysis", "model", "modelling"})
# Modifiers that say where or about what, not who: they decide only when no other role word does.
_MODIFIERS = frozenset({"city", "state", "province", "international", "industry"})
# Where a phrase ends: a comma, or a preposition opening a complement ("researchers at the ministry").
_PHRASE_END = re.compile(r",|\b(?:at|from|in|with|for|of|on|by|to|about|over|within|inside)\b")


@lru_cache(maxsize=4096)
def speaker_kind(attribution: str | None) -> str | None:
    """The kind of source an attribution names (a key of :data:`KIND_LABELS`), or None."""
    if not attribution:
        return None
    # "the union's chair", "the ministry's director": the owner's kind ("Tenants' Union" keeps its words)
    text = _POSSESSIVE_S.sub("", attribution.replace("’", "'"))
    lowered = text.lower()
    cues: list[tuple[int, int, str]] = []
    for m in _CUE.finditer(lowered):
        cue = m.group(1)
        if cue in ("un", "who", "eu", "imf", "afp") and not text[m.start():m.end()].isupper():
            continue  # the acronyms only in capitals: "un" in lower case is not the UN
        if cue == "state":
            media = _STATE_MEDIA.match(lowered, m.start())
            if not media:
                continue  # "state" alone is too vague ("a state of emergency")
            cues.append((m.start(), media.end(), "state media"))  # "state broadcaster KTV": one cue
            continue
        if cues and m.start() < cues[-1][1]:
            continue  # inside the cue before ("broadcaster" of "state broadcaster")
        cues.append((m.start(), m.end(), cue))
    if not cues:
        return None
    ends = [m.start() for m in _PHRASE_END.finditer(lowered)
            if not any(a <= m.start() < b for a, b, _ in cues)]  # "chamber of commerce" is one cue
    for lo, hi in zip([0, *ends], [*ends, len(lowered)], strict=True):
        phrase = [c for a, _, c in cues if lo <= a < hi]
        if phrase:
            return _KIND_OF[_head_cue(phrase)]
    return None


def _head_cue(phrase: list[str]) -> str:
    """The cue that decides among the cues of one noun phrase, in reading order."""
    if "opposition" in phrase:
        return "opposition"  # "the opposition Civic Union": the side, whatever its body
    strong = [c for c in phrase if c not in _MODIFIERS]
    if not strong:
        return phrase[-1]
    k = len(strong) - 1
    while k > 0 and strong[k] in _GENERIC_HEADS:
        k -= 1  # "Union official", "the city police department", "Ministry researchers"
    return strong[k]

"""What kind of source a speaker is, so a report can say which sides disagree ("organisers against
police", "officials against researchers", "the company against the union").

:func:`speaker_kind` reads only the words of the attribution, never a list of names: a role or body
word ("police", "ministry", "union", "researchers", "charity", "UN") says the kind. The first such word
from the left wins, because the head of a speaker phrase comes first in news copy ("Union official
Katrin Moll" is the union's; "Health board chief executive Owen Thale" is the board's; "researchers at
Oskelund University" are researchers). A speaker with no such word (a bare personal name, "Several
reports") has no kind: None.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (kind, cue words or phrases). Listed most specific first only for readability: the cue nearest the
# start of the phrase decides, and at the same position the longer cue ("news agency" before "agency").
SPEAKER_KINDS: tuple[tuple[str, str], ...] = (
    ("international", "un united nations unhcr unicef unesco who world bank imf red cross red crescent "
                      "international eu european union nato refugee agency"),
    ("media", "newspaper paper broadcaster news agency reuters associated press afp tv radio magazine outlet "
              "media journalists reporters"),
    ("police", "police officers constabulary gendarmerie sheriff"),
    ("union", "union unions workers staff employees dockers tenants"),
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


@lru_cache(maxsize=4096)
def speaker_kind(attribution: str | None) -> str | None:
    """The kind of source an attribution names (a key of :data:`KIND_LABELS`), or None."""
    if not attribution:
        return None
    # "the union's chair", "the ministry's director": the owner's kind ("Tenants' Union" keeps its words)
    text = _POSSESSIVE_S.sub("", attribution.replace("’", "'"))
    lowered = text.lower()
    for m in _CUE.finditer(lowered):
        cue = m.group(1)
        if cue in ("un", "who", "eu", "imf", "afp") and not text[m.start():m.end()].isupper():
            continue  # the acronyms only in capitals: "un" in lower case is not the UN
        if cue == "state" and not _STATE_MEDIA.match(lowered, m.start()):
            continue  # "state" alone is too vague ("a state of emergency")
        return _KIND_OF[cue]
    return None

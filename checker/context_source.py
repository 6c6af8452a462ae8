"""Who stands behind a source phrase, for :mod:`checker.context_attr`.

A speaker is often written as the document or count that holds the figure: "figures from the labour
ministry", "data compiled by the Vessel Watch project", "the ministry's own figures", "an Associated
Press tally", "Eurostat data". :func:`source_owner` returns who gives them ("the labour ministry",
"Associated Press"); a phrase naming no one ("official figures", "a study by ...") is kept as written.

A definite noun phrase that only names a kind of body ("the group", "the organisation", "the
monitor") points back to a body the article has named: :func:`anaphor_head` says which head word to
look for, and :func:`names_body` whether an earlier name can be that body.
"""

from __future__ import annotations

import re

from checker.context_words import NOT_NAMES, wordset

# Nouns for the data a body publishes (not "study" or "report": those are sources of their own).
_DATA = r"(?:figures?|data|statistics|numbers|estimates?|count|tally|records|tallies|counts)"
_PUBLISHED = r"(?:(?:compiled|released|published|provided|issued|given|gathered|collected|analy[sz]ed|kept)"
_PUBLISHED += r"\s+)?"
_DATA_ADJECTIVES = r"official|latest|new|final|preliminary|own|initial|satellite|monthly|weekly|annual|" \
    r"daily|provisional|revised"
_DETS = rf"(?:(?:the|a|an|its|their|{_DATA_ADJECTIVES})\s+)*"
# "figures from the labour ministry", "satellite data analysed by the Forest Watch Institute"
_FROM = re.compile(rf"^{_DETS}{_DATA}\s+{_PUBLISHED}(?:from|by|of)\s+(?P<owner>.+)$", re.IGNORECASE)
# "the ministry's own figures", "Civic Watch's count"
_OWNED = re.compile(rf"^(?P<owner>.+?)[’']s\s+{_DETS}{_DATA}$", re.IGNORECASE)
# "an Associated Press tally", "Eurostat data", "a Reuters count"
_NAME = r"(?:[A-Z][\w’'.&-]*\s+)*[A-Z][\w’'.&-]*"
# not "Official figures", "Provisional data": an adjective, not a name
_NAMED = re.compile(rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?!(?:The|An?|(?i:{_DATA_ADJECTIVES}))\s)"
                    rf"(?P<owner>{_NAME})\s+{_DATA}$")


# "an analysis of phone data commissioned by the city council", "satellite images analysed by X"
_MADE_BY = re.compile(
    r"^(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+\s+){0,5}?(?:analysis|images|data|figures|survey|poll|count|"
    r"estimates?|modelling|calculations?)\s+(?:[\w’'-]+\s+){0,5}?(?:commissioned|compiled|published|released|"
    r"analy[sz]ed|conducted|produced|gathered|collected)\s+by\s+(?P<owner>.+)$", re.IGNORECASE)

# "figures the organisers filed with the council", "data the ministry sent to parliament": a contact
# clause whose subject handed the data over
_HANDED = re.compile(
    rf"^{_DETS}{_DATA}\s+(?:that\s+)?(?P<owner>(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)\s+"
    r"(?:filed|submitted|sent|gave|handed|published|released|provided|supplied|presented|issued|compiled)"
    r"(?:\s+(?:with|to|on|in|at|last|this)\b.*)?$", re.IGNORECASE)


def source_owner(phrase: str) -> str:
    """Who gives the data a source phrase names; the phrase itself when it names no one."""
    for pattern in (_FROM, _OWNED, _NAMED, _MADE_BY, _HANDED):
        m = pattern.match(phrase)
        if m and m.group("owner").strip():
            return m.group("owner").strip()
    return phrase


# Head nouns that say no more than "a body" ("the group", "the organisation"), used alone to refer
# back to a named one. Heads that say what kind of body speaks ("the company", "the union", "the
# ministry") are kept as written: they already tell an editor whose figure it is.
ANAPHOR_HEADS = wordset(
    """group organisation organization charity network coalition body watchdog monitor campaign alliance
    institute foundation observatory project ngo""")
# Anaphors that can name any kind of body ("the organisation" for "the Dornholm Refugee Council").
_ANY_BODY = wordset("group organisation organization body ngo")
# Words that, in a capitalised name, say it names a body rather than a person.
_BODY_WORDS = wordset(
    """group organisation organization charity network coalition body watch watchdog monitor firm
    company campaign alliance agency union council commission association federation institute
    foundation observatory project ngo international ministry office service authority board bureau
    committee party university labs lab bank fund trust corp corporation inc ltd plc llc co holdings
    motors airlines airways air chemicals energy group center centre society league forum partners
    news press times post herald gazette radio television tv""")


# Capitalised runs that may name a body: "The Dornholm Refugee Council", "Ministry of Health", "Grainwatch".
NAME_RUN = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w’'&.-]*)*")


def anaphor_head(phrase: str | None) -> str | None:
    """'The group' -> 'group'; None unless the phrase is 'the' plus a body noun and nothing else."""
    if not phrase:
        return None
    words = phrase.lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in ANAPHOR_HEADS:
        return words[1]
    return None


def names_body(name: str, head: str) -> bool:
    """An earlier name the anaphor 'the <head>' can point to: a name ending in the head ('the Castrea
    Tenants' Union' for 'the union'), or a capitalised name with a body word ('Rights Alliance
    Tarvos', 'Civic Watch'), or a single capitalised word that is not a sentence word ('Grainwatch')."""
    words = [w.strip("’'").lower() for w in name.split()]
    if not words or head in words[:-1]:
        return False
    if words[-1] == head or words[-1] == head + "s":
        return True
    capitalised = [w for w in name.split() if w[:1].isupper() and w.lower().strip("’'") not in NOT_NAMES]
    if not capitalised or words[-1] in _BODY_WORDS and head not in _ANY_BODY:
        return False  # "the Central Electoral Commission" is a commission, not "the network"
    if any(w in _BODY_WORDS for w in words):
        return True
    return len(words) == 1 and name[:1].isupper() and not words[0].endswith("s")

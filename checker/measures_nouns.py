"""The nouns a claim counts: the words a figure's text is read in, the classes of counted nouns that count
the same kind of thing (``UNIT_CLASSES``: residents and people, firms and companies), nouns that stand
for their owners (customer accounts, records of patients), people named by their role ("miners"), acts
done to what is counted ("cancellations"), spans of time, and the subjects a money or percent figure is
of (``SUBJECTS``: rents, prices, wages).

Plain data and the functions that only read it; :mod:`checker.measures` builds on it (counted nouns,
unit compatibility, predicate families), as do :mod:`checker.match` and ``checker.similarity*``.
See docs/rules.md.
"""

from __future__ import annotations

import re

from checker.model import Claim

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_STOP_TEXT = """
    a an the of in on at to for from by with and or but as is are was were be been being has have had
    that this these those it its their they them there here which who whom whose what when where while
    than then so such not no nor into onto over under about around some more most less least many much
    very also said says say according would will could can may might must should do does did just only
    up down out off per each every all any both other others another one two three said year years"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def content_words(text: str | None) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text or "") if w.lower() not in STOPWORDS and len(w) > 1]


# ---------------------------------------------------------------- counted nouns and their classes

# Counted nouns that count the same kind of thing (singular forms). Two count units are compatible
# when they are equal, in one class, or either is unknown; anything else counts a different set.
UNIT_CLASSES = {
    "person": """
        people person individual resident inhabitant citizen member detainee prisoner inmate protester
        protestor demonstrator marcher participant attendee worker employee official staff soldier troop
        child children woman women man men adult student refugee migrant immigrant voter patient victim
        casualty death dead body bodies fatality survivor civilian farmer teacher doctor nurse officer
        lawmaker
        legislator senator minister leader fan spectator visitor tourist passenger customer supporter
        activist journalist diplomat delegate politician executive baby infant girl boy youth pensioner
        arrest trainee pupil recruit retiree evacuee returnee internee enrollee subscriber user""",
    "organisation": """
        entity institution company firm business organisation organization agency bureau corporation
        bank university ngo charity brand manufacturer supplier maker department ministry""",
    "household": "household family",
    "job": "job position post vacancy",
    "building": "home house dwelling building property",
    "facility": """facility site centre center camp prison jail plant factory base station clinic hospital
        school location""",
}
UNIT_CLASS = {w: name for name, words in UNIT_CLASSES.items() for w in words.split()}
COMPOUND_PREFIX, COMPOUND_TAIL = 3, 5  # least letters before, and of, a known noun closing a compound

DURATIONS = frozenset(("second", "minute", "hour", "day", "week", "month", "year", "decade", "century"))


# Nouns that stand for whoever they belong to: a count of them counts their owners when the words say
# whose they are ("310,000 customer accounts", "records of 9 million patients", "residents' accounts");
# a bare "2 million records" says nothing of what it counts (people, ships, documents).
STAND_INS = frozenset(("account", "record"))


def owner_of(entity: str | None, stand_in: str) -> str:
    """The counted noun that owns a stand-in noun in an entity: the known counted noun right before it
    ("customer accounts", "residents' accounts") or after its "of" ("records of (9 million) patients");
    "" when none is named."""
    words = [w.lower() for w in WORD_RE.findall(entity or "")]
    for k, w in enumerate(words):
        if w != stand_in:
            continue
        if k > 0 and _owns(words[k - 1]):
            return words[k - 1]
        after = [x for x in words[k + 1 : k + 8] if x == "of" or x not in STOPWORDS | SCALE_WORDS]
        if after[:1] == ["of"] and len(after) > 1 and _owns(after[1]):
            return after[1]
    return ""


def owner_unit(c: Claim) -> str | None:
    """A claim's unit, or the owners of the accounts or records it counts when its words name them
    ("310,000 customer accounts" -> customer); a bare "2 million records" keeps "records"."""
    unit = content_words(c.unit)
    if unit and singular(unit[-1]) in STAND_INS:
        return owner_of(c.entity, unit[-1]) or c.unit
    return c.unit


SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "mn", "bn", "m"))


def _owns(word: str) -> bool:
    """Whether a word names people who can own accounts or records ("customers", "patients")."""
    return UNIT_CLASS.get(singular(word)) == "person"


# What a money or percent figure is of (word forms as written): two figures whose own words name
# different ones ("rents rose 8.1%" and "house prices rose 3%") measure different things.
_SUBJECT_TEXT = {
    "rent": "rent rents rental rentals",
    "price": "price prices",
    "fare": "fare fares",
    "pay": "wage wages salary salaries pay earnings",
    "turnout": "turnout participation ballot ballots",
    "unemployment": "unemployment jobless",
    "inflation": "inflation",
    "loss": "cost costs cost lost loss losses damage damages",
    "revenue": "revenue revenues turnover sales",
    "profit": "profit profits",
    "gdp": "gdp",
    "investment": "invest invests investing invested investment investments",
    "budget": "budget budgets spending",
    "tax": "tax taxes",
    "debt": "debt debts",
}
SUBJECTS = {w: name for name, words in _SUBJECT_TEXT.items() for w in words.split()}


def subjects_of(text: str) -> frozenset[str]:
    """The subjects (``SUBJECTS``) a figure's own words name."""
    return frozenset(SUBJECTS[w] for w in content_words(text) if w in SUBJECTS)


def singular(word: str) -> str:
    word = word.lower().strip(" .")
    if word in UNIT_CLASS:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def unit_class(unit: str | None) -> str:
    """The class of a counted noun ("Uyghurs" -> person); the noun itself when it has none."""
    words = content_words(unit)
    if not words:
        return ""
    head = singular(words[-1])
    if head in UNIT_CLASS:
        return UNIT_CLASS[head]
    raw = (unit or "").strip().split()[-1]
    if raw[:1].isupper() and raw.endswith("s"):
        return "person"  # a capitalised plural is a people ("Kazakhs", "Americans")
    # A compound closed up on a known noun counts the same kind ("dockworkers", "schoolchildren"); the
    # known noun must be long enough not to hide in another word ("site" in "website").
    tail = next((head[k:] for k in range(COMPOUND_PREFIX, len(head) - COMPOUND_TAIL + 1)
                 if head[k:] in UNIT_CLASS), None)
    return UNIT_CLASS[tail] if tail else head


ROLE_ENDINGS = ("ers", "ors", "ists", "ians")


def is_role_noun(noun: str | None) -> bool:
    """A plural counted noun no class knows that reads as people by their role ("miners", "rescuers",
    "cyclists", "technicians"): an agent ending. Such a noun may count the same people as a person noun
    only when what happened to them agrees (similarity_scope)."""
    words = content_words(noun)
    if len(words) != 1 or unit_class(words[0]) != singular(words[0]) or singular(words[0]) in UNIT_CLASS:
        return False
    return words[0].endswith(ROLE_ENDINGS) and len(words[0]) >= 6


ACT_ENDINGS = ("ations", "ation", "ions", "ion", "ures", "ure")


def act_stem(noun: str | None) -> str:
    """The verb stem of a plural noun naming an act done to the counted things ("cancellations" ->
    "cancel", "closures" -> "clos", "deportations" -> "deport"); "" for any other noun."""
    words = content_words(noun)
    if len(words) != 1 or singular(words[0]) in UNIT_CLASS or not words[0].endswith("s"):
        return ""
    word = words[0]
    ending = next((e for e in ACT_ENDINGS if word.endswith(e) and len(word) - len(e) >= 4), None)
    if ending is None:
        return ""
    stem = word[: -len(ending)]
    return stem[:-1] if len(stem) > 5 and stem[-1] == stem[-2] else stem  # "cancell" -> "cancel"

"""Place, time and rate between two claims: the vetoes and the penalties of similarity.

Hard vetoes (:func:`linkable`): two stories, other dimensions or units, other predicate families,
two named events, two regions, two calendar periods, rates over different periods. Softer signs
that two figures are about another place or time (:func:`placed_apart`, :func:`window_relation`,
:func:`time_frame`) lower a pair's score in :mod:`checker.similarity_pair`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from checker.context_scope import ONE_PERIOD
from checker.measures import View, compatible_units, dimension_of
from checker.measures_nouns import act_stem, is_role_noun, unit_class
from checker.model import Claim
from checker.similarity_features import Features


def linkable(a: View, b: View, fa: Features, fb: Features) -> bool:
    """Hard constraints: what makes two claims different quantities whatever their wording."""
    ca, cb = a.claim, b.claim
    if fa.story and fb.story and not fa.story & fb.story:
        return False  # the two articles name nothing in common: two different stories
    if dimension_of(ca) != dimension_of(cb) or (ca.trend is None) != (cb.trend is None):
        return False
    if not compatible_units(fa.counted, fb.counted, dimension_of(ca)) and not (
        _people_by_role(ca, cb, fa, fb) or acts_on(a, b, fa, fb)
    ):
        return False
    if fa.family and fb.family and fa.family != fb.family:
        return False  # deaths against injuries, turnout against arrests
    if fa.events and fb.events and not fa.events & fb.events:
        return False  # two different named storms, marches, ...
    if fa.regions and fb.regions and not any(_same_place(x, y) for x in fa.regions for y in fb.regions):
        return False  # turnout in one region against turnout in another
    if fa.periods and fb.periods and not fa.periods & fb.periods and not _may_overlap(fa.periods, fb.periods):
        return False  # the 2021 election against the 2025 one
    subjects = dimension_of(ca) in SUBJECT_DIMENSIONS and fa.subjects and fb.subjects
    if subjects and fa.subjects.isdisjoint(fb.subjects):
        return False  # rents against consumer prices, wages against fares
    # A monthly rise against an annual rise: rates over different periods.
    return not (fa.rates and fb.rates and not fa.rates & fb.rates)


def _people_by_role(ca: Claim, cb: Claim, fa: Features, fb: Features) -> bool:
    """People named by their role against people, one figure told twice ("killed 17 miners", "17 men
    were killed"): one counted noun a person noun, the other a role noun no class knows
    (``is_role_noun``), both told with predicates of one family and the same number. A role names a
    part of the people; with another number the person count is the larger set ("58 people died in
    the country's mines last year")."""
    if dimension_of(ca) != "count" or not fa.family or fa.family != fb.family:
        return False
    if (ca.value, ca.low, ca.high) != (cb.value, cb.low, cb.high) or ca.value is None:
        return False
    return any(unit_class(x) == "person" and is_role_noun(y)
               for x, y in ((fa.counted, fb.counted), (fb.counted, fa.counted)))


def acts_on(a: View, b: View, fa: Features, fb: Features) -> bool:
    """A count of acts against a count of the things the act is done to, when the other's own words
    use the act's verb: "about 560 cancellations" and "expects to cancel about 560 flights"; "300
    closures" and "closed 300 schools". The same number only: another number may count another set."""
    ca, cb = a.claim, b.claim
    if dimension_of(ca) != "count" or (ca.value, ca.low, ca.high) != (cb.value, cb.low, cb.high):
        return False
    for (f1, _), (f2, v2) in (((fa, a), (fb, b)), ((fb, b), (fa, a))):
        stem = act_stem(f1.counted)
        if stem and f2.counted and not act_stem(f2.counted) and re.search(
            rf"\b{re.escape(stem)}", v2.window + " " + v2.own, re.IGNORECASE
        ):
            return True
    return False


# Dimensions with no counted noun: what the figure is of (``Features.subjects``) stands in for one.
SUBJECT_DIMENSIONS = frozenset(("currency", "percent"))


def _same_place(a: str, b: str) -> bool:
    """One region name's words within the other's ("north varn", "kestria's north varn")."""
    wa, wb = (set(re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", x))) for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _may_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of calendar periods that may cover one time: a span holding the other's year, or a
    period relative to the article's date ("period:last-year") that cannot be placed."""
    def years(p: str) -> tuple[int, int] | None:
        m = re.fullmatch(r"period:(\d{4})(?:\.\.(\d{4})|-.*)?", p)
        return (int(m.group(1)), int(m.group(2) or m.group(1))) if m else None

    for x in a:
        for y in b:
            yx, yy = years(x), years(y)
            if yx is None or yy is None or (yx[0] <= yy[1] and yy[0] <= yx[1]):
                return True
    return False


def window_relation(a: str, b: str) -> str:
    """"same" window (equal, or one date without its year: "since:--03", "since:2024-03"); "other" (two
    kinds, "since:" against "period:", or two dates); "unknown" when one period is relative to the
    article's date ("period:last-year" against "period:2024"), or a span against a period it may hold."""
    if a == b:
        return "same"
    pa, _, va = a.partition(":")
    pb, _, vb = b.partition(":")
    if pa != pb:
        return "other"
    if va[:1].isalpha() != vb[:1].isalpha():
        return "unknown"
    if pa == "period" and (".." in va or ".." in vb) and _may_overlap(frozenset((a,)), frozenset((b,))):
        return "unknown"  # a span and a period inside it ("period:2024..2025", "period:2025"): may be one
    if va.startswith("--") != vb.startswith("--"):
        partial, full = (va, vb) if va.startswith("--") else (vb, va)
        return "same" if full[4:] == partial[1:] else "other"
    return "other"


def is_past(f: Features, now: int | None) -> bool:
    """Dated to a calendar year before ``now`` ("in 2021" in a story of 2025): another time."""
    return now is not None and any(
        (m := re.fullmatch(r"period:(\d{4})", p)) is not None and int(m.group(1)) < now for p in f.periods
    )


def time_frame(f: Features) -> frozenset[str]:
    """The rates and time windows a figure states ("over the past year" is the rate per year)."""
    return f.rates | {w for w in f.windows if w not in ONE_PERIOD}


@dataclass(frozen=True)
class ArticleText:
    """Per article, what :func:`named_in_passing` reads: its lead (the first sentence with figures)
    and its sentences with figures, lower-cased. Built once per article by :func:`article_texts`."""

    lead: int  # sentence_start of the lead
    sentences: frozenset[tuple[int, str]]  # (sentence_start, lower-cased sentence)

    @property
    def lead_text(self) -> str:
        return min(self.sentences)[1]


def article_texts(views: list[View]) -> dict[str, ArticleText]:
    """One :class:`ArticleText` per article, in one pass over the claims."""
    sentences: dict[str, set[tuple[int, str]]] = {}
    for v in views:
        sentences.setdefault(v.claim.article, set()).add((v.claim.sentence_start, v.claim.sentence.lower()))
    return {a: ArticleText(min(s)[0], frozenset(s)) for a, s in sentences.items()}


def named_in_passing(view: View, f: Features, text: ArticleText) -> bool:
    """Whether the claim's regions are named in no other sentence with figures of its article, and not
    in its lead (the first sentence with figures names the article's own place: "New cholera cases in
    Lusendo fell to 480")."""
    if not f.regions or text.lead == view.claim.sentence_start:
        return False
    own = view.claim.sentence.lower()
    others = [s for _, s in sorted(text.sentences) if s != own]
    # Any word of the name will do: "North Varn" elsewhere names "Kestria's North Varn".
    words = {w for w in place_words(f.regions) if len(w) > 2}
    return not any(re.search(rf"\b{re.escape(w)}\b", s) for w in words for s in others)


def named_in_lead(f: Features, text: ArticleText) -> bool:
    """Whether the claim's regions are named in its article's lead: the article's own place."""
    words = {w for w in place_words(f.regions) if len(w) > 2}
    return any(re.search(rf"\b{re.escape(w)}\b", text.lead_text) for w in words)


def placed_apart(a: View, b: View, fa: Features, fb: Features) -> bool:
    """One claim names a place and the other none, and nothing says the other is about that place: in
    one article, a place named only in its own sentence (not the lead); across articles, a place the
    other article does not name, or names only in passing."""
    for x, y, fx in ((a, b, fa), (b, a, fb)):
        fy = fb if fx is fa else fa
        if not fx.regions or fy.regions:
            continue
        if x.claim.article == y.claim.article:
            return fx.aside
        words = place_words(fx.regions)
        return not words & fy.names or words <= fy.asides
    return False


def place_words(regions: frozenset[str]) -> set[str]:
    return {w for r in regions for w in re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", r))}


def places_for_grouping(
    views: list[View], feats: list[Features], texts: dict[str, ArticleText]
) -> list[frozenset[str]]:
    """The place each claim is about, for keeping a group to one place (:func:`disjoint_places`); the
    known places are the claims' regions. A claim's own regions; else the known places its own words
    name before the figure ("Monvel, by contrast, has seen rents climb 4.1%"); else, when its sentence
    names no known place, its article's place: the one place its lead names, when no other place is
    named in as many of its sentences with figures ("Rents in Castrea rose 9.4%" for "Landlords say
    about 6%"). Empty when nothing says where."""
    known = {r for f in feats for r in f.regions}
    homes = {a: _home(t, known) for a, t in texts.items()}
    out = []
    for v, f in zip(views, feats, strict=True):
        own = f.regions or (_named(v.own[: v.offset].lower(), known) if v.offset > 0 else frozenset())
        if not own and not _named(v.claim.sentence.lower(), known):
            own = homes[v.claim.article]
        out.append(own)
    return out


def _named(text: str, known: set[str]) -> frozenset[str]:
    """The known places ``text`` (lower-cased) names, every word of the name; the longest of nested names
    ("kestria's north varn", not also "north varn")."""
    found = {r for r in known
             if all(re.search(rf"\b{re.escape(w)}\b", text) for w in place_words(frozenset((r,))))}
    return frozenset(r for r in found if not any(len(o) > len(r) and _same_place(r, o) for o in found))


def _home(text: ArticleText, known: set[str]) -> frozenset[str]:
    """The article's one place: the only place its lead names, named in more of its sentences with
    figures than any other place (a story about Castrea that mentions Monvel's rents); else empty."""
    lead = _named(text.lead_text, known)
    if len(lead) != 1:
        return frozenset()
    counts = Counter(r for _, s in text.sentences for r in _named(s, known))
    mine = sum(k for r, k in counts.items() if not disjoint_places(frozenset((r,)), lead))
    other = max((k for r, k in counts.items() if disjoint_places(frozenset((r,)), lead)), default=0)
    return lead if mine > other else frozenset()


def disjoint_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of places that share none (no name within another): one place's figures and another's."""
    return bool(a and b) and not any(_same_place(x, y) for x in a for y in b)

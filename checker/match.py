"""Group claims about the same quantity: rules first, then similarity.

1. **Rules.** A claim joins the rule whose cues it satisfies (see docs/rules.md) and whose
   dimension and unit it is compatible with; when several rules fit, the one whose cues sit closest
   to the figure wins.
2. **Similarity.** Claims no rule takes are linked when they measure a compatible thing (same
   dimension, compatible units and predicates) and are similar enough in what they measure
   (entity), the event and place they are about (context) and their predicate. Groups are
   complete-linkage clusters: every pair in a group is linked, so one chain of look-alikes cannot
   merge two quantities. A similarity group is kept only when it is worth comparing: claims from at
   least two articles, or from two different speakers in one article (organisers against police).

Everything is sorted before it is clustered, so the result never depends on input order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from checker.model import Claim, Group, Membership, Rule
from checker.rules import RuleSet

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_STOP_TEXT = """
    a an the of in on at to for from by with and or but as is are was were be been being has have had
    that this these those it its their they them there here which who whom whose what when where while
    than then so such not no nor into onto over under about around some more most less least many much
    very also said says say according would will could can may might must should do does did just only
    up down out off per each every all any both other others another one two three said year years"""
STOPWORDS = frozenset(_STOP_TEXT.split())
NEAR_WORDS = 4  # words either side of a figure that count as "what it measures" when entity is unknown
CONTEXT_FLOOR = 35.0  # below this context score two claims are about different events or places
ENTITY_FLOOR = 40.0  # below this entity score two claims measure different things
WEIGHTS = (0.45, 0.40, 0.15)  # entity, context, predicate


def match(claims: Sequence[Claim], ruleset: RuleSet) -> tuple[tuple[Claim, ...], tuple[Group, ...]]:
    """Every claim with ``quantity`` set (or None), and the groups; both sorted."""
    ordered = sorted(claims, key=_claim_key)
    views = _views(ordered)
    assigned: dict[int, tuple[str, Membership]] = {}
    for i, view in enumerate(views):
        found = _best_rule(view, ruleset.rules)
        if found is not None:
            assigned[i] = found
    rest = [i for i in range(len(views)) if i not in assigned]
    groups: list[Group] = []
    for rule in ruleset.rules:
        members = [assigned[i][1] for i in sorted(assigned) if assigned[i][0] == rule.id]
        if members:
            groups.append(Group(rule.id, rule.label, rule.unit, rule.dimension, rule.id, tuple(members)))
    taken = {g.id for g in groups}
    for index_group, memberships in _similarity_groups([views[i] for i in rest], ruleset.settings.similarity):
        group = _similarity_group([views[rest[k]] for k in index_group], memberships, taken)
        taken.add(group.id)
        groups.append(group)
    quantity = {m.claim: g.id for g in groups for m in g.members}
    out = tuple(replace(c, quantity=quantity.get(c.id)) for c in ordered)
    return out, tuple(sorted(groups, key=lambda g: g.id))


def _claim_key(c: Claim) -> tuple[object, ...]:
    return (c.article, c.start, c.end, c.id, c.text)


# ---------------------------------------------------------------- what each claim offers


@dataclass(frozen=True)
class View:
    """A claim and the texts cues and similarity look at."""

    claim: Claim
    own: str  # the part of the sentence closer to this figure than to any other figure in it
    offset: int  # where the figure starts within ``own`` (-1 if unknown)
    fields: str  # entity, unit and predicate
    topic: str  # the sentence, the context words and the fields
    near: str  # the figure's own words: entity and unit, or the words around the figure


def _views(claims: list[Claim]) -> list[View]:
    by_sentence: dict[tuple[str, int, str], list[tuple[int, int, int]]] = {}
    spans = []
    for i, c in enumerate(claims):
        rel = c.start - c.sentence_start
        if not (0 <= rel <= len(c.sentence) and c.sentence[rel : rel + len(c.text)] == c.text):
            rel = c.sentence.find(c.text)
        spans.append(rel)
        if rel >= 0:
            key = (c.article, c.sentence_start, c.sentence)
            by_sentence.setdefault(key, []).append((rel, rel + len(c.text), i))
    bounds: dict[int, tuple[int, int]] = {}
    for (_, _, sentence), figures in by_sentence.items():
        figures.sort()
        for k, (start, end, i) in enumerate(figures):
            left = 0 if k == 0 else _split_point(sentence, figures[k - 1][1], start)
            right = len(sentence) if k == len(figures) - 1 else _split_point(sentence, end, figures[k + 1][0])
            bounds[i] = (left, right)
    views = []
    for i, c in enumerate(claims):
        left, right = bounds.get(i, (0, len(c.sentence)))
        own = c.sentence[left:right]
        offset = spans[i] - left if spans[i] >= 0 else -1
        fields = " ".join(x for x in (c.entity, c.unit, c.predicate) if x)
        topic = " ".join([c.sentence, *c.context, fields])
        if c.entity:
            near = " ".join(x for x in (c.entity, c.unit) if x)
        else:
            before = WORD_RE.findall(own[: max(offset, 0)])[-NEAR_WORDS:]
            after = WORD_RE.findall(own[offset + len(c.text) :] if offset >= 0 else own)[:NEAR_WORDS]
            near = " ".join([*before, c.unit or "", *after])
        views.append(View(c, own, offset, fields, topic, near))
    return views


def _split_point(sentence: str, a: int, b: int) -> int:
    """A word boundary half-way between two figures."""
    mid = (a + b) // 2
    gap = sentence[a:b]
    spaces = [a + k for k, ch in enumerate(gap) if ch.isspace()]
    return min(spaces, key=lambda s: (abs(s - mid), s)) if spaces else mid


# ---------------------------------------------------------------- rules


@lru_cache(maxsize=4096)
def _cue_re(alternative: str) -> re.Pattern[str]:
    """An alternative matches whole words; ``*`` at the end allows any ending, else an optional plural.

    An alternative written in capitals ("US") matches case-sensitively, so it does not match "us".
    """
    star = alternative.endswith("*")
    body = alternative.rstrip("*").strip()
    pattern = r"[\s-]+".join(re.escape(part) for part in body.split())
    tail = r"[\w'’-]*" if star else r"(?:s|es|'s|’s)?"
    flags = 0 if body.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w]){pattern}{tail}(?![\w])", flags)


def _find(alternatives: Sequence[str], text: str) -> re.Match[str] | None:
    hits = [m for alt in alternatives if (m := _cue_re(alt).search(text))]
    return min(hits, key=lambda m: (m.start(), -m.end())) if hits else None


def _distance(alternatives: Sequence[str], own: str, offset: int) -> float | None:
    """Characters between the figure and the nearest alternative in ``own``; None if absent."""
    best = None
    for alt in alternatives:
        for m in _cue_re(alt).finditer(own):
            d = 0 if offset < 0 else max(m.start() - offset, offset - m.end(), 0)
            best = d if best is None else min(best, d)
    return best


def rule_fits(view: View, rule: Rule) -> tuple[tuple[float, ...], str] | None:
    """How well a claim fits a rule (lower key is better) and the reason, or None if it does not."""
    c = view.claim
    if c.dimension != rule.dimension or not compatible_units(c.unit, rule.unit, c.dimension):
        return None
    words: list[str] = []
    topics: list[str] = []
    in_fields = 0
    total = 0.0
    for cue in rule.cues:
        if cue.startswith("topic:"):
            hit = _find(cue[len("topic:") :].split("|"), view.topic)
            if hit is None:
                return None
            topics.append(repr(hit.group(0)))
            continue
        alternatives = cue.split("|")
        field_hit = _find(alternatives, view.fields)
        distance = 0.0 if field_hit else _distance(alternatives, view.own, view.offset)
        if distance is None:
            return None
        hit = field_hit or _find(alternatives, view.own)
        in_fields += field_hit is not None
        total += distance
        words.append(repr(hit.group(0)) if hit else cue)
    excluded = _find(rule.exclude, view.own + " " + view.fields)
    if excluded is not None:
        return None
    n_all = sum(not cue.startswith("topic:") for cue in rule.cues)
    reason = "cues " + ", ".join(words) + (f" (topic {', '.join(topics)})" if topics else "")
    return (-in_fields, -n_all, total / max(n_all, 1)), reason


def _best_rule(view: View, rules: Sequence[Rule]) -> tuple[str, Membership] | None:
    fits = []
    for rule in rules:
        fit = rule_fits(view, rule)
        if fit is not None:
            fits.append((fit[0], rule.id, fit[1]))
    if not fits:
        return None
    _, rule_id, reason = min(fits)
    return rule_id, Membership(view.claim.id, "rule", 100.0, f"rule {rule_id}: {reason}")


# ---------------------------------------------------------------- similarity


def _content_words(text: str | None) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text or "") if w.lower() not in STOPWORDS and len(w) > 1]


def _context_words(view: View) -> frozenset[str]:
    c = view.claim
    if c.context:
        return frozenset(w for item in c.context for w in _content_words(item))
    measured = set(_content_words(view.near))
    return frozenset(w for w in _content_words(c.sentence) if w not in measured)


@dataclass(frozen=True)
class Pair:
    score: float
    entity: float
    context: float
    predicate: str  # "match", "differs", "unknown"


def _predicate(a: Claim, b: Claim) -> tuple[float, str] | None:
    """Predicate score and wording; None when the predicates say different things happened."""
    fa, fb = predicate_family(a.predicate, a.unit), predicate_family(b.predicate, b.unit)
    if fa and fb:
        return (100.0, "match") if fa == fb else None
    if a.predicate and b.predicate:
        same = _stem(a.predicate) == _stem(b.predicate)
        return (100.0, "match") if same else (40.0, "differs")
    return 50.0, "unknown"


def _stem(text: str) -> str:
    word = (_content_words(text) or [text.lower()])[-1]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _linkable(a: View, b: View) -> bool:
    ca, cb = a.claim, b.claim
    if ca.dimension != cb.dimension or (ca.trend is None) != (cb.trend is None):
        return False
    if not compatible_units(ca.unit, cb.unit, ca.dimension):
        return False
    if ca.article == cb.article and ca.sentence_start == cb.sentence_start and ca.sentence == cb.sentence:
        # One sentence gives one quantity once, unless it sets two speakers against each other.
        return bool(ca.attribution and cb.attribution and ca.attribution != cb.attribution)
    return True


def _score(
    a: View, b: View, ctx: dict[int, frozenset[str]], idf: dict[str, float], i: int, j: int
) -> Pair | None:
    if not _linkable(a, b):
        return None
    pred = _predicate(a.claim, b.claim)
    if pred is None:
        return None
    ea, eb = " ".join(_content_words(a.near)), " ".join(_content_words(b.near))
    entity = fuzz.token_set_ratio(ea, eb) if ea and eb else 50.0
    context = _weighted_dice(ctx[i], ctx[j], idf) if ctx[i] and ctx[j] else 50.0
    if entity < ENTITY_FLOOR or context < CONTEXT_FLOOR:
        return None
    we, wc, wp = WEIGHTS
    score = round(we * entity + wc * context + wp * pred[0], 1)
    return Pair(score, round(entity), round(context), pred[1])


def _weighted_dice(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    inter = sum(idf[w] for w in a & b)
    total = sum(idf[w] for w in a) + sum(idf[w] for w in b)
    return 200.0 * inter / total if total else 0.0


def _similarity_groups(views: list[View], threshold: float) -> list[tuple[list[int], dict[int, Membership]]]:
    """Complete-linkage clusters over the pair list sorted by score (ties broken by position)."""
    ctx = {i: _context_words(v) for i, v in enumerate(views)}
    df = Counter(w for words in ctx.values() for w in words)
    n = max(len(views), 1)
    idf = {w: math.log(1 + n / k) for w, k in df.items()}
    pairs: dict[tuple[int, int], Pair] = {}
    for i in range(len(views)):
        for j in range(i + 1, len(views)):
            p = _score(views[i], views[j], ctx, idf, i, j)
            if p is not None and p.score >= threshold:
                pairs[(i, j)] = p
    cluster = {i: frozenset([i]) for i in range(len(views))}
    for (i, j), _ in sorted(pairs.items(), key=lambda kv: (-kv[1].score, kv[0])):
        ci, cj = cluster[i], cluster[j]
        if ci is cj or ci == cj:
            continue
        if all((min(x, y), max(x, y)) in pairs for x in ci for y in cj):
            merged = ci | cj
            for k in merged:
                cluster[k] = merged
    out = []
    for members in sorted({c for c in cluster.values() if len(c) > 1}, key=sorted):
        claims = [views[k].claim for k in members]
        articles = {c.article for c in claims}
        speakers = {(c.article, c.attribution) for c in claims if c.attribution}
        if len(articles) < 2 and len(speakers) < 2:
            continue  # one article repeating itself: nothing to compare
        memberships = {}
        for k in sorted(members):
            best = max(
                ((pairs[(min(k, m), max(k, m))], m) for m in members if m != k),
                key=lambda pm: (pm[0].score, -pm[1]),
            )
            p, m = best
            reason = (
                f"similar to {views[m].claim.id} (entity {p.entity:.0f}, context {p.context:.0f}, "
                f"predicate {p.predicate}; score {p.score:g})"
            )
            memberships[k] = Membership(views[k].claim.id, "similarity", p.score, reason)
        out.append((sorted(members), memberships))
    return out


def _similarity_group(views: list[View], memberships: dict[int, Membership], taken: set[str]) -> Group:
    claims = [v.claim for v in views]
    entities = Counter(v.claim.entity or v.near for v in views)
    label = min(entities, key=lambda e: (-entities[e], len(e), e)).strip() or "unlabelled"
    units = Counter(c.unit for c in claims if c.unit)
    unit = min(units, key=lambda u: (-units[u], u)) if units else None
    basis = sorted("|".join([(c.entity or "").lower(), (c.unit or "").lower(), *c.context]) for c in claims)
    digest = hashlib.sha1("\n".join(basis).encode("utf-8")).hexdigest()[:6]
    slug = "-".join(_content_words(label)[:5]) or "quantity"
    gid = f"{slug}-{digest}"
    n = 2
    while gid in taken:
        gid, n = f"{slug}-{digest}-{n}", n + 1
    members = tuple(memberships[k] for k in sorted(memberships))
    return Group(gid, label, unit, claims[0].dimension, None, members)


# ---------------------------------------------------------------- units and predicates

# Counted nouns that count the same kind of thing (singular forms). Two count units are compatible
# when they are equal, in one class, or either is unknown; anything else counts a different set.
UNIT_CLASSES = {
    "person": """
        people person individual resident inhabitant citizen member detainee prisoner inmate protester
        protestor demonstrator marcher participant attendee worker employee official staff soldier troop child
        children woman women man men adult student refugee migrant immigrant voter patient victim casualty
        death dead fatality survivor civilian farmer teacher doctor nurse officer lawmaker legislator senator
        minister leader fan spectator visitor tourist passenger customer supporter activist journalist
        diplomat delegate politician executive baby infant girl boy youth pensioner muslim uyghur uighur
        kazakh""",
    "organisation": """entity institution company firm business organisation organization agency bureau
        corporation bank university ngo charity brand manufacturer supplier maker department ministry""",
    "household": "household family home dwelling house",
}
UNIT_CLASS = {w: name for name, words in UNIT_CLASSES.items() for w in words.split()}
PERCENT_ALIASES = {"": "percent", "%": "percent", "per cent": "percent", "pct": "percent", "pc": "percent"}
GENERIC_UNITS = frozenset({"", "other", "others", "number", "figure", "total", "count"})

# Predicates that say what happened to what was counted; two claims whose predicates fall in
# different families measure different things (deaths against injuries, say).
PREDICATE_FAMILIES = {
    "death": ("kill", "die", "dead", "death", "fatal", "perish", "drown", "lost their lives"),
    "injury": ("injur", "wound", "hurt", "hospitali"),
    "missing": ("missing", "unaccounted"),
    "displaced": ("evacuat", "displac", "homeless", "flee", "fled"),
    "detention": ("detain", "held", "hold", "arrest", "imprison", "jail", "intern", "incarcerat", "lock"),
    "attendance": (
        "attend",
        "march",
        "gather",
        "rall",
        "protest",
        "turn out",
        "turned out",
        "turnout",
        "took part",
        "take part",
        "participat",
        "demonstrat",
        "join",
    ),
    "survey": ("survey", "interview", "poll", "sampl", "question"),
}


def _singular(word: str) -> str:
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
    words = _content_words(unit)
    if not words:
        return ""
    head = _singular(words[-1])
    if head in UNIT_CLASS:
        return UNIT_CLASS[head]
    raw = (unit or "").strip().split()[-1]
    if raw[:1].isupper() and raw.endswith("s"):
        return "person"  # a capitalised plural is a people ("Kazakhs", "Americans")
    return head


def compatible_units(a: str | None, b: str | None, dimension: str) -> bool:
    """Whether two claims' units can measure the same quantity (within one dimension)."""
    if dimension == "percent":  # percent against percentage points or basis points is not comparable
        pa, pb = (PERCENT_ALIASES.get((u or "").strip().lower(), (u or "").strip().lower()) for u in (a, b))
        return pa == pb
    ka, kb = unit_class(a), unit_class(b)
    if ka in GENERIC_UNITS or kb in GENERIC_UNITS:
        return True
    if dimension == "count":
        return ka == kb
    return (a or "").strip().lower() == (b or "").strip().lower()


def predicate_family(predicate: str | None, unit: str | None = None) -> str | None:
    """The family of what happened ("killed" -> death); None when unknown."""
    for text in (predicate, unit):
        low = (text or "").lower()
        if not low:
            continue
        for family, stems in PREDICATE_FAMILIES.items():
            if any(re.search(rf"(?<!\w){re.escape(stem)}", low) for stem in stems):
                return family
    return None

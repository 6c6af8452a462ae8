"""Who gives a figure, for the report's "Who disagrees" lines: a claim's source (a speaker, or an outlet's
article that names none) and which speaker names name one body or person (:func:`speaker_keys`).

Names are read from their words only, never from a list of known bodies, so a story nobody has seen
reads the same way: a proper name after a description stands for the whole, a short form joins the one
longer name it fits, an acronym joins the words it spells when the speakers leave one reading.
The kind of each source (organisers, police, officials, researchers ...: :mod:`checker.context_speaker`)
lets the report say which kinds of source disagree as well as which speakers (:func:`kind_disagreements`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from checker.compare import in_sentence, speaker
from checker.context_speaker import KIND_LABELS
from checker.model import Claim, Finding
from checker.render_markdown import MarkdownRenderer
from checker.report import capitalised, counted, format_ratio, severity_rank, source_kind

NO_SOURCE = "no source named"
MAX_KIND_SENTENCES = 6  # pairs of kinds of source, most severe first; the rest are counted

@dataclass(frozen=True)
class Source:
    """Who gives a figure: ``key`` to merge by, ``name`` as written, ``where`` (outlet or article)."""

    key: str
    name: str
    where: str


def source_of(r: MarkdownRenderer, claim: Claim, keys: Mapping[str, tuple[str, str]] | None = None) -> Source:
    """The claim's source; ``keys`` (from :func:`speaker_keys`) merges the speakers of one quantity."""
    article = r.ix.articles.get(claim.article)
    where = (article.outlet if article is not None else None) or claim.article
    name = speaker(claim.attribution)
    if not name:
        return Source(f"article:{claim.article}", NO_SOURCE, where)
    key, shown = (keys or {}).get(name) or (" ".join(_key_words(name)), name)
    return Source("speaker:" + key, shown, where)


# ---------------------------------------------------------------- speakers that are one speaker

Words = tuple[str, ...]
_DETERMINERS = frozenset(("the", "a", "an"))
# A word before a name that makes the name something else than the speaker ("researchers at Esk
# University", "the family of Ada Lind", "Amnesty and Human Rights Watch").
# ('by' is not one: 'a study by Velsa University' gives the university's figure.)
_LINKS = frozenset(("at", "of", "for", "from", "in", "with", "on", "to", "and", "or", "nor", "&", ","))
_LIST_WORDS = frozenset(("and", "or", "nor", "&", ","))
_NAME_LINKS = frozenset(("of", "for", "and", "the", "de", "des", "du", "la", "le", "on", "&"))
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _words(name: str) -> list[str]:
    """The name's words as written, a comma as a word of its own, leading determiners left out."""
    words = [w.strip("\"'“”‘’()") for w in re.findall(r"[^\s,]+|,", name)]
    words = [w for w in words if w]
    while words and words[0].casefold() in _DETERMINERS:
        words.pop(0)
    return words


def _acronyms(names: Iterable[str]) -> dict[str, list[str]]:
    """Initials of each run of capitalised words in ``names`` -> the run ('UN' -> United Nations,
    'WHO' -> World Health Organization); initials that two different runs or parts of runs share are
    left out, so an acronym is read only where the speakers leave one reading ('PM' beside 'Prime
    Minister Ada Lind' and 'Port Mell council' is neither)."""
    found: dict[str, list[str]] = {}
    clashes: set[str] = set()
    for name in names:
        words, i = _words(name), 0
        while i < len(words):
            j = i
            while j < len(words) and (_capital_word(words[j]) or j > i and words[j].casefold() in _NAME_LINKS
                                      and j + 1 < len(words) and _capital_word(words[j + 1])):
                j += 1
            for a in range(i, j):  # every part of the run, so that 'PM' fits 'Prime Minister Ada Lind' too
                for b in range(a + 2, j + 1):
                    part = words[a:b]
                    if part[0].casefold() in _NAME_LINKS or part[-1].casefold() in _NAME_LINKS:
                        continue
                    initials = "".join(w[0] for w in part if w.casefold() not in _NAME_LINKS).upper()
                    if found.setdefault(initials, part) != part:
                        clashes.add(initials)
            i = max(j, i + 1)
    return {k: v for k, v in found.items() if k not in clashes}


def _capital_word(word: str) -> bool:
    return word[:1].isupper() and not _ACRONYM.fullmatch(word)


def _key_words(name: str, acronyms: Mapping[str, list[str]] | None = None) -> tuple[str, ...]:
    """What a speaker name names, lower case: a proper name after a description stands for the whole
    ('the aid group Médecins Solidaires' -> médecins solidaires); otherwise the words without 'the'.
    An acronym that ``acronyms`` spells out is read as its words ('a UN panel' -> united nations panel).
    """
    return _read(name, acronyms)[0]


def _read(name: str, acronyms: Mapping[str, list[str]] | None = None) -> tuple[Words, Words]:
    """(key, description): the description is what stands before a proper name ('aid group' of 'the
    aid group Médecins Solidaires'), empty when the key is the whole name."""
    words = [x for w in _words(name) for x in (acronyms or {}).get(w, [w])]
    start = len(words)  # the proper name at the end: capitalised words, 'of'/'for'... between them
    while start > 0 and (words[start - 1][:1].isupper() or start < len(words) and start > 1
                         and words[start - 1].casefold() in _NAME_LINKS and words[start - 2][:1].isupper()):
        start -= 1
    before = start - 1
    while before >= 0 and words[before].casefold() in _DETERMINERS:
        before -= 1
    lower = tuple(w.casefold() for w in words)
    if 0 < start < len(words) and before >= 0 and lower[before] not in _LINKS:
        return lower[start:], lower[: before + 1]
    return lower, ()


def _part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` names what ``long`` names: it ends ``long``, and what ``long`` adds before it is a
    description, not a list or a link ('ministry' of 'interior ministry', 'kovac' of 'jana kovac'; not
    'us government' of 'experts, eyewitnesses and the us government', nor 'ada lind' of 'the family of
    ada lind')."""
    if not short or len(short) >= len(long) or long[-len(short):] != short:
        return False
    before = long[: -len(short)]
    return _LIST_WORDS.isdisjoint(before) and before[-1] not in _LINKS


def speaker_keys(names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Speaker name -> (key, name to show) for the speakers of one quantity.

    Names merge when they name the same body or person in a general way: the same words apart from
    case and a leading 'the'; the same proper name after different descriptions ('the aid group
    Médecins Solidaires', 'the medical charity Médecins Solidaires'); or one a shorter form of the
    other ('Kovac', 'Interior Minister Jana Kovac'; 'the ministry', 'the interior ministry'); the
    description alone and the description with the name ('the charity', 'the charity SeaAid'); an
    acronym and the words it stands for ('a UN panel', 'a United Nations panel'). A short
    form that fits two different longer names ('the ministry' beside 'the health ministry' and 'the
    interior ministry') stays on its own. The name shown is the longest (ties: the first in order).
    """
    names = sorted(set(names))
    acronyms = _acronyms(names)
    read = {name: _read(name, acronyms) for name in names}
    key_of = {name: key for name, (key, _) in read.items()}
    keys = sorted(set(key_of.values()), key=lambda k: (len(k), k))
    described: dict[tuple[str, ...], set[tuple[str, ...]]] = {}  # description -> the proper names after it
    for key, description in read.values():
        if description:
            described.setdefault(description, set()).add(key)
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    for k in keys:
        longer = [m for m in keys if _part_of(k, m)]
        named = {m for d, ms in described.items() if k == d or _part_of(k, d) for m in ms} - {k}
        if longer and not named:
            top = max(longer, key=lambda m: (len(m), m))
            if all(m == top or _part_of(m, top) for m in longer):
                parent[k] = top
        elif len(named) == 1 and not longer:  # 'the charity' of 'the charity SeaAid'
            parent[k] = next(iter(named))

    def root(k: tuple[str, ...]) -> tuple[str, ...]:
        while k in parent:
            k = parent[k]
        return k

    members: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        members.setdefault(root(key_of[name]), []).append(name)
    out: dict[str, tuple[str, str]] = {}
    for k, group in members.items():
        shown = in_sentence(min(group, key=lambda n: (-len(_words(n)), n)))
        out.update({name: (" ".join(k), shown) for name in group})
    return out




def source_label(names: dict[str, set[str]]) -> str:
    """'The ministry (Continental Press Agency; Health Wire)'; 'LatestLY (no source named)'."""
    name = sorted(names)[0]
    wheres = "; ".join(sorted({w for ws in names.values() for w in ws if w}))
    if name == NO_SOURCE:
        return f"{wheres} ({name})"
    return f"{name} ({wheres})" if wheres else name


# ---------------------------------------------------------------- kinds of source that disagree


def kind_label(kind: str | None) -> str:
    """'organisers and campaigners', 'police'; '' for no kind."""
    return KIND_LABELS.get(kind, kind) if kind else ""


@dataclass(frozen=True)
class _KindPair:
    findings: list[Finding]
    names: dict[str, set[str]]  # kind -> the speakers of that kind, as shown
    higher: set[str]  # the kinds that gave the higher figure in some pair


def kind_disagreements(pairs: Iterable[tuple[Finding, Claim, Claim]],
                       keys: Mapping[str, tuple[str, str]]) -> list[str]:
    """One sentence per two kinds of source whose figures conflict ("Organisers and campaigners
    (the march committee) give higher figures than police (the city police): 6.0× apart, major.").

    ``pairs`` are conflicts as (finding, lower claim, higher claim); ``keys`` come from
    :func:`speaker_keys`, so a speaker is named once however the articles write it. Pairs where a side
    has no kind, or both sides are of one kind, say nothing about kinds and are left to the named
    sources' sentences.
    """
    merged: dict[tuple[str, str], _KindPair] = {}
    for f, low, high in pairs:
        kinds = (source_kind(low), source_kind(high))
        if f.kind != "conflict" or None in kinds or kinds[0] == kinds[1]:
            continue
        k_low, k_high = str(kinds[0]), str(kinds[1])
        entry = merged.setdefault((min(k_low, k_high), max(k_low, k_high)), _KindPair([], {}, set()))
        entry.findings.append(f)
        entry.higher.add(k_high)
        for kind, c in ((k_low, low), (k_high, high)):
            name = speaker(c.attribution) or ""
            entry.names.setdefault(kind, set()).add((keys.get(name) or ("", name))[1])
    lines = []
    ordered = sorted(merged.items(), key=lambda kv: _kind_order(kv[0], kv[1].findings))
    for (a, b), entry in ordered[:MAX_KIND_SENTENCES]:
        first, second = (b, a) if entry.higher == {b} else (a, b)  # the kind with the higher figures first
        far = _how_far(entry.findings)
        who = _kind_side(first, entry.names[first])
        other = _kind_side(second, entry.names[second])
        if len(entry.higher) > 1:
            line = f"{who} and {other} disagree, each higher in some pairs: {far}."
        else:
            line = f"{who} give higher figures than {other}: {far}."
        lines.append(capitalised(line))
    if len(ordered) > MAX_KIND_SENTENCES:
        rest = len(ordered) - MAX_KIND_SENTENCES
        verb = "disagrees" if rest == 1 else "disagree"
        lines.append(f"{counted(rest, 'more pair')} of kinds {verb}, less severely or less far apart: "
                     "see the sources below.")
    return lines


def _kind_side(kind: str, names: set[str]) -> str:
    """'police (the city police; Chief Inspector Ada Lind)'; the bare kind when its speakers are named by
    the kind's own word ('Police' -> 'police')."""
    label = kind_label(kind)
    plain = {label.casefold(), kind.casefold()}
    shown = sorted(n for n in names if n and " ".join(_words(n)).casefold() not in plain)
    return f"{label} ({'; '.join(shown)})" if shown else label


def _how_far(found: Sequence[Finding]) -> str:
    worst = max((f.severity for f in found), key=severity_rank)
    ratios = [f.ratio for f in found if f.ratio is not None]
    far = f"{format_ratio(max(ratios))} apart" if ratios else "far apart"
    if len(found) > 1:
        far = f"{'up to ' if ratios else ''}{far} ({counted(len(found), 'pair')})"
    return f"{far}, {worst}"


def _kind_order(key: tuple[str, str], found: Sequence[Finding]) -> tuple[int, float, str, str]:
    """Most severe first, then farthest apart, then by kind."""
    far = max((f.ratio for f in found if f.ratio is not None), default=math.inf)
    return (-max(severity_rank(f.severity) for f in found), -far, key[0], key[1])

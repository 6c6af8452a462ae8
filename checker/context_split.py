"""Sentence splitting and word tokens for :mod:`checker.context`.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally followed by closing quotes or brackets)
when whitespace and a capital, a digit or an opening quote follow, unless the word before the dot
is an abbreviation, an initial or a title. Blank lines always end a sentence; a single newline does
when the line before looks like a headline or a paragraph of its own (not hard-wrapped prose).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from checker.context_words import wordset

# Never end a sentence after these (titles, months, "No. 5", "e.g.").
ABBREV_NEVER = wordset(
    """mr mrs ms messrs dr prof gen sen rep gov lt col capt sgt cmdr adm maj st mt ft rev hon pres supt
    insp jan feb mar apr jun jul aug sep sept oct nov dec vs v e.g i.e cf approx est fig figs vol pp ca
    al""")
# End a sentence after these only when a usual sentence opener follows ("in the U.S. The ...").
ABBREV_MAYBE = wordset("u.s u.k u.n e.u d.c a.m p.m inc ltd co corp jr sr etc bros llc plc govt dept no nos")
SENTENCE_OPENERS = wordset(
    """the a an it he she they we i this that these those there but and in on at for as after before
    since when while however meanwhile his her their its our some many most several one two three
    according if although yet so still also last earlier later now officials police""")
_FUNCTION_END = wordset("the a an of to in and or for with on at by from that as its their his her")
_TERMINATOR = re.compile(r"(?:\.\.\.|…|[.!?])+[\"'”’)\]]*")
_OPENING = "\"'“‘(["
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t\r]*\n))+")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_DOTTED_WORD = re.compile(r"(?:[a-z]\.)+[a-z]")
_TRAILING_PUNCT = re.compile(r"\W+$")
_WORD_BEFORE = re.compile(r"((?:[A-Za-z]\.)*[A-Za-z]+)\.?$")


class Token(NamedTuple):
    text: str
    start: int  # absolute offsets
    end: int
    low: str  # text.lower()


_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S.
    r"|[$€£¥]?\d(?:[\d,]*\d)?(?:\.\d+)?%?"  # numbers
    r"|[^\W\d_](?:[\w’'\-]*\w)?"  # words, hyphenated words, possessives
    r"|\S"
)


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of text[start:end] with absolute offsets."""
    return list(_tokens(text, start, end))


@lru_cache(maxsize=512)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    # Cached: describe() reads the same sentence (and its neighbours) once per figure.
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        # tuple.__new__ builds the same Token as Token(...), without the named tuple's Python-level __new__
        out.append(_new_token(Token, (word, m.start(), m.end(), word.lower())))
    return tuple(out)


_new_token = tuple.__new__


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Absolute (start, end) spans of the sentences of text[start:end]; whitespace trimmed."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    return list(_sentence_spans(text, start, end))


def sentences_near(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the whole text that overlap text[start:end], cut to it and trimmed. Reads the
    neighbours of a sentence without splitting a window of the text again for every figure."""
    end = min(end, len(text))
    start = max(0, min(start, end))
    whole = _sentence_spans(text, 0, len(text))
    out = []
    for s, e in whole[max(0, bisect_right(whole, (start, -1)) - 1):]:
        if s >= end:
            break
        cut = _trim(text, max(s, start), min(e, end)) if e > start else None
        if cut:
            out.append(cut)
    return out


@lru_cache(maxsize=512)
def _sentence_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text, start, end):
        spans.extend(_split_block(text, b_start, b_end))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph blocks: split at blank lines, and at single newlines where lines stand alone."""
    out: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text[start:end]):
        p_start = start + para.start()
        lines = []
        pos = p_start
        for line in para.group().split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        wrapped = _looks_wrapped(text, lines)
        cur = lines[0][0]
        for (a, b), (c, _d) in zip(lines, lines[1:], strict=False):
            if not wrapped and _line_ends_unit(text[a:b], text[c:_d]):
                out.append((cur, b))
                cur = c
        out.append((cur, lines[-1][1]))
    return [s for s in (_trim(text, a, b) for a, b in out) if s]


def _line_ends_unit(line: str, following: str) -> bool:
    stripped, nxt = line.rstrip(), following.lstrip()
    if not stripped or not nxt:
        return True
    if nxt[0] in "#*-•>|" or stripped[0] in "#|":
        return True
    if nxt[0].islower() or stripped[-1] in ",;(-–—":
        return False
    last = stripped.split()[-1].lower()
    return last not in _FUNCTION_END


def _looks_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped prose: most line breaks fall inside a sentence."""
    if len(lines) < 3:
        return False
    inside = 0
    for (a, b), (c, d) in zip(lines, lines[1:], strict=False):
        if not _line_ends_unit(text[a:b], text[c:d]) and not text[a:b].rstrip().endswith((".", "?", "!")):
            inside += 1
    return inside * 2 >= len(lines) - 1


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cur = start
    for m in _TERMINATOR.finditer(text, start, end):
        after = m.end()
        if after < end and not text[after].isspace():
            continue  # "2.5", "U.S.-led", "Xinjiang’s"
        if after < end and not _is_boundary(text, m, end):
            continue
        span = _trim(text, cur, after)
        if span:
            spans.append(span)
        cur = after
    span = _trim(text, cur, end)
    if span:
        spans.append(span)
    return spans


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    nxt_match = _NEXT_WORD.match(text, m.end(), end)
    if not nxt_match:
        return True
    nxt = nxt_match.group(1)
    first = nxt[0]
    if not (first.isupper() or first.isdigit() or first in _OPENING or first in "$€£¥"):
        return False
    term = m.group()
    if term.rstrip("\"'”’)]") != ".":
        return True  # "?", "!", "…", "..."
    if term != ".":
        return True  # '."' closes a quote
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start() + 1)
    if not before:
        return True
    word = before.group(1)
    key = word.lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Donald J. Trump"
    if key in ABBREV_NEVER:
        return False
    if key in ("no", "nos") and not first.isdigit():
        return True
    if key in ABBREV_MAYBE or _DOTTED_WORD.fullmatch(key):
        word_after = _TRAILING_PUNCT.sub("", nxt.lstrip(_OPENING)).lower()
        return word_after in SENTENCE_OPENERS
    return True

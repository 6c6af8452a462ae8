"""Words that set two figures against each other as rival values: the cues of grouping without rules.

Within one sentence, a comparison ("more than twice the 12,000 given by", "against", "versus") that is
not with another time (``EARLIER_RE``); between two sentences, words that answer another figure
(``RIVAL_CUE_RE``: contrast, verbs of dispute, "the true ...", answering hedges). Used by
:mod:`checker.similarity_pair`; see docs/rules.md, "Grouping without rules".
"""

from __future__ import annotations

import re

from checker.model import Claim

NEARBY_CHARS = 40  # two sentences of one article this close are next to each other: "nearby"

# Words between two figures of one sentence that set them against each other as rival values; a
# comparative before another figure's owner or article ("19 were contractors, far more than the
# company's count of nine") compares two figures, while "more than" alone is the later figure's hedge.
CONTRAST_RE = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|contrary\s+to|rather\s+than|instead\s+of"
    r"|(?:twice|double|triple|half|times)\s+(?:the|that|as\s+many\s+as)"
    r"|(?:well|far|much|way)\s+(?:above|below|over|under)|(?:well\s+|far\s+|still\s+)?short\s+of"
    r"|(?:more|fewer|less|higher|lower|greater|smaller)\s+than\s+(?:the|its|their|his|her|\w+['’]s?))(?!\w)",
    re.IGNORECASE,
)
# ... unless the comparison is with another time: "profit of $2bn, against $1.5bn a year earlier" is a
# before and an after, not two rival values.
EARLIER_RE = re.compile(
    r"\b(?:(?:a|an|one|two|three|\d+)\s+(?:years?|months?|weeks?|quarters?|decades?|days?)\s+"
    r"(?:earlier|ago|before|previously)|last|previous|prior|earlier|before|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Words that set one source's figure against another's (docs/rules.md, "rival sources"): contrast
# ("but", "however", ";"), a verb of dispute or of misjudging a figure ("disputes", "rejected",
# "overstated"), a figure said to be the real one ("the true rise"), a reply that refers back ("puts
# the figure at", "stood by"), or a hedge that answers another figure ("closer to", "no more than",
# "barely", "only" right before a figure: "said only about 2,000"). Words that only join facts
# ("while", "only" elsewhere, "above", "below", "against") are not cues.
RIVAL_CUE_RE = re.compile(
    r";|\b(?:but|however|whereas|disput\w*|reject\w*|dismiss\w*|contest(?:s|ed|ing)?|challeng(?:e|es|ed)"
    r"|insist\w*|den(?:y|ies|ied)|counter(?:s|ed|ing)?|rebut\w*|contradict\w*|disagree\w*"
    r"|(?:over|under)stat\w*|(?:over|under)estimat\w*|exaggerat\w*|downplay\w*|claim(?:s|ed|ing)?"
    r"|(?:the|its|their)\s+(?:real|true|actual)|closer\s+to|nearer|st(?:and|ands|ood)\s+by"
    r"|puts?\s+(?:it|the\s+(?:\w+\s+)?\w+)\s+at|(?:far|much|well)\s+(?:more|fewer|less|higher|lower|below|above)"
    r"|versus|barely|scarcely|no\s+more\s+than|(?:only|just)(?=\s+(?:about\s+|around\s+|some\s+)?[$€£]?\d))\b",
    re.IGNORECASE,
)
# Across articles, a sentence also answers when it names another source's figure ("between the
# ministry's estimate and the shippers' figure"); within one article that may point at any figure.
OTHERS_FIGURE_RE = re.compile(r"\b\w+['’]s?\s+(?:own\s+)?(?:estimate|figure|count|tally)s?\b", re.IGNORECASE)


def set_against(a: Claim, b: Claim) -> bool:
    """Words of contrast between two figures of one article: "..., but survivors said", "; the union
    says", "the real figure was", "Fair Fare disputes the figure". Only the figures' own sentences can
    be read here; when a sentence with no figure stands between them ("The union rejected the
    estimate."), its words are unseen and the two speakers alone set the figures against each other."""
    first, second = sorted((a, b), key=lambda c: c.start)
    if first.sentence_start == second.sentence_start:
        if contrasted(a, b):
            return True  # "more than 25,000 hectares, more than twice the 12,000 given by ..."
        text = first.sentence[first.end - first.sentence_start : second.end - first.sentence_start]
    else:
        end = first.sentence_start + len(first.sentence)
        if second.sentence_start - end > NEARBY_CHARS:
            return True
        text = first.sentence[first.end - first.sentence_start :] + " " + second.sentence[
            : second.end - second.sentence_start
        ]  # up to the end of the second figure: its own hedge may answer ("closer to 13%")
    return bool(RIVAL_CUE_RE.search(text))


def reference_of(v: Claim, a: Claim, b: Claim) -> bool:
    """``v`` is a figure the earlier of ``a`` and ``b`` is compared with in its own sentence."""
    first = a if a.start < b.start else b
    return v.sentence_start == first.sentence_start and bool(
        CONTRAST_RE.search(first.sentence[first.end - first.sentence_start : v.start - first.sentence_start])
    )


def contrasted(a: Claim, b: Claim) -> bool:
    """The words between two figures of one sentence set them against each other: "nearly 500,
    against the 340 ...", "more than twice the 12,000 ...", "compared with", "versus"."""
    first, second = sorted((a, b), key=lambda c: c.start)
    between = first.sentence[first.end - first.sentence_start : second.start - first.sentence_start]
    after = first.sentence[first.end - first.sentence_start :]
    return bool(CONTRAST_RE.search(between)) and not EARLIER_RE.search(after)

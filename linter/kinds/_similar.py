"""Near-linear near-duplicate search shared by the duplication and misquote kinds.

Comparing every pair of passages is quadratic, so candidates are *blocked* first:
each passage is reduced to a bottom-k sketch of its word 3-gram hashes (the k
smallest CRC32 values, a MinHash variant), and only passages whose sketches share
enough hashes are compared with rapidfuzz's C++ scorer. Near duplicates share most
of their 3-grams, so they share most of their sketch; unrelated passages rarely
share any. Posting lists are capped, so a phrase that recurs thousands of times
("according to the") cannot make the search quadratic. CRC32 (not ``hash``) keeps
results identical across runs whatever ``PYTHONHASHSEED`` is.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_APOS = str.maketrans({"’": "'", "‘": "'"})

SKETCH = 10  # hashes kept per passage
POSTINGS_CAP = 40  # passages remembered per hash (the earliest ones)


def words(text: str) -> list[str]:
    """Lower-cased words, typographic apostrophes folded, punctuation dropped."""
    if "’" in text or "‘" in text:  # (translate walks every character, and most text has none)
        text = text.translate(_APOS)
    return _WORD.findall(text.lower())


def sketch(tokens: list[str], k: int = 3, size: int = SKETCH, norm: str | None = None) -> list[int]:
    """The ``size`` smallest CRC32 hashes of the word ``k``-grams (the whole text if shorter).

    ``norm`` is ``" ".join(tokens)`` when the caller has it; the grams are hashed as
    slices of its UTF-8 bytes, without building a string per gram.
    """
    norm = " ".join(tokens) if norm is None else norm
    data = norm.encode("utf-8")
    if len(tokens) <= k:
        return [zlib.crc32(data)]
    if len(data) == len(norm):  # ASCII: byte offsets are character offsets
        lengths = [len(t) + 1 for t in tokens]  # each token and the space after it
    else:
        lengths = [len(t.encode("utf-8")) + 1 for t in tokens]
    starts = [0, *accumulate(lengths)]
    crc = zlib.crc32
    # gram i runs from token i to the space after token i + k - 1 (excluded); short byte
    # slices are cheaper than memoryview slices, and zip cheaper than indexing
    hashes = {crc(data[a : b - 1]) for a, b in zip(starts, starts[k:])}
    return sorted(hashes)[:size]


@dataclass(slots=True)
class Match:
    """The earlier passage most like a new one, and how alike they are."""

    first: int  # id of the earlier passage
    score: float  # 0-100 similarity


class NearIndex:
    """Passages added in document order; ``best`` finds the earlier passage most alike.

    ``norm`` is the normalised text (words joined by one space) compared with
    ``fuzz.ratio``; exact repeats are found through a dictionary without fuzzy work.
    """

    def __init__(self, threshold: float, min_shared: int = 2):
        self.threshold = threshold
        self.min_shared = min_shared
        self.exact: dict[str, int] = {}
        self.postings: dict[int, list[int]] = defaultdict(list)
        self.norms: list[str] = []
        self.sketches: list[list[int]] = []

    def best(self, norm: str, sk: list[int], *, partial: bool = False) -> Match | None:
        """The earliest of the best-scoring earlier passages at or above the threshold."""
        if not partial and norm in self.exact:
            return Match(self.exact[norm], 100.0)
        counts: dict[int, int] = defaultdict(int)
        for h in sk:
            for pid in self.postings.get(h, ()):
                counts[pid] += 1
        need = min(self.min_shared, len(sk))
        candidates = [pid for pid in sorted(counts) if counts[pid] >= min(need, len(self.sketches[pid]))]
        if not candidates:
            return None  # (most passages: too few shared hashes, so no import statement either)
        best: Match | None = None
        from rapidfuzz import fuzz  # here: most articles have no near pair (6 ms of start-up saved)

        scorer = fuzz.partial_ratio if partial else fuzz.ratio
        for pid in candidates:
            other = self.norms[pid]
            a, b = (norm, other) if len(norm) <= len(other) else (other, norm)
            score = scorer(a, b, score_cutoff=self.threshold)
            if score and (best is None or score > best.score):
                best = Match(pid, score)
        return best

    def add(self, norm: str, sk: list[int]) -> int:
        pid = len(self.norms)
        self.norms.append(norm)
        self.sketches.append(sk)
        self.exact.setdefault(norm, pid)
        for h in sk:
            plist = self.postings[h]
            if len(plist) < POSTINGS_CAP:
                plist.append(pid)
        return pid

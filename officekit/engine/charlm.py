"""A character trigram language model of official Chinese prose, read from a compact file.

The typo detector (rule type `detector`) asks it how much more probable a sentence becomes when one
character is swapped for a same-sound or look-alike one: a slip of the pen (机构贬值 for 机构编制)
makes its neighbours improbable, the right character makes them likely again.

The model is interpolated Kneser-Ney, counted at development time by bench/build_charlm.py and
stored as a back-off table (ARPA style): for each kept n-gram its log probability, for each kept
context its back-off weight.  Looking up P(w | u v):

    the trigram uvw is kept        → its log probability
    otherwise                      → back-off(uv) + log P(w | v), the same one level down

Text is modelled as runs of Chinese characters: any other character ends a run, and each run is
padded with two BOUNDARY marks in front and one behind.

File layout (little-endian), made to load in a few milliseconds with `array.frombytes` and no
parsing: a header, then for each order 1..3 a table of n-grams keyed by a 32-bit CRC of their
UTF-8 text, sorted by key.  The high 16 bits of a key pick a bucket (BUCKET_BITS), an offsets array
says where each bucket's entries start, and only the low 16 bits are stored per entry; a lookup is
one bisect inside its bucket.  Values are quantised to one byte: log probabilities in steps of
header.lp_step (natural log, 0 … -25.5), back-off weights as signed steps of header.bow_step.
Two different n-grams with the same CRC read as one: with well under a million n-grams per table a
random unseen n-gram is mistaken for a kept one about once in 10,000 lookups, which only makes it
look a little more probable than it is.
"""

from __future__ import annotations

import bisect
import struct
import sys
import threading
import zlib
from array import array
from pathlib import Path

MAGIC = b"OKLM"
FORMAT_VERSION = 1
ORDER = 3
BUCKET_BITS = 16
BOUNDARY = "\x02"  # pads each run of Chinese characters (two in front, one behind)
HEADER = struct.Struct("<4sHHff")  # magic, version, order, lp_step, bow_step
TABLE_HEADER = struct.Struct("<I")  # entries in the table
UNKNOWN_LOG_PROB = -16.0  # a character the model never saw (natural log)

# zlib-compressed in the wheel (2.6 MB → 1.9 MB; decompressing takes about 7 ms, once a process)
DATA_FILE = Path(__file__).with_name("charlm.bin.z")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def key_of(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8"))


class _Table:
    """The n-grams of one order: sorted low key halves in buckets, one byte of value each."""

    __slots__ = ("offsets", "low", "log_probs", "backoffs")

    def __init__(self, offsets: array, low: array, log_probs: bytes, backoffs: bytes | None):
        self.offsets, self.low, self.log_probs, self.backoffs = offsets, low, log_probs, backoffs

    def find(self, gram: str) -> int:
        """The entry index of `gram`, or -1."""
        key = zlib.crc32(gram.encode("utf-8"))
        bucket = key >> (32 - BUCKET_BITS)
        lo, hi = self.offsets[bucket], self.offsets[bucket + 1]
        if lo == hi:
            return -1
        low = key & 0xFFFF
        at = bisect.bisect_left(self.low, low, lo, hi)
        return at if at < hi and self.low[at] == low else -1


class CharLM:
    """Log probabilities (natural log) of characters in context."""

    def __init__(self, data: bytes):
        magic, version, order, lp_step, bow_step = HEADER.unpack_from(data, 0)
        if magic != MAGIC or version != FORMAT_VERSION or order != ORDER:
            raise ValueError("not an officekit character model of this format")
        self.lp_step, self.bow_step = lp_step, bow_step
        pos = HEADER.size
        self.tables: list[_Table] = []
        for n in range(1, ORDER + 1):
            (entries,) = TABLE_HEADER.unpack_from(data, pos)
            pos += TABLE_HEADER.size
            offsets = _array("I", data, pos, (1 << BUCKET_BITS) + 1)
            pos += offsets.itemsize * len(offsets)
            low = _array("H", data, pos, entries)
            pos += 2 * entries
            log_probs = data[pos:pos + entries]
            pos += entries
            backoffs = None
            if n < ORDER:
                backoffs = data[pos:pos + entries]
                pos += entries
            self.tables.append(_Table(offsets, low, log_probs, backoffs))
        if pos != len(data):
            raise ValueError("character model file has trailing or missing bytes")
        self._cache: dict[str, float] = {}

    def _backoff(self, n: int, context: str) -> float:
        table = self.tables[n - 1]
        at = table.find(context)
        if at < 0:
            return 0.0
        code = table.backoffs[at]
        return (code - 256 if code > 127 else code) * self.bow_step

    def log_prob(self, gram: str) -> float:
        """log P(last character | the characters before it), `gram` 1 to ORDER characters long."""
        cached = self._cache.get(gram)
        if cached is not None:
            return cached
        n = len(gram)
        at = self.tables[n - 1].find(gram)
        if at >= 0:
            value = -self.tables[n - 1].log_probs[at] * self.lp_step
        elif n == 1:
            value = UNKNOWN_LOG_PROB
        else:
            value = self._backoff(n - 1, gram[:-1]) + self.log_prob(gram[1:])
        if len(self._cache) > 200_000:  # a long batch run: start over rather than grow without end
            self._cache.clear()
        self._cache[gram] = value
        return value

    def scorer(self, text: str) -> "Scorer":
        """`text` prepared for "how much more probable with offset i changed" questions."""
        return Scorer(self, text)

    def sentence_log_prob(self, text: str) -> float:
        """Log probability of all the runs of Chinese characters in `text`."""
        total = 0.0
        for run in _han_runs(text):
            padded = BOUNDARY * 2 + run + BOUNDARY
            for j in range(2, len(padded)):
                total += self.log_prob(padded[j - 2:j + 1])
        return total


class Scorer:
    """One text prepared for many questions of the form "how probable is it with offset i changed":
    its runs padded once, the log probability of every position computed once."""

    def __init__(self, lm: CharLM, text: str):
        self.lm = lm
        self.padded = ""  # all runs, each padded (BOUNDARY * 2 + run + BOUNDARY)
        self.where: dict[int, int] = {}  # offset in text → offset in padded
        self.lp: list[float] = []  # lp[k]: log P(padded[k] | the two before), 0 for the front marks
        parts = []
        length = 0
        k = 0
        log_prob = lm.log_prob
        while k < len(text):
            if not is_han(text[k]):
                k += 1
                continue
            start = k
            while k < len(text) and is_han(text[k]):
                k += 1
            run = BOUNDARY * 2 + text[start:k] + BOUNDARY
            for j in range(start, k):
                self.where[j] = length + 2 + j - start
            parts.append(run)
            self.lp.extend((0.0, 0.0))  # the front marks are given, not predicted
            self.lp.extend(log_prob(run[j - 2:j + 1]) for j in range(2, len(run)))
            length += len(run)
        self.padded = "".join(parts)

    def _reach(self, k: int) -> int:
        """The end (exclusive) of the positions whose probability the character at k takes part in."""
        padded = self.padded
        end = k + 1
        while end < len(padded) and end - k < ORDER and padded[end - 1] != BOUNDARY:
            end += 1
        return end

    def base(self, i: int, length: int = 1) -> float:
        """The log probabilities the `length` characters from text offset i take part in, as written
        (they must lie in one run of Chinese characters)."""
        k = self.where[i]
        return sum(self.lp[k:self._reach(k + length - 1)])

    def score(self, i: int, replacement: str | None = None) -> float:
        """The log probabilities the characters from text offset i take part in (their own and the
        next ORDER - 1 positions' of their run, the run's end mark included), with as many characters
        as `replacement` has replaced by it when given: score(i, c) - base(i) is how much more
        probable the text becomes with c at i, score(i, "评估") - base(i, 2) with 评估 at i, i + 1."""
        if replacement is None:
            return self.base(i)
        k = self.where[i]
        padded = self.padded
        changed = padded[k - 2:k] + replacement + padded[k + len(replacement):self._reach(k + len(replacement) - 1)]
        log_prob = self.lm.log_prob
        return sum(log_prob(changed[j - 2:j + 1]) for j in range(2, len(changed)))


def _han_runs(text: str):
    run = []
    for ch in text:
        if is_han(ch):
            run.append(ch)
        elif run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def _array(code: str, data: bytes, pos: int, count: int) -> array:
    out = array(code)
    out.frombytes(data[pos:pos + out.itemsize * count])
    if sys.byteorder == "big":
        out.byteswap()
    return out


_lock = threading.Lock()
_model: CharLM | None = None


def model() -> CharLM | None:
    """The packaged model, read on first use; None when the data file is missing (a source checkout
    without it: the detector then guesses without context, as before)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                try:
                    data = zlib.decompress(DATA_FILE.read_bytes())
                except (OSError, zlib.error):
                    return None
                _model = CharLM(data)
    return _model

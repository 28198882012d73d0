"""Count officekit's character language model (officekit/engine/charlm.bin.z, zlib-compressed) from training text.

    python bench/build_charlm.py                     # ../shared/corpus/text/lm-train → the package file
    python bench/build_charlm.py --report-weight 4 --min-trigram 3 --out /tmp/lm.bin.z

Training text: ../shared/corpus/text/lm-train/ (published laws, regulations, government work
reports and notices; see its README).  Never gov-documents.jsonl: that is the false-alarm test.
About 94 % of lm-train is legislation; the reports and notices (公文 proper) are counted
--report-weight times so that the model knows report and notice style as well as statute style.

The model: interpolated Kneser-Ney over characters, orders 1–3, one discount per order
(D = n1 / (n1 + 2 n2) from the counts of counts).  The highest order uses (weighted) counts, the
lower orders continuation counts (in how many different contexts a string follows).  Then it is
pruned to fit a few megabytes: trigrams and bigrams seen fewer than --min-trigram / --min-bigram
times are dropped, and each context's back-off weight is recomputed so that its distribution
still sums to one.  See officekit/engine/charlm.py for how the file is read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import struct
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from officekit.engine.charlm import (  # noqa: E402
    BOUNDARY, BUCKET_BITS, DATA_FILE, FORMAT_VERSION, HEADER, MAGIC, ORDER, TABLE_HEADER, _han_runs, key_of,
)

LM_TRAIN = ROOT.parent / "shared" / "corpus" / "text" / "lm-train"
REPORTS = "reports-notices.jsonl.gz"
LAWS = ("laws-national.jsonl.gz", "laws-local.jsonl.gz")
LP_STEP = 0.1  # one quantisation step of a log probability (natural log): 0 … -25.5
BOW_STEP = 0.05  # one step of a back-off weight (natural log), signed byte: -6.4 … +6.35


def count_ngrams(texts) -> Counter:
    """Weighted trigram counts of `texts` ((text, weight) pairs), runs padded as the reader expects."""
    trigrams: Counter = Counter()
    for text, weight in texts:
        for run in _han_runs(text):
            padded = BOUNDARY * 2 + run + BOUNDARY
            for j in range(len(padded) - 2):
                trigrams[padded[j:j + 3]] += weight
    return trigrams


def discount(counts) -> float:
    of_counts = Counter(c for c in counts if c <= 2)
    n1, n2 = of_counts[1], of_counts[2]
    return n1 / (n1 + 2 * n2) if n1 and n2 else 0.5


def estimate(trigrams: Counter):
    """Interpolated Kneser-Ney probabilities of every seen unigram, bigram and trigram (dicts gram →
    P), with the statistics the bigram level needs for unseen bigrams."""
    # continuation counts: in how many different contexts a bigram / a character follows
    bigram_cont: Counter = Counter()
    for gram in trigrams:
        if gram[0] == BOUNDARY and gram[1] == BOUNDARY:
            continue  # "BB x": counted below as the run-start bigram "B x"
        bigram_cont[gram[1:]] += 1
    for gram, c in trigrams.items():
        if gram[0] == BOUNDARY and gram[1] == BOUNDARY:
            bigram_cont[gram[1:]] += c  # a run's first character has no left context: real counts
    unigram_cont: Counter = Counter()
    for gram in bigram_cont:
        unigram_cont[gram[1]] += 1

    d1, d2, d3 = discount(unigram_cont.values()), discount(bigram_cont.values()), discount(trigrams.values())
    total1 = sum(unigram_cont.values())
    vocabulary = len(unigram_cont)
    # unigrams, interpolated with a uniform share over the vocabulary plus one unknown character
    p1 = {w: (max(n - d1, 0) + d1 * vocabulary / (vocabulary + 1)) / total1 for w, n in unigram_cont.items()}

    by_context2: dict[str, list] = defaultdict(lambda: [0, 0])  # v → [sum of N(v·), distinct]
    for gram, n in bigram_cont.items():
        entry = by_context2[gram[0]]
        entry[0] += n
        entry[1] += 1
    p2 = {}
    for gram, n in bigram_cont.items():
        total, distinct = by_context2[gram[0]]
        p2[gram] = max(n - d2, 0) / total + d2 * distinct / total * p1[gram[1]]

    by_context3: dict[str, list] = defaultdict(lambda: [0, 0])
    for gram, c in trigrams.items():
        entry = by_context3[gram[:2]]
        entry[0] += c
        entry[1] += 1
    p3 = {}
    for gram, c in trigrams.items():
        total, distinct = by_context3[gram[:2]]
        p3[gram] = max(c - d3, 0) / total + d3 * distinct / total * _p2(p2, by_context2, p1, d2, gram[1:])
    return p1, p2, p3, bigram_cont, by_context2, d2


def _p2(p2, by_context2, p1, d2, gram):
    """P(w | v) for any bigram, seen or not (an unseen one is the context's share of P(w))."""
    if gram in p2:
        return p2[gram]
    entry = by_context2.get(gram[0])
    unigram = p1.get(gram[1], 0.0)
    if not entry:
        return unigram
    total, distinct = entry
    return d2 * distinct / total * unigram


def build(texts, min_trigram: int = 2, min_bigram: int = 1) -> bytes:
    """The model file's bytes for `texts` ((text, weight) pairs)."""
    trigrams = count_ngrams(texts)
    p1, p2, p3, bigram_cont, by_context2, d2 = estimate(trigrams)
    kept2 = {g: p for g, p in p2.items() if bigram_cont[g] >= min_bigram}
    kept3 = {g: p for g, p in p3.items() if trigrams[g] >= min_trigram}
    for g in kept3:  # a kept trigram's context stays, to carry its back-off weight
        if g[:2] not in kept2:
            kept2[g[:2]] = max(_p2(p2, by_context2, p1, d2, g[:2]), 1e-12)
    bow1 = _renormalising_backoffs(kept2, lambda g: p1.get(g, 0.0))

    def p2_after_pruning(g):
        return kept2[g] if g in kept2 else math.exp(bow1.get(g[0], 0.0)) * p1.get(g[1], 0.0)

    bow2 = _renormalising_backoffs(kept3, p2_after_pruning)
    tables = [
        {g: (math.log(p), bow1.get(g, 0.0)) for g, p in p1.items()},
        {g: (math.log(p), bow2.get(g, 0.0)) for g, p in kept2.items()},
        {g: (math.log(p), 0.0) for g, p in kept3.items()},
    ]
    print("kept n-grams by order:", [len(t) for t in tables], "of", [len(p1), len(p2), len(p3)], file=sys.stderr)
    return encode(tables)


def _renormalising_backoffs(kept: dict, lower_prob) -> dict:
    """bow(ctx) = (1 - Σ kept P(w|ctx)) / (1 - Σ kept P(w|shorter ctx)), as a natural log: what keeps
    each context's distribution summing to one after pruning."""
    mass: dict[str, list] = defaultdict(lambda: [0.0, 0.0])
    for g, p in kept.items():
        entry = mass[g[:-1]]
        entry[0] += p
        entry[1] += lower_prob(g[1:])
    return {context: math.log(max(1.0 - high, 1e-9) / max(1.0 - low, 1e-9))
            for context, (high, low) in mass.items()}


def encode(tables: list[dict]) -> bytes:
    """The file layout of officekit/engine/charlm.py from one dict gram → (log P, log back-off) per order."""
    out = [HEADER.pack(MAGIC, FORMAT_VERSION, ORDER, LP_STEP, BOW_STEP)]
    for n, table in enumerate(tables, start=1):
        entries = sorted((key_of(g), v) for g, v in table.items())
        buckets = [0] * ((1 << BUCKET_BITS) + 1)
        for key, _ in entries:
            buckets[(key >> (32 - BUCKET_BITS)) + 1] += 1
        for b in range(1, len(buckets)):
            buckets[b] += buckets[b - 1]
        out.append(TABLE_HEADER.pack(len(entries)))
        out.append(struct.pack(f"<{len(buckets)}I", *buckets))
        out.append(struct.pack(f"<{len(entries)}H", *(key & 0xFFFF for key, _ in entries)))
        out.append(bytes(min(255, max(0, round(-lp / LP_STEP))) for _, (lp, _) in entries))
        if n < ORDER:
            out.append(bytes(min(127, max(-128, round(bow / BOW_STEP))) & 0xFF for _, (_, bow) in entries))
    return b"".join(out)


def training_texts(report_weight: int):
    for name, weight in [(REPORTS, report_weight)] + [(law, 1) for law in LAWS]:
        with gzip.open(LM_TRAIN / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)["text"], weight


ZLIB_LEVEL = 9  # the model ships compressed (officekit/engine/charlm.py decompresses it once)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report-weight", type=int, default=10, help="how many times the 公文 part counts")
    parser.add_argument("--min-trigram", type=int, default=3, help="drop trigrams with a smaller (weighted) count")
    parser.add_argument("--min-bigram", type=int, default=2, help="drop bigrams seen in fewer contexts")
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    args = parser.parse_args()
    if not LM_TRAIN.is_dir():
        sys.exit(f"training text not found: {LM_TRAIN}")
    start = time.time()
    data = build(training_texts(args.report_weight), args.min_trigram, args.min_bigram)
    args.out.write_bytes(zlib.compress(data, ZLIB_LEVEL))
    print(f"{args.out}: {len(data):,} bytes in {time.time() - start:.0f} s "
          f"(report weight {args.report_weight}, min trigram {args.min_trigram}, min bigram {args.min_bigram})")


if __name__ == "__main__":
    main()

"""detector: misspellings that no word list names, found from the shape of the segmentation.

A misspelt character usually breaks its word apart: jieba's dictionary cannot place "总休方案" and
leaves 总 / 休 loose.  For each loose character we try the characters that sound the same (pypinyin,
tones ignored) or look alike (the similar_shapes list); when one of them makes a frequent dictionary
word with its neighbours and the whole clause becomes much more probable under jieba's word model,
the character is reported with that word as the suggestion (总休方案 → 总体方案).

    min_frequency: 20         # the corrected word must be at least this frequent in jieba's counts
    rare_frequency: 200       # a dictionary "word" rarer than this may itself be a misspelling (堂务)
    min_gain: 2.0             # required rise of the clause's log probability (natural log), where
                              # no sign below asks for more (tuned on odw-dev, confirmed on law-test)
    near_sounds: true         # also try near sounds (zh/z, n/l, -ng/-n), needing near_penalty more gain
    shapes: similar_shapes    # word list of groups of look-alike characters (one group a line)
    repeated_ok: 2            # a suspect that stands as its own segment (jieba, HMM) this often in the
                              # draft is a term, not a slip; occurrences across word boundaries don't count
    accept: accept            # the office's own vocabulary: never reported (ctx.wordlist)
    known: gongwen_vocab      # extra real words that are not misspellings

Published documents are full of terms jieba's dictionary lacks (收悉, 分档, 理货, 还湖还湿), so a
missing word alone is weak evidence.  Places where such terms are usual need more gain (each
`*_penalty` is added to min_gain for a window that shows the sign):

    codes: skipped            # the window touches digits, Latin letters or 〔〕 (10时起, 国办函〔2020〕)
    quote_penalty: 5          # inside “…” (slogans and coined names: “一键报税”, “银龄行动”)
    split_penalty: 5          # the new word takes a character out of a word jieba did find
                              # (有利于提振 → 于是, 有疑义 → 有意)
    parallel_penalty: 5       # the window's other character repeats close by: a parallel series
                              # (早筛早诊早治, 还林还草还湖还湿, 应发尽发)
    numeral_penalty: 5        # the window's other character is a numeral (三检合一, 一园一区, 十八大)
    word_penalty: 0           # the suspect is itself a (rare) dictionary word (理货, 虚列, 分档);
                              # off: as many real typos make rare words (肿大, 投宿) as terms do
    own_char_uses: 5          # the suspect character is written this often elsewhere in the draft, and
    own_char_penalty: 5       # OWN_CHAR_EXCESS × what its background rate predicts for a draft
                              # of this length: it is the draft's subject (湿 in a wetland plan, 货 in
                              # customs), and a rare compound of it a term rather than a slip

A suggestion that is a name, number, time or place word or a conjunction (jieba POS nr/ns/m/t/f/s/c)
is never made:
a writer slips into a common word, and "correcting" into 大东 or 时期 is how names and times get
flagged.

Names (jieba POS nr/ns/nt/nz) and the office's vocabulary are never "corrected".  Never a fix:
the suggestion is a guess for a person to confirm.

A second stage asks the character language model (officekit/engine/charlm.py): at every position,
inside dictionary words and name-like spans too, it tries the same-sound, near-sound and look-alike
characters (the small shapes list, and the wide table `wide_shapes`, which only this stage uses)
that pair with a neighbour inside some dictionary word, and reports the best when the sentence
becomes far more probable (lm_gain) and the new character makes a dictionary word (机构编织 →
编制: a real word, which the first stage never looks at).  The model also weighs the first
stage's guesses.  Severity says how sure a guess is: the rule's severity only for a high-confidence
guess (lm_high_gain; lm_support with warning_gain, or sure_gain, for the first stage; all raised by
word_warning_extra when the text as written is a dictionary word; never inside a name-like span),
info otherwise; and a guess the model reads as a worse sentence (lm_worse) is not made at all.

A third stage (word_swaps) reads two-character stretches that are no common word — a two-character
word of the dictionary segmentation, or two loose characters side by side — by their toneless
reading, and tries the dictionary words read the same way (officekit/engine/sound_words.py): a pinyin
input method puts two wrong characters into one word (平谷机制 for 评估机制, 鱼蒜 for 预算), and no
one-character change makes such a stretch a word.  The model must find the sentence far more
probable (lm_gain + pair_cost); never inside a name-like span; a stretch that is itself a word of
pair_word_frequency or more needs word_change_penalty more and a candidate PAIR_FREQUENCY_RATIO
times as frequent.

Noise guards from reading the guesses on real drafts: a dictionary-stage guess that changes a word
jieba knows (复用 → 不用) needs the model's support of word_support; and in a draft that is not a 公文
(structure/genre.py: a technical report, a 总结, club rules) only high-confidence guesses are shown —
the model knows 公文, laws and reports, and its hints there were nearly all wrong.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from officekit.engine import charlm, segment, sound_words, wordlists
from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._words import dictionary_words


# The context model's thresholds (natural log of the probability ratio after / before the change),
# set on odw-dev in 400-sentence drafts against the published documents' false alarms.
LM_GAIN = 6.0  # a guess worth showing, as info: the sentence is e^6 ≈ 400 times more probable
LM_HIGH_GAIN = 12.0  # a high-confidence guess, shown at the rule's severity
LM_SUPPORT = 8.0  # a guess of the dictionary stage keeps the rule's severity with this much support ...
WARNING_GAIN = 2.0  # ... and this much gain under jieba's word model,
SURE_GAIN = 12.0  # or with this much word-model gain when the model at least does not object (≥ 0)
LM_WORSE = 0.0  # the model finds the "corrected" sentence less probable than the original: not offered
# A dictionary-stage guess that changes a word jieba knows (复用 → 不用, 视图 → 试图, 份数 → 分数: the
# written word is rare, so the stage looked at it) is offered only when the model clearly supports it.
WORD_SUPPORT = 4.0
# When the text as written is itself a dictionary word (契合, 魄力, 迟交 …), every warning threshold
# above rises by this much: a model of laws and reports does not know every modern word.
WORD_WARNING_EXTRA = 6.0
NAME_PENALTY = 4.0  # jieba's HMM takes many misspelt spans for names, but real names are rare strings too
# A character of a common dictionary word (rare_frequency or more) is changed only on much stronger
# evidence: real-word slips exist (机构贬值 for 编制), but a model of laws and reports finds many a
# right word improbable in a technical report (魄力 → 暴力, 解构 → 结构).
WORD_CHANGE_PENALTY = 6.0
GONGWEN = "公文"  # structure/genre.py's name of the genre the models know

# Classical prose (出师表 as sample text, quotations) is not modern 公文: its particles are rare in
# modern prose and a model of modern prose "corrects" half its words.
CLASSICAL_PARTICLES = set("矣焉哉兮於曰耶")
MAX_CLASSICAL_SHARE = 0.004
# What the model asks of a candidate beyond the same sound: near sounds and look-alikes are likelier
# to fit a context by chance, the wide look-alike table most of all.
CANDIDATE_COST = {"same": 0.0, "near": 2.0, "shape": 2.0, "wide": 3.0}
# Two characters changed at once (平谷 → 评估, by their reading) touch twice the model's positions and
# can fit a context by chance more easily than one: the word stage asks this much more gain.
PAIR_COST = 3.0
# A two-character stretch that is a dictionary word this frequent is changed only with
# word_change_penalty more gain: 懈怠, 剔除, 症结 are words a model of laws and reports rarely sees.
PAIR_WORD_FREQUENCY = 30
# ... and only into a word at least this many times more frequent: a writer's slip lands on a rarer
# word far more often than the other way round (叮嘱 → 顶住, 首府 → 收付, 肿瘤 → 中流 were all noise;
# it costs odw-dev 练习 → 联席 and 独到 → 督导).
PAIR_FREQUENCY_RATIO = 3.0

PARAMS = {
    "min_frequency": Param("int", default=20, doc="frequency of the corrected word in jieba's dictionary"),
    "rare_frequency": Param("int", default=200, doc="dictionary words rarer than this are suspect"),
    "min_gain": Param("number", default=2.0, doc="rise of the clause's log probability after the change"),
    "near_sounds": Param("bool", default=True, doc="also try near sounds (zh/z, n/l, -ng/-n)"),
    "near_penalty": Param("number", default=2.0, doc="extra gain a near-sound or look-alike change needs"),
    "repeated_ok": Param("int", default=2, doc="a suspect written this many times in the draft is meant (0: off)"),
    "shapes": Param("str", default="similar_shapes", doc="word list of look-alike character groups"),
    "accept": Param("str", default="accept", doc="word list of the office's vocabulary (never reported)"),
    "known": Param("str", default="gongwen_vocab", doc="word list of real words missing from jieba"),
    "skip_codes": Param("bool", default=True, doc="no guess in a window touching digits, Latin letters or 〔〕"),
    "quote_penalty": Param("number", default=5.0, doc="extra gain inside “…” quotes"),
    "split_penalty": Param("number", default=5.0, doc="extra gain when the new word breaks a found word"),
    "parallel_penalty": Param("number", default=5.0, doc="extra gain when the kept character repeats nearby"),
    "numeral_penalty": Param("number", default=5.0, doc="extra gain when the kept character is a numeral"),
    "word_penalty": Param("number", default=0.0, doc="extra gain when the suspect is a rare dictionary word"),
    "own_char_uses": Param("int", default=5, doc="uses elsewhere in the draft that make a character the draft's own (0: off)"),
    "own_char_penalty": Param("number", default=5.0, doc="extra gain for a suspect character the draft uses that often"),
    "max_loose_share": Param("number", default=0.5, doc="skip a paragraph where more of its characters than this are loose (scrambled or garbled text)"),
    "dictionary_stage": Param("bool", default=True, doc="guess at loose characters from jieba's word model (the first stage)"),
    "context_model": Param("bool", default=True, doc="score candidates with the character language model (charlm)"),
    "wide_shapes": Param("str", default="similar_shapes_open", doc="word list of more look-alike groups, tried only with the model's support"),
    "lm_gain": Param("number", default=LM_GAIN, doc="rise of the model's log probability that makes a guess (severity info)"),
    "lm_high_gain": Param("number", default=LM_HIGH_GAIN, doc="rise that makes a guess high-confidence (the rule's severity)"),
    "lm_support": Param("number", default=LM_SUPPORT, doc="rise the model must give a dictionary guess for it to keep the rule's severity"),
    "warning_gain": Param("number", default=WARNING_GAIN, doc="rise of the word model a dictionary guess needs to keep the rule's severity"),
    "sure_gain": Param("number", default=SURE_GAIN, doc="rise of the word model that keeps the rule's severity whenever the model does not object"),
    "word_warning_extra": Param("number", default=WORD_WARNING_EXTRA, doc="added to every warning threshold when the text as written is a dictionary word"),
    "hints": Param("bool", default=False, doc="offer below-high-confidence guesses (info) at all; an office turns them on with profile: {typo_hints: true}"),
    "hints_outside_gongwen": Param("bool", default=False, doc="also offer below-high-confidence guesses (info) in drafts that are not 公文"),
    "word_support": Param("number", default=WORD_SUPPORT, doc="model gain a dictionary guess needs when the text as written is itself a dictionary word"),
    "lm_worse": Param("number", default=LM_WORSE, doc="a dictionary guess the model scores below this (a worse sentence) is dropped"),
    "name_penalty": Param("number", default=NAME_PENALTY, doc="extra model gain inside a span jieba takes for a name"),
    "word_change_penalty": Param("number", default=WORD_CHANGE_PENALTY, doc="extra model gain to change a character of a common dictionary word"),
    "word_swaps": Param("bool", default=True, doc="also try a two-character word read the same as a two-character stretch that is no common word (平谷 → 评估)"),
    "pair_cost": Param("number", default=PAIR_COST, doc="extra model gain a change of two characters needs"),
    "pair_word_frequency": Param("int", default=PAIR_WORD_FREQUENCY, doc="a two-character word this frequent needs word_change_penalty more gain to be changed whole"),
    "max_classical_share": Param("number", default=MAX_CLASSICAL_SHARE, doc="no guesses in a draft where more of the characters than this are classical particles"),
}

# Function characters that form words with almost anything; swapping them is the job of the
# confusable rules (的/地/得, 在/再 …), not of a guesser.
FUNCTION_CHARS = set("的地得了着过在再是不也和与及或而就都又还把被将对从向于以为之其这那个们么吗呢吧啊"
                     # one-character words of 公文 style that are rarely anyone's slip: 我办拟于, 现予公布, 该局,
                     # 均已, 亦可, 我局已 (已 cost odw-dev one sentence, 0.533 → 0.531; a wider set —
                     # 需应须可即现请经… — cost 0.533 → 0.526)
                     "拟予均亦该已")
NAME_TAGS = ("nr", "ns", "nt", "nz", "nrt", "nrfg", "eng", "m", "x")
PERSON_OR_PLACE_TAGS = ("nr", "ns")  # name-like spans the context model may still guess in
# Two to four Chinese characters standing alone between spaces (or a block's start or end and a
# space): a cell of a list laid out with spaces, such as the names of a 名单 (毛有丰　　统计局副局长).
LIST_CELL = re.compile(r"(?:^|[ \u3000\t])([\u4e00-\u9fff]{2,4})(?=[ \u3000\t])|(?<=[ \u3000\t])([\u4e00-\u9fff]{2,4})$")
MAX_WORD = 4  # longest corrected word tried
CLAUSE_RADIUS = 8  # characters each side of the position used to score the change
# Tags of words a slip of the pen does not produce: names (of people, places, organisations, and other
# proper nouns such as brands), numbers, times, directions; and conjunctions (于是, 还是, 由是), whose
# swaps are the confusable rules' job like FUNCTION_CHARS.
UNLIKELY_TARGET_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "t", "f", "s", "c"})
NUMERALS = set("一二三四五六七八九十百千万亿两零〇")
PARALLEL_REACH = 4  # characters each side of a window searched for its kept character again
QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _near(sound: str) -> str:
    """Fold the distinctions many speakers blur (zh/z, ch/c, sh/s, n/l, -ng/-n) into one key."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if sound.startswith(a):
            sound = b + sound[2:]
    if sound.startswith("n"):
        sound = "l" + sound[1:]
    if sound.endswith("ng") and len(sound) > 2:
        sound = sound[:-1]
    return sound


# This module's file as it was when imported (the code that computes the cached table): taken now,
# not at call time, so that an edit during a long run cannot file old results under the new code.
_MODULE_STAMP = os.stat(__file__).st_mtime_ns


@lru_cache(maxsize=2)
def _sound_groups(near: bool = False) -> dict[str, str]:
    """Character → common characters with a same (toneless) reading, as one string (sorted).
    Common = encodable in GB2312.

    Computing it imports pypinyin and walks its 40,000 readings (~1 s): done once, then read from
    the user cache (rebuilt when pypinyin or this module changes).  Strings, not tuples, because
    they load several times faster.
    """
    import importlib.util
    from pathlib import Path

    from officekit import cache

    spec = importlib.util.find_spec("pypinyin")
    source = Path(spec.origin).parent / "pinyin_dict.py" if spec and spec.origin else None

    def compute() -> dict[str, str]:
        return {ch: "".join(group) for ch, group in _compute_sound_groups(near).items()}

    if source is None or not source.is_file():
        return compute()
    key = ("str", _MODULE_STAMP, cache.stat_key(source), near)
    return cache.memoized("sound-groups", key, compute)


def _compute_sound_groups(near: bool) -> dict[str, tuple[str, ...]]:
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert

    by_sound: dict[str, set[str]] = {}
    readings: dict[str, list[str]] = {}
    for code, value in pinyin_dict.pinyin_dict.items():
        ch = chr(code)
        if not is_han(ch):
            continue
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        sounds = {convert(r, Style.NORMAL, strict=False) for r in value.split(",")}
        if near:
            sounds = {_near(x) for x in sounds}
        readings[ch] = list(sounds)
        for s in sounds:
            by_sound.setdefault(s, set()).add(ch)
    return {ch: tuple(sorted(set().union(*(by_sound[s] for s in ss)) - {ch})) for ch, ss in readings.items()}


def _shape_groups(lines: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in lines:
        group = [c for c in line if is_han(c)]
        for c in group:
            out.setdefault(c, set()).update(x for x in group if x != c)
    return out


def build(rule: RuleSpec):
    p = rule.params
    min_freq = int(p["min_frequency"])
    min_gain = float(p["min_gain"])
    rare = int(p["rare_frequency"])

    @wordlists.per_config
    def lists(ctx: Context):
        known = set(ctx.wordlist(p["known"]))
        vocabulary = frozenset(w for w in known | set(ctx.wordlist(p["accept"])) if len(w) > 1)
        shapes = _shape_groups(ctx.wordlist(p["shapes"]))
        wide = _shape_groups(ctx.wordlist(p["wide_shapes"])) if p["wide_shapes"] else {}
        # built lazily: a configuration whose drafts never reach the context model never reads its tables
        candidates = _lazy(lambda: _Candidates(_sound_groups(), _sound_groups(True) if p["near_sounds"] else {},
                                               shapes, wide))
        return shapes, candidates, vocabulary, known

    def check(ctx: Context):
        if _classical_share(ctx) > p["max_classical_share"]:
            return  # classical prose: not the modern prose the word and character models know
        shapes, lazy_candidates, vocabulary, known = lists(ctx)
        sounds = _sound_groups()
        near = _sound_groups(True) if p["near_sounds"] else {}
        penalty = float(p["near_penalty"])
        lm = charlm.model() if p["context_model"] else None
        candidates = lazy_candidates() if lm is not None else None
        # The model knows 公文, laws and reports; in a technical report, a 总结 or a set of club rules (the
        # genres structure/genre.py tells apart) its hints were 63 of 64 wrong on the real drafts
        # (梗源 → 根源, 复用 → 不用, 拖拽 → 拖曳): there only its high-confidence guesses are shown.
        # Below-high-confidence guesses (info) are opt-in: read as a reviewer, they were 0 right of 14 on
        # the real 公文 drafts and about one wrong hint per published document — a tool that cries wolf.
        # An office that wants the wider net turns them on with `profile: {typo_hints: true}`.
        hints = bool(ctx.setting("typo_hints", p["hints"])) and (
            p["hints_outside_gongwen"] or getattr(ctx.draft, "genre", GONGWEN) == GONGWEN)
        for span in ctx.spans():
            text = ctx.block_text(span.part, span.block)
            words = dictionary_words(ctx, span.part, span.block)
            if _loose_share(text, words, rare) > p["max_loose_share"]:
                continue  # scrambled filler, a list of characters, garbled text: not prose to guess in
            names, protected = _protected(ctx, span.part, span.block, vocabulary)
            guesses: dict[tuple[int, int], tuple] = {}  # one guess per stretch of text: the strongest
            site = _Site(text, words, p, _own_characters(ctx, p["own_char_uses"]) if p["own_char_uses"] else frozenset())
            scorer = _lazy(lambda: lm.scorer(text))
            for word, offset in (words if p["dictionary_stage"] else ()):
                if len(word) > 1 and (len(word) > 2 or _frequency(word) >= rare):
                    continue  # a real word: its characters are not suspects
                best = None
                for i in range(offset, offset + len(word)):
                    ch = text[i]
                    if (not (span.start <= i < span.end) or i in protected or i in names or not is_han(ch)
                            or ch in FUNCTION_CHARS):
                        continue
                    same = set(sounds.get(ch, ()))
                    other = (set(near.get(ch, ())) | shapes.get(ch, set())) - same
                    found = _best_replacement(text, i, same, min_freq, min_gain, rare, known, site)
                    if other:
                        alt = _best_replacement(text, i, other, min_freq, min_gain + penalty, rare, known, site)
                        if alt and (found is None or alt[0] - penalty > found[0]):
                            found = alt
                    if found and (best is None or found[0] > best[0]):
                        best = found + (i,)
                if best is None:
                    continue
                gain, start, end, corrected, i = best
                if p["repeated_ok"] and _segment_uses(ctx, text[start:end], span.part, span.block, start) + 1 >= p["repeated_ok"]:
                    continue  # the same "typo" again and again is a term the writer means (受援地)
                support = None
                if lm is not None:  # the dictionary's guess, weighed by the context model
                    support = scorer().score(i, corrected[i - start]) - scorer().base(i)
                    if support < p["lm_worse"]:
                        continue  # the model reads the "corrected" sentence as clearly worse: never offered
                    written_word = _frequency(text[start:end]) > 0
                    if written_word and support < p["word_support"]:
                        continue  # a word jieba knows (复用, 视图, 份数) changed without the model's clear support
                    extra = p["word_warning_extra"] if written_word else 0.0
                    sure = ((support >= p["lm_support"] + extra and gain >= p["warning_gain"])
                            or (gain >= p["sure_gain"] + extra and support >= 0))
                    severity = None if sure else "info"
                else:
                    severity = None
                if (start, end) not in guesses or gain > guesses[(start, end)][0]:
                    guesses[(start, end)] = (gain, corrected, i, severity, "dictionary", support)
            if lm is not None:
                taken = {guess[2] for guess in guesses.values()}
                for guess in _context_guesses(scorer(), candidates, text, span, names, protected, site, p,
                                              min_freq, taken):
                    lm_gain, start, end, corrected, i, in_name = guess
                    if any(s < end and start < e for s, e in guesses):
                        continue  # one guess per stretch of text: the dictionary stage spoke here
                    if p["repeated_ok"] and _segment_uses(ctx, text[start:end], span.part, span.block, start) + 1 >= p["repeated_ok"]:
                        continue
                    extra = p["word_warning_extra"] if _frequency(text[start:end]) > 0 else 0.0
                    severity = None if lm_gain >= p["lm_high_gain"] + extra and not in_name else "info"
                    guesses[(start, end)] = (lm_gain, corrected, i, severity, "context", lm_gain)
                if p["word_swaps"]:
                    for lm_gain, start, end, corrected, in_name in _pair_guesses(scorer(), text, span, words, names,
                                                                                 protected, site, p, min_freq, guesses):
                        if p["repeated_ok"] and _segment_uses(ctx, text[start:end], span.part, span.block, start) + 1 >= p["repeated_ok"]:
                            continue
                        extra = p["word_warning_extra"] if _frequency(text[start:end]) > 0 else 0.0
                        severity = None if lm_gain >= p["lm_high_gain"] + extra and not in_name else "info"
                        guesses[(start, end)] = (lm_gain, corrected, start, severity, "word", lm_gain)
            for (start, end), (gain, corrected, i, severity, stage, support) in _one_per_stretch(guesses):
                if severity == "info" and not hints:
                    continue  # a report or a set of rules is not the prose the model knows: no mere hints there
                # stage and scores ride along for the benchmarks (bench/csc.py reads them)
                yield Hit(span.part, span.block, start, end, suggestion=corrected, severity=severity,
                          vars={"expected": corrected, "char": text[i], "right": corrected[i - start],
                                "stage": stage, "gain": round(gain, 2), "model_gain": support})

    return check


def _one_per_stretch(guesses: dict) -> list:
    """The guesses whose spans overlap no surer one (the rule's severity before info, then the larger
    gain), in text order: 发展思响 gets 思想, not also 发展史."""
    kept: list = []
    for (start, end), guess in sorted(guesses.items(), key=lambda item: (item[1][3] is not None, -item[1][0])):
        if all(end <= s or e <= start for (s, e), _ in kept):
            kept.append(((start, end), guess))
    return sorted(kept)


def _lazy(make):
    """make(), called on first use and kept."""
    kept = []

    def get():
        if not kept:
            kept.append(make())
        return kept[0]
    return get


class _Candidates:
    """The characters the context model tries at a position: same sound, near sound, look-alike (the
    small list and the wide table), each with its CANDIDATE_COST — and only those that form a pair
    found inside some dictionary word with the left or the right neighbour.  The correction must be
    a word anyway, and the pair test keeps the model to a few candidates per position (it is what
    makes scoring every position affordable)."""

    def __init__(self, sounds, near, shapes, wide):
        self.sounds, self.near, self.shapes, self.wide = sounds, near, shapes, wide
        self.pairs = _word_pairs()
        self._costs: dict[str, dict[str, float]] = {}

    def costs(self, ch: str) -> dict[str, float]:
        """Every candidate for `ch` with its cost (the cheapest kind that offers it)."""
        out = self._costs.get(ch)
        if out is None:
            out = {}
            for kind, group in (("wide", self.wide.get(ch, ())), ("shape", self.shapes.get(ch, ())),
                                ("near", self.near.get(ch, "")), ("same", self.sounds.get(ch, ""))):
                cost = CANDIDATE_COST[kind]
                for c in group:
                    out[c] = cost  # later kinds are cheaper and overwrite
            for c in FUNCTION_CHARS.intersection(out):
                del out[c]
            out.pop(ch, None)
            self._costs[ch] = out
        return out

    def at(self, text: str, i: int) -> list[tuple[str, float]]:
        follows = self.pairs.get(text[i - 1], ("", ""))[0] if i > 0 and is_han(text[i - 1]) else ""
        precedes = self.pairs.get(text[i + 1], ("", ""))[1] if i + 1 < len(text) and is_han(text[i + 1]) else ""
        if not follows and not precedes:
            return []
        costs = self.costs(text[i])
        if len(follows) + len(precedes) > len(costs):  # walk the shorter side
            return [(c, cost) for c, cost in costs.items() if c in follows or c in precedes]
        out = {c: costs[c] for c in follows if c in costs}
        out.update((c, costs[c]) for c in precedes if c in costs)
        return list(out.items())


@lru_cache(maxsize=1)
def _word_pairs() -> dict[str, tuple[str, str]]:
    """Character → (the characters that follow it, the characters that precede it) inside dictionary
    words of 2–4 characters counted at least PAIR_MIN_FREQUENCY times.  From jieba's dict.txt, once,
    then read from the user cache."""
    import importlib.util
    from pathlib import Path

    from officekit import cache

    spec = importlib.util.find_spec("jieba")
    source = Path(spec.origin).parent / "dict.txt" if spec and spec.origin else None
    if source is None or not source.is_file():
        return {}

    def compute() -> dict[str, tuple[str, str]]:
        follows: dict[str, set] = {}
        precedes: dict[str, set] = {}
        with open(source, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) < PAIR_MIN_FREQUENCY:
                    continue
                word = parts[0]
                if 2 <= len(word) <= MAX_WORD:
                    for a, b in zip(word, word[1:]):
                        follows.setdefault(a, set()).add(b)
                        precedes.setdefault(b, set()).add(a)
        return {ch: ("".join(sorted(follows.get(ch, ()))), "".join(sorted(precedes.get(ch, ()))))
                for ch in set(follows) | set(precedes)}

    return cache.memoized("word-pairs", ("v1", _MODULE_STAMP, PAIR_MIN_FREQUENCY, cache.stat_key(source)), compute)


PAIR_MIN_FREQUENCY = 20  # the dictionary stage's min_frequency: a correction rarer than this is not offered
# Tags of corrections the context model never offers: UNLIKELY_TARGET_TAGS, and Latin or unknown tokens.
CONTEXT_UNLIKELY_TAGS = UNLIKELY_TARGET_TAGS | {"eng", "x"}


def _context_guesses(scorer, candidates: _Candidates, text: str, span, names: set[int], protected: set[int],
                     site: "_Site", p: dict, min_freq: int, taken: set[int]):
    """(gain, start, end, corrected word, position, in a name-like span) for the positions of the span
    where one candidate character raises the model's probability of the sentence by at least lm_gain
    plus the extras of the place (the gain returned is net of those extras), best first and at most
    one per stretch of text."""
    found = []
    for i in range(span.start, span.end):
        ch = text[i]
        if not is_han(ch) or ch in FUNCTION_CHARS or i in protected or i in taken:
            continue
        if p["skip_codes"] and (_is_code(text[i - 1:i]) or _is_code(text[i + 1:i + 2])):
            continue
        base = scorer.base(i)
        needed = p["lm_gain"]
        if i in site.quoted:
            needed += p["quote_penalty"]
        if ch in site.own_characters:
            needed += p["own_char_penalty"]
        if i in names:
            needed += p["name_penalty"]
        word_span = site.word_at.get(i)
        if word_span and word_span[1] - word_span[0] >= 3:
            continue  # inside a dictionary word of three or more characters (坚忍不拔, 同心圆): meant
        if word_span and _frequency(text[word_span[0]:word_span[1]]) >= site.params["rare_frequency"]:
            needed += p["word_change_penalty"]
        if -base < needed:
            continue  # no candidate can gain more than the original loses: every log probability is ≤ 0
        options = candidates.at(text, i)
        if not options:
            continue
        scored = sorted(((scorer.score(i, c) - base - cost, c) for c, cost in options), reverse=True)
        for gain, c in scored:
            if gain < needed:
                break
            word = _corrected_word(text, i, c, min_freq)
            if word is not None and p["skip_codes"] and (_is_code(text[word[0] - 1:word[0]]) or _is_code(text[word[1]:word[1] + 1])):
                continue  # the new word would touch digits or letters: 10时起 is a time, not 时期
            if word is not None:
                # the gain net of the place's extras; a guess inside a name-like span stays a hint
                found.append((gain - (needed - p["lm_gain"]),) + word + (i, i in names))
                break
    chosen = []
    for guess in sorted(found, reverse=True):
        if all(guess[2] <= other[1] or other[2] <= guess[1] for other in chosen):
            chosen.append(guess)
    return chosen


def _pair_windows(words: list[tuple[str, int]]):
    """Offsets of the two-character stretches the word stage reads: a two-character word of the
    dictionary segmentation, or two characters it leaves loose side by side (才 / 聊 for 材料).  A
    stretch across a word boundary (的发 of 的发展) is no slip of one word."""
    for k, (word, offset) in enumerate(words):
        if len(word) == 2:
            yield offset
        elif len(word) == 1 and k + 1 < len(words) and len(words[k + 1][0]) == 1:
            yield offset


def _pair_guesses(scorer, text: str, span, words: list[tuple[str, int]], names: set[int], protected: set[int],
                  site: "_Site", p: dict, min_freq: int, guesses: dict):
    """(gain, start, end, word, in a name-like span) for two-character stretches of the span that are
    no common word while a dictionary word read the same way (sound_words) makes the sentence far
    more probable: two wrong characters in one word (平谷机制 → 评估机制, 鱼蒜管理 → 预算管理), which a
    one-character change never turns into a word.  The gain is net of the place's extras, the best
    candidate only, and nowhere another stage already guessed."""
    found = []
    for s in _pair_windows(words):
        e = s + 2
        original = text[s:e]
        if not (span.start <= s and e <= span.end) or not all(map(is_han, original)):
            continue
        if any(k in protected for k in (s, s + 1)) or (original[0] in FUNCTION_CHARS and original[1] in FUNCTION_CHARS):
            continue
        if any(a < e and s < b for a, b in guesses):
            continue
        if p["skip_codes"] and (_is_code(text[s - 1:s]) or _is_code(text[e:e + 1])):
            continue
        if s in names or s + 1 in names:
            continue  # jieba's HMM reads a name here (王晓晖, 姜仕坤): a name read as another word is no slip
        needed = p["lm_gain"] + p["pair_cost"]
        if s in site.quoted:
            needed += p["quote_penalty"]
        if any(ch in site.own_characters for ch in original):
            needed += p["own_char_penalty"]
        base = scorer.base(s, 2)
        if -base < needed:
            continue  # no candidate can gain more than the original loses
        # cheapest tests first: the index gives each candidate's frequency, the lexicon is asked last
        candidates = [(word, frequency) for word, frequency in sound_words.words_read_like(original)
                      if word[0] != original[0] and word[1] != original[1]  # one character changed: other stages
                      and word[0] not in FUNCTION_CHARS and word[1] not in FUNCTION_CHARS]
        if not candidates:
            continue
        written = _frequency(original)
        if written >= p["pair_word_frequency"]:
            needed += p["word_change_penalty"]
            if -base < needed:
                continue
        else:
            written = 0  # a rare "word" of jieba's (悔意, 攻到: counted 3) is no rival to the candidate
        best = None
        for word, frequency in candidates:
            if frequency < max(min_freq, PAIR_FREQUENCY_RATIO * written):
                break  # most frequent first: the rest are rarer still
            if (segment.tag(word) or "") in CONTEXT_UNLIKELY_TAGS:
                continue  # never a name, number, time, place, organisation or brand
            gain = scorer.score(s, word) - base
            if gain >= needed and (best is None or gain > best[0]):
                best = (gain, word)
        if best is not None:
            found.append((best[0] - (needed - p["lm_gain"]), s, e, best[1], False))
    return found


def _corrected_word(text: str, i: int, c: str, min_freq: int):
    """(start, end, word): the most frequent dictionary word of 2–MAX_WORD characters that covers
    offset i once text[i] is c; None when c makes no word (a correction must be a word, never a
    name, number, time, place, organisation or brand)."""
    best = None
    for s in range(max(0, i - MAX_WORD + 1), i + 1):
        if not all(is_han(x) for x in text[s:i]):
            continue
        for e in range(i + 1, min(len(text), s + MAX_WORD) + 1):
            if e - s < 2 or not is_han(text[e - 1]):
                if e > i + 1 and not is_han(text[e - 1]):
                    break
                continue
            word = text[s:i] + c + text[i + 1:e]
            frequency = _frequency(word)
            if frequency >= min_freq and (best is None or frequency > best[0]) and \
                    (segment.tag(word) or "") not in CONTEXT_UNLIKELY_TAGS:
                best = (frequency, s, e, word)
    return None if best is None else best[1:]


MIN_HAN_FOR_SHARE = 20  # shorter paragraphs say too little about what kind of text they are


def _loose_share(text: str, words: list[tuple[str, int]], rare: int) -> float:
    """The share of a paragraph's Chinese characters that dictionary words leave loose (single content
    characters, rare two-character words).  Modern prose stays under half (odw-dev sentences at most
    0.45, published documents' paragraphs at the 99th percentile 0.36; even classical prose such as
    出师表 is near 0.45); scrambled filler, character lists and garbled text run from 0.6 to nearly 1,
    and there a guesser only produces noise — slowly."""
    han = sum(1 for ch in text if is_han(ch))
    if han < MIN_HAN_FOR_SHARE:
        return 0.0
    loose = 0
    for word, _ in words:
        if len(word) == 1:
            loose += is_han(word) and word not in FUNCTION_CHARS
        elif len(word) == 2 and is_han(word[0]) and is_han(word[1]) and _frequency(word) < rare:
            loose += 2
    return loose / han


REPEAT_CONTEXT = 2  # characters each side that make a repeat a copy of the same passage


def _segment_uses(ctx: Context, string: str, part: str, block_index: int, start: int) -> int:
    """How often `string` stands as its own segment elsewhere in the draft: an occurrence counts when
    both its ends fall on word boundaries of jieba's segmentation, with HMM (a repeated unknown term
    such as 受援地 is one segment) or without (梗源 stays 梗 / 源, as loose as where it was guessed).  A raw count would not do: in a long draft any pair
    of characters turns up again somewhere across a word boundary (…的是…, 有几…), and every guess
    would look like a term the writer means.  Nor does a copy of the same passage (the same
    REPEAT_CONTEXT characters on both sides, 国务院教育独到委员会 twice): a slip copied with its
    sentence is one slip, not a term used again."""
    here_text = ctx.block_text(part, block_index)
    context = (here_text[max(0, start - REPEAT_CONTEXT):start], here_text[start + len(string):start + len(string) + REPEAT_CONTEXT])
    uses = 0
    for block in ctx.document.body:
        at = block.text.find(string)
        if at < 0:
            continue
        boundaries = None
        while at >= 0:
            if boundaries is None:  # word boundaries of either segmentation (a typo is loose in the plain one)
                boundaries = {offset for _, _, offset in ctx.tokens("body", block.index)}
                boundaries.update(offset for _, offset in ctx.segmented("dictionary_words", "body", block.index))
                boundaries.add(len(block.text))
            here = part == "body" and block.index == block_index and at == start  # the suspect itself
            copied = (block.text[max(0, at - REPEAT_CONTEXT):at], block.text[at + len(string):at + len(string) + REPEAT_CONTEXT]) == context
            if not here and not copied and at in boundaries and at + len(string) in boundaries:
                uses += 1
            at = block.text.find(string, at + 1)
    return uses


# A character is the draft's own (its subject: 湿 in a wetland plan) when the draft writes it at least
# own_char_uses times and this many times more often than its background rate predicts for a text of
# the draft's length: a long draft uses every common character often, and only an excess says "subject".
OWN_CHAR_EXCESS = 3.0


def _own_characters(ctx: Context, min_uses: int) -> frozenset:
    """Characters the draft uses at least `min_uses` times beyond the one being judged and well above
    their background rate (jieba's dictionary counts) for a draft of this length."""
    key = ("detector_own_characters", min_uses)
    cached = ctx.shared.get(key)
    if cached is None:
        counts = _draft_characters(ctx)
        han = sum(n for ch, n in counts.items() if is_han(ch))
        rates = _character_rates()
        cached = ctx.shared[key] = frozenset(
            ch for ch, n in counts.items()
            if is_han(ch) and n - 1 >= max(min_uses, OWN_CHAR_EXCESS * rates.get(ch, 0.0) * han))
    return cached


@lru_cache(maxsize=1)
def _character_rates() -> dict[str, float]:
    """Character → its share of running text, from jieba's dictionary: every word's count credited to
    each of its characters.  Computed once (~0.5 s over 350,000 words), then read from the user cache."""
    import importlib.util
    from pathlib import Path

    from officekit import cache

    spec = importlib.util.find_spec("jieba")
    source = Path(spec.origin).parent / "dict.txt" if spec and spec.origin else None
    if source is None or not source.is_file():
        return {}

    def compute() -> dict[str, float]:
        counts: Counter = Counter()
        with open(source, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    n = int(parts[1])
                    for ch in parts[0]:
                        counts[ch] += n
        total = sum(counts.values()) or 1
        return {ch: n / total for ch, n in counts.items() if is_han(ch)}

    return cache.memoized("character-rates", ("v1", _MODULE_STAMP, cache.stat_key(source)), compute)


def _classical_share(ctx: Context) -> float:
    """The share of the draft's Chinese characters that are particles of classical prose."""
    counts = _draft_characters(ctx)
    han = sum(n for ch, n in counts.items() if is_han(ch))
    return sum(counts[ch] for ch in CLASSICAL_PARTICLES) / han if han >= MIN_HAN_FOR_SHARE else 0.0


def _draft_characters(ctx: Context) -> Counter:
    cached = ctx.shared.get("detector_draft_characters")
    if cached is None:
        cached = ctx.shared["detector_draft_characters"] = Counter(_draft_text(ctx))
    return cached


def _draft_text(ctx: Context) -> str:
    cached = ctx.shared.get("detector_draft_text")
    if cached is None:
        cached = "\n".join(b.text for b in ctx.document.body)
        ctx.shared["detector_draft_text"] = cached
    return cached


@lru_cache(maxsize=8)
def _longest(words: frozenset) -> int:
    return max(map(len, words), default=0)


@lru_cache(maxsize=500_000)
def _frequency(word: str) -> int:
    """segment.frequency, memoised: the detector asks about the same candidate words again and again."""
    return segment.frequency(word)


@lru_cache(maxsize=100_000)
def _unlikely_target(word: str) -> bool:
    return (segment.tag(word) or "") in UNLIKELY_TARGET_TAGS


def _protected(ctx: Context, part: str, block: int, vocabulary) -> tuple[set[int], set[int]]:
    """Offsets inside names (jieba POS, HMM), and offsets inside numbers, Latin text and the office's or
    公文 vocabulary.  The dictionary stage guesses in neither; the context model guesses inside
    name-like spans too (jieba's HMM takes many misspelt strings for names), asking more of them."""
    text = ctx.block_text(part, block)
    names: set[int] = set()
    out: set[int] = set()
    for word, flag, offset in ctx.tokens(part, block):
        if flag.startswith(NAME_TAGS) and len(word) > 1:
            (names if flag.startswith(PERSON_OR_PLACE_TAGS) else out).update(range(offset, offset + len(word)))
    for cell in LIST_CELL.finditer(text):  # 毛有丰　　统计局副局长: a name in a list, not prose
        group = 1 if cell.group(1) else 2
        out.update(range(cell.start(group), cell.end(group)))
    longest = _longest(vocabulary) if vocabulary else 0
    heads = _heads(vocabulary) if vocabulary else frozenset()
    for start in range(len(text) - 1):
        if text[start:start + 2] not in heads:
            continue  # no vocabulary word starts with these two characters
        for end in range(start + 2, min(len(text), start + longest) + 1):
            if text[start:end] in vocabulary:
                out.update(range(start, end))
    return names, out


@lru_cache(maxsize=8)
def _heads(words: frozenset) -> frozenset:
    """The first two characters of each word."""
    return frozenset(w[:2] for w in words)


class _Site:
    """What a block's layout says about a window before any candidate is tried: the extra gain the
    window needs (penalties of the docstring), or None when it is not a place to guess at all."""

    def __init__(self, text: str, words: list[tuple[str, int]], params: dict, own_characters: frozenset):
        self.text = text
        self.params = params
        self.own_characters = own_characters
        # word_at[k]: (start, end) of the multi-character dictionary word covering offset k
        self.word_at: dict[int, tuple[int, int]] = {}
        for word, offset in words:
            if len(word) > 1:
                for k in range(offset, offset + len(word)):
                    self.word_at[k] = (offset, offset + len(word))
        self.quoted = _quoted_offsets(text)

    def extra_gain(self, s: int, e: int, i: int, suspect_frequency: int) -> float | None:
        text, p = self.text, self.params
        if p["skip_codes"] and (_is_code(text[s - 1:s]) or _is_code(text[e:e + 1])):
            return None
        extra = 0.0
        if i in self.quoted:
            extra += p["quote_penalty"]
        if any(k in self.word_at and not (s <= self.word_at[k][0] and self.word_at[k][1] <= e)
               for k in range(s, e)):
            extra += p["split_penalty"]
        kept = [text[k] for k in range(s, e) if k != i]
        if any(ch in NUMERALS for ch in kept):
            extra += p["numeral_penalty"]
        around = text[max(0, s - PARALLEL_REACH):s] + "\0" + text[e:e + PARALLEL_REACH]
        if any(ch in around for ch in kept):
            extra += p["parallel_penalty"]
        if suspect_frequency > 0:
            extra += p["word_penalty"]
        if text[i] in self.own_characters:
            extra += p["own_char_penalty"]
        return extra


def _is_code(ch: str) -> bool:
    """Digits, Latin letters and 发文字号 brackets: the neighbours of codes, times and numbers."""
    return bool(ch) and (ch.isascii() and ch.isalnum() or "０" <= ch <= "９" or ch in "〔〕［］")


def _quoted_offsets(text: str) -> set[int]:
    """Offsets between an opening quotation mark and its closing mark on the same block."""
    out: set[int] = set()
    for opening, closing in QUOTES:
        start = text.find(opening)
        while start >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            out.update(range(start + 1, end))
            start = text.find(opening, end + 1)
    return out


def _best_replacement(text: str, i: int, candidates, min_freq: int, min_gain: float,
                      rare: int, known: set[str], site: _Site | None = None):
    """The most probable (gain, start, end, corrected word) for position i, or None."""
    lo = i
    while lo > 0 and i - lo < CLAUSE_RADIUS and is_han(text[lo - 1]):
        lo -= 1
    hi = i + 1
    while hi < len(text) and hi - i <= CLAUSE_RADIUS and is_han(text[hi]):
        hi += 1
    if min_freq >= PAIR_MIN_FREQUENCY:
        # a corrected word of 2–MAX_WORD characters puts the candidate beside a neighbour, and that
        # pair must occur inside some dictionary word that frequent: the rest cannot make a word
        pairs = _word_pairs()
        follows = pairs.get(text[i - 1], ("", ""))[0] if i > lo else ""
        precedes = pairs.get(text[i + 1], ("", ""))[1] if i + 1 < hi else ""
        candidates = [c for c in candidates if c in follows or c in precedes]
        if not candidates:
            return None
    windows = [(s, e) for s in range(max(lo, i - MAX_WORD + 1), i + 1)
               for e in range(i + 1, min(hi, s + MAX_WORD) + 1) if e - s >= 2]
    # Whether a window's present text is itself a word does not depend on the candidate: decide it
    # once per window, not once per candidate (same windows, same order, same result; ~2× faster).
    suspects = []
    for s, e in windows:
        original = text[s:e]
        frequency = _frequency(original)
        if original in known or frequency >= rare:
            continue
        extra = site.extra_gain(s, e, i, frequency) if site is not None else 0.0
        if extra is None:
            continue
        suspects.append((s, e, text[s:i], text[i + 1:e], min_gain + extra))
    if not suspects:
        return None
    base = None
    best = None
    for c in candidates:
        for s, e, before, after, needed in suspects:
            corrected = before + c + after
            if _frequency(corrected) < min_freq or _unlikely_target(corrected):
                continue
            if base is None:
                base = segment.best_log_probability(text[lo:hi])
            changed = text[lo:i] + c + text[i + 1:hi]
            gain = segment.best_log_probability(changed) - base
            if gain >= needed and (best is None or gain > best[0]):
                best = (gain, s, e, corrected)
    return best

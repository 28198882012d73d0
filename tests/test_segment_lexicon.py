"""segment.py serves jieba's dictionary from an SQLite lexicon fetched by the text's character pairs:
the words, tags, counts and probabilities must be exactly jieba's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SENTENCES = [
    "关于进一步加强公文处理工作的通知",
    "各县（市、区）人民政府，市政府各部门：为贯彻落实党中央、国务院决策部署，现将有关事项通知如下。",
    "提请市人大常务委员会审议。2026年3月5日，张三在北京市海淀区召开座谈会。",
    "制定全市交通发展总休方案，ABC-123 与 iPhone 15 Pro 的价格为1,000.5元。",
    "",
    "\u200b零宽\u202e字符\t和　全角空格",
]

COMPARE = r"""
import json, sys
from officekit.engine import segment
sentences = json.loads(sys.argv[1])
ours = [[segment.tokens(s), segment.dictionary_words(s), segment.best_log_probability(s)] for s in sentences]
words = [w for s in sentences for w, _ in segment.dictionary_words(s)] + ["总休", "常务", "不存在的词语"]
ours.append([[segment.frequency(w), segment.tag(w)] for w in words])
ours.append(segment.total())
used_file = segment._lexicon._db is not None

import logging
import jieba, jieba.posseg
jieba.setLogLevel(logging.WARNING)
tk = jieba.Tokenizer()
tk.initialize()
pt = jieba.posseg.POSTokenizer(tk)
def toks(s):
    out, pos = [], 0
    for p in pt.cut(s, HMM=True):
        out.append((p.word, p.flag, pos)); pos += len(p.word)
    return out
def dw(s):
    out, pos = [], 0
    for w in tk.cut(s, HMM=False):
        out.append((w, pos)); pos += len(w)
    return out
def blp(s):
    if not s:
        return 0.0
    route = {}
    tk.calc(s, tk.get_DAG(s), route)
    return route[0][0]
theirs = [[toks(s), dw(s), blp(s)] for s in sentences]
theirs.append([[tk.FREQ.get(w) or 0, pt.word_tag_tab.get(w)] for w in words])
theirs.append(tk.total)
print(json.dumps({"same": json.loads(json.dumps(ours)) == json.loads(json.dumps(theirs)), "used_file": used_file}))
"""


def run(cache_dir) -> dict:
    env = dict(os.environ, OFFICEKIT_CACHE_DIR=str(cache_dir))
    out = subprocess.run([sys.executable, "-c", COMPARE, json.dumps(SENTENCES)], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_lexicon_gives_jiebas_own_results(tmp_path):
    first = run(tmp_path)  # builds the lexicon file (this run works from the whole dictionary in memory)
    assert first == {"same": True, "used_file": False}
    assert list(tmp_path.glob("jieba-*.sqlite3"))
    second = run(tmp_path)  # fetches from the file
    assert second == {"same": True, "used_file": True}


def test_unwritable_cache_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    assert run(blocker / "sub") == {"same": True, "used_file": False}


def test_key_groups_hold_exactly_the_files_keys(tmp_path, monkeypatch):
    """The compact key index (first character → second characters) answers as the full key set would."""
    monkeypatch.setenv("OFFICEKIT_CACHE_DIR", str(tmp_path))
    run(tmp_path)  # builds the lexicon file
    import sqlite3

    from officekit.engine import segment

    db = sqlite3.connect(next(tmp_path.glob("jieba-*.sqlite3")))
    keys = db.execute("SELECT value FROM meta WHERE name = 'keys'").fetchone()[0].split("\n")
    lexicon = segment._Lexicon({}, {}, 1, db)
    lexicon._keys = segment._key_groups(db)
    assert list(tmp_path.glob("lexicon-keys-*.marshal"))  # kept for the next run
    assert all(lexicon._holds(k) for k in keys)
    held = set(keys)
    probes = {a + b for a in "的中国人民政府通知关于" for b in "的中国人民政府通知关于x"} | set("的中x丨")
    assert {k for k in probes if lexicon._holds(k)} == probes & held

"""Chinese word segmentation and the word statistics behind it, loaded only when a rule needs words.

All jieba use of officekit goes through this module, so that the segmenter can be swapped (or its
load made cheaper) in one place.  Nothing here is loaded at import time.

Why the loading is unusual: jieba keeps its whole dictionary (350,000 words plus their prefixes,
~500,000 entries) and a word → part-of-speech table in Python dicts, and building them costs 1–2 s
and ~150 MB on every start, although one draft touches a small fraction of them.  So the dictionary
is turned once into an SQLite file in the user's cache folder (officekit/cache.py), keyed by
jieba's version and dictionary file, with each entry filed under the first two characters of the
word (one character for one-character words).  Before jieba sees a text we fetch the entries whose
key occurs in it — every character and every pair of adjacent characters — into the very dicts
jieba uses.  Every lookup jieba makes while cutting that text (prefixes in the DAG, word counts,
the HMM's "is this a known word" test, POS tags) is of a substring of the text, so its key is among
those fetched: the result is the same as with the whole dictionary, at a cost that grows with the
text instead of the dictionary.  When no cache folder is writable we load everything, as jieba does.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing as _closing
import sys
import threading

_lock = threading.RLock()
_lexicon = None  # _Lexicon, once the first text needs words
_tokenizer = None  # jieba.Tokenizer over the lexicon's dicts
_pos_tokenizer = None  # jieba.posseg.POSTokenizer over the same tokenizer

LEXICON_FORMAT = 2  # bump when the SQLite layout changes
FETCH_CHUNK = 500  # keys per query (well under SQLite's limit on bound parameters)


def _key(word: str) -> str:
    return word[:2]


def text_keys(text: str) -> set[str]:
    """The lexicon keys of every substring of `text`: its characters and adjacent pairs."""
    keys = set(text)
    keys.update(text[i:i + 2] for i in range(len(text) - 1))
    return keys


class _Lexicon:
    """jieba's counts and tags, fetched from the SQLite cache by key as texts need them."""

    def __init__(self, freq: dict, tags: dict, total: int, db: sqlite3.Connection | None):
        self.freq = freq  # shared with the jieba Tokenizer (word or prefix → count, 0 for prefixes)
        self.tags = tags  # shared with the POSTokenizer (word → POS)
        self.total = total
        self._db = db  # None: everything is already in memory
        self._fetched: set[str] = set()
        self._keys: dict[str, str] | None = None  # every key the file holds (_key_groups)

    def need(self, keys) -> None:
        if self._db is None:
            return
        missing = [k for k in keys if k not in self._fetched]
        if not missing:
            return
        with _lock:
            # Most keys a typo guesser asks about (a character swapped into a word) are in no word
            # at all; the list of keys answers those without a query.
            if self._keys is None:
                self._keys = _key_groups(self._db)
            present = [k for k in missing if self._holds(k)]
            for i in range(0, len(present), FETCH_CHUNK):
                chunk = present[i:i + FETCH_CHUNK]
                marks = ",".join("?" * len(chunk))
                for word, count, tag in self._db.execute(
                        f"SELECT word, freq, tag FROM entry WHERE key IN ({marks})", chunk):
                    self.freq[word] = count
                    if tag is not None:
                        self.tags[word] = tag
            self._fetched.update(missing)  # only now: other threads read it without the lock

    def need_key(self, key: str) -> None:
        """need() for one key, lean: a typo guesser asks about millions of made-up words."""
        if self._db is None or key in self._fetched:
            return
        if self._keys is not None and not self._holds(key):
            self._fetched.add(key)
            return
        self.need((key,))

    def _holds(self, key: str) -> bool:
        group = self._keys.get(key[0])  # type: ignore[union-attr]
        return group is not None and (key[1] if len(key) > 1 else ONE_CHARACTER_KEY) in group

    def need_text(self, text: str) -> None:
        if self._db is not None:
            self.need(text_keys(text))


ONE_CHARACTER_KEY = " "  # in a key group: the first character is a key by itself (no key holds a space)


def _key_groups(db: sqlite3.Connection) -> dict[str, str]:
    """The file's keys as first character → its keys' second characters (ONE_CHARACTER_KEY for the
    one-character key): about 1 MB, where a set of the 190,000 keys takes 26 MB and 0.05 s to build on
    every start.  Computed once per lexicon file and kept beside it (cache.memoized)."""
    from officekit import cache

    path = db.execute("PRAGMA database_list").fetchone()[2]

    def compute() -> dict[str, str]:
        row = db.execute("SELECT value FROM meta WHERE name = 'keys'").fetchone()
        groups: dict[str, list[str]] = {}
        for key in row[0].split("\n"):
            if key:
                groups.setdefault(key[0], []).append(key[1] if len(key) > 1 else ONE_CHARACTER_KEY)
        return {first: "".join(seconds) for first, seconds in groups.items()}

    return cache.memoized("lexicon-keys", (LEXICON_FORMAT, cache.stat_key(path)), compute)


def _import_jieba():
    """Import jieba and jieba.posseg without their start-up costs.

    jieba's _compat imports setuptools' pkg_resources only to locate its data files (~0.3 s); without
    it jieba opens them by path.  Importing jieba.posseg builds a default tagger by parsing the whole
    dictionary text (~0.5 s), which we never use: point it at an empty file while it is imported.
    """
    if "jieba.posseg" in sys.modules:
        import jieba
        import jieba.posseg

        return jieba, jieba.posseg
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    saved = jieba.dt.dictionary
    jieba.dt.dictionary = os.devnull
    try:
        import jieba.posseg
    finally:
        jieba.dt.dictionary = saved
    return jieba, jieba.posseg


def _dictionary_path(jieba) -> str:
    return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")


def _read_dictionary(jieba) -> tuple[dict, dict, int]:
    """jieba's own parse of dict.txt (counts and prefixes), plus the POS column."""
    path = _dictionary_path(jieba)
    with open(path, "rb") as handle:
        freq, total = jieba.Tokenizer.gen_pfdict(handle)
    tags = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return freq, tags, total


def _lexicon_file(jieba):
    from officekit import cache

    source = _dictionary_path(jieba)
    name = "jieba-" + cache.file_key(LEXICON_FORMAT, getattr(jieba, "__version__", "?"), cache.stat_key(source))
    return cache.cache_dir() / f"{name}.sqlite3"


def _open_lexicon_db(path) -> sqlite3.Connection | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()
        if row is None:
            db.close()
            return None
        return db
    except sqlite3.Error:
        return None


def _write_lexicon_db(path, freq: dict, tags: dict, total: int) -> None:
    """Write the SQLite lexicon under a temporary name, then rename it into place."""
    from officekit import cache

    tmp = cache.temporary_path(path)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("CREATE TABLE entry (key TEXT, word TEXT, freq INTEGER, tag TEXT, "
                       "PRIMARY KEY (key, word)) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            db.executemany("INSERT INTO entry VALUES (?, ?, ?, ?)",
                           ((_key(w), w, c, tags.get(w)) for w, c in sorted(freq.items())))
            db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
            db.execute("INSERT INTO meta VALUES ('keys', ?)", ("\n".join(sorted({_key(w) for w in freq})),))
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _open_lexicon(jieba) -> _Lexicon:
    path = None
    try:
        path = _lexicon_file(jieba)
        db = _open_lexicon_db(path) if path.is_file() else None
    except OSError:
        db = None
    if db is None:
        if path is not None:
            from officekit import cache

            cache.note_building()  # the slow part of a first run: parsing dict.txt and writing the file
        freq, tags, total = _read_dictionary(jieba)
        try:
            if path is None:
                raise OSError("no cache folder")
            _write_lexicon_db(path, freq, tags, total)
            with _closing(sqlite3.connect(path)) as written:
                _key_groups(written)  # its key index too, so that the next run has nothing to build
        except (OSError, sqlite3.Error):
            return _Lexicon(freq, tags, total, None)  # no writable cache: keep it all in memory
        # This run already holds the whole dictionary; later runs use the file.
        return _Lexicon(freq, tags, total, None)
    total = int(db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0])
    return _Lexicon({}, {}, total, db)


def _load():
    global _lexicon, _tokenizer, _pos_tokenizer
    if _pos_tokenizer is None:
        with _lock:
            if _pos_tokenizer is None:
                jieba, posseg = _import_jieba()
                lexicon = _open_lexicon(jieba)
                tokenizer = jieba.Tokenizer(os.devnull)  # never initialize(): the dicts come from the lexicon
                tokenizer.FREQ = lexicon.freq
                tokenizer.total = lexicon.total
                tokenizer.initialized = True
                pos_tokenizer = posseg.POSTokenizer(tokenizer)  # reads an empty tag file...
                pos_tokenizer.word_tag_tab = lexicon.tags  # ...and then shares the lexicon's tags
                _lexicon, _tokenizer = lexicon, tokenizer
                _pos_tokenizer = pos_tokenizer
    return _pos_tokenizer


def tokens(text: str) -> list[tuple[str, str, int]]:
    """(word, part of speech, start offset) for each word of `text` (jieba with HMM for unknown words)."""
    pos_tokenizer = _load()
    _lexicon.need_text(text)
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in pos_tokenizer.cut(text, HMM=True):
        word, flag = pair.word, pair.flag
        out.append((word, flag, pos))
        pos += len(word)
    return out


def dictionary_words(text: str) -> list[tuple[str, int]]:
    """(word, start offset) using only dictionary words: a string jieba does not know stays in pieces.

    The HMM of `tokens` glues unknown characters into new "words", which hides misspellings; the
    typo detector wants to see them as loose single characters.
    """
    _load()
    _lexicon.need_text(text)
    out: list[tuple[str, int]] = []
    pos = 0
    for word in _tokenizer.cut(text, HMM=False):
        out.append((word, pos))
        pos += len(word)
    return out


def frequency(word: str) -> int:
    """How often `word` occurs in jieba's dictionary counts; 0 when it is not a word."""
    lexicon = _lexicon
    if lexicon is None:
        _load()
        lexicon = _lexicon
    count = lexicon.freq.get(word)
    if count is None:  # not fetched, or not a word: the common case, so keep it to a lookup or two
        key = word[:2]
        if not key or key in lexicon._fetched:
            return 0
        lexicon.need_key(key)
        count = lexicon.freq.get(word)
    return count or 0


def tag(word: str) -> str | None:
    """The dictionary part of speech of `word` (n, v, nr, ns, …), None when unknown."""
    pos_tokenizer = _load()
    if word:
        _lexicon.need_key(_key(word))
    return pos_tokenizer.word_tag_tab.get(word)


def total() -> int:
    _load()
    return _tokenizer.total


def best_log_probability(text: str) -> float:
    """Log probability of the best dictionary segmentation of `text` (jieba's unigram model)."""
    _load()
    _lexicon.need_text(text)
    tk = _tokenizer
    dag = tk.get_DAG(text)
    route: dict[int, tuple[float, int]] = {}
    tk.calc(text, dag, route)
    return route[0][0] if text else 0.0

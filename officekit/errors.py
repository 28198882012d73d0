"""Errors that end up in front of a user: they name the file and say what is wrong, never a traceback."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read.  `kind` is a short machine word (not-found, empty, not-docx,
    corrupt, encrypted, legacy-format, too-large, unsafe, encoding, unsupported, conversion)."""

    def __init__(self, path: str, kind: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.kind = kind
        self.message = message


class ConfigError(Exception):
    """A configuration or rule file that cannot be used; the message names the file and line."""

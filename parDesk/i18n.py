"""The core's one translation mechanism.

Messages are keyed; each key holds a Vietnamese text (the default) and an
English one. Errors carry the key and its parameters, not a rendered string,
so the same error can be shown in the language of whoever reads it (the CLI's
``--lang``, the window's current language, the server's ``Accept-Language``).
Modules register their own messages with :func:`register` next to the code
that raises them, which keeps each catalogue small and close to its use.
"""

from __future__ import annotations

import re
import threading
from decimal import Decimal, InvalidOperation
from typing import Any

LANGUAGES = ("vi", "en")
_catalog: dict[str, dict[str, str]] = {}
_state = threading.local()
_default_lang = "vi"


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add ``{key: (vietnamese, english)}`` messages to the catalogue."""
    for key, (vi, en) in messages.items():
        if key in _catalog and _catalog[key] != {"vi": vi, "en": en}:
            raise ValueError(f"message key registered twice with different text: {key}")
        _catalog[key] = {"vi": vi, "en": en}


def set_language(lang: str) -> None:
    """Set the process-wide default language ("vi" or "en")."""
    global _default_lang
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _default_lang = lang


def get_language() -> str:
    return getattr(_state, "lang", None) or _default_lang


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """Render message ``key`` in ``lang`` (default: the current language)."""
    entry = _catalog.get(key)
    if entry is None:
        return key + (" " + repr(params) if params else "")
    lang = lang or get_language()
    text = entry[lang]
    if lang == "en":
        text = _plurals(text, params)
    previous = getattr(_state, "lang", None)
    _state.lang = lang  # so nested Msg parameters render in the same language
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text
    finally:
        _state.lang = previous


_PLURAL = re.compile(r"\{(\w+)\}( (?:[a-z]+ )?[^\W\d_]+)\(s\)")


def _is_one(value: Any) -> bool:
    raw = getattr(value, "value", value)
    try:
        return Decimal(str(raw)) == 1
    except (InvalidOperation, ValueError):
        return False


# Nouns that follow a count in English messages, plural → singular. A message written "{count} files"
# still reads "1 file": the class of "1 points" bug is closed here, for messages added later too.
_SINGULAR = {"points": "point", "items": "item", "days": "day", "problems": "problem", "files": "file",
             "documents": "document", "cells": "cell", "pages": "page", "packages": "package", "units": "unit",
             "results": "result", "requests": "request", "characters": "character", "cases": "case",
             "entries": "entry", "bytes": "byte", "seconds": "second", "minutes": "minute", "hours": "hour",
             "rows": "row", "areas": "area", "criteria": "criterion", "versions": "version",
             "receipts": "receipt", "attempts": "attempt", "errors": "error", "leaves": "leaf"}
_COUNTED = re.compile(r"\{(\w+)\}( (?:[a-z]+ )?)(" + "|".join(_SINGULAR) + r")\b")


def _plurals(text: str, params: dict[str, Any]) -> str:
    """English plurals: "{count} problem(s)" and "{count} problems" both read "1 problem" / "2 problems".

    The noun right after a placeholder (or after one adjective: "{n} unused files") is singular when
    that parameter is 1. Vietnamese nouns do not change.
    """
    def marked(match: re.Match[str]) -> str:
        name, noun = match.group(1), match.group(2)
        return "{" + name + "}" + noun + ("" if _is_one(params.get(name)) else "s")

    def counted(match: re.Match[str]) -> str:
        name, between, noun = match.groups()
        if name in params and _is_one(params[name]):
            noun = _SINGULAR[noun]
        return "{" + name + "}" + between + noun

    if "(s)" in text:
        text = _PLURAL.sub(marked, text)
    return _COUNTED.sub(counted, text)


class Msg:
    """A message used as a parameter of another, rendered in the outer message's language."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, params

    def __format__(self, spec: str) -> str:
        return format(t(self.key, **self.params), spec)

    def __str__(self) -> str:
        return t(self.key, **self.params)

    def __repr__(self) -> str:
        return str(self)


class Num:
    """A number parameter: "0,5" in Vietnamese text, "0.5" in English."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        """Vietnamese: :func:`parDesk.numfmt.fmt_number` ("1.234,5"); English: the plain decimal ("1234.5").

        Anything that is not a finite number is shown as it was given.
        """
        from decimal import Decimal

        from parDesk.numfmt import fmt_number, to_decimal

        d = None if isinstance(self.value, bool) else to_decimal(self.value)
        if d is None:
            return format(str(self.value), spec)
        if get_language() == "vi":
            return format(fmt_number(d, lang="vi"), spec)
        d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
        return format(format(d, "f"), spec)

    def __str__(self) -> str:
        return format(self, "")

    def __repr__(self) -> str:
        return str(self)


class Nested:
    """Another error as a parameter, rendered in the outer message's language."""

    def __init__(self, error: ParDeskError) -> None:
        self.error = error

    def __format__(self, spec: str) -> str:
        return format(self.error.message(get_language()), spec)

    def __str__(self) -> str:
        return format(self, "")


def keys() -> list[str]:
    return sorted(_catalog)


class ParDeskError(Exception):
    """An error a person can act on: a message key, its parameters and where.

    ``where`` names the file / JSON path / cell / field the problem is in, so
    the message can always say what to fix.
    """

    def __init__(self, key: str, where: str | None = None, **params: Any) -> None:
        self.key = key
        self.where = where
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        text = t(self.key, lang, **self.params)
        return f"{self.where}: {text}" if self.where else text

    def __str__(self) -> str:  # the current language, for logs and the CLI
        return self.message()


class ValidationErrors(ParDeskError):
    """Several problems found at once (a framework file, a spreadsheet)."""

    def __init__(self, errors: list[ParDeskError]) -> None:
        self.errors = errors
        super().__init__("errors.many", count=len(errors))

    def message(self, lang: str | None = None) -> str:
        head = t("errors.many", lang, count=len(self.errors))
        return head + "\n" + "\n".join("  - " + e.message(lang) for e in self.errors)


register({
    "errors.many": ("Có {count} lỗi:", "{count} problem(s):"),
})

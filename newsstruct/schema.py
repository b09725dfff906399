"""A JSON Schema (draft 2020-12) of :meth:`Article.to_dict` output, generated from the attrs
record classes: each class is an object with one required property a field, each enum the list
of its values, each optional field a choice with ``null``, each ``tuple[X, ...]`` an array."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Union

import attrs

from newsstruct.types import Article, Header, _hints

__all__ = ["json_schema"]

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    # ISO 8601 as ``isoformat()`` writes it; local times have no offset, so not RFC 3339
    dt.datetime: {"type": "string",
                  "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?"
                             r"([+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"},
    dt.date: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    type(None): {"type": "null"},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type ``tp``."""
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in typing.get_args(tp)]}
        if origin is tuple:
            args = typing.get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {"type": "array", "prefixItems": [self.of(a) for a in args],
                    "minItems": len(args), "maxItems": len(args)}
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._ref(tp, lambda: {"enum": [m.value for m in tp],
                                          "description": _doc(tp)})
        if isinstance(tp, type) and attrs.has(tp):
            return self._ref(tp, lambda: self.record(tp))
        raise TypeError(f"no JSON Schema for {tp!r}")

    def _ref(self, tp: type, build: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if tp.__name__ not in self.defs:
            self.defs[tp.__name__] = {}  # placeholder: a record may refer to itself
            self.defs[tp.__name__] = build()
        return {"$ref": f"#/$defs/{tp.__name__}"}

    def record(self, cls: type) -> dict[str, Any]:
        """An object with the record's fields, every one present (``to_dict`` writes them
        all) and no other."""
        hints = _hints(cls)
        props = {f.name: self.of(hints[f.name]) for f in attrs.fields(cls)}
        return {"type": "object", "description": _doc(cls), "properties": props,
                "required": list(props), "additionalProperties": False}


def _doc(tp: type) -> str:
    return (tp.__doc__ or tp.__name__).strip().split("\n\n")[0].replace("\n", " ")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Article.to_dict` (and of each line the CLI writes): the
    :class:`Header` block under ``"header"``, then every field of :class:`Article`."""
    builder = _Builder()
    article = builder.record(Article)
    article["properties"] = {"header": builder.of(Header), **article["properties"]}
    article["required"] = ["header", *article["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsstruct Article",
        **article,
        "$defs": dict(sorted(builder.defs.items())),
    }

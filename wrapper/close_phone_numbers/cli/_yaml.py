"""A small YAML writer for what the command prints: mappings, lists and JSON scalars.

Strings are written plain only when no YAML reader could take them for anything else
(a number, a boolean, null, a date, or syntax); otherwise they are double-quoted, with
JSON's escapes, which YAML reads the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

# Letters, digits and a few marks, not starting with a mark YAML gives a meaning to.
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_ .,/@()'-]*$")
# Words YAML 1.1 or 1.2 readers turn into booleans or null.
_RESERVED = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "none"})


def dumps(value: Any) -> str:
    """``value`` as a YAML document."""
    return "".join(_lines(value, 0)) if _is_block(value) else _scalar(value) + "\n"


def _is_block(value: Any) -> bool:
    return isinstance(value, Mapping | list | tuple) and len(value) > 0


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            name = _scalar(str(key))
            if _is_block(item):
                out.append(f"{pad}{name}:\n")
                # Lists under a key sit at the key's indent, as most YAML is written.
                out.extend(_lines(item, indent if isinstance(item, Sequence) else indent + 2))
            else:
                out.append(f"{pad}{name}: {_scalar(item)}\n")
        return out
    for item in value:
        if _is_block(item):
            inner = _lines(item, indent + 2)
            out.append(f"{pad}- {inner[0].lstrip()}")
            out.extend(inner[1:])
        else:
            out.append(f"{pad}- {_scalar(item)}\n")
    return out


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, list | tuple):
        return "[]"
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)

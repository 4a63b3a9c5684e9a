"""Scrub a recorded exchange before it is written, and refuse files that still leak.

What goes: every header but a short allow-list (so Authorization and cookies),
the API key wherever it appears, real phone numbers (replaced, consistently, by
fictional North American ones in the 555-0100..555-0199 range), user,
organization and group ids (replaced by stable pseudonyms: the same id always
gives the same pseudonym), labels, and greeting URLs (which may be signed).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ._exchange import Exchange, dump

REQUEST_HEADERS = frozenset({"accept", "content-type"})
RESPONSE_HEADERS = frozenset({"content-type", "ratelimit", "retry-after", "location"})

_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
_E164_ANYWHERE = re.compile(r"\+[1-9][0-9]{6,14}")
_FORMATTED = re.compile(r"\+[0-9][0-9 ().-]{6,}[0-9]")
_FICTIONAL = re.compile(r"^\+1[0-9]{3}55501[0-9]{2}$")
_ID = re.compile(r"\b(user|orga|group)_([A-Za-z0-9]{10,})")
_PSEUDONYM_MARK = "anon"
_FALLBACK_AREA = "650"


class UnscrubbedSecret(ValueError):
    """A scrubbed fixture still holds something secret; nothing was written."""


@dataclass
class Scrubber:
    """Scrubs exchanges of one session; its replacements stay consistent across them."""

    secrets: tuple[str, ...] = field(default=(), repr=False)
    _numbers: dict[str, str] = field(default_factory=dict)
    _per_area: dict[str, int] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)
    _urls: dict[str, str] = field(default_factory=dict)

    def exchange(self, exchange: Exchange) -> Exchange:
        """A copy of `exchange` with every secret and personal value replaced."""
        return replace(
            exchange,
            source=self._text(exchange.source),
            path=self._text(exchange.path),
            query={k: self._value(k, v) for k, v in exchange.query.items()},
            request_headers=_allowed(exchange.request_headers, REQUEST_HEADERS),
            request_body=self._value(None, exchange.request_body),
            response_headers=_allowed(exchange.response_headers, RESPONSE_HEADERS),
            response_body=self._value(None, exchange.response_body),
        )

    def number(self, real: str) -> str:
        """The fictional number standing in for `real` (E.164), the same every time."""
        if real not in self._numbers:
            digits = real.removeprefix("+")
            area = digits[1:4] if digits.startswith("1") and len(digits) == 11 else _FALLBACK_AREA
            used = self._per_area.get(area, 0)
            if used == 100:
                raise UnscrubbedSecret(
                    f"more than 100 numbers in area code {area}: the fictional range is "
                    "555-0100..555-0199; record a smaller session"
                )
            self._per_area[area] = used + 1
            self._numbers[real] = f"+1{area}55501{used:02d}"
        return self._numbers[real]

    def _value(self, key: str | None, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: self._value(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._value(key, v) for v in value]
        if not isinstance(value, str):
            return value
        if key == "label":
            return self._labels.setdefault(value, f"Label {len(self._labels) + 1}")
        if key is not None and key.endswith("_url"):
            return self._urls.setdefault(
                value, f"https://greetings.example.com/greeting-{len(self._urls) + 1}.mp3"
            )
        if key is not None and key.endswith("_formatted"):
            return self._formatted(value)
        return self._text(value)

    def _formatted(self, value: str) -> str:
        digits = "+" + re.sub(r"[^0-9]", "", value)
        if not _E164.match(digits):
            return self._text(value)
        fictional = self.number(digits)
        return f"+1 {fictional[2:5]}-{fictional[5:8]}-{fictional[8:]}"

    def _text(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[scrubbed]")
        text = _E164_ANYWHERE.sub(lambda m: self.number(m.group(0)), text)
        return _ID.sub(lambda m: _pseudonym(m.group(1), m.group(2)), text)


def _pseudonym(kind: str, rest: str) -> str:
    if rest.startswith(_PSEUDONYM_MARK):
        return f"{kind}_{rest}"
    digest = hashlib.sha256(f"{kind}_{rest}".encode()).hexdigest()[:24]
    return f"{kind}_{_PSEUDONYM_MARK}{digest}"


def _allowed(headers: Mapping[str, str], allowed: frozenset[str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() in allowed}


def _secret_forms(secret: str) -> Iterable[str]:
    yield secret
    for raw in (f"{secret}:", secret):
        yield base64.b64encode(raw.encode()).decode().rstrip("=")


def find_secrets(text: str, secrets: Iterable[str] = ()) -> list[str]:
    """What secret-looking things remain in `text`, described without their values."""
    found: list[str] = []
    if any(form in text for secret in secrets if secret for form in _secret_forms(secret)):
        found.append("the API key (or its Basic encoding) used for the session")
    checks = [
        (r"(?i)\bauthorization\b", "an Authorization header"),
        (r"(?i)\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{8,}", "a Basic or Bearer credential"),
        (r"\bapi_[A-Za-z0-9]{16,}", "a string shaped like a Close API key"),
        (r"(?i)\b(set-)?cookie\b", "a cookie"),
        (r"https?://[^\s\"]*[?#]", "a URL with a query string (signed URLs carry tokens)"),
        (
            rf"\b(user|orga|group)_(?!{_PSEUDONYM_MARK})[A-Za-z0-9]{{10,}}",
            "an id that is no pseudonym",
        ),
    ]
    found.extend(what for pattern, what in checks if re.search(pattern, text))
    for match in _FORMATTED.finditer(text):
        digits = "+" + re.sub(r"[^0-9]", "", match.group(0))
        if _E164.match(digits) and not _FICTIONAL.match(digits):
            found.append("a phone number outside the fictional 555-01xx range")
            break
    return found


def write_fixtures(files: Mapping[Path, Exchange], secrets: Iterable[str]) -> None:
    """Write already scrubbed exchanges; if any still holds a secret, write none of them."""
    secrets = tuple(secrets)
    texts = {path: dump(exchange) for path, exchange in files.items()}
    for path, text in texts.items():
        leaks = find_secrets(text, secrets)
        if leaks:
            raise UnscrubbedSecret(
                f"refusing to write {path.name}: it still holds {', '.join(leaks)}"
            )
    for path, text in texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

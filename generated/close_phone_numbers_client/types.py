"""Types shared by the models and endpoints: UNSET, files, responses, and JSON decoding."""

import json
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

try:  # the `fast` extra; the standard library decodes the same JSON, only slower
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on what is installed
    _orjson = None  # type: ignore[assignment]


def loads(content: bytes) -> Any:
    """Decode a JSON body; the one place the client decodes JSON.

    orjson is used when it is installed. What orjson refuses but the standard library
    accepts (NaN and Infinity, 1e400, UTF-16 or a byte order mark, lone surrogates) goes to
    the standard library, so both paths give the same values, with one exception: an
    integer outside the 64-bit range (below -2**63 or above 2**64 - 1) comes out of orjson
    as a float. Every integer in the spec is far inside that range. Any failure is a
    ``ValueError``, including JSON nested too deeply to decode.
    """
    fast = _orjson
    if fast is not None:
        try:
            return fast.loads(content)
        except fast.JSONDecodeError:
            pass
    try:
        return json.loads(content)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to decode") from None


class Unset:
    """The type of UNSET: a field the JSON left out, or an argument not given."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # The one UNSET, also after copy.deepcopy and pickle: models test for it by identity.
        return "UNSET"


UNSET: Unset = Unset()


def show(model: object, names: tuple[str, ...]) -> str:
    """The repr of a model: its class and the fields that are set, unknown ones last."""
    parts = []
    for name in names:
        value = getattr(model, name)
        if value is not UNSET:
            parts.append(f"{name}={value!r}")
    extra = getattr(model, "_additional", None)
    if extra:
        parts.append(f"additional_properties={extra!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


def extras_key(extra: dict[str, Any] | None) -> dict[str, Any] | None:
    """What equality compares of a model's unknown fields: none kept equals an empty dict."""
    return extra or None


# What `httpx.Client(files=)` accepts for a file.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    tuple[str | None, FileContent, str | None]  # file name, content, content type
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]  # ... and headers
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """The tuple httpx takes for one part of a multipart/form-data body."""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """What an endpoint answered: status, raw body and headers, and the parsed body."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "loads"]

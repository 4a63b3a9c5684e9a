from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import mismatch, missing
from ..types import UNSET, Unset, extras_key, show

T = TypeVar("T", bound="RateLimitDetail")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "message",
        "rate_endpoint_group",
        "rate_limit",
        "rate_limit_type",
        "rate_reset",
        "rate_window",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "message",
    "rate_endpoint_group",
    "rate_limit",
    "rate_limit_type",
    "rate_reset",
    "rate_window",
)


@_attrs_define
class RateLimitDetail:
    """The details of a spent rate limit in the older body format. Deprecated by
    Close in favour of the headers.

    Attributes:
        message (str | Unset):
        rate_endpoint_group (int | str | Unset): The endpoint group whose budget is spent.
        rate_limit (int | Unset):
        rate_limit_type (str | Unset):
        rate_reset (float | Unset): Seconds until the budget is refilled.
        rate_window (float | Unset):
    """

    message: str | Unset = UNSET
    rate_endpoint_group: int | str | Unset = UNSET
    rate_limit: int | Unset = UNSET
    rate_limit_type: str | Unset = UNSET
    rate_reset: float | Unset = UNSET
    rate_window: float | Unset = UNSET
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {}
        if not isinstance(self.message, Unset):
            _out["message"] = self.message
        if not isinstance(self.rate_endpoint_group, Unset):
            _out["rate_endpoint_group"] = self.rate_endpoint_group
        if not isinstance(self.rate_limit, Unset):
            _out["rate_limit"] = self.rate_limit
        if not isinstance(self.rate_limit_type, Unset):
            _out["rate_limit_type"] = self.rate_limit_type
        if not isinstance(self.rate_reset, Unset):
            _out["rate_reset"] = self.rate_reset
        if not isinstance(self.rate_window, Unset):
            _out["rate_window"] = self.rate_window
        _extra = self._additional
        if _extra:
            return {**_extra, **_out}
        return _out

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Check ``src_dict`` against the schema and build the model; no copy is made.

        Raises:
            SchemaMismatch: a field is missing or has a value its schema does not allow.
        """
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 0
        try:
            message = src_dict.get("message", UNSET)
            if message is not UNSET:
                _seen += 1
                if not isinstance(message, str):
                    raise mismatch("string", message, "message")

            rate_endpoint_group = src_dict.get("rate_endpoint_group", UNSET)
            if rate_endpoint_group is not UNSET:
                _seen += 1
                if not (
                    (
                        isinstance(rate_endpoint_group, int)
                        and rate_endpoint_group is not True
                        and rate_endpoint_group is not False
                    )
                    or isinstance(rate_endpoint_group, str)
                ):
                    raise mismatch(
                        "integer or string", rate_endpoint_group, "rate_endpoint_group"
                    )

            rate_limit = src_dict.get("rate_limit", UNSET)
            if rate_limit is not UNSET:
                _seen += 1
                if not (
                    isinstance(rate_limit, int)
                    and rate_limit is not True
                    and rate_limit is not False
                ):
                    raise mismatch("integer", rate_limit, "rate_limit")

            rate_limit_type = src_dict.get("rate_limit_type", UNSET)
            if rate_limit_type is not UNSET:
                _seen += 1
                if not isinstance(rate_limit_type, str):
                    raise mismatch("string", rate_limit_type, "rate_limit_type")

            rate_reset = src_dict.get("rate_reset", UNSET)
            if rate_reset is not UNSET:
                _seen += 1
                if not (
                    isinstance(rate_reset, (int, float))
                    and rate_reset is not True
                    and rate_reset is not False
                ):
                    raise mismatch("number", rate_reset, "rate_reset")

            rate_window = src_dict.get("rate_window", UNSET)
            if rate_window is not UNSET:
                _seen += 1
                if not (
                    isinstance(rate_window, (int, float))
                    and rate_window is not True
                    and rate_window is not False
                ):
                    raise mismatch("number", rate_window, "rate_window")

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            message,
            rate_endpoint_group,
            rate_limit,
            rate_limit_type,
            rate_reset,
            rate_window,
        )
        if len(src_dict) != _seen:
            _extra = {
                _key: _value for _key, _value in src_dict.items() if _key not in _KNOWN
            }
            _result._additional = _extra
        return _result

    def __repr__(self) -> str:
        return show(self, _SHOWN)

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The fields this model does not know, as they came."""
        extra = self._additional
        if extra is None:
            extra = self._additional = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._additional or ())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in (self._additional or ())

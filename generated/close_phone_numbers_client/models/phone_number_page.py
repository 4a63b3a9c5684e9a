from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatch, mismatch, missing
from ..types import extras_key, show

if TYPE_CHECKING:
    from ..models.phone_number import PhoneNumber


T = TypeVar("T", bound="PhoneNumberPage")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "data",
        "has_more",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "data",
    "has_more",
)


@_attrs_define
class PhoneNumberPage:
    """One page of a list.

    Attributes:
        data (list[PhoneNumber]):
        has_more (bool): Whether more numbers follow this page.
    """

    data: list[PhoneNumber]
    has_more: bool
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "data": [_i0.to_dict() for _i0 in self.data],
            "has_more": self.has_more,
        }
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
        from ..models.phone_number import PhoneNumber  # noqa: PLC0415

        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 2
        try:
            data = src_dict["data"]
            if not isinstance(data, list):
                raise mismatch("array", data, "data")
            data_items: list[Any] = []
            try:
                for _item0 in data:
                    _item0 = PhoneNumber.from_dict(_item0)

                    data_items.append(_item0)
            except SchemaMismatch as _error:
                raise _error.within("data", len(data_items)) from None
            data = data_items

            has_more = src_dict["has_more"]
            if not (has_more is True or has_more is False):
                raise mismatch("boolean", has_more, "has_more")

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            data,
            has_more,
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

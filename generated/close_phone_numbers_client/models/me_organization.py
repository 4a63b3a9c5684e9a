from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import mismatch, missing
from ..types import UNSET, Unset, extras_key, show

T = TypeVar("T", bound="MeOrganization")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "id",
        "name",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "id",
    "name",
)


@_attrs_define
class MeOrganization:
    """An organization of the requesting user; Close sends many more fields.

    Attributes:
        id (str): An organization id; Close documents a plain string, the pattern is inferred.
        name (str | Unset):
    """

    id: str
    name: str | Unset = UNSET
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "id": self.id,
        }
        if not isinstance(self.name, Unset):
            _out["name"] = self.name
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
        _seen = 1
        try:
            id = src_dict["id"]
            if not isinstance(id, str):
                raise mismatch("string", id, "id")

            name = src_dict.get("name", UNSET)
            if name is not UNSET:
                _seen += 1
                if not isinstance(name, str):
                    raise mismatch("string", name, "name")

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            id,
            name,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import mismatch, missing, position
from ..types import UNSET, Unset, extras_key, show

T = TypeVar("T", bound="Membership")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "id",
        "organization_id",
        "user_id",
        "role_id",
        "permissions_granted",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "id",
    "organization_id",
    "user_id",
    "role_id",
    "permissions_granted",
)


@_attrs_define
class Membership:
    """A user's membership of one organization.

    Attributes:
        id (str | Unset): The membership id (`memb_…`).
        organization_id (str | Unset): An organization id; Close documents a plain string, the
            pattern is inferred.
        user_id (str | Unset): A user id; Close documents a plain string, the pattern is inferred.
        role_id (str | Unset): The id of the user's role in the organization (`role_…`).
        permissions_granted (list[str] | Unset): Permissions granted on top of the role, by their
            API names (such as
            `bulk_edit` or `export`).
    """

    id: str | Unset = UNSET
    organization_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    role_id: str | Unset = UNSET
    permissions_granted: list[str] | Unset = UNSET
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {}
        if not isinstance(self.id, Unset):
            _out["id"] = self.id
        if not isinstance(self.organization_id, Unset):
            _out["organization_id"] = self.organization_id
        if not isinstance(self.user_id, Unset):
            _out["user_id"] = self.user_id
        if not isinstance(self.role_id, Unset):
            _out["role_id"] = self.role_id
        if not isinstance(self.permissions_granted, Unset):
            _out["permissions_granted"] = self.permissions_granted
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
            id = src_dict.get("id", UNSET)
            if id is not UNSET:
                _seen += 1
                if not isinstance(id, str):
                    raise mismatch("string", id, "id")

            organization_id = src_dict.get("organization_id", UNSET)
            if organization_id is not UNSET:
                _seen += 1
                if not isinstance(organization_id, str):
                    raise mismatch("string", organization_id, "organization_id")

            user_id = src_dict.get("user_id", UNSET)
            if user_id is not UNSET:
                _seen += 1
                if not isinstance(user_id, str):
                    raise mismatch("string", user_id, "user_id")

            role_id = src_dict.get("role_id", UNSET)
            if role_id is not UNSET:
                _seen += 1
                if not isinstance(role_id, str):
                    raise mismatch("string", role_id, "role_id")

            permissions_granted = src_dict.get("permissions_granted", UNSET)
            if permissions_granted is not UNSET:
                _seen += 1
                if not isinstance(permissions_granted, list):
                    raise mismatch("array", permissions_granted, "permissions_granted")
                for _item0 in permissions_granted:
                    if not isinstance(_item0, str):
                        raise mismatch(
                            "string",
                            _item0,
                            "permissions_granted",
                            position(permissions_granted, _item0),
                        )

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            id,
            organization_id,
            user_id,
            role_id,
            permissions_granted,
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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Membership")


@_attrs_define
class Membership:
    """A user's membership of one organization.

    Attributes:
        id (str | Unset): The membership id (`memb_…`).
        organization_id (str | Unset): An organization id.
        user_id (str | Unset): A user id.
        role_id (str | Unset): The id of the user's role in the organization (`role_…`).
        permissions_granted (list[str] | Unset): Permissions granted on top of the role, by their API names (such as
            `bulk_edit` or `export`).
    """

    id: str | Unset = UNSET
    organization_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    role_id: str | Unset = UNSET
    permissions_granted: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        user_id = self.user_id

        role_id = self.role_id

        permissions_granted: list[str] | Unset = UNSET
        if not isinstance(self.permissions_granted, Unset):
            permissions_granted = self.permissions_granted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if role_id is not UNSET:
            field_dict["role_id"] = role_id
        if permissions_granted is not UNSET:
            field_dict["permissions_granted"] = permissions_granted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        role_id = d.pop("role_id", UNSET)

        permissions_granted = cast(list[str], d.pop("permissions_granted", UNSET))

        membership = cls(
            id=id,
            organization_id=organization_id,
            user_id=user_id,
            role_id=role_id,
            permissions_granted=permissions_granted,
        )

        membership.additional_properties = d
        return membership

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

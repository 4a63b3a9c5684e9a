from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.me_organization import MeOrganization
    from ..models.membership import Membership


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """The requesting user, reduced to what this project reads. Close's own
    example carries `id`, `email`, names, `organizations` and `memberships`;
    that `id` is always present is our inference from Close calling this
    endpoint the way to learn your own id.

        Attributes:
            id (str): A user id.
            email (str | Unset):
            first_name (None | str | Unset):
            last_name (None | str | Unset):
            organizations (list[MeOrganization] | Unset): The organizations the user belongs to.
            memberships (list[Membership] | Unset): The user's membership of each organization.
    """

    id: str
    email: str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    organizations: list[MeOrganization] | Unset = UNSET
    memberships: list[Membership] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        organizations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.organizations, Unset):
            organizations = []
            for organizations_item_data in self.organizations:
                organizations_item = organizations_item_data.to_dict()
                organizations.append(organizations_item)

        memberships: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.memberships, Unset):
            memberships = []
            for memberships_item_data in self.memberships:
                memberships_item = memberships_item_data.to_dict()
                memberships.append(memberships_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if organizations is not UNSET:
            field_dict["organizations"] = organizations
        if memberships is not UNSET:
            field_dict["memberships"] = memberships

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_organization import MeOrganization  # noqa: PLC0415
        from ..models.membership import Membership  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email", UNSET)

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        _organizations = d.pop("organizations", UNSET)
        organizations: list[MeOrganization] | Unset = UNSET
        if _organizations is not UNSET:
            organizations = []
            for organizations_item_data in _organizations:
                organizations_item = MeOrganization.from_dict(organizations_item_data)

                organizations.append(organizations_item)

        _memberships = d.pop("memberships", UNSET)
        memberships: list[Membership] | Unset = UNSET
        if _memberships is not UNSET:
            memberships = []
            for memberships_item_data in _memberships:
                memberships_item = Membership.from_dict(memberships_item_data)

                memberships.append(memberships_item)

        me = cls(
            id=id,
            email=email,
            first_name=first_name,
            last_name=last_name,
            organizations=organizations,
            memberships=memberships,
        )

        me.additional_properties = d
        return me

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

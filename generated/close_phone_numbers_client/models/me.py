from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatch, mismatch, missing
from ..types import UNSET, Unset, extras_key, show

if TYPE_CHECKING:
    from ..models.me_organization import MeOrganization
    from ..models.membership import Membership


T = TypeVar("T", bound="Me")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "id",
        "email",
        "first_name",
        "last_name",
        "organizations",
        "memberships",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "id",
    "email",
    "first_name",
    "last_name",
    "organizations",
    "memberships",
)


@_attrs_define
class Me:
    """The requesting user, reduced to what this project reads. Close's own
    example carries `id`, `email`, names, `organizations` and `memberships`;
    that `id` is always present is our inference from Close calling this
    endpoint the way to learn your own id.

    Attributes:
        id (str): A user id; Close documents a plain string, the pattern is inferred.
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
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "id": self.id,
        }
        if not isinstance(self.email, Unset):
            _out["email"] = self.email
        if not isinstance(self.first_name, Unset):
            _out["first_name"] = self.first_name
        if not isinstance(self.last_name, Unset):
            _out["last_name"] = self.last_name
        if not isinstance(self.organizations, Unset):
            _out["organizations"] = [_i0.to_dict() for _i0 in self.organizations]
        if not isinstance(self.memberships, Unset):
            _out["memberships"] = [_i0.to_dict() for _i0 in self.memberships]
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
        from ..models.me_organization import MeOrganization  # noqa: PLC0415
        from ..models.membership import Membership  # noqa: PLC0415

        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 1
        try:
            id = src_dict["id"]
            if not isinstance(id, str):
                raise mismatch("string", id, "id")

            email = src_dict.get("email", UNSET)
            if email is not UNSET:
                _seen += 1
                if not isinstance(email, str):
                    raise mismatch("string", email, "email")

            first_name = src_dict.get("first_name", UNSET)
            if first_name is not UNSET:
                _seen += 1
                if not (first_name is None or isinstance(first_name, str)):
                    raise mismatch("string or null", first_name, "first_name")

            last_name = src_dict.get("last_name", UNSET)
            if last_name is not UNSET:
                _seen += 1
                if not (last_name is None or isinstance(last_name, str)):
                    raise mismatch("string or null", last_name, "last_name")

            organizations = src_dict.get("organizations", UNSET)
            if organizations is not UNSET:
                _seen += 1
                if not isinstance(organizations, list):
                    raise mismatch("array", organizations, "organizations")
                organizations_items: list[Any] = []
                try:
                    for _item0 in organizations:
                        _item0 = MeOrganization.from_dict(_item0)

                        organizations_items.append(_item0)
                except SchemaMismatch as _error:
                    raise _error.within(
                        "organizations", len(organizations_items)
                    ) from None
                organizations = organizations_items

            memberships = src_dict.get("memberships", UNSET)
            if memberships is not UNSET:
                _seen += 1
                if not isinstance(memberships, list):
                    raise mismatch("array", memberships, "memberships")
                memberships_items: list[Any] = []
                try:
                    for _item0 in memberships:
                        _item0 = Membership.from_dict(_item0)

                        memberships_items.append(_item0)
                except SchemaMismatch as _error:
                    raise _error.within("memberships", len(memberships_items)) from None
                memberships = memberships_items

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            id,
            email,
            first_name,
            last_name,
            organizations,
            memberships,
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

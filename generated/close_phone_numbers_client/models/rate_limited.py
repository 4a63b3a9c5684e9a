from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rate_limit_detail import RateLimitDetail


T = TypeVar("T", bound="RateLimited")


@_attrs_define
class RateLimited:
    """A spent rate limit. Read the `RateLimit` and `Retry-After` headers; the
    body's `error` object is kept for older clients.

        Attributes:
            error (RateLimitDetail | str):
    """

    error: RateLimitDetail | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rate_limit_detail import RateLimitDetail  # noqa: PLC0415

        error: dict[str, Any] | str
        if isinstance(self.error, RateLimitDetail):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_limit_detail import RateLimitDetail  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_error(data: object) -> RateLimitDetail | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = RateLimitDetail.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RateLimitDetail | str, data)

        error = _parse_error(d.pop("error"))

        rate_limited = cls(
            error=error,
        )

        rate_limited.additional_properties = d
        return rate_limited

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

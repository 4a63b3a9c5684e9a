from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatch, mismatch, missing, position
from ..types import extras_key, show

if TYPE_CHECKING:
    from ..models.validation_error_field_errors import ValidationErrorFieldErrors


T = TypeVar("T", bound="ValidationError")

# The JSON names of the fields this model knows; any others are kept as unknown fields.
_KNOWN: frozenset[str] = frozenset(
    (
        "errors",
        "field-errors",
    )
)
# The attributes a repr shows when they are set, in declaration order.
_SHOWN: tuple[str, ...] = (
    "errors",
    "field_errors",
)


@_attrs_define
class ValidationError:
    """An invalid request. `errors` holds problems with the request as a whole,
    `field-errors` a message per field name. Close promises neither key;
    both were observed (in its official client's tests).

    Attributes:
        errors (list[str]): Problems not tied to one field.
        field_errors (ValidationErrorFieldErrors): A message (or, for nested input, an object) per
            field name.
    """

    errors: list[str]
    field_errors: ValidationErrorFieldErrors
    # None until there is an unknown field: most objects have none.
    _additional: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key
    )

    def to_dict(self) -> dict[str, Any]:
        _out: dict[str, Any] = {
            "errors": self.errors,
            "field-errors": self.field_errors.to_dict(),
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
        from ..models.validation_error_field_errors import ValidationErrorFieldErrors  # noqa: PLC0415

        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise mismatch("object", src_dict)
        _seen = 2
        try:
            errors = src_dict["errors"]
            if not isinstance(errors, list):
                raise mismatch("array", errors, "errors")
            for _item0 in errors:
                if not isinstance(_item0, str):
                    raise mismatch("string", _item0, "errors", position(errors, _item0))

            field_errors = src_dict["field-errors"]
            try:
                field_errors = ValidationErrorFieldErrors.from_dict(field_errors)
            except SchemaMismatch as _error:
                raise _error.within("field-errors") from None

        except KeyError as _absent:
            raise missing(_absent.args[0]) from None
        _result = cls(
            errors,
            field_errors,
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

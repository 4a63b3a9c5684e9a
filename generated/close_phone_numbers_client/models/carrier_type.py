from enum import StrEnum


class CarrierType(StrEnum):
    LOCAL = "local"
    MOBILE = "mobile"
    NATIONAL = "national"
    SHORTCODE = "shortcode"
    TOLLFREE = "tollfree"

    def __str__(self) -> str:
        return str(self.value)

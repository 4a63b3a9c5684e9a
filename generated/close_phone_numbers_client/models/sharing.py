from enum import StrEnum


class Sharing(StrEnum):
    GROUP = "group"
    PERSONAL = "personal"

    def __str__(self) -> str:
        return str(self.value)

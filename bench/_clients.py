"""The contenders, each behind the same two calls: ``get(id)`` and ``iterate(page_size)``.

Every contender does the whole job a user needs: send the request, check the status, and
hand back parsed data (a dict for the raw loops and ``closeio``, a model for the others).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import httpx

API_KEY = "api_bench_not_a_secret"


class Contender(Protocol):
    """What every client under test offers the measurements."""

    def get(self, number_id: str) -> object: ...

    def iterate(self, page_size: int) -> Iterator[object]: ...

    def close(self) -> None: ...


class Unavailable(Exception):
    """A contender that cannot run here; the report says why instead of showing a number."""


class RawHttpx:
    """The baseline: what a careful user writes by hand with httpx and ``json.loads``."""

    def __init__(self, base_url: str) -> None:
        self._client = httpx.Client(base_url=base_url, auth=(API_KEY, ""))

    def get(self, number_id: str) -> object:
        response = self._client.get(f"/phone_number/{number_id}/")
        response.raise_for_status()
        return json.loads(response.content)

    def iterate(self, page_size: int) -> Iterator[object]:
        skip = 0
        while True:
            response = self._client.get(
                "/phone_number/", params={"_skip": skip, "_limit": page_size}
            )
            response.raise_for_status()
            page = json.loads(response.content)
            yield from page["data"]
            if not page["has_more"]:
                return
            skip += page_size

    def close(self) -> None:
        self._client.close()


class Generated:
    """The generated client alone: typed models, no retries, no paging helper."""

    def __init__(self, base_url: str) -> None:
        from close_phone_numbers_client import AuthenticatedClient
        from close_phone_numbers_client.api.phone_numbers import (
            get_phone_number,
            list_phone_numbers,
        )
        from close_phone_numbers_client.models import PhoneNumberPage

        self._client = AuthenticatedClient(base_url=base_url, token=API_KEY)
        self._get = get_phone_number.sync_detailed
        self._list = list_phone_numbers.sync_detailed
        self._page_type = PhoneNumberPage

    def get(self, number_id: str) -> object:
        response = self._get(number_id, client=self._client)
        if response.status_code != 200:
            raise RuntimeError(f"GET answered {response.status_code}")
        return response.parsed

    def iterate(self, page_size: int) -> Iterator[object]:
        skip = 0
        while True:
            response = self._list(client=self._client, field_skip=skip, field_limit=page_size)
            page = response.parsed
            if not isinstance(page, self._page_type):
                raise RuntimeError(f"list answered {response.status_code}")
            yield from page.data
            if not page.has_more:
                return
            skip += page_size

    def close(self) -> None:
        self._client.get_httpx_client().close()


class Wrapper:
    """close_phone_numbers.PhoneNumbers, the library this project ships."""

    def __init__(self, base_url: str, http_client: httpx.Client | None = None) -> None:
        try:
            from close_phone_numbers import PhoneNumbers
        except ImportError as exc:
            raise Unavailable(
                f"close_phone_numbers.PhoneNumbers cannot be imported: {exc}"
            ) from exc
        kwargs: dict[str, Any] = {"api_key": API_KEY, "base_url": base_url}
        if http_client is not None:
            kwargs["http_client"] = http_client
        self._numbers = PhoneNumbers(**kwargs)

    def get(self, number_id: str) -> object:
        return self._numbers.get(number_id)

    def iterate(self, page_size: int) -> Iterator[object]:
        return iter(self._numbers.list(page_size=page_size))

    def close(self) -> None:
        self._numbers.close()


class Closeio:
    """Close's official client (PyPI ``closeio``, requests-based): dicts, no paging helper."""

    def __init__(self, base_url: str) -> None:
        try:
            from closeio_api import API  # type: ignore[import-untyped,unused-ignore]
        except ImportError as exc:
            raise Unavailable(f"closeio is not installed: {exc}") from exc
        # As users get it: requests reads proxy and certificate settings from the
        # environment on every request (trust_env), which costs about half a get here.
        self._api: Any = API(base_url.rstrip("/") + "/", api_key=API_KEY, tz_offset="0")

    def get(self, number_id: str) -> object:
        return self._api.get(f"phone_number/{number_id}")

    def iterate(self, page_size: int) -> Iterator[object]:
        skip = 0
        while True:
            page = self._api.get("phone_number", params={"_skip": skip, "_limit": page_size})
            yield from page["data"]
            if not page["has_more"]:
                return
            skip += page_size

    def close(self) -> None:
        self._api.session.close()


CONTENDERS: dict[str, Callable[[str], Contender]] = {
    "raw_httpx": RawHttpx,
    "generated": Generated,
    "wrapper": Wrapper,
    "closeio": Closeio,
}
BASELINE = "raw_httpx"


def open_contenders(base_url: str) -> tuple[dict[str, Contender], dict[str, str]]:
    """Every contender that can run, and for the others the reason they cannot."""
    ready: dict[str, Contender] = {}
    missing: dict[str, str] = {}
    for name, factory in CONTENDERS.items():
        try:
            ready[name] = factory(base_url)
        except Unavailable as exc:
            missing[name] = str(exc)
    return ready, missing

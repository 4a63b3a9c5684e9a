"""`PhoneNumbers`, the blocking client."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import Any, Self, overload

import httpx
from close_phone_numbers_client.models import Me, PhoneNumber, PhoneNumberFields

from . import _http
from . import _operations as ops
from ._config import Core, check_callable, check_http_client
from ._constants import DEFAULT_MAX_RETRIES, MAX_PAGE_SIZE
from ._options import WithOptions
from ._pagination import Cursor
from ._plan import Plan, remember_response, run_sync
from ._raw import RawPhoneNumbers
from ._rent import rent
from ._rentbook import RentBook
from ._timeouts import apply_timeout, timeout_of_call
from ._types import NOT_GIVEN, NotGiven


class PhoneNumbers(WithOptions):
    """The phone numbers of a Close organization.

    Credentials come from ``api_key`` (or ``CLOSE_API_KEY``) or ``oauth_token``; the target
    from ``base_url`` (or ``CLOSE_BASE_URL``). Pass ``http_client`` to reuse a configured
    ``httpx.Client``; it is given the base URL (if it has none), credentials and User-Agent.
    ``sleep`` and ``random`` exist for tests: they replace ``time.sleep`` and the jitter.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        oauth_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] | None = None,
    ) -> None:
        check_http_client(http_client, httpx.Client)
        check_callable("sleep", sleep)
        self._core = Core(
            api_key=api_key,
            oauth_token=oauth_token,
            base_url=base_url,
            max_retries=max_retries,
            random=random,
        )
        if http_client is None:
            http_client = _http.Client(
                **self._core.new_client_kwargs(timeout, remember_response, apply_timeout)
            )
        else:
            self._core.adopt(http_client, timeout, remember_response, apply_timeout)
        self._http = http_client
        self._client = self._core.generated.set_httpx_client(http_client)
        # Shared by this client's threads or tasks (and its with_options copies).
        self._rents = RentBook()
        self._sleep = sleep

    def __repr__(self) -> str:
        return self._core.describe(type(self).__name__)

    @property
    def with_raw_response(self) -> RawPhoneNumbers:
        """The same methods, answering with a `RawResponse`: status, headers and the result."""
        return RawPhoneNumbers(self)

    def _run(self, plan: Plan[Any]) -> Any:
        with timeout_of_call(self._timeout):
            return run_sync(plan, self._client, self._sleep, self._core.secrets)

    @overload
    def list(
        self,
        *,
        number: str | None = ...,
        participant_user_id: str | None = ...,
        user_id: str | None = ...,
        is_group_number: bool | None = ...,
        fields: None = ...,
        page_size: int = ...,
    ) -> Iterator[PhoneNumber]: ...
    @overload
    def list(
        self,
        *,
        number: str | None = ...,
        participant_user_id: str | None = ...,
        user_id: str | None = ...,
        is_group_number: bool | None = ...,
        fields: str | Sequence[str],
        page_size: int = ...,
    ) -> Iterator[PhoneNumberFields]: ...
    def list(
        self,
        *,
        number: str | None = None,
        participant_user_id: str | None = None,
        user_id: str | None = None,
        is_group_number: bool | None = None,
        fields: str | Sequence[str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> Iterator[PhoneNumber] | Iterator[PhoneNumberFields]:
        """Iterate over the organization's numbers, fetching pages as needed.

        Filters combine with AND. With ``fields`` the numbers are partial objects holding
        those fields (and ``id``). Bad filters raise `InvalidRequestError` here, before the
        first page is fetched.
        """
        cursor = ops.list_cursor(
            self._core.policy,
            number=number,
            participant_user_id=participant_user_id,
            user_id=user_id,
            is_group_number=is_group_number,
            fields=fields,
            page_size=page_size,
        )
        return self._iterate(cursor)

    def _iterate(self, cursor: Cursor[Any]) -> Iterator[Any]:
        while not cursor.done:
            yield from self._run(cursor.next_page())

    @overload
    def get(self, id: str, *, fields: None = ...) -> PhoneNumber: ...
    @overload
    def get(self, id: str, *, fields: str | Sequence[str]) -> PhoneNumberFields: ...
    def get(
        self, id: str, *, fields: str | Sequence[str] | None = None
    ) -> PhoneNumber | PhoneNumberFields:
        """Fetch one number by id; with ``fields``, a partial object of those fields."""
        result: PhoneNumber | PhoneNumberFields = self._run(ops.get(self._core.policy, id, fields))
        return result

    def update(
        self,
        id: str,
        *,
        label: str | NotGiven = NOT_GIVEN,
        forward_to: str | NotGiven = NOT_GIVEN,
        forward_to_enabled: bool | NotGiven = NOT_GIVEN,
        voicemail_greeting_url: str | NotGiven | None = NOT_GIVEN,
        participants: Sequence[str] | NotGiven = NOT_GIVEN,
        phone_numbers: Sequence[str] | NotGiven = NOT_GIVEN,
        press_1_to_accept: bool | NotGiven = NOT_GIVEN,
        inbound_ring_duration: int | NotGiven = NOT_GIVEN,
        participant_groups: Sequence[str] | NotGiven = NOT_GIVEN,
    ) -> PhoneNumber:
        """Change the given settings of a number, and only those.

        ``voicemail_greeting_url=None`` removes the greeting. At least one field is needed.
        """
        changes = {
            "label": label,
            "forward_to": forward_to,
            "forward_to_enabled": forward_to_enabled,
            "voicemail_greeting_url": voicemail_greeting_url,
            "participants": participants,
            "phone_numbers": phone_numbers,
            "press_1_to_accept": press_1_to_accept,
            "inbound_ring_duration": inbound_ring_duration,
            "participant_groups": participant_groups,
        }
        result: PhoneNumber = self._run(ops.update(self._core.policy, id, changes))
        return result

    def delete(self, id: str) -> None:
        """Delete a number; a rented number is released."""
        self._run(ops.delete(self._core.policy, id))

    def me(self) -> Me:
        """The user the credentials act as (``GET /me/``): id, name, organizations."""
        result: Me = self._run(ops.me(self._core.policy))
        return result

    def rent(
        self,
        country: str,
        *,
        prefix: str | NotGiven = NOT_GIVEN,
        with_sms: bool | NotGiven | None = NOT_GIVEN,
        with_mms: bool | NotGiven | None = NOT_GIVEN,
        carrier_type: str | NotGiven | None = NOT_GIVEN,
        bundle_id: str | NotGiven | None = NOT_GIVEN,
        assign_to: Sequence[str] | NotGiven = NOT_GIVEN,
        sharing: str | NotGiven = NOT_GIVEN,
        fallback_to_voice_only: bool = False,
    ) -> PhoneNumber:
        """Rent a new number in ``country`` (two letters), optionally within ``prefix``.

        Renting costs money. The rent is sent again only when it surely did not run; when
        its outcome is unclear the new number is looked up instead, and
        `RentOutcomeUnknownError` is raised if it cannot be told apart. With
        ``fallback_to_voice_only``, a ``has-voice-only`` refusal rents once more without SMS.
        """
        body = ops.rent_request(
            country,
            prefix=prefix,
            with_sms=with_sms,
            with_mms=with_mms,
            carrier_type=carrier_type,
            bundle_id=bundle_id,
            assign_to=assign_to,
            sharing=sharing,
            fallback_to_voice_only=fallback_to_voice_only,
        )
        result: PhoneNumber = self._run(
            rent(
                body,
                self._core.policy,
                self._rents,
                fallback_to_voice_only=fallback_to_voice_only,
            )
        )
        return result

    def close(self) -> None:
        """Close the HTTP connections, unless the httpx client was passed in."""
        if self._core.owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

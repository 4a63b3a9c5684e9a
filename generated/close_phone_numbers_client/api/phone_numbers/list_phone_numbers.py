from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.phone_number_page import PhoneNumberPage
from ...models.rate_limited import RateLimited
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset, loads


def _get_kwargs(
    *,
    number: str | Unset = UNSET,
    participant_user_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    is_group_number: bool | Unset = UNSET,
    field_skip: int | Unset = UNSET,
    field_limit: int | Unset = UNSET,
    field_fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["number"] = number

    params["participant_user_id"] = participant_user_id

    params["user_id"] = user_id

    params["is_group_number"] = is_group_number

    params["_skip"] = field_skip

    params["_limit"] = field_limit

    params["_fields"] = field_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/phone_number/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PhoneNumberPage | RateLimited | ValidationError | None:
    status = response.status_code
    if status == 200:
        return PhoneNumberPage.from_dict(loads(response.content))

    if status == 400:
        return ValidationError.from_dict(loads(response.content))

    if status == 401:
        return Error.from_dict(loads(response.content))

    if status == 402:
        return Error.from_dict(loads(response.content))

    if status == 403:
        return Error.from_dict(loads(response.content))

    if status == 429:
        return RateLimited.from_dict(loads(response.content))

    if 500 <= status <= 599:
        return Error.from_dict(loads(response.content))

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(status, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PhoneNumberPage | RateLimited | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    number: str | Unset = UNSET,
    participant_user_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    is_group_number: bool | Unset = UNSET,
    field_skip: int | Unset = UNSET,
    field_limit: int | Unset = UNSET,
    field_fields: str | Unset = UNSET,
) -> Response[Error | PhoneNumberPage | RateLimited | ValidationError]:
    """List or search phone numbers

     Lists the organization's phone numbers, one page at a time. Filters
    combine with AND. Page with `_skip` and `_limit` until `has_more` is false.

    Close documents no order for this list and no way to choose one: clients
    must not assume newest first, oldest first, or even the same order on two
    calls.

    Args:
        number (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        participant_user_id (str | Unset): A user id; Close documents a plain string, the pattern
            is inferred.
        user_id (str | Unset): A user id; Close documents a plain string, the pattern is inferred.
        is_group_number (bool | Unset):
        field_skip (int | Unset):
        field_limit (int | Unset):
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumberPage | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        number=number,
        participant_user_id=participant_user_id,
        user_id=user_id,
        is_group_number=is_group_number,
        field_skip=field_skip,
        field_limit=field_limit,
        field_fields=field_fields,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    number: str | Unset = UNSET,
    participant_user_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    is_group_number: bool | Unset = UNSET,
    field_skip: int | Unset = UNSET,
    field_limit: int | Unset = UNSET,
    field_fields: str | Unset = UNSET,
) -> Error | PhoneNumberPage | RateLimited | ValidationError | None:
    """List or search phone numbers

     Lists the organization's phone numbers, one page at a time. Filters
    combine with AND. Page with `_skip` and `_limit` until `has_more` is false.

    Close documents no order for this list and no way to choose one: clients
    must not assume newest first, oldest first, or even the same order on two
    calls.

    Args:
        number (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        participant_user_id (str | Unset): A user id; Close documents a plain string, the pattern
            is inferred.
        user_id (str | Unset): A user id; Close documents a plain string, the pattern is inferred.
        is_group_number (bool | Unset):
        field_skip (int | Unset):
        field_limit (int | Unset):
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumberPage | RateLimited | ValidationError
    """

    return sync_detailed(
        client=client,
        number=number,
        participant_user_id=participant_user_id,
        user_id=user_id,
        is_group_number=is_group_number,
        field_skip=field_skip,
        field_limit=field_limit,
        field_fields=field_fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    number: str | Unset = UNSET,
    participant_user_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    is_group_number: bool | Unset = UNSET,
    field_skip: int | Unset = UNSET,
    field_limit: int | Unset = UNSET,
    field_fields: str | Unset = UNSET,
) -> Response[Error | PhoneNumberPage | RateLimited | ValidationError]:
    """List or search phone numbers

     Lists the organization's phone numbers, one page at a time. Filters
    combine with AND. Page with `_skip` and `_limit` until `has_more` is false.

    Close documents no order for this list and no way to choose one: clients
    must not assume newest first, oldest first, or even the same order on two
    calls.

    Args:
        number (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        participant_user_id (str | Unset): A user id; Close documents a plain string, the pattern
            is inferred.
        user_id (str | Unset): A user id; Close documents a plain string, the pattern is inferred.
        is_group_number (bool | Unset):
        field_skip (int | Unset):
        field_limit (int | Unset):
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumberPage | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        number=number,
        participant_user_id=participant_user_id,
        user_id=user_id,
        is_group_number=is_group_number,
        field_skip=field_skip,
        field_limit=field_limit,
        field_fields=field_fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    number: str | Unset = UNSET,
    participant_user_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
    is_group_number: bool | Unset = UNSET,
    field_skip: int | Unset = UNSET,
    field_limit: int | Unset = UNSET,
    field_fields: str | Unset = UNSET,
) -> Error | PhoneNumberPage | RateLimited | ValidationError | None:
    """List or search phone numbers

     Lists the organization's phone numbers, one page at a time. Filters
    combine with AND. Page with `_skip` and `_limit` until `has_more` is false.

    Close documents no order for this list and no way to choose one: clients
    must not assume newest first, oldest first, or even the same order on two
    calls.

    Args:
        number (str | Unset): A phone number in E.164 form, such as `+16505550100`.
        participant_user_id (str | Unset): A user id; Close documents a plain string, the pattern
            is inferred.
        user_id (str | Unset): A user id; Close documents a plain string, the pattern is inferred.
        is_group_number (bool | Unset):
        field_skip (int | Unset):
        field_limit (int | Unset):
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumberPage | RateLimited | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            number=number,
            participant_user_id=participant_user_id,
            user_id=user_id,
            is_group_number=is_group_number,
            field_skip=field_skip,
            field_limit=field_limit,
            field_fields=field_fields,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.phone_number import PhoneNumber
from ...models.phone_number_update import PhoneNumberUpdate
from ...models.rate_limited import RateLimited
from ...models.validation_error import ValidationError
from ...types import Response, loads


def _get_kwargs(
    id: str,
    *,
    body: PhoneNumberUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/phone_number/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PhoneNumber | RateLimited | ValidationError | None:
    status = response.status_code
    if status == 200:
        return PhoneNumber.from_dict(loads(response.content))

    if status == 400:
        return ValidationError.from_dict(loads(response.content))

    if status == 401:
        return Error.from_dict(loads(response.content))

    if status == 402:
        return Error.from_dict(loads(response.content))

    if status == 403:
        return Error.from_dict(loads(response.content))

    if status == 404:
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
) -> Response[Error | PhoneNumber | RateLimited | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PhoneNumberUpdate,
) -> Response[Error | PhoneNumber | RateLimited | ValidationError]:
    """Update a phone number

     Changes the settings of a number. Close treats `PUT` as a partial update:
    fields left out keep their value. Most settings of a group number need the
    "Manage Team Phone Numbers" permission; the only member of a number may
    change its `label`, voicemail greeting and call forwarding without it.
    Personal numbers can be changed only by their own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        body (PhoneNumberUpdate): The settings to change; everything left out stays as it is.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PhoneNumberUpdate,
) -> Error | PhoneNumber | RateLimited | ValidationError | None:
    """Update a phone number

     Changes the settings of a number. Close treats `PUT` as a partial update:
    fields left out keep their value. Most settings of a group number need the
    "Manage Team Phone Numbers" permission; the only member of a number may
    change its `label`, voicemail greeting and call forwarding without it.
    Personal numbers can be changed only by their own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        body (PhoneNumberUpdate): The settings to change; everything left out stays as it is.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | RateLimited | ValidationError
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PhoneNumberUpdate,
) -> Response[Error | PhoneNumber | RateLimited | ValidationError]:
    """Update a phone number

     Changes the settings of a number. Close treats `PUT` as a partial update:
    fields left out keep their value. Most settings of a group number need the
    "Manage Team Phone Numbers" permission; the only member of a number may
    change its `label`, voicemail greeting and call forwarding without it.
    Personal numbers can be changed only by their own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        body (PhoneNumberUpdate): The settings to change; everything left out stays as it is.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PhoneNumberUpdate,
) -> Error | PhoneNumber | RateLimited | ValidationError | None:
    """Update a phone number

     Changes the settings of a number. Close treats `PUT` as a partial update:
    fields left out keep their value. Most settings of a group number need the
    "Manage Team Phone Numbers" permission; the only member of a number may
    change its `label`, voicemail greeting and call forwarding without it.
    Personal numbers can be changed only by their own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        body (PhoneNumberUpdate): The settings to change; everything left out stays as it is.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | RateLimited | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deleted import Deleted
from ...models.error import Error
from ...models.rate_limited import RateLimited
from ...models.validation_error import ValidationError
from ...types import Response, loads


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/phone_number/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Deleted | Error | RateLimited | ValidationError | None:
    status = response.status_code
    if status == 200:
        return Deleted.from_dict(loads(response.content))

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
) -> Response[Deleted | Error | RateLimited | ValidationError]:
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
) -> Response[Deleted | Error | RateLimited | ValidationError]:
    """Delete a phone number

     Removes the number from the organization; a rented number is released.
    Deleting a group number needs the "Manage Team Phone Numbers" permission;
    a personal number can be deleted only by its own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Error | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Deleted | Error | RateLimited | ValidationError | None:
    """Delete a phone number

     Removes the number from the organization; a rented number is released.
    Deleting a group number needs the "Manage Team Phone Numbers" permission;
    a personal number can be deleted only by its own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Error | RateLimited | ValidationError
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Deleted | Error | RateLimited | ValidationError]:
    """Delete a phone number

     Removes the number from the organization; a rented number is released.
    Deleting a group number needs the "Manage Team Phone Numbers" permission;
    a personal number can be deleted only by its own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Error | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Deleted | Error | RateLimited | ValidationError | None:
    """Delete a phone number

     Removes the number from the organization; a rented number is released.
    Deleting a group number needs the "Manage Team Phone Numbers" permission;
    a personal number can be deleted only by its own user.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Error | RateLimited | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed

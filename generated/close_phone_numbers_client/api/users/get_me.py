from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.me import Me
from ...models.rate_limited import RateLimited
from ...types import Response, loads


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/me/",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Me | RateLimited | None:
    status = response.status_code
    if status == 200:
        return Me.from_dict(loads(response.content))

    if status == 401:
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
) -> Response[Error | Me | RateLimited]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Me | RateLimited]:
    """Fetch the requesting user

     The user the credentials act as: an API key belongs to one user of one
    organization, and so does an OAuth token. Close offers it to learn your
    own user id and organization. Close returns many more fields than the few
    described here (email accounts, phone numbers, the organizations' pipelines
    and statuses); clients must accept and may ignore them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Me | RateLimited]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Error | Me | RateLimited | None:
    """Fetch the requesting user

     The user the credentials act as: an API key belongs to one user of one
    organization, and so does an OAuth token. Close offers it to learn your
    own user id and organization. Close returns many more fields than the few
    described here (email accounts, phone numbers, the organizations' pipelines
    and statuses); clients must accept and may ignore them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Me | RateLimited
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Me | RateLimited]:
    """Fetch the requesting user

     The user the credentials act as: an API key belongs to one user of one
    organization, and so does an OAuth token. Close offers it to learn your
    own user id and organization. Close returns many more fields than the few
    described here (email accounts, phone numbers, the organizations' pipelines
    and statuses); clients must accept and may ignore them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Me | RateLimited]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Error | Me | RateLimited | None:
    """Fetch the requesting user

     The user the credentials act as: an API key belongs to one user of one
    organization, and so does an OAuth token. Close offers it to learn your
    own user id and organization. Close returns many more fields than the few
    described here (email accounts, phone numbers, the organizations' pipelines
    and statuses); clients must accept and may ignore them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Me | RateLimited
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

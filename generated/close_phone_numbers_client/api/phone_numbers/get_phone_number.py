from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.phone_number import PhoneNumber
from ...models.rate_limited import RateLimited
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset, loads


def _get_kwargs(
    id: str,
    *,
    field_fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["_fields"] = field_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/phone_number/{id}/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

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
    field_fields: str | Unset = UNSET,
) -> Response[Error | PhoneNumber | RateLimited | ValidationError]:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        field_fields=field_fields,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    field_fields: str | Unset = UNSET,
) -> Error | PhoneNumber | RateLimited | ValidationError | None:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | RateLimited | ValidationError
    """

    return sync_detailed(
        id=id,
        client=client,
        field_fields=field_fields,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    field_fields: str | Unset = UNSET,
) -> Response[Error | PhoneNumber | RateLimited | ValidationError]:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        field_fields=field_fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    field_fields: str | Unset = UNSET,
) -> Error | PhoneNumber | RateLimited | ValidationError | None:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id. Close documents a plain string; the `phon_` prefix is
            seen in every example, and the pattern is inferred from them.
        field_fields (str | Unset):

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
            field_fields=field_fields,
        )
    ).parsed

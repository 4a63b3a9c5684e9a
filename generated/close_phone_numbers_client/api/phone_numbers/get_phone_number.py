from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.phone_number import PhoneNumber
from ...models.phone_number_fields import PhoneNumberFields
from ...models.rate_limited import RateLimited
from ...models.validation_error import ValidationError
from ...types import UNSET, Response, Unset


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
) -> Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> PhoneNumber | PhoneNumberFields:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_phone_number_or_fields_type_0 = PhoneNumber.from_dict(
                    data
                )

                return componentsschemas_phone_number_or_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_phone_number_or_fields_type_1 = (
                PhoneNumberFields.from_dict(data)
            )

            return componentsschemas_phone_number_or_fields_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ValidationError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = RateLimited.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = Error.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError]:
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
) -> Response[Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError]:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError]
    """

    kwargs = _get_kwargs(
        id=id,
        field_fields=field_fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    field_fields: str | Unset = UNSET,
) -> Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError | None:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError
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
) -> Response[Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError]:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError]
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
) -> Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError | None:
    """Retrieve a phone number

     Fetches one phone number of the organization by its id.

    Args:
        id (str): A phone number id.
        field_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | PhoneNumberFields | RateLimited | ValidationError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            field_fields=field_fields,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.phone_number import PhoneNumber
from ...models.rate_limited import RateLimited
from ...models.rent_refusal import RentRefusal
from ...models.rent_request import RentRequest
from ...models.validation_error import ValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: RentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/phone_number/request/internal/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PhoneNumber | RateLimited | RentRefusal | ValidationError | None:
    if response.status_code == 201:
        response_201 = PhoneNumber.from_dict(response.json())

        return response_201

    if response.status_code == 400:

        def _parse_response_400(data: object) -> RentRefusal | ValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_rent_failure_type_0 = RentRefusal.from_dict(data)

                return componentsschemas_rent_failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_rent_failure_type_1 = ValidationError.from_dict(data)

            return componentsschemas_rent_failure_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:

        def _parse_response_402(data: object) -> RentRefusal | ValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_rent_failure_type_0 = RentRefusal.from_dict(data)

                return componentsschemas_rent_failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_rent_failure_type_1 = ValidationError.from_dict(data)

            return componentsschemas_rent_failure_type_1

        response_402 = _parse_response_402(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | PhoneNumber | RateLimited | RentRefusal | ValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> Response[Error | PhoneNumber | RateLimited | RentRefusal | ValidationError]:
    """Rent an internal phone number

     Rents a new number from Close in the given country, optionally within an
    area code or prefix. **Renting costs money** and Close accepts no
    idempotency key: a request repeated after an unclear outcome may rent a
    second number.

    When no number could be rented the answer is a 4xx whose body has a
    `status` saying why (see `RentRefusal`). Renting for someone else
    (`assign_to`) or renting a group number needs the "Manage Team Phone
    Numbers" permission.

    Args:
        body (RentRequest): What to rent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | RentRefusal | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> Error | PhoneNumber | RateLimited | RentRefusal | ValidationError | None:
    """Rent an internal phone number

     Rents a new number from Close in the given country, optionally within an
    area code or prefix. **Renting costs money** and Close accepts no
    idempotency key: a request repeated after an unclear outcome may rent a
    second number.

    When no number could be rented the answer is a 4xx whose body has a
    `status` saying why (see `RentRefusal`). Renting for someone else
    (`assign_to`) or renting a group number needs the "Manage Team Phone
    Numbers" permission.

    Args:
        body (RentRequest): What to rent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | RateLimited | RentRefusal | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> Response[Error | PhoneNumber | RateLimited | RentRefusal | ValidationError]:
    """Rent an internal phone number

     Rents a new number from Close in the given country, optionally within an
    area code or prefix. **Renting costs money** and Close accepts no
    idempotency key: a request repeated after an unclear outcome may rent a
    second number.

    When no number could be rented the answer is a 4xx whose body has a
    `status` saying why (see `RentRefusal`). Renting for someone else
    (`assign_to`) or renting a group number needs the "Manage Team Phone
    Numbers" permission.

    Args:
        body (RentRequest): What to rent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PhoneNumber | RateLimited | RentRefusal | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> Error | PhoneNumber | RateLimited | RentRefusal | ValidationError | None:
    """Rent an internal phone number

     Rents a new number from Close in the given country, optionally within an
    area code or prefix. **Renting costs money** and Close accepts no
    idempotency key: a request repeated after an unclear outcome may rent a
    second number.

    When no number could be rented the answer is a 4xx whose body has a
    `status` saying why (see `RentRefusal`). Renting for someone else
    (`assign_to`) or renting a group number needs the "Manage Team Phone
    Numbers" permission.

    Args:
        body (RentRequest): What to rent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PhoneNumber | RateLimited | RentRefusal | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

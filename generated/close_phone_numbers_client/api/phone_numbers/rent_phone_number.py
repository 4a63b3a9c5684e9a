from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import SchemaMismatch, mismatch
from ...models.error import Error
from ...models.phone_number import PhoneNumber
from ...models.rate_limited import RateLimited
from ...models.rent_refusal import RentRefusal
from ...models.rent_request import RentRequest
from ...models.validation_error import ValidationError
from ...types import Response, loads


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
) -> (
    Error
    | PhoneNumber
    | RateLimited
    | RentRefusal
    | RentRefusal
    | ValidationError
    | None
):
    status = response.status_code
    if status == 201:
        return PhoneNumber.from_dict(loads(response.content))

    if status == 400:
        body = loads(response.content)
        if isinstance(body, dict):
            try:
                body = RentRefusal.from_dict(body)
            except SchemaMismatch:
                body = ValidationError.from_dict(body)

        else:
            raise mismatch("object", body)

        response_400: RentRefusal | ValidationError = body
        return response_400

    if status == 401:
        return Error.from_dict(loads(response.content))

    if status == 402:
        body = loads(response.content)
        if isinstance(body, dict):
            try:
                body = RentRefusal.from_dict(body)
            except SchemaMismatch:
                body = ValidationError.from_dict(body)

        else:
            raise mismatch("object", body)

        response_402: RentRefusal | ValidationError = body
        return response_402

    if status == 403:
        return Error.from_dict(loads(response.content))

    if status == 429:
        return RateLimited.from_dict(loads(response.content))

    if 400 <= status <= 499:
        return RentRefusal.from_dict(loads(response.content))

    if 500 <= status <= 599:
        return Error.from_dict(loads(response.content))

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(status, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError
]:
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
) -> Response[
    Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError
]:
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
        Response[Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> (
    Error
    | PhoneNumber
    | RateLimited
    | RentRefusal
    | RentRefusal
    | ValidationError
    | None
):
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
        Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RentRequest,
) -> Response[
    Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError
]:
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
        Response[Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError]
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
) -> (
    Error
    | PhoneNumber
    | RateLimited
    | RentRefusal
    | RentRefusal
    | ValidationError
    | None
):
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
        Error | PhoneNumber | RateLimited | RentRefusal | RentRefusal | ValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

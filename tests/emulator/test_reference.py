"""The emulator serves the spec it answers to and an offline HTML reference built from it."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import httpx
import pytest
import yaml
from close_phone_emulator import Emulator

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "phone_numbers.yaml"


@pytest.fixture
def client() -> httpx.Client:
    emulator = Emulator()
    return httpx.Client(transport=emulator.transport(), base_url="http://emulator.test")


def test_openapi_yaml_is_the_repository_spec(client: httpx.Client) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    assert yaml.safe_load(response.content) == yaml.safe_load(SPEC.read_bytes())


@pytest.mark.parametrize("path", ["/docs", "/docs/"])
def test_docs_is_a_page_that_loads_no_script_from_the_network(
    client: httpx.Client, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<script" in page
    # Every script is inline: none is fetched from a CDN or any other host.
    assert not re.search(r"<script[^>]+src=", page)
    assert "Close Phone Numbers API" in page
    assert "rentPhoneNumber" in page


def test_docs_sends_the_gzipped_page_to_a_client_that_accepts_gzip(client: httpx.Client) -> None:
    zipped = client.get("/docs", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/docs", headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert int(zipped.headers["content-length"]) < int(plain.headers["content-length"]) / 2
    assert zipped.text == plain.text  # httpx undoes the gzip


def test_the_reference_is_read_only(client: httpx.Client) -> None:
    response = client.post("/docs", content=b"{}")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_the_shipped_page_is_built_from_the_current_spec() -> None:
    # The drift check proper (`scripts/tox -e docs`) rebuilds it with Node; this catches
    # a spec change without a rebuild here too: the page embeds the spec's version.
    page = gzip.decompress(
        (ROOT / "emulator" / "close_phone_emulator" / "_static" / "reference.html.gz").read_bytes()
    ).decode()
    version = yaml.safe_load(SPEC.read_bytes())["info"]["version"]
    assert f'"version":"{version}"' in page.replace(" ", "")

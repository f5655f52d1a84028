"""The preview server: real 404s, nothing from outside output/, many clients at once."""

from __future__ import annotations

import http.client
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest
from briefing.serve import is_loopback, serving


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "output"
    (root / "a").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "a" / "index.html").write_text("<h1>a</h1>", encoding="utf-8")
    (root / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "leak.txt")
    os.symlink(tmp_path, root / "up")
    return root


def get(base: str, path: str) -> tuple[int, bytes]:
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)  # the raw path, not normalised
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
    "/a/../../secret.txt", "//etc/passwd", "/..%5csecret.txt", "/leak.txt", "/up/secret.txt",
    "/missing.html", "/empty/",
])
def test_nothing_outside_the_site_and_real_404s(site: Path, path: str) -> None:
    with serving(site) as base:
        status, body = get(base, path)
    assert status == 404
    assert b"secret" not in body
    assert b"Page not found" in body


def test_pages_are_served(site: Path) -> None:
    with serving(site) as base:
        assert get(base, "/") == (200, b"<h1>home</h1>")
        assert get(base, "/a/") == (200, b"<h1>a</h1>")


def test_a_slow_client_does_not_block_the_others(site: Path) -> None:
    with serving(site) as base:
        url = urlparse(base)
        slow = socket.create_connection((url.hostname, url.port))
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never finishes the request
        try:
            assert get(base, "/a/")[0] == 200
        finally:
            slow.close()


def test_two_thousand_requests(site: Path) -> None:
    with serving(site) as base, ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda n: get(base, "/a/" if n % 2 else "/")[0], range(2000)))
    assert statuses.count(200) == 2000


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")

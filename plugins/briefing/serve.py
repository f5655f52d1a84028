"""The preview server: output/ on 127.0.0.1, threaded, and nothing outside it.

    python -m briefing.serve [--port 8000] [--host 127.0.0.1] [DIRECTORY]

Paths are resolved and must stay inside the served folder (no ``..``, no
symbolic link out of it); folders without an index are not listed; a missing
file gets the site's own 404 page with status 404.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import ipaddress
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from one folder, never from outside it."""

    quiet = True

    def log_message(self, format: str, *args: object) -> None:  # the stdlib's parameter name
        if not self.quiet:
            super().log_message(format, *args)

    def send_head(self) -> BinaryIO | None:
        root = Path(self.directory).resolve()
        target = Path(self.translate_path(self.path)).resolve()
        inside = target.is_relative_to(root)  # False for a symbolic link pointing out of the site
        listing = target.is_dir() and not (target / "index.html").is_file()  # no directory listings
        if not inside or listing or not target.exists():
            self.missing()
            return None
        return super().send_head()

    def list_directory(self, path: str | object) -> None:
        self.missing()

    def missing(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if page.is_file() else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)




def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


@contextmanager
def serving(directory: Path, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `directory` (a free port by default) in a thread; yields the base URL."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer((host, port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://%s:%d" % (host, httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    if not is_loopback(args.host):
        print("warning: serving on %s makes the preview reachable from other machines" % args.host,
              file=sys.stderr)
    handler = functools.partial(SiteHandler, directory=str(args.directory))
    SiteHandler.quiet = False
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print("Serving %s on http://%s:%d/ (Ctrl-C stops)" % (args.directory, args.host, args.port))
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`close-phone-numbers proxy`: its options, and a run until Ctrl-C or SIGTERM.

Exit status: 0 when no proxied exchange broke the contract, 1 when one did, 2 usage
(or the `contract` extra missing).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_BROKEN, EXIT_USAGE = 0, 1, 2
MISSING_EXTRA = (
    "proxy needs the 'contract' extra ({name} is missing): "
    "pip install 'close-phone-numbers[contract]'\n"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `proxy`, for the command-line subpackage to mount."""
    parser.add_argument(
        "--target",
        required=True,
        metavar="URL",
        help="the API root to forward to; point your client at the same path on the proxy "
        "(http://127.0.0.1:PORT/api/v1). Requests and answers pass unchanged, credentials "
        "included and never printed; violations print as they happen, the summary at "
        "Ctrl-C or SIGTERM",
    )
    parser.add_argument("--port", type=int, default=8087, help="port to listen on (default 8087)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, loopback)"
    )
    parser.add_argument("--spec", metavar="PATH", help="validate against this spec instead")
    parser.add_argument(
        "--observed",
        choices=["strict", "warn"],
        default="warn",
        help="observed constraints as failures or warnings (default: warn)",
    )
    parser.add_argument("--junit", metavar="FILE", type=Path, help="write a JUnit XML report")
    parser.add_argument("--report", metavar="FILE", type=Path, help="write a Markdown report")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Serve until a signal; print violations as they come and the summary at the end."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        from ._proxy import Proxy, ProxyServer
        from ._report import Report
        from ._spec import Spec
        from ._validate import Validator
    except ImportError as exc:
        err.write("error: " + MISSING_EXTRA.format(name=exc.name or "a dependency"))
        return EXIT_USAGE
    if not args.target.startswith(("http://", "https://")):
        err.write(f"proxy: --target needs an http:// or https:// URL, got {args.target!r}\n")
        return EXIT_USAGE
    try:
        spec = Spec.load(args.spec)
    except OSError as exc:
        err.write(f"proxy: cannot read the spec: {exc}\n")
        return EXIT_USAGE

    def emit(text: str) -> None:
        out.write(text + "\n")
        out.flush()

    report = Report(f"traffic proxied to {args.target}", spec.where, args.observed == "strict")
    proxy = Proxy(args.target, Validator(spec), report, emit)
    try:
        server = ProxyServer(proxy, args.host, args.port)
    except OSError as exc:
        err.write(f"proxy: cannot listen on {args.host}:{args.port}: {exc}\n")
        return EXIT_USAGE
    emit(f"proxy: forwarding {server.base_url} to {args.target}; Ctrl-C stops and summarizes")
    server.run()
    out.write(proxy.summary())
    proxy.write(args.junit, args.report)
    return EXIT_OK if report.ok else EXIT_BROKEN

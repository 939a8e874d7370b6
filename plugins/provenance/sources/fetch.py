"""One careful HTTP(S) download: the only code in Provenance that touches the network.

Only ``provenance add`` calls it; a build never does. Every way a download can fail becomes one
line naming the address, what happened and what to do (a :class:`~provenance.errors.Problem`
raised as :class:`~provenance.errors.ProvenanceError`); nothing is written before it succeeds.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from .. import __version__
from ..errors import Problem, ProvenanceError

USER_AGENT = f"Mozilla/5.0 (compatible; provenance-mkdocs/{__version__})"
SAVE_INSTEAD = "save the page from your browser (File > Save Page As) and run 'provenance add' on the saved file"


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0  # seconds to reach the server: a live server answers in far less
    read_timeout: float = 30.0  # seconds of silence in the middle of a download before giving up
    total_timeout: float = 120.0  # seconds for the whole download, against servers that send a byte at a time
    max_bytes: int = 50 * 2**20  # 50 MiB after decompression: far above any article page; most report PDFs fit
    max_redirects: int = 5  # browsers allow 20, but an article that needs more than 5 is a loop or a tracker chain


@dataclass(frozen=True)
class Response:
    requested: str
    url: str  # the final address, after redirects
    status: int
    media_type: str  # "text/html", lower case, without parameters
    charset: str | None  # from the Content-Type header
    body: bytes  # as served, after the transfer's gzip/deflate is undone
    retrieved: dt.datetime  # UTC
    redirects: tuple[str, ...] = ()


def fail(url: str, message: str, fix: str) -> ProvenanceError:
    return ProvenanceError(Problem(url, None, message, fix))


def _content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _status_problem(url: str, status: int, reason: str) -> ProvenanceError:
    if status in (404, 410):
        return fail(url, f"page not found (HTTP {status} {reason})".rstrip(), "check the address; if the page has moved or gone, use its new address or an archived copy")
    if status in (401, 402, 403, 451):
        return fail(url, f"the site refused the request (HTTP {status} {reason})".rstrip(), SAVE_INSTEAD)
    if status == 429:
        return fail(url, "the site asks to slow down (HTTP 429 Too Many Requests)", "wait a few minutes and try again")
    if status >= 500:
        return fail(url, f"the server failed (HTTP {status} {reason})".rstrip(), "try again later, or " + SAVE_INSTEAD)
    return fail(url, f"the request was not answered with a page (HTTP {status} {reason})".rstrip(), SAVE_INSTEAD)


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(url, "is not an http(s) address", "give the full address, starting with https://")


def fetch(url: str, limits: Limits | None = None, pool: urllib3.PoolManager | None = None) -> Response:
    """Download ``url``, following up to ``limits.max_redirects`` redirects."""
    limits = limits or Limits()
    _check_url(url)
    pool = pool or urllib3.PoolManager(retries=False)
    headers = {
        **urllib3.util.make_headers(accept_encoding=True),
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
    }
    timeout = urllib3.Timeout(connect=limits.connect_timeout, read=limits.read_timeout)
    started = time.monotonic()
    current, redirects = url, []
    while True:
        try:
            response = pool.request("GET", current, headers=headers, timeout=timeout, redirect=False, retries=False, preload_content=False)
        except MaxRetryError as exc:  # how some versions of urllib3 wrap a connection error
            raise _connection_problem(current, exc.reason, limits) from exc
        except (HTTPError, LocationParseError) as exc:
            raise _connection_problem(current, exc, limits) from exc
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise fail(current, f"redirect (HTTP {response.status}) without a Location", SAVE_INSTEAD)
                target = urljoin(current, location)
                if len(redirects) >= limits.max_redirects:
                    raise fail(url, f"more than {limits.max_redirects} redirects (the last to {target})", "open the address in a browser and give the address it ends on")
                if target in redirects or target == url:
                    raise fail(url, f"redirect loop (back to {target})", "open the address in a browser and give the address it ends on")
                _check_url(target)
                redirects.append(target)
                current = target
                continue
            if response.status != 200:
                raise _status_problem(current, response.status, response.reason or "")
            body = _read(current, response, limits, started)
        finally:
            response.release_conn()
        media, charset = _content_type(response.headers.get("Content-Type"))
        return Response(url, current, response.status, media, charset, body, dt.datetime.now(dt.timezone.utc), tuple(redirects))


def _read(url: str, response: urllib3.BaseHTTPResponse, limits: Limits, started: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(url, limits)
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > limits.max_bytes:
                raise _too_large(url, limits)
            if time.monotonic() - started > limits.total_timeout:
                raise fail(url, f"the download took longer than {limits.total_timeout:g} s", "try again later, or " + SAVE_INSTEAD)
            chunks.append(chunk)
    except ReadTimeoutError as exc:
        raise fail(url, f"the server stopped sending for {limits.read_timeout:g} s", "try again later, or " + SAVE_INSTEAD) from exc
    except DecodeError as exc:
        raise fail(url, "the server sent a corrupt compressed response", "try again later, or " + SAVE_INSTEAD) from exc
    except ProtocolError as exc:
        raise fail(url, "the connection broke during the download", "try again later") from exc
    return b"".join(chunks)


def _too_large(url: str, limits: Limits) -> ProvenanceError:
    return fail(url, f"is larger than {limits.max_bytes // 2**20} MiB", "download the file yourself and run 'provenance add FILE --no-original'")


def _connection_problem(url: str, reason: BaseException | None, limits: Limits) -> ProvenanceError:
    host = urlsplit(url).hostname or url
    # Most specific first: NameResolutionError is a NewConnectionError, which is a ConnectTimeoutError.
    if isinstance(reason, NameResolutionError):
        return fail(url, f"the host {host} was not found", "check the address for typos")
    if isinstance(reason, NewConnectionError):
        return fail(url, f"cannot connect to {host}", "check the address and your connection")
    if isinstance(reason, (ConnectTimeoutError, ReadTimeoutError)):
        return fail(url, f"no answer within {limits.connect_timeout:g} s (connect) / {limits.read_timeout:g} s (read)", "check the address, or try again later")
    if isinstance(reason, SSLError):
        return fail(url, f"the secure connection to {host} failed", "check the address; the site's certificate may be broken")
    if isinstance(reason, LocationParseError):
        return fail(url, "is not a valid address", "give the full address, starting with https://")
    if isinstance(reason, ProtocolError):
        return fail(url, f"the connection to {host} broke", "try again later")
    return fail(url, f"the connection to {host} failed ({type(reason).__name__})", "check the address, or try again later")

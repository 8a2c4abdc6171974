"""Pull a public account's posts straight from Mastodon, Bluesky or X over their public APIs.

Each ``fetch_*`` returns the platform's own JSON shape (one API page, with every page joined),
so a live pull and a saved API dump go through the same loader. ``pull`` fetches and loads.
Every failure becomes a :class:`~data_sources.errors.FetchError` whose message names the
platform and the account and says what to do.

>>> statuses = fetch_mastodon("@Mastodon@mastodon.social", limit=5)  # doctest: +SKIP
>>> len(statuses), statuses[0]["content"][:3]  # doctest: +SKIP
(5, '<p>')
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from time import sleep
from typing import TYPE_CHECKING, Any, Final, cast
from urllib.parse import parse_qs, urlsplit

import httpx

from data_sources.errors import FetchError
from followthrough.i18n import _, ngettext

if TYPE_CHECKING:
    from data_sources.loader import LoadResult

USER_AGENT: Final = "followthrough/0.1 (brand follow-through dashboard; live pull of public posts)"
TIMEOUT: Final = httpx.Timeout(20.0, connect=10.0)

#: A 429 or 5xx answer is retried this many times before giving up.
MAX_RETRIES = 2
#: First wait between retries when the server does not say how long; doubles each time.
BACKOFF_SECONDS = 1.0
#: A server asking to wait longer than this is reported to the person instead of waited out.
MAX_WAIT_SECONDS = 30.0

MASTODON_PAGE: Final = 40
BLUESKY_PAGE: Final = 100
X_PAGE: Final = 100
X_MIN_PAGE: Final = 5
X_TWEET_FIELDS: Final = "created_at,lang,public_metrics,referenced_tweets,in_reply_to_user_id"

_X_USERNAME = re.compile(r"[A-Za-z0-9_]{1,15}")
_MASTODON_USERNAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")

Progress = Callable[[int], None]


@dataclass(frozen=True)
class _Target:
    """Who is being fetched, worded for the person reading an error."""

    platform: str
    account: str
    host: str


# --------------------------------------------------------------------------- Mastodon


def fetch_mastodon(
    handle: str,
    *,
    limit: int = 400,
    base_url: str | None = None,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Fetch up to ``limit`` of a Mastodon account's newest statuses, boosts and replies included.

    ``handle`` is ``@user@instance``, ``user@instance`` or ``https://instance/@user``; the API is
    read at ``https://<instance>`` unless ``base_url`` says otherwise. Returns the raw
    ``Status`` entities, newest first.

    >>> fetch_mastodon("Mastodon@mastodon.social", limit=40)[0]["url"][:23]  # doctest: +SKIP
    'https://mastodon.social'
    """
    user, instance = _mastodon_handle(handle, base_url)
    base = (base_url or f"https://{instance}").rstrip("/")
    target = _Target("Mastodon", f"@{user}@{instance}", _host(base))
    statuses: list[dict[str, Any]] = []
    with _session(client) as http:
        account = _json_object(_get(http, f"{base}/api/v1/accounts/lookup", {"acct": user}, target), target)
        if "id" not in account:
            raise _unexpected(target, _("the account lookup has no id"))
        url = f"{base}/api/v1/accounts/{account['id']}/statuses"
        max_id: str | None = None
        while len(statuses) < limit:
            params: dict[str, str | int] = {"limit": min(MASTODON_PAGE, limit - len(statuses))}
            if max_id is not None:
                params["max_id"] = max_id
            response = _get(http, url, params, target)
            page = _json(response, target)
            if not isinstance(page, list):
                raise _unexpected(target, _("the statuses are not a list"))
            statuses.extend(page[: limit - len(statuses)])
            _report(progress, len(statuses))
            if not page:
                break
            max_id = _next_max_id(response, page)
            if max_id is None:
                break
    return statuses


def _mastodon_handle(handle: str, base_url: str | None) -> tuple[str, str]:
    """Split a handle into ``(user, instance)``; the instance falls back to ``base_url``'s host."""
    text = handle.strip()
    if text.startswith(("https://", "http://")):
        parts = urlsplit(text)
        user, instance = parts.path.strip("/").removeprefix("@"), parts.hostname or ""
    else:
        user, _at, instance = text.removeprefix("@").partition("@")
    if not _MASTODON_USERNAME.fullmatch(user):
        raise FetchError(
            _(
                "'{handle}' is not a Mastodon handle. Write it as @name@server, for example @brand@mastodon.social."
            ).format(handle=handle)
        )
    if not instance:
        if base_url is None:
            raise FetchError(
                _(
                    "Mastodon handle '{handle}' has no server. Write it in full as @name@server, "
                    "for example @brand@mastodon.social."
                ).format(handle=handle)
            )
        instance = _host(base_url)
    return user, instance.lower()


def _next_max_id(response: httpx.Response, page: list[Any]) -> str | None:
    """The ``max_id`` of the next page: from the ``Link`` header when the server sends one."""
    if "link" in response.headers:
        next_url = response.links.get("next", {}).get("url")
        if next_url is None:
            return None
        from_link = parse_qs(urlsplit(next_url).query).get("max_id")
        if from_link:
            return from_link[0]
    last = page[-1]
    return str(last["id"]) if isinstance(last, dict) and "id" in last else None


# --------------------------------------------------------------------------- Bluesky


def fetch_bluesky(
    actor: str,
    *,
    limit: int = 400,
    base_url: str = "https://public.api.bsky.app",
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Fetch up to ``limit`` items of a Bluesky author feed (posts, replies and reposts).

    ``actor`` is a handle (``brand.bsky.social``, with or without ``@``), a DID or a
    ``bsky.app/profile/...`` link. Returns ``{"feed": [...]}``, the shape of one
    ``app.bsky.feed.getAuthorFeed`` page.

    >>> len(fetch_bluesky("bsky.app", limit=10)["feed"])  # doctest: +SKIP
    10
    """
    name = _bluesky_actor(actor)
    base = base_url.rstrip("/")
    target = _Target("Bluesky", name if name.startswith("did:") else f"@{name}", _host(base))
    url = f"{base}/xrpc/app.bsky.feed.getAuthorFeed"
    feed: list[Any] = []
    cursor: str | None = None
    with _session(client) as http:
        while len(feed) < limit:
            params: dict[str, str | int] = {
                "actor": name,
                "limit": min(BLUESKY_PAGE, limit - len(feed)),
            }
            if cursor is not None:
                params["cursor"] = cursor
            page = _json_object(_get(http, url, params, target), target)
            items = page.get("feed")
            if not isinstance(items, list):
                raise _unexpected(target, _("the answer has no feed"))
            feed.extend(items[: limit - len(feed)])
            _report(progress, len(feed))
            cursor = page.get("cursor")
            if not items or not cursor:
                break
    return {"feed": feed}


def _bluesky_actor(actor: str) -> str:
    text = actor.strip()
    if text.startswith(("https://", "http://")):
        text = urlsplit(text).path.removeprefix("/profile/").strip("/")
    text = text.removeprefix("@")
    if text.startswith("did:") or ("." in text and " " not in text and "/" not in text):
        return text
    raise FetchError(
        _(
            "'{handle}' is not a Bluesky handle. "
            "A handle includes a domain, for example brand.bsky.social or brand.com."
        ).format(handle=actor)
    )


# --------------------------------------------------------------------------- X


def fetch_x(
    username: str,
    *,
    bearer_token: str | None = None,
    limit: int = 400,
    base_url: str = "https://api.x.com",
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Fetch up to ``limit`` of an X account's newest posts with the X API v2.

    Needs a bearer token, from ``bearer_token`` or the ``X_BEARER_TOKEN`` environment variable.
    Returns ``{"data": [...], "includes": {"users": [...]}}``, the shape of one
    ``/2/users/:id/tweets`` page.

    >>> fetch_x("XDevelopers", limit=5)["includes"]["users"][0]["username"]  # doctest: +SKIP
    'XDevelopers'
    """
    name = _x_username(username)
    base = base_url.rstrip("/")
    target = _Target("X", f"@{name}", _host(base))
    token = bearer_token or os.environ.get("X_BEARER_TOKEN")
    if not token:
        raise FetchError(
            _(
                "Pulling {account} from X needs an X API bearer token. Create an app at "
                "developer.x.com, copy its Bearer Token and set the environment variable "
                "X_BEARER_TOKEN to it (or pass bearer_token=...). Without one, upload an X "
                "analytics export instead."
            ).format(account=target.account)
        )
    auth = {"Authorization": f"Bearer {token}"}
    tweets: list[Any] = []
    users: dict[str, Any] = {}
    with _session(client) as http:
        found = _json_object(_get(http, f"{base}/2/users/by/username/{name}", {}, target, headers=auth), target)
        user = found.get("data")
        if not isinstance(user, dict) or "id" not in user:
            raise _x_problem(found, target)
        url = f"{base}/2/users/{user['id']}/tweets"
        next_token: str | None = None
        while len(tweets) < limit:
            params: dict[str, str | int] = {
                "max_results": max(X_MIN_PAGE, min(X_PAGE, limit - len(tweets))),
                "tweet.fields": X_TWEET_FIELDS,
                "expansions": "author_id",
            }
            if next_token is not None:
                params["pagination_token"] = next_token
            page = _json_object(_get(http, url, params, target, headers=auth), target)
            if "data" not in page and page.get("errors"):
                raise _x_problem(page, target)
            data = page.get("data", [])
            if not isinstance(data, list):
                raise _unexpected(target, _("the posts are not a list"))
            tweets.extend(data[: limit - len(tweets)])
            for included in page.get("includes", {}).get("users", []):
                users.setdefault(included.get("id"), included)
            _report(progress, len(tweets))
            next_token = page.get("meta", {}).get("next_token")
            if not data or not next_token:
                break
    return {"data": tweets, "includes": {"users": list(users.values())}}


def _x_username(username: str) -> str:
    text = username.strip()
    if text.startswith(("https://", "http://")):
        text = urlsplit(text).path.strip("/").split("/")[0]
    text = text.removeprefix("@")
    if _X_USERNAME.fullmatch(text):
        return text
    raise FetchError(
        _(
            "'{username}' is not an X username. Use the part after x.com/, "
            "at most 15 letters, digits or underscores, for example @brand."
        ).format(username=username)
    )


def _x_problem(body: dict[str, Any], target: _Target) -> FetchError:
    """X answers 200 with an ``errors`` list for unknown, suspended or protected accounts."""
    errors = body.get("errors") or [{}]
    first = errors[0] if isinstance(errors[0], dict) else {}
    kind = str(first.get("type", ""))
    detail = str(first.get("detail") or first.get("message") or "")
    if kind.endswith("/resource-not-found"):
        return FetchError(
            _(
                "No X account {account} was found ({reason}). "
                "Check the spelling: an X username is the part after x.com/."
            ).format(account=target.account, reason=detail or _("not found"))
        )
    if kind.endswith("/not-authorized-for-resource"):
        return FetchError(
            _(
                "X will not share the posts of {account}: the account is protected "
                "(only approved followers see it). Only public accounts can be pulled; ask the "
                "brand's team for an export instead."
            ).format(account=target.account)
        )
    return _unexpected(target, detail or _("the answer has no data"))


# --------------------------------------------------------------------------- fetch and load


def pull(platform: str, account: str, **kw: Any) -> LoadResult:
    """Fetch ``account`` from ``platform`` (``mastodon``, ``bluesky`` or ``x``) and load it.

    Keyword arguments go to the matching ``fetch_*`` function. The result is what the loader
    returns for a saved API dump named like ``mastodon-@brand@mastodon.social.json``.

    >>> pull("bluesky", "bsky.app", limit=20).posts.height  # doctest: +SKIP
    20
    """
    from data_sources.loader import load_bytes

    key = platform.strip().lower()
    payload: object
    if key == "mastodon":
        user, instance = _mastodon_handle(account, kw.get("base_url"))
        payload, label, fmt = fetch_mastodon(account, **kw), f"@{user}@{instance}", "mastodon_json"
    elif key == "bluesky":
        payload, label, fmt = fetch_bluesky(account, **kw), _bluesky_actor(account), "bluesky_json"
    elif key == "x":
        payload, label, fmt = fetch_x(account, **kw), f"@{_x_username(account)}", "x_api_v2_json"
    else:
        raise FetchError(
            _(
                "Cannot pull live posts from '{platform}'. Choose mastodon, bluesky or x, "
                "or upload an export from that platform instead."
            ).format(platform=platform)
        )
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return load_bytes(data, f"{key}-{label}.json", format=fmt)


# --------------------------------------------------------------------------- HTTP


@contextmanager
def _session(client: httpx.Client | None) -> Iterator[httpx.Client]:
    """Use the caller's client as is, or open (and close) one with our timeouts."""
    if client is not None:
        yield client
        return
    with httpx.Client(timeout=TIMEOUT, follow_redirects=True) as own:
        yield own


def _get(
    http: httpx.Client,
    url: str,
    params: dict[str, str | int],
    target: _Target,
    *,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """GET with retries on 429 and 5xx; any failure becomes a FetchError about ``target``."""
    request_headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    attempt = 0
    while True:
        try:
            response = http.get(url, params=params, headers=request_headers)
        except httpx.TimeoutException as err:
            raise FetchError(
                _(
                    "{platform} ({host}) did not answer in time while fetching {account}. "
                    "The server may be busy or your connection slow: try again in a few minutes."
                ).format(platform=target.platform, host=target.host, account=target.account)
            ) from err
        except (httpx.TransportError, httpx.InvalidURL) as err:
            raise FetchError(
                _(
                    "Could not connect to {platform} at {host} to fetch {account}. "
                    "Check the server name and your internet connection, then try again."
                ).format(platform=target.platform, host=target.host, account=target.account)
            ) from err
        retryable = response.status_code == 429 or response.status_code >= 500
        if not retryable or attempt >= MAX_RETRIES:
            break
        wait = _server_wait(response.headers)
        if wait is None:
            wait = BACKOFF_SECONDS * 2**attempt
        elif wait > MAX_WAIT_SECONDS:
            break
        sleep(wait)
        attempt += 1
    if response.is_error:
        raise _status_error(response, target)
    return response


def _json(response: httpx.Response, target: _Target) -> Any:
    try:
        return response.json()
    except ValueError as err:
        raise FetchError(
            _(
                "{platform} ({host}) sent back something that is not JSON while fetching {account} "
                "(perhaps a maintenance or login page). Try again later; if it keeps happening, "
                "check that {host} really is a {platform} server."
            ).format(platform=target.platform, host=target.host, account=target.account)
        ) from err


def _json_object(response: httpx.Response, target: _Target) -> dict[str, Any]:
    body = _json(response, target)
    if not isinstance(body, dict):
        raise _unexpected(target, _("the answer is not a JSON object"))
    return cast(dict[str, Any], body)


def _unexpected(target: _Target, what: str) -> FetchError:
    return FetchError(
        _(
            "{platform} ({host}) gave an unexpected answer while fetching {account}: {reason}. "
            "Try again later; if it keeps happening, upload an export from the platform instead."
        ).format(platform=target.platform, host=target.host, account=target.account, reason=what)
    )


def _status_error(response: httpx.Response, target: _Target) -> FetchError:
    """Word an HTTP error status as something a person can act on."""
    status = response.status_code
    platform, account = target.platform, target.account
    detail = _error_detail(response)
    if platform == "Bluesky" and status == 400 and "not found" in detail.lower():
        status = 404
    if status in (404, 410):
        not_found = {
            "Mastodon": _(
                "No Mastodon account {account} was found (HTTP {status}). "
                "Check the spelling and the server: a Mastodon handle looks like @name@server.social."
            ),
            "Bluesky": _(
                "No Bluesky account {account} was found (HTTP {status}). "
                "Check the spelling — a Bluesky handle looks like name.bsky.social or a domain."
            ),
            "X": _(
                "No X account {account} was found (HTTP {status}). "
                "Check the spelling — an X username is the part after x.com/."
            ),
        }[platform]
        return FetchError(not_found.format(account=account, status=response.status_code))
    if platform == "X" and status == 401:
        return FetchError(
            _(
                "X did not accept the bearer token while fetching {account} (HTTP 401). Check "
                "that X_BEARER_TOKEN holds your app's current Bearer Token from developer.x.com "
                "(Keys and tokens); generate a new one if it was revoked."
            ).format(account=account)
        )
    if platform == "X" and status == 403:
        return FetchError(
            _(
                "X refused to share the posts of {account} (HTTP 403). Your X API plan may not "
                "include reading other accounts' posts, or the account is protected. Check your "
                "plan at developer.x.com, or upload an X analytics export instead."
            ).format(account=account)
        )
    if status in (401, 403) or (platform == "Bluesky" and "block" in detail.lower()):
        return FetchError(
            _(
                "{platform} refused to share the posts of {account} (HTTP {status}): the account "
                "is private or blocked, or the server only answers signed-in apps. Only public "
                "accounts can be pulled; ask the brand's team for an export instead."
            ).format(platform=platform, account=account, status=status)
        )
    if status == 429:
        return FetchError(
            _(
                "{platform} is limiting how fast posts can be read (HTTP 429, too many requests) "
                "while fetching {account}. {retry}"
            ).format(platform=platform, account=account, retry=_when_to_retry(response.headers))
        )
    if status >= 500:
        return FetchError(
            _(
                "{platform} ({host}) had a problem on its side (HTTP {status}) while "
                "fetching {account}. This is usually temporary: try again in a few minutes."
            ).format(platform=platform, host=target.host, status=status, account=account)
        )
    said = f"HTTP {status}: {detail}" if detail else f"HTTP {status}"
    return FetchError(
        _(
            "{platform} rejected the request for {account} ({said}). Check the "
            "account name; if it is right, upload an export from the platform instead."
        ).format(platform=platform, account=account, said=said)
    )


def _error_detail(response: httpx.Response) -> str:
    """The error text in the body (Mastodon ``error``, Bluesky ``message``, X ``detail``)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    for key in ("message", "detail", "error_description", "error", "title"):
        if isinstance(body.get(key), str):
            return str(body[key])
    return ""


def _server_wait(headers: httpx.Headers) -> float | None:
    """Seconds the server asks us to wait, from ``Retry-After`` or a rate-limit reset header.

    X sends ``x-rate-limit-reset`` (epoch seconds), Mastodon ``X-RateLimit-Reset`` (ISO 8601),
    Bluesky ``ratelimit-reset`` (epoch seconds); ``Retry-After`` is seconds or an HTTP date.
    """
    now = datetime.now(UTC)
    for name in ("retry-after", "x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset"):
        value = headers.get(name)
        if value is None:
            continue
        when = _parse_when(value.strip(), now)
        if when is not None:
            return max(0.0, (when - now).total_seconds())
    return None


def _parse_when(value: str, now: datetime) -> datetime | None:
    try:
        number = float(value)
    except ValueError:
        pass
    else:
        # Large numbers are epoch timestamps, small ones a delay in seconds.
        if number > 1e9:
            return datetime.fromtimestamp(number, UTC)
        return now + timedelta(seconds=number)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _when_to_retry(headers: httpx.Headers) -> str:
    wait = _server_wait(headers)
    if wait is None:
        return _("Wait a few minutes, then try again.")
    at = (datetime.now(UTC) + timedelta(seconds=wait)).strftime("%H:%M UTC")
    if wait < 90:
        n = max(1, round(wait))
        return ngettext(
            "Try again in about {n} second (after {time}).", "Try again in about {n} seconds (after {time}).", n
        ).format(n=n, time=at)
    if wait < 90 * 60:
        n = round(wait / 60)
        return ngettext(
            "Try again in about {n} minute (after {time}).", "Try again in about {n} minutes (after {time}).", n
        ).format(n=n, time=at)
    n = round(wait / 3600)
    return ngettext(
        "Try again in about {n} hour (after {time}).", "Try again in about {n} hours (after {time}).", n
    ).format(n=n, time=at)


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _report(progress: Progress | None, fetched: int) -> None:
    if progress is not None:
        progress(fetched)

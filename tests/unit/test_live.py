"""Live pulls against a real local HTTP server that answers with recorded API responses."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from data_sources import live
from data_sources.errors import FetchError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "live"
ERRORS = json.loads((FIXTURES / "errors.json").read_text(encoding="utf-8"))

MASTODON_HANDLE = "@verdant@mastodon.social"
MASTODON_ID = "109318772540038117"
STATUSES = f"/api/v1/accounts/{MASTODON_ID}/statuses"
BLUESKY_ACTOR = "verdant-outfitters.com"
FEED = "/xrpc/app.bsky.feed.getAuthorFeed"
X_USER_ID = "1452987654321098752"
TWEETS = f"/2/users/{X_USER_ID}/tweets"
TOKEN = "AAAAAAAAAAAAAAAAAAAAAtest%2Btoken"


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the fake API


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class FakeApi:
    """Routes path + query to recorded responses; can fail, hang, and records every request."""

    def __init__(self) -> None:
        self.base_url = ""
        self.routes: list[tuple[str, dict[str, str], Reply]] = []
        self.failures: list[Reply] = []
        self.requests: list[Received] = []
        self.hanging = False
        self.release = threading.Event()
        self._lock = threading.Lock()

    def add(
        self,
        path: str,
        body: str | bytes,
        *,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        status: int = 200,
    ) -> None:
        """Answer ``path`` (when the request's query includes ``query``) with a fixture file."""
        data = body if isinstance(body, bytes) else (FIXTURES / body).read_bytes()
        content_type = {"Content-Type": "application/json; charset=utf-8"}
        reply = Reply(status, data, {**content_type, **(headers or {})})
        self.routes.append((path, query or {}, reply))

    def fail(self, status: int, body: object, *, headers: dict[str, str] | None = None, times: int = 1) -> None:
        """Answer the next ``times`` requests, whatever they ask, with this error."""
        data = json.dumps(body).encode()
        reply = Reply(status, data, {"Content-Type": "application/json", **(headers or {})})
        self.failures.extend([reply] * times)

    def params(self, path: str) -> list[dict[str, str]]:
        return [r.query for r in self.requests if r.path == path]

    def answer(self, path: str, query: dict[str, str]) -> Reply:
        with self._lock:
            if self.failures:
                return self.failures.pop(0)
        matches = [
            (len(want), reply) for route, want, reply in self.routes if route == path and want.items() <= query.items()
        ]
        if not matches:
            return Reply(404, json.dumps({"error": f"no recording for {path}"}).encode())
        return max(matches, key=lambda match: match[0])[1]

    def handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                headers = {k.lower(): v for k, v in self.headers.items()}
                api.requests.append(Received(parts.path, query, headers))
                if api.hanging:
                    api.release.wait(5)
                    return
                reply = api.answer(parts.path, query)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value.replace("{base}", api.base_url))
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def api() -> Iterator[FakeApi]:
    fake = FakeApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_port}"
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """No real waiting between retries; the waits asked for are recorded instead."""
    asked: list[float] = []
    monkeypatch.setattr(live, "BACKOFF_SECONDS", 0.0)
    monkeypatch.setattr(live, "sleep", asked.append)
    return asked


def mastodon_link(*, next_max_id: str | None, prev_min_id: str) -> str:
    prev = f'<{{base}}{STATUSES}?limit=40&min_id={prev_min_id}>; rel="prev"'
    if next_max_id is None:
        return prev
    return f'<{{base}}{STATUSES}?limit=40&max_id={next_max_id}>; rel="next", {prev}'


def mastodon_pages() -> list[list[dict[str, Any]]]:
    return [fixture(f"mastodon_statuses_page{n}.json") for n in (1, 2, 3)]


@pytest.fixture
def mastodon(api: FakeApi) -> FakeApi:
    """Three pages of statuses with the ``Link`` headers Mastodon sends."""
    api.add("/api/v1/accounts/lookup", "mastodon_account_lookup.json", query={"acct": "verdant"})
    p1, p2, p3 = mastodon_pages()
    api.add(
        STATUSES,
        "mastodon_statuses_page1.json",
        headers={"Link": mastodon_link(next_max_id=p1[-1]["id"], prev_min_id=p1[0]["id"])},
    )
    api.add(
        STATUSES,
        "mastodon_statuses_page2.json",
        query={"max_id": p1[-1]["id"]},
        headers={"Link": mastodon_link(next_max_id=p2[-1]["id"], prev_min_id=p2[0]["id"])},
    )
    api.add(
        STATUSES,
        "mastodon_statuses_page3.json",
        query={"max_id": p2[-1]["id"]},
        headers={"Link": mastodon_link(next_max_id=None, prev_min_id=p3[0]["id"])},
    )
    api.add(STATUSES, "mastodon_statuses_empty.json", query={"max_id": p3[-1]["id"]})
    return api


@pytest.fixture
def bluesky(api: FakeApi) -> FakeApi:
    first, second = fixture("bluesky_feed_page1.json"), fixture("bluesky_feed_page2.json")
    api.add(FEED, "bluesky_feed_page1.json", query={"actor": BLUESKY_ACTOR})
    for page, after in (("bluesky_feed_page2.json", first), ("bluesky_feed_page3.json", second)):
        api.add(FEED, page, query={"actor": BLUESKY_ACTOR, "cursor": after["cursor"]})
    return api


@pytest.fixture
def x(api: FakeApi) -> FakeApi:
    first, second = fixture("x_user_tweets_page1.json"), fixture("x_user_tweets_page2.json")
    api.add("/2/users/by/username/verdantoutfit", "x_user_by_username.json")
    api.add(TWEETS, "x_user_tweets_page1.json")
    api.add(
        TWEETS,
        "x_user_tweets_page2.json",
        query={"pagination_token": first["meta"]["next_token"]},
    )
    api.add(
        TWEETS,
        "x_user_tweets_page3.json",
        query={"pagination_token": second["meta"]["next_token"]},
    )
    return api


def pull_mastodon(api: FakeApi, **kw: Any) -> Any:
    return live.fetch_mastodon(MASTODON_HANDLE, base_url=api.base_url, **kw)


def pull_bluesky(api: FakeApi, **kw: Any) -> Any:
    return live.fetch_bluesky(BLUESKY_ACTOR, base_url=api.base_url, **kw)


def pull_x(api: FakeApi, **kw: Any) -> Any:
    return live.fetch_x("verdantoutfit", bearer_token=TOKEN, base_url=api.base_url, **kw)


#: platform -> (fetch, name in messages, account in messages)
PLATFORMS: dict[str, tuple[Callable[..., Any], str, str]] = {
    "mastodon": (pull_mastodon, "Mastodon", MASTODON_HANDLE),
    "bluesky": (pull_bluesky, "Bluesky", "@verdant-outfitters.com"),
    "x": (pull_x, "X", "@verdantoutfit"),
}


# --------------------------------------------------------------------------- Mastodon


def test_mastodon_follows_link_pages_until_there_is_no_next(mastodon: FakeApi) -> None:
    statuses = pull_mastodon(mastodon)

    expected = [s["id"] for page in mastodon_pages() for s in page]
    assert [s["id"] for s in statuses] == expected
    assert mastodon.params("/api/v1/accounts/lookup") == [{"acct": "verdant"}]
    p1, p2, _ = mastodon_pages()
    assert mastodon.params(STATUSES) == [
        {"limit": "40"},
        {"limit": "40", "max_id": p1[-1]["id"]},
        {"limit": "40", "max_id": p2[-1]["id"]},
    ]
    assert all("followthrough" in r.headers["user-agent"] for r in mastodon.requests)


def test_mastodon_keeps_the_raw_status_shape(mastodon: FakeApi) -> None:
    statuses = pull_mastodon(mastodon)

    boost = next(s for s in statuses if s["reblog"] is not None)
    assert boost["content"] == ""
    assert boost["reblog"]["account"]["acct"] == "climatewatch@climate.social"
    reply = next(s for s in statuses if s["in_reply_to_id"] is not None)
    assert reply["language"] == "es"
    assert reply["content"].startswith('<p><span class="h-card"')
    assert {s["language"] for s in statuses} >= {"en", "de", "fr", "es"}


def test_mastodon_without_link_header_pages_by_last_id_until_empty(api: FakeApi) -> None:
    p1, p2, p3 = mastodon_pages()
    api.add("/api/v1/accounts/lookup", "mastodon_account_lookup.json")
    api.add(STATUSES, "mastodon_statuses_page1.json")
    api.add(STATUSES, "mastodon_statuses_page2.json", query={"max_id": p1[-1]["id"]})
    api.add(STATUSES, "mastodon_statuses_page3.json", query={"max_id": p2[-1]["id"]})
    api.add(STATUSES, "mastodon_statuses_empty.json", query={"max_id": p3[-1]["id"]})

    statuses = pull_mastodon(api)

    assert len(statuses) == 7
    assert [q.get("max_id") for q in api.params(STATUSES)] == [
        None,
        p1[-1]["id"],
        p2[-1]["id"],
        p3[-1]["id"],
    ]


def test_mastodon_stops_at_limit_and_asks_only_for_what_is_missing(mastodon: FakeApi) -> None:
    statuses = pull_mastodon(mastodon, limit=4)

    p1, p2, _ = mastodon_pages()
    assert [s["id"] for s in statuses] == [s["id"] for s in p1] + [p2[0]["id"]]
    assert mastodon.params(STATUSES) == [
        {"limit": "4"},
        {"limit": "1", "max_id": p1[-1]["id"]},
    ]


def test_mastodon_reports_progress_after_each_page(mastodon: FakeApi) -> None:
    seen: list[int] = []
    pull_mastodon(mastodon, progress=seen.append)
    assert seen == [3, 6, 7]


@pytest.mark.parametrize(
    "handle",
    ["@verdant@mastodon.social", "verdant@mastodon.social", "https://mastodon.social/@verdant"],
)
def test_mastodon_accepts_handle_spellings(mastodon: FakeApi, handle: str) -> None:
    statuses = live.fetch_mastodon(handle, base_url=mastodon.base_url, limit=3)
    assert len(statuses) == 3
    assert mastodon.params("/api/v1/accounts/lookup") == [{"acct": "verdant"}]


def test_mastodon_handle_without_server_is_refused_before_any_request(api: FakeApi) -> None:
    with pytest.raises(FetchError, match=r"@verdant.*no server.*@name@server"):
        live.fetch_mastodon("@verdant")
    assert api.requests == []


def test_mastodon_server_that_requires_sign_in(api: FakeApi) -> None:
    api.fail(401, ERRORS["mastodon"]["401"])
    with pytest.raises(FetchError, match="signed-in apps") as caught:
        pull_mastodon(api)
    assert MASTODON_HANDLE in str(caught.value)


# --------------------------------------------------------------------------- Bluesky


def test_bluesky_follows_cursor_until_none(bluesky: FakeApi) -> None:
    result = pull_bluesky(bluesky)

    pages = [fixture(f"bluesky_feed_page{n}.json") for n in (1, 2, 3)]
    assert list(result) == ["feed"]
    assert result["feed"] == [item for page in pages for item in page["feed"]]
    assert bluesky.params(FEED) == [
        {"actor": BLUESKY_ACTOR, "limit": "100"},
        {"actor": BLUESKY_ACTOR, "limit": "100", "cursor": pages[0]["cursor"]},
        {"actor": BLUESKY_ACTOR, "limit": "100", "cursor": pages[1]["cursor"]},
    ]


def test_bluesky_keeps_reposts_and_replies(bluesky: FakeApi) -> None:
    feed = pull_bluesky(bluesky)["feed"]

    reasons = [item["reason"]["$type"] for item in feed if "reason" in item]
    assert reasons == ["app.bsky.feed.defs#reasonRepost"]
    assert sum("reply" in item for item in feed) == 1
    assert {lang for item in feed for lang in item["post"]["record"]["langs"]} == {
        "en",
        "ja",
        "pt",
        "de",
    }


def test_bluesky_stops_at_limit(bluesky: FakeApi) -> None:
    seen: list[int] = []
    feed = pull_bluesky(bluesky, limit=4, progress=seen.append)["feed"]

    assert len(feed) == 4
    assert [q["limit"] for q in bluesky.params(FEED)] == ["4", "1"]
    assert seen == [3, 4]


@pytest.mark.parametrize("actor", ["@verdant-outfitters.com", "https://bsky.app/profile/verdant-outfitters.com"])
def test_bluesky_accepts_handle_spellings(bluesky: FakeApi, actor: str) -> None:
    live.fetch_bluesky(actor, base_url=bluesky.base_url, limit=1)
    assert bluesky.params(FEED)[0]["actor"] == BLUESKY_ACTOR


def test_bluesky_profile_not_found_is_an_unknown_account(api: FakeApi) -> None:
    api.fail(400, ERRORS["bluesky"]["400_not_found"])
    with pytest.raises(FetchError, match=r"No Bluesky account @verdant-outfitters\.com.*spelling"):
        pull_bluesky(api)


def test_bluesky_blocked_actor_says_the_posts_are_not_shared(api: FakeApi) -> None:
    api.fail(400, ERRORS["bluesky"]["400_blocked"])
    with pytest.raises(FetchError, match="refused to share.*export"):
        pull_bluesky(api)


def test_bluesky_answer_without_feed_is_reported(api: FakeApi) -> None:
    api.add(FEED, b'{"posts": []}')
    with pytest.raises(FetchError, match="unexpected answer.*no feed"):
        pull_bluesky(api)


# --------------------------------------------------------------------------- X


def test_x_follows_next_token_with_fields_and_bearer_token(x: FakeApi) -> None:
    result = pull_x(x)

    pages = [fixture(f"x_user_tweets_page{n}.json") for n in (1, 2, 3)]
    assert [t["id"] for t in result["data"]] == [t["id"] for p in pages for t in p["data"]]
    assert result["includes"] == {"users": [fixture("x_user_by_username.json")["data"]]}
    assert [r.path for r in x.requests] == ["/2/users/by/username/verdantoutfit"] + [TWEETS] * 3
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in x.requests)
    queries = x.params(TWEETS)
    assert [q.get("pagination_token") for q in queries] == [
        None,
        pages[0]["meta"]["next_token"],
        pages[1]["meta"]["next_token"],
    ]
    for query in queries:
        assert query["max_results"] == "100"
        assert query["expansions"] == "author_id"
        assert query["tweet.fields"].split(",") == [
            "created_at",
            "lang",
            "public_metrics",
            "referenced_tweets",
            "in_reply_to_user_id",
        ]


def test_x_stops_at_limit_asking_at_least_five(x: FakeApi) -> None:
    seen: list[int] = []
    result = pull_x(x, limit=4, progress=seen.append)

    assert len(result["data"]) == 4
    assert [q["max_results"] for q in x.params(TWEETS)] == ["5", "5"]
    assert seen == [3, 4]


def test_x_stops_on_an_empty_page(api: FakeApi) -> None:
    api.add("/2/users/by/username/verdantoutfit", "x_user_by_username.json")
    api.add(
        TWEETS,
        json.dumps({**fixture("x_user_tweets_page3.json"), "meta": {"next_token": "t2"}}).encode(),
    )
    api.add(TWEETS, "x_user_tweets_empty.json", query={"pagination_token": "t2"})

    assert len(pull_x(api)["data"]) == 1
    assert len(api.params(TWEETS)) == 2


def test_x_token_comes_from_the_environment(x: FakeApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_BEARER_TOKEN", "from-env")
    live.fetch_x("@verdantoutfit", base_url=x.base_url, limit=1)
    assert {r.headers["authorization"] for r in x.requests} == {"Bearer from-env"}


def test_x_without_token_explains_how_to_set_one(api: FakeApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("X_BEARER_TOKEN", raising=False)
    with pytest.raises(FetchError, match=r"@verdantoutfit.*X_BEARER_TOKEN"):
        live.fetch_x("verdantoutfit", base_url=api.base_url)
    assert api.requests == []


def test_x_unknown_user_answered_with_200_and_errors(api: FakeApi) -> None:
    api.add(
        "/2/users/by/username/nosuchbrand",
        json.dumps(ERRORS["x"]["user_not_found"]).encode(),
    )
    with pytest.raises(FetchError, match=r"No X account @nosuchbrand was found.*spelling"):
        live.fetch_x("nosuchbrand", bearer_token=TOKEN, base_url=api.base_url)


def test_x_protected_account(api: FakeApi) -> None:
    api.add("/2/users/by/username/verdantoutfit", "x_user_by_username.json")
    api.add(TWEETS, json.dumps(ERRORS["x"]["tweets_protected"]).encode())
    with pytest.raises(FetchError, match=r"@verdantoutfit.*protected.*export"):
        pull_x(api)


def test_x_rejected_token_is_named_and_not_shown(api: FakeApi) -> None:
    api.fail(401, ERRORS["x"]["401"])
    with pytest.raises(FetchError, match=r"bearer token.*@verdantoutfit.*X_BEARER_TOKEN") as err:
        pull_x(api)
    assert TOKEN not in str(err.value)


@pytest.mark.parametrize("username", ["verdant outfitters", "a_name_far_too_long_for_x"])
def test_x_invalid_username_is_refused_before_any_request(api: FakeApi, username: str) -> None:
    with pytest.raises(FetchError, match="not an X username"):
        live.fetch_x(username, bearer_token=TOKEN, base_url=api.base_url)
    assert api.requests == []


# --------------------------------------------------------------------------- errors, every platform


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize(
    ("status", "advice"),
    [
        (404, "check the spelling"),
        (403, "export"),
        (500, "try again in a few minutes"),
    ],
)
def test_error_status_names_platform_account_and_what_to_do(
    api: FakeApi, platform: str, status: int, advice: str
) -> None:
    fetch, name, account = PLATFORMS[platform]
    api.fail(status, ERRORS[platform][str(status)], times=live.MAX_RETRIES + 1)

    with pytest.raises(FetchError) as caught:
        fetch(api)

    message = str(caught.value)
    assert name in message
    assert account in message
    assert f"HTTP {status}" in message
    assert advice in message.lower()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_server_errors_are_retried_a_bounded_number_of_times(api: FakeApi, platform: str, waits: list[float]) -> None:
    fetch, _, _ = PLATFORMS[platform]
    api.fail(500, ERRORS[platform]["500"], times=10)

    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(api)

    assert len(api.requests) == live.MAX_RETRIES + 1
    assert waits == [0.0] * live.MAX_RETRIES


@pytest.mark.parametrize("platform", PLATFORMS)
def test_long_rate_limit_is_reported_with_when_to_retry(api: FakeApi, platform: str) -> None:
    fetch, name, account = PLATFORMS[platform]
    api.fail(429, ERRORS[platform]["429"], headers={"Retry-After": "900"})

    with pytest.raises(FetchError) as caught:
        fetch(api)

    message = str(caught.value)
    assert name in message and account in message
    assert "Try again in about 15 minutes" in message
    assert len(api.requests) == 1


def test_rate_limit_then_success_retries_after_the_asked_delay(bluesky: FakeApi, waits: list[float]) -> None:
    bluesky.fail(429, ERRORS["bluesky"]["429"], headers={"Retry-After": "2"})

    feed = pull_bluesky(bluesky)["feed"]

    assert len(feed) == 6
    assert waits == [2.0]
    assert bluesky.params(FEED)[:2] == [{"actor": BLUESKY_ACTOR, "limit": "100"}] * 2


def test_x_rate_limit_reset_header_decides_the_wait(x: FakeApi, waits: list[float]) -> None:
    x.fail(429, ERRORS["x"]["429"], headers={"x-rate-limit-reset": str(int(time.time()) + 5)})

    assert len(pull_x(x)["data"]) == 7
    assert len(waits) == 1 and 3 <= waits[0] <= 5


def test_x_rate_limit_reset_far_away_is_reported(api: FakeApi) -> None:
    reset = int(time.time()) + 15 * 60 + 20
    api.fail(429, ERRORS["x"]["429"], headers={"x-rate-limit-reset": str(reset)})
    with pytest.raises(FetchError, match=r"@verdantoutfit.*Try again in about 15 minutes"):
        pull_x(api)


def test_mastodon_rate_limit_reset_is_an_iso_timestamp(api: FakeApi) -> None:
    reset = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 2 * 3600 + 60))
    api.fail(429, ERRORS["mastodon"]["429"], headers={"X-RateLimit-Reset": reset})
    with pytest.raises(FetchError, match="Try again in about 2 hours"):
        pull_mastodon(api)


def test_unavailable_then_success(x: FakeApi, waits: list[float]) -> None:
    x.fail(503, ERRORS["x"]["503"])
    assert len(pull_x(x)["data"]) == 7
    assert waits == [0.0]


def test_timeout_becomes_fetch_error(api: FakeApi) -> None:
    api.hanging = True
    with (
        httpx.Client(timeout=0.2) as client,
        pytest.raises(FetchError, match=r"Bluesky.*did not answer in time.*try again") as caught,
    ):
        pull_bluesky(api, client=client)
    assert "@verdant-outfitters.com" in str(caught.value)


def test_connection_refused_becomes_fetch_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=r"Could not connect to Mastodon.*internet connection"):
        live.fetch_mastodon(MASTODON_HANDLE, base_url=f"http://127.0.0.1:{port}")


def test_html_instead_of_json_becomes_fetch_error(api: FakeApi) -> None:
    api.add(
        "/api/v1/accounts/lookup",
        b"<!DOCTYPE html><html><body>We'll be back soon</body></html>",
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(FetchError, match=r"not JSON.*@verdant@mastodon\.social.*Try again"):
        pull_mastodon(api)


def test_a_given_client_still_sends_our_user_agent(mastodon: FakeApi) -> None:
    with httpx.Client(timeout=5) as client:
        pull_mastodon(mastodon, client=client, limit=1)
    assert {r.headers["user-agent"] for r in mastodon.requests} == {live.USER_AGENT}


def test_default_base_urls_are_the_public_apis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_BEARER_TOKEN", TOKEN)
    asked: list[httpx.URL] = []

    def not_found(request: httpx.Request) -> httpx.Response:
        asked.append(request.url)
        return httpx.Response(404, json={"error": "Record not found"})

    with httpx.Client(transport=httpx.MockTransport(not_found)) as client:
        for fetch, handle in [
            (live.fetch_mastodon, "brand@mastodon.example"),
            (live.fetch_bluesky, "brand.bsky.social"),
            (live.fetch_x, "brand"),
        ]:
            with pytest.raises(FetchError, match="No .* account"):
                fetch(handle, client=client)

    assert [f"{u.scheme}://{u.host}{u.path}" for u in asked] == [
        "https://mastodon.example/api/v1/accounts/lookup",
        "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed",
        "https://api.x.com/2/users/by/username/brand",
    ]

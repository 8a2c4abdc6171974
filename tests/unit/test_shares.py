"""Share links: tokens stored only as hashes, expiry, revocation, workspace isolation,
snapshot against live, and the slow-down of repeated wrong tokens."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from data_sources.errors import FollowthroughError
from data_sources.loader import LoadReport
from data_sources.shares import (
    ShareError,
    Throttle,
    list_shares,
    load_snapshot,
    resolve_share,
    revoke_share,
    share_url,
)
from data_sources.workspace import Workspace
from metrics.consistency import Filters
from metrics.sharing import share_workspace, shared_view

#: Every test here runs with records in SQLite and on a PostgreSQL server.
pytestmark = pytest.mark.usefixtures("records_backend")


def posts(brand: str, texts: list[str], start: date = date(2025, 1, 6), prefix: str = "p") -> pl.DataFrame:
    return S.conform(
        pl.DataFrame(
            {
                S.POST_ID: [f"{prefix}{i}" for i in range(len(texts))],
                S.PLATFORM: "x",
                S.BRAND: brand,
                S.PUBLISHED_AT: [datetime(start.year, start.month, start.day, 12, tzinfo=UTC) + timedelta(days=7 * i)
                                 for i in range(len(texts))],
                S.TEXT: texts,
                S.LANG: "en",
            }
        )
    )  # fmt: skip


STANCE = "We stand with the Black community. Racism has no place here. #BlackLivesMatter"
UPDATE = "Update on our pledge: 12% of our suppliers are now Black-owned, up from 4% in 2023. Full report: acme.com/esg"
PROMO = "New spring menu is here! Order today and get 20% off with code SPRING 🌸"


def workspace(root: Path, name: str, brand: str, texts: list[str]) -> Workspace:
    ws = Workspace.open(root, name)
    frame = posts(brand, texts)
    ws.add_dataset(frame, LoadReport(file=f"{name}.csv", format="generic", format_label="Generic",
                                     rows_read=frame.height, rows_loaded=frame.height))  # fmt: skip
    return ws


@pytest.fixture
def acme(tmp_path: Path) -> Workspace:
    return workspace(tmp_path, "Acme", "Acme", [STANCE, PROMO, UPDATE, PROMO + " now", STANCE + " Always."])


def test_the_token_is_256_bits_and_only_its_hash_is_stored(acme: Workspace, classifier: Any) -> None:
    share, token = share_workspace(acme, classifier, label="Board")
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # 32 random bytes, URL-safe
    raw = b"".join(p.read_bytes() for p in acme.root.rglob("*") if p.is_file())
    assert token.encode() not in raw
    assert share_url(token, "https://ft.example.com/").endswith(f"/leadership?share={token}")
    listed = list_shares(acme)
    assert [(s.id, s.label, s.live, s.opens) for s in listed] == [(share.id, "Board", False, 0)]


def test_a_link_opens_its_own_workspace_and_records_the_visit(tmp_path: Path, acme: Workspace, classifier: Any) -> None:
    other = workspace(tmp_path, "Borealis", "Borealis", [STANCE, PROMO])
    _, token_a = share_workspace(acme, classifier)
    _, token_b = share_workspace(other, classifier)
    ws, share = resolve_share(tmp_path, token_a)
    assert ws.slug == "acme"
    view = shared_view(ws, share, None)
    assert view is not None and view.brand == "Acme" and view.brands == ("Acme",)
    ws_b, share_b = resolve_share(tmp_path, token_b)
    assert ws_b.slug == "borealis" and shared_view(ws_b, share_b, None).brand == "Borealis"  # type: ignore[union-attr]
    again = list_shares(acme)[0]
    assert again.opens == 1 and again.last_opened_at is not None


@pytest.mark.parametrize("token", ["", "nope", "x" * 43, "A" * 42 + "=", "../" * 15, None])
def test_wrong_tokens_say_only_that_the_link_does_not_work(acme: Workspace, token: str | None) -> None:
    with pytest.raises(ShareError) as err:
        resolve_share(acme.root.parent.parent, token)
    assert err.value.reason == "invalid"
    assert "does not work" in str(err.value)


def test_expired_and_revoked_links_open_nothing(acme: Workspace, classifier: Any) -> None:
    root = acme.root.parent.parent
    share, token = share_workspace(acme, classifier, expires_days=1)
    later = datetime.now(UTC) + timedelta(days=2)
    with pytest.raises(ShareError) as err:
        resolve_share(root, token, now=later)
    assert err.value.reason == "expired" and "expired" in str(err.value)
    assert list_shares(acme, now=later) == []
    assert [s.state(later) for s in list_shares(acme, include_inactive=True, now=later)] == ["expired"]

    revoked, token2 = share_workspace(acme, classifier)
    assert (acme.root / "shares" / revoked.id / "posts.parquet").exists()
    revoke_share(acme, revoked.id)
    with pytest.raises(ShareError) as err:
        resolve_share(root, token2)
    assert err.value.reason == "revoked"
    assert not (acme.root / "shares" / revoked.id).exists()  # the frozen data goes with it
    with pytest.raises(FollowthroughError, match="no share link"):
        revoke_share(acme, "doesnotexist")


def test_links_survive_reopening_the_data_directory(acme: Workspace, classifier: Any) -> None:
    share, token = share_workspace(acme, classifier)
    root = acme.root.parent.parent
    del acme
    ws, found = resolve_share(Path(str(root)), token)  # a fresh process sees the same files
    assert found.id == share.id and shared_view(ws, found, None) is not None


def test_a_snapshot_does_not_move_when_data_arrives_but_a_live_link_does(acme: Workspace, classifier: Any) -> None:
    root = acme.root.parent.parent
    _, snap_token = share_workspace(acme, classifier, as_of=date(2025, 3, 1))
    _, live_token = share_workspace(acme, classifier, live=True)
    before_snap = shared_view(*resolve_share(root, snap_token), None)
    before_live = shared_view(*resolve_share(root, live_token), classifier)
    assert before_snap is not None and before_live is not None
    assert before_snap.posts == before_live.posts == 5

    more = posts("Acme", [UPDATE + " Q2", UPDATE + " Q3", PROMO + "!"], start=date(2025, 6, 2), prefix="q")
    acme.add_dataset(more, LoadReport(file="more.csv", format="generic", format_label="Generic",
                                      rows_read=3, rows_loaded=3))  # fmt: skip
    after_snap = shared_view(*resolve_share(root, snap_token), None)
    after_live = shared_view(*resolve_share(root, live_token), classifier)
    assert after_snap is not None and after_live is not None
    assert (after_snap.posts, after_snap.score, after_snap.as_of) == (
        before_snap.posts, before_snap.score, date(2025, 3, 1))  # fmt: skip
    assert after_snap.summary == before_snap.summary
    assert after_live.posts == 8
    assert after_live.mix["commitment_update"] > before_live.mix["commitment_update"]


def test_a_snapshot_keeps_the_creators_filters(tmp_path: Path, classifier: Any) -> None:
    ws = workspace(tmp_path, "Two", "Acme", [STANCE, PROMO, UPDATE])
    other = posts("Borealis", [PROMO, STANCE], prefix="b")
    ws.add_dataset(other, LoadReport(file="b.csv", format="generic", format_label="Generic", rows_read=2,
                                     rows_loaded=2))  # fmt: skip
    share, token = share_workspace(ws, classifier, filters=Filters(brands=("Borealis",)), brand="Borealis")
    snap = load_snapshot(ws, share)
    assert set(snap.posts[S.BRAND].to_list()) == {"Borealis"}  # nothing outside the view is copied
    view = shared_view(*resolve_share(tmp_path, token), None)
    assert view is not None and view.brand == "Borealis" and view.posts == 2


def test_expiry_must_be_sensible(acme: Workspace, classifier: Any) -> None:
    for days in (0, -3, 100_000):
        with pytest.raises(FollowthroughError, match="1 to"):
            share_workspace(acme, classifier, expires_days=days)


def test_repeated_wrong_tokens_are_slowed_down() -> None:
    throttle = Throttle(free=3, base=0.5, cap=4.0, window=60)
    delays = []
    for i in range(8):
        delays.append(throttle.delay("1.2.3.4", now=100.0 + i))
        throttle.failed("1.2.3.4", now=100.0 + i)
    assert delays == [0.0, 0.0, 0.0, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert throttle.delay("5.6.7.8", now=110.0) == 0.0  # other clients are not punished
    assert throttle.delay("1.2.3.4", now=100.0 + 7 + 61) == 0.0  # failures age out
    throttle.failed("9.9.9.9", now=1.0)
    throttle.succeeded("9.9.9.9")
    assert throttle.delay("9.9.9.9", now=2.0) == 0.0

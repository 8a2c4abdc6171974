"""Every metric on small cases whose answers are worked out by hand in the test."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import polars as pl
import pytest

from data_sources import schema as S
from metrics.commitments import link_posts, make_commitments, suggest_commitments
from metrics.consistency import (
    Filters,
    _cadence_component,
    _recency_component,
    accountability_score,
    apply_filters,
    audience_response,
    brand_summary,
    cause_marketing,
    cheap_talk,
    commitment_scores,
    commitment_status,
    content_mix,
    event_aligned,
    follow_through,
    say_do_ratio,
    specific_share,
    spikes_and_silence,
)

D0 = datetime(2024, 1, 1, 12, tzinfo=UTC)


def post(pid: str, day: int | datetime, kind: str, *, brand: str = "A", topics: list[str] | None = None,
         specific: bool | None = None, text: str = "", engagements: int | None = None,
         impressions: int | None = None, platform: str = "x", lang: str = "en") -> dict[str, Any]:  # fmt: skip
    when = day if isinstance(day, datetime) else D0 + timedelta(days=day)
    return {
        S.POST_ID: pid, S.BRAND: brand, S.PLATFORM: platform, S.PUBLISHED_AT: when, S.TEXT: text or f"post {pid}",
        S.LANG: lang, S.TYPE: kind, "topics": topics or [], "specific": specific,
        S.ENGAGEMENTS: engagements, S.IMPRESSIONS: impressions,
    }  # fmt: skip


def frame(*rows: dict[str, Any]) -> pl.DataFrame:
    base = S.conform(pl.DataFrame([{k: v for k, v in r.items() if k not in ("topics", "specific")} for r in rows]))
    return base.with_columns(
        pl.Series("topics", [r["topics"] for r in rows], dtype=pl.List(pl.String)),
        pl.Series("specific", [r["specific"] for r in rows], dtype=pl.Boolean),
    )


EMPTY = frame(post("x", 0, "other")).clear()


def commitment(cid: str = "c1", *, brand: str = "A", topics: tuple[str, ...] = ("climate_environment",),
               keywords: tuple[str, ...] = (), announced: str = "2024-01-01", cadence: int = 90,
               met: bool = False) -> dict[str, Any]:  # fmt: skip
    return {"id": cid, "brand": brand, "title": f"Commitment {cid}", "topics": list(topics),
            "keywords": list(keywords), "announced_on": announced, "cadence_days": cadence, "met": met}  # fmt: skip


# --------------------------------------------------------------------------- mix and ratio


def test_content_mix_counts_and_shares_per_month() -> None:
    posts = frame(post("1", 0, "stance"), post("2", 5, "other"), post("3", 40, "promotional"))
    mix = content_mix(posts).select("period", S.TYPE, "posts", "share").rows()
    assert mix == [
        (date(2024, 1, 1), "other", 1, 0.5),
        (date(2024, 1, 1), "stance", 1, 0.5),
        (date(2024, 2, 1), "promotional", 1, 1.0),
    ]


def test_a_post_just_before_midnight_elsewhere_counts_on_its_utc_day() -> None:
    new_york_evening = datetime(2024, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # 04:30 UTC on 1 April
    posts = frame(post("1", new_york_evening, "stance"))
    assert content_mix(posts)["period"].to_list() == [date(2024, 4, 1)]
    assert apply_filters(posts, Filters(start=date(2024, 4, 1), end=date(2024, 4, 1))).height == 1
    assert apply_filters(posts, Filters(end=date(2024, 3, 31))).height == 0


def test_say_do_ratio() -> None:
    posts = frame(
        *[post(str(i), i, "stance") for i in range(4)],
        post("u1", 9, "commitment_update"),
        post("u2", 9, "commitment_update"),
    )
    assert say_do_ratio(posts) == 2 / 4
    assert say_do_ratio(frame(post("1", 0, "promotional"))) is None
    assert say_do_ratio(EMPTY) is None


# --------------------------------------------------------------------------- follow-through


def linked_case() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    clim = ["climate_environment"]
    posts = frame(
        post("u0", -10, "commitment_update", topics=clim),  # before every stance: never counts
        post("s1", 0, "stance", topics=clim),  # followed by u1 after 20 days
        post("u1", 20, "commitment_update", topics=clim),
        post("s2", 60, "stance", topics=clim),  # never followed
        post("s3", 500, "stance", topics=clim),  # 12 days before as_of: too young to judge at 30 days
    )
    commitments = make_commitments([commitment()])
    return posts, commitments, link_posts(posts, commitments)


def test_follow_through_counts_later_updates_on_the_same_commitment_within_each_window() -> None:
    posts, _, links = linked_case()
    as_of = (D0 + timedelta(days=512)).date()
    # s1: yes within 30 (20 days); s2: no; s3: 12 days old, left out of every window.
    assert follow_through(posts, links, as_of=as_of) == {"30": 0.5, "90": 0.5, "180": 0.5, "365": 0.5}


def test_follow_through_is_none_without_linked_stances() -> None:
    assert follow_through(EMPTY, link_posts(EMPTY, make_commitments([commitment()])), as_of=date(2024, 6, 1)) == {
        "30": None, "90": None, "180": None, "365": None,
    }  # fmt: skip


# --------------------------------------------------------------------------- cadence and status


def test_commitment_status_cadence_and_silences() -> None:
    posts = frame(
        post("s", 0, "stance", topics=["climate_environment"]),
        post("u1", 31, "commitment_update", topics=["climate_environment"]),  # 2024-02-01
        post("u2", 213, "commitment_update", topics=["climate_environment"]),  # 2024-08-01
        post("old", 0, "commitment_update", brand="B", topics=["education"]),  # 2024-01-01
    )
    commitments = make_commitments(
        [
            commitment("on"),
            commitment("silent", topics=("lgbtq",)),
            commitment("late", brand="B", topics=("education",), cadence=60),
            commitment("done", brand="B", topics=("education",), met=True),
        ]
    )
    as_of = date(2024, 9, 1)
    status = {
        r["id"]: r
        for r in commitment_status(posts, commitments, link_posts(posts, commitments), as_of=as_of).iter_rows(
            named=True
        )
    }
    on = status["on"]
    assert (on["stance_posts"], on["updates"], on["last_update"]) == (1, 2, date(2024, 8, 1))
    assert on["days_since_last_update"] == 31  # 1 Aug to 1 Sep
    assert on["longest_silence_days"] == 182  # 1 Feb to 1 Aug; the others are 31 and 31
    assert on["status"] == "on_track"
    assert (status["silent"]["status"], status["silent"]["days_since_last_update"]) == ("no_updates", 244)
    assert (status["late"]["status"], status["late"]["days_since_last_update"]) == ("overdue", 244)
    assert status["done"]["status"] == "met"


def test_score_components_by_hand() -> None:
    assert _cadence_component(90, 90) == 1.0
    assert _cadence_component(180, 90) == pytest.approx(1 - 90 / 270)
    assert _cadence_component(400, 90) == 0.0
    assert _cadence_component(None, 90) == 0.0
    assert _recency_component(30) == 1.0
    assert _recency_component(227.5) == pytest.approx(0.5)
    assert accountability_score({"cadence": 1.0, "follow_through": 0.5, "specificity": 0.0, "recency": 1.0}) == 65.0
    # missing components are left out and the weights renormalised: (0.3 + 0.15 + 0.2) / 0.8
    assert accountability_score({"cadence": 1.0, "follow_through": 0.5, "specificity": None, "recency": 1.0}) == 81.2
    assert accountability_score({"cadence": None, "follow_through": None, "specificity": None, "recency": None}) is None


def test_commitment_scores_by_hand() -> None:
    posts, commitments, links = linked_case()
    as_of = (D0 + timedelta(days=512)).date()
    scored = commitment_scores(
        commitment_status(posts, commitments, links, as_of=as_of), posts, links, as_of=as_of
    ).row(0, named=True)
    # last update u1 on day 20: 492 days ago, cadence 90 -> cadence 0 and recency 0;
    # follow-through at 90 days: s1 yes, s2 no (s3 too young) -> 0.5; specificity unknown.
    assert (scored["component_cadence"], scored["component_recency"], scored["component_follow_through"]) == (
        0.0,
        0.0,
        0.5,
    )
    assert scored["component_specificity"] is None
    assert scored["accountability_score"] == pytest.approx(
        100 * 0.3 * 0.5 / 0.8, abs=0.06
    )  # 18.75, shown to one decimal


# --------------------------------------------------------------------------- spikes


def test_spike_then_silence_is_flagged_and_a_followed_spike_is_not() -> None:
    quiet = [post(f"q{i}", 7 * i, "other") for i in range(40)]
    burst = [post(f"b{i}", 70 + i, "stance") for i in range(5)]  # week of 2024-03-11 (Monday)
    followed_brand = (
        [post(f"B{i}", 7 * i, "other", brand="B") for i in range(40)]
        + [post(f"Bs{i}", 70 + i, "stance", brand="B") for i in range(5)]
        + [post("Bu", 100, "commitment_update", brand="B")]
    )
    posts = frame(*quiet, *burst, *followed_brand)
    flagged = spikes_and_silence(posts, as_of=date(2025, 1, 1)).select(S.BRAND, "week", "stances", "silent").rows()
    assert flagged == [("A", date(2024, 3, 11), 5, True), ("B", date(2024, 3, 11), 5, False)]
    open_window = spikes_and_silence(posts, as_of=date(2024, 4, 1))
    assert open_window.filter(pl.col(S.BRAND) == "A")["silent"].to_list() == [None]


def test_no_spike_without_enough_stances() -> None:
    posts = frame(*[post(f"q{i}", 7 * i, "other") for i in range(10)], post("s", 3, "stance"))
    assert spikes_and_silence(posts, as_of=date(2025, 1, 1)).is_empty()
    assert spikes_and_silence(EMPTY).is_empty()


# --------------------------------------------------------------------------- specificity, cause marketing


def test_specific_share_and_cheap_talk() -> None:
    posts = frame(
        post("s1", 0, "stance", topics=["health"], specific=False),  # followed by u1 on its topic
        post("u1", 30, "commitment_update", topics=["health"], specific=True),
        post("s2", 10, "stance", topics=["education"], specific=False),  # never followed: cheap talk
        post("s3", 10, "stance", topics=["education"], specific=True),  # specific: not cheap talk
        post("p", 10, "promotional", topics=["health"]),
    )
    assert specific_share(posts) == pytest.approx(2 / 4)
    assert cheap_talk(posts, link_posts(posts, make_commitments([])))[S.POST_ID].to_list() == ["s2"]
    assert specific_share(frame(post("o", 0, "other"))) is None


def test_cause_marketing_share_per_topic() -> None:
    posts = frame(
        post("p1", 0, "promotional", topics=["lgbtq"]),
        post("p2", 1, "promotional", topics=["lgbtq", "health"]),
        post("s", 2, "stance", topics=["lgbtq"]),
        post("o", 3, "other"),
    )
    rows = {r["topic"]: r for r in cause_marketing(posts).iter_rows(named=True)}
    assert (rows["lgbtq"]["cause_marketing_posts"], rows["lgbtq"]["topic_posts"], rows["lgbtq"]["share"]) == (
        2,
        3,
        pytest.approx(2 / 3),
    )
    assert rows["health"]["share"] == 1.0


# --------------------------------------------------------------------------- audience


def test_engagement_per_impression_and_lift_with_interval() -> None:
    posts = frame(
        post("p1", 0, "promotional", engagements=10, impressions=1000),
        post("p2", 1, "promotional", engagements=10, impressions=1000),
        post("s1", 2, "stance", engagements=20, impressions=1000),
        post("s2", 3, "stance", engagements=40, impressions=2000),
    )
    rows = {r[S.TYPE]: r for r in audience_response(posts).iter_rows(named=True)}
    assert rows["promotional"]["mean_rate"] == pytest.approx(0.01)
    assert rows["stance"]["mean_rate"] == pytest.approx(0.02)
    assert rows["stance"]["lift"] == pytest.approx(1.0)  # 0.02 / 0.01 - 1
    assert rows["stance"]["lift_low"] == pytest.approx(1.0) and rows["stance"]["lift_high"] == pytest.approx(1.0)
    assert rows["stance"]["basis"] == "per impression"


def test_without_impressions_engagement_is_relative_to_the_brand_median() -> None:
    posts = frame(
        post("p1", 0, "promotional", engagements=10), post("p2", 1, "promotional", engagements=30),
        post("s1", 2, "stance", engagements=40), post("s2", 3, "stance", engagements=60),
    )  # fmt: skip
    rows = {r[S.TYPE]: r for r in audience_response(posts).iter_rows(named=True)}
    # median engagements 35: promotional (10+30)/2/35, stance (40+60)/2/35
    assert rows["promotional"]["mean_rate"] == pytest.approx(20 / 35)
    assert rows["stance"]["lift"] == pytest.approx(50 / 20 - 1)
    assert rows["stance"]["basis"] == "vs brand median"


def test_no_engagement_columns_gives_no_numbers() -> None:
    assert audience_response(frame(post("p", 0, "promotional"), post("s", 1, "stance"))).is_empty()


# --------------------------------------------------------------------------- links and suggestions


def test_links_need_the_topic_or_enough_keywords_and_overrides_win() -> None:
    posts = frame(
        post("t", 0, "commitment_update", topics=["climate_environment"], text="Update on our fleet"),
        post("k", 1, "commitment_update", text="Our solar roofs and heat pumps are in"),  # both keywords: 0.4
        post("tk", 2, "stance", topics=["climate_environment"], text="Solar for every school"),  # 0.6 + 0.2
        post("p", 3, "promotional", topics=["climate_environment"], text="Solar panels on sale"),  # never linked
        post("b", 4, "stance", brand="B", topics=["climate_environment"]),  # another brand
    )
    c = make_commitments([commitment(keywords=("solar", "heat pumps"))])
    links = link_posts(posts, c)
    assert dict(links.select(S.POST_ID, "score").iter_rows()) == {"t": 0.6, "tk": 0.8}
    overrides = pl.DataFrame({S.POST_ID: ["t", "k"], "commitment_id": ["c1", "c1"], "linked": [False, True]})
    forced = link_posts(posts, c, overrides)
    assert sorted(forced[S.POST_ID].to_list()) == ["k", "tk"]
    assert forced.filter(pl.col(S.POST_ID) == "k")["source"].to_list() == ["user"]


def test_suggestions_group_stances_by_brand_and_topic() -> None:
    posts = frame(
        post("s2", 10, "stance", topics=["lgbtq"], text="Pride every day: love is love"),
        post("s1", 3, "stance", topics=["lgbtq"], text="Happy Pride: love is love, always"),
        post("s3", 5, "stance", brand="B", topics=["climate_environment"], text="Net zero by 2030"),
        post("p", 1, "promotional", topics=["lgbtq"], text="Pride tee on sale"),
    )
    rows = {(r["brand"], r["topics"][0]): r for r in suggest_commitments(posts).iter_rows(named=True)}
    a = rows[("A", "lgbtq")]
    assert a["announced_on"] == date(2024, 1, 4) and a["source_post_id"] == "s1"
    assert a["stance_posts"] == ["s1", "s2"]
    assert {"love", "pride"} <= set(a["keywords"])
    assert rows[("B", "climate_environment")]["stance_posts"] == ["s3"]
    assert suggest_commitments(EMPTY).is_empty()


# --------------------------------------------------------------------------- brands, peers, edge cases


def test_brand_summary_for_a_brand_with_no_stances_and_for_one_post() -> None:
    posts = frame(post("u", 0, "commitment_update", topics=["health"], specific=True), post("o", 1, "other", brand="B"))
    summary = {
        b["brand"]: b
        for b in brand_summary(
            posts, make_commitments([]), link_posts(posts, make_commitments([])), as_of=date(2024, 1, 31)
        )
    }
    a = summary["A"]
    assert a["say_do_ratio"] is None and a["follow_through"]["90"] is None
    assert a["days_since_last_update"] == 30 and a["components"]["cadence"] == 1.0 and a["components"]["recency"] == 1.0
    # cadence 1, recency 1, specificity 1, follow-through missing -> 100
    assert a["accountability_score"] == 100.0
    b = summary["B"]
    assert b["posts"] == 1 and b["mix"] == {"stance": 0, "commitment_update": 0, "promotional": 0, "other": 1}
    assert b["accountability_score"] == 0.0  # never updated: cadence 0, recency 0; nothing else known
    assert (
        brand_summary(EMPTY, make_commitments([]), link_posts(EMPTY, make_commitments([])), as_of=date(2024, 1, 1))
        == []
    )


def test_event_aligned_cumulative_updates_from_first_stance() -> None:
    posts = frame(
        post("s", 0, "stance", topics=["lgbtq"]), post("u1", 10, "commitment_update", topics=["lgbtq"]),
        post("u2", 40, "commitment_update", topics=["lgbtq"]), post("x", 5, "commitment_update", topics=["health"]),
        post("Bs", 100, "stance", brand="B", topics=["lgbtq"]),
    )  # fmt: skip
    rows = event_aligned(posts, "lgbtq").select(S.BRAND, "days_since", "cumulative_updates").rows()
    assert rows == [("A", 0, 0), ("A", 10, 1), ("A", 40, 2), ("A", 365, 2), ("B", 0, 0), ("B", 365, 0)]


def test_filters_by_platform_language_topic_and_dates() -> None:
    posts = frame(
        post("1", 0, "stance", platform="x", lang="en", topics=["health"]),
        post("2", 1, "stance", platform="linkedin", lang="nb", topics=["lgbtq"]),
        post("3", 40, "other", platform="x", lang="nb"),
    )
    assert apply_filters(posts, Filters(platforms=("x",)))[S.POST_ID].to_list() == ["1", "3"]
    assert apply_filters(posts, Filters(languages=("nb",), topics=("lgbtq",)))[S.POST_ID].to_list() == ["2"]
    assert apply_filters(posts, Filters(start=date(2024, 1, 2), end=date(2024, 1, 31)))[S.POST_ID].to_list() == ["2"]
    assert apply_filters(posts, Filters()).height == 3


def test_suggestions_on_the_demo_find_the_planted_commitments(classifier: Any) -> None:
    from data_sources.demo import PLANTED, demo_posts
    from metrics.classify import classify_posts

    labelled = classify_posts(demo_posts(), classifier)
    found = {(r["brand"], r["topics"][0]): r for r in suggest_commitments(labelled).iter_rows(named=True)}
    for planted in PLANTED:
        assert (planted.brand, planted.topic) in found, planted
        announced = found[(planted.brand, planted.topic)]["announced_on"]
        assert abs((announced - planted.announced_on).days) <= 31, (planted, announced)


def test_summary_command_json(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], model_dir: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from followthrough.cli import main

    monkeypatch.setenv("FOLLOWTHROUGH_MODEL_DIR", str(model_dir))
    export = tmp_path / "acme.csv"
    export.write_text(
        "id,date,text,type,likes\n"
        "1,2024-01-01,We commit to net zero emissions by 2035.,stance,5\n"
        "2,2024-02-15,We have cut our emissions by 20% since 2019: report at acme.com/climate,commitment_update,9\n"
        "3,2024-03-01,Spring sale: 20% off everything,promotional,3\n",
        encoding="utf-8",
    )
    commitments = tmp_path / "commitments.csv"
    commitments.write_text(
        "id,brand,title,topics,keywords,announced_on,cadence_days\n"
        "nz,acme,Net zero by 2035,climate_environment,emissions;net zero,2024-01-01,60\n",
        encoding="utf-8",
    )
    assert main(["summary", str(export), "--commitments", str(commitments), "--as-of", "2024-06-01", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    brand = out["brands"][0]
    assert brand["brand"] == "acme" and brand["posts"] == 3
    assert brand["mix"] == {"stance": 1, "commitment_update": 1, "promotional": 1, "other": 0}
    assert brand["say_do_ratio"] == 1.0
    # the update came 45 days after the stance: too late for 30 days, in time for every longer window
    assert brand["follow_through"] == {"30": 0.0, "90": 1.0, "180": 1.0, "365": 1.0}
    assert set(brand["components"]) == {"cadence", "follow_through", "specificity", "recency"}
    c = out["commitments"][0]
    assert (c["id"], c["stance_posts"], c["updates"], c["last_update"]) == ("nz", 1, 1, "2024-02-15")
    assert (c["days_since_last_update"], c["longest_silence_days"], c["cadence_days"], c["status"]) == (
        107,
        107,
        60,
        "overdue",
    )
    assert c["announced_on"] == "2024-01-01"


def test_delta_method_interval_matches_the_bootstrap_for_large_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import metrics.consistency as mc

    rng = np.random.default_rng(1)
    values, promo = rng.gamma(2.0, 0.015, 3000), rng.gamma(2.0, 0.01, 4000)
    delta = mc._lift_interval(values, promo, np.random.default_rng(0), 1000, 0.05)
    monkeypatch.setattr(mc, "BOOTSTRAP_LIMIT", 10_000)
    boot = mc._lift_interval(values, promo, np.random.default_rng(0), 1000, 0.05)
    assert delta[0] == pytest.approx(boot[0], abs=0.02) and delta[1] == pytest.approx(boot[1], abs=0.02)
    assert delta[0] < values.mean() / promo.mean() - 1 < delta[1]


def test_brand_summary_counts_only_each_brands_own_posts_and_can_be_given_the_status() -> None:
    # A person linked B's update to A's commitment: A's figures, like a summary of A alone, do not count it.
    posts = frame(
        post("s1", 0, "stance", topics=["climate_environment"], specific=False),
        post("s2", 5, "stance", brand="B", topics=["climate_environment"], specific=False),
        post("u1", 10, "commitment_update", brand="B", topics=["climate_environment"], specific=True),
    )
    declared = make_commitments([commitment()])
    links = link_posts(posts, declared, pl.DataFrame({"post_id": ["u1"], "commitment_id": ["c1"], "linked": [True]}))
    as_of = date(2024, 12, 31)
    summary = brand_summary(posts, declared, links, as_of=as_of)
    status = commitment_status(posts, declared, links, as_of=as_of)
    assert brand_summary(posts, declared, links, as_of=as_of, status=status) == summary
    a, b = summary
    assert a["follow_through"]["90"] == 0.0 and a["cheap_talk_posts"] == 1
    assert b["follow_through"]["90"] is None and b["cheap_talk_posts"] == 0  # followed on its topic
    assert follow_through(posts, links, as_of=as_of)["90"] == 1.0  # all brands at once: B's update counts

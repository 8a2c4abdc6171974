"""Plain-language sentences from the metrics, for the Overview and the leadership view."""

from __future__ import annotations

from datetime import date
from typing import Any

TOPIC_PHRASES = {
    "racial_justice": "racial justice",
    "lgbtq": "LGBTQ+ rights",
    "gender_equality": "gender equality",
    "diversity_inclusion": "diversity and inclusion",
    "climate_environment": "climate and the environment",
    "community_poverty": "community and poverty",
    "health": "health",
    "human_rights": "human rights",
    "civic_voting": "civic participation and voting",
    "disability": "disability inclusion",
    "education": "education",
}


def _when(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def commitment_sentence(c: dict[str, Any]) -> str:
    """One commitment in a sentence.

    >>> commitment_sentence({"brand": "Brand A", "topics": ["racial_justice"], "announced_on": date(2020, 6, 2),
    ...     "updates": 3, "days_since_last_update": 412, "cadence_days": 90, "status": "overdue", "title": "x"})
    'Since its stance on racial justice on 2 June 2020, Brand A has posted 3 updates; the last was 412 days ago, against a promised 90.'
    """
    topic = TOPIC_PHRASES.get((c.get("topics") or [""])[0], c.get("title", "its commitment"))
    start = f"Since its stance on {topic} on {_when(c['announced_on'])}, {c['brand']}"
    if c["status"] == "met":
        return f"{start} has reached its target ({_plural(c['updates'], 'update')} along the way)."
    if not c["updates"]:
        return f"{start} has posted no update in {c['days_since_last_update']:,} days, against a promised {c['cadence_days']}."
    tail = "" if c["status"] == "on_track" else f", against a promised {c['cadence_days']}"
    return (
        f"{start} has posted {_plural(c['updates'], 'update')}; the last was {_ago(c['days_since_last_update'])}{tail}."
    )


def _ago(days: int) -> str:
    return "today" if days == 0 else f"{_plural(days, 'day')} ago"


def brand_paragraph(brand: dict[str, Any], commitments: list[dict[str, Any]]) -> str:
    """A paragraph a leader can read: the worst-kept commitment first, then the balance of say and do."""
    name = brand["brand"]
    mix = brand["mix"]
    parts = []
    ordered = sorted(
        commitments, key=lambda c: (c["status"] == "on_track", c["status"] == "met", -c["days_since_last_update"])
    )
    if ordered:
        parts.append(commitment_sentence(ordered[0]))
    stances, updates = mix["stance"], mix["commitment_update"]
    if stances:
        parts.append(
            f"{name} took {_plural(stances, 'stance')} and posted {_plural(updates, 'update')} in this period."
        )
    elif updates:
        parts.append(f"{name} posted {_plural(updates, 'update')} and took no new stance in this period.")
    else:
        parts.append(f"{name} posted no stance and no update in this period.")
    ft = brand["follow_through"].get("90")
    if ft is not None:
        parts.append(f"{ft:.0%} of its stances were followed by an update within 90 days.")
    if brand.get("cause_marketing_posts"):
        parts.append(f"{_plural(brand['cause_marketing_posts'], 'promotional post')} carried a cause.")
    overdue = [c for c in commitments if c["status"] in ("overdue", "no_updates")]
    if len(overdue) > 1:
        parts.append(f"{len(overdue)} of its {len(commitments)} commitments are overdue or have had no update.")
    return " ".join(parts)

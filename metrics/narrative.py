"""Plain-language sentences from the metrics, for the Overview and the leadership view.

Each sentence is one whole message in the catalogues with named placeholders, so that a
translation can order its words as its language does; sentences are joined, never pieced
together from fragments. They come out in the current language (``followthrough.i18n``).
"""

from __future__ import annotations

from typing import Any

from followthrough.i18n import N_, _, format_date, format_number, format_percent, isolate, ngettext

#: A cause as it reads inside a sentence ("Since its stance on racial justice…").
TOPIC_PHRASES = {
    "racial_justice": N_("racial justice"),
    "lgbtq": N_("LGBTQ+ rights"),
    "gender_equality": N_("gender equality"),
    "diversity_inclusion": N_("diversity and inclusion"),
    "climate_environment": N_("climate and the environment"),
    "community_poverty": N_("community and poverty"),
    "health": N_("health"),
    "human_rights": N_("human rights"),
    "civic_voting": N_("civic participation and voting"),
    "disability": N_("disability inclusion"),
    "education": N_("education"),
}


def _topic(c: dict[str, Any]) -> str:
    first = (c.get("topics") or [""])[0]
    if first in TOPIC_PHRASES:
        return _(TOPIC_PHRASES[first])
    return str(c.get("title") or _("its commitment"))


def commitment_sentence(c: dict[str, Any]) -> str:
    """One commitment in a sentence or two.

    >>> from datetime import date
    >>> commitment_sentence({"brand": "Brand A", "topics": ["racial_justice"], "announced_on": date(2020, 6, 2),
    ...     "updates": 3, "days_since_last_update": 412, "cadence_days": 90, "status": "overdue", "title": "x"})
    'Since its stance on racial justice on 2 June 2020, Brand A has posted 3 updates. The last was 412 days ago; it promised one every 90 days.'
    """
    updates, days = int(c["updates"] or 0), int(c["days_since_last_update"] or 0)
    values = {
        "topic": _topic(c),
        "date": format_date(c["announced_on"], "long"),
        "brand": isolate(c["brand"]),
        "n": format_number(updates),
        "days": format_number(days),
        "cadence": format_number(c["cadence_days"]),
    }
    if c["status"] == "met":
        return ngettext(
            "Since its stance on {topic} on {date}, {brand} has reached its target, with {n} update along the way.",
            "Since its stance on {topic} on {date}, {brand} has reached its target, with {n} updates along the way.",
            updates,
        ).format(**values)
    if not updates:
        return ngettext(
            "Since its stance on {topic} on {date}, {brand} has posted no update in {days} day; it promised one every {cadence} days.",
            "Since its stance on {topic} on {date}, {brand} has posted no update in {days} days; it promised one every {cadence} days.",
            days,
        ).format(**values)
    posted = ngettext(
        "Since its stance on {topic} on {date}, {brand} has posted {n} update.",
        "Since its stance on {topic} on {date}, {brand} has posted {n} updates.",
        updates,
    )
    if c["status"] == "on_track":
        last = (
            _("The last was today.")
            if days == 0
            else ngettext("The last was {days} day ago.", "The last was {days} days ago.", days)
        )
    else:
        last = ngettext(
            "The last was {days} day ago; it promised one every {cadence} days.",
            "The last was {days} days ago; it promised one every {cadence} days.",
            days,
        )
    return f"{posted.format(**values)} {last.format(**values)}"


def brand_paragraph(brand: dict[str, Any], commitments: list[dict[str, Any]]) -> str:
    """A paragraph a leader can read: the worst-kept commitment first, then the balance of say and do."""
    name = isolate(brand["brand"])
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
            ngettext(
                "{brand} took {n} stance in this period.", "{brand} took {n} stances in this period.", stances
            ).format(brand=name, n=format_number(stances))
        )
        parts.append(
            ngettext(
                "In the same period it posted {n} update on its commitments.",
                "In the same period it posted {n} updates on its commitments.",
                updates,
            ).format(n=format_number(updates))
            if updates
            else _("It posted no update on its commitments in the same period.")
        )
    elif updates:
        parts.append(
            ngettext(
                "{brand} posted {n} update and took no new stance in this period.",
                "{brand} posted {n} updates and took no new stance in this period.",
                updates,
            ).format(brand=name, n=format_number(updates))
        )
    else:
        parts.append(_("{brand} posted no stance and no update in this period.").format(brand=name))
    ft = brand["follow_through"].get("90")
    if ft is not None:
        parts.append(
            _("{share} of its stances were followed by an update within 90 days.").format(share=format_percent(ft))
        )
    cause_marketing = int(brand.get("cause_marketing_posts") or 0)
    if cause_marketing:
        parts.append(
            ngettext(
                "{n} promotional post carried a cause.", "{n} promotional posts carried a cause.", cause_marketing
            ).format(n=format_number(cause_marketing))
        )
    overdue = [c for c in commitments if c["status"] in ("overdue", "no_updates")]
    if len(overdue) > 1:
        parts.append(
            ngettext(
                "{n} of its {total} commitments is overdue or has had no update.",
                "{n} of its {total} commitments are overdue or have had no update.",
                len(overdue),
            ).format(n=format_number(len(overdue)), total=format_number(len(commitments)))
        )
    return " ".join(parts)

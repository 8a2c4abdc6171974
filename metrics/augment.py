"""Platform-style decorations added to training posts regardless of their label.

The corpus writers put hashtags on stances far more often than on anything else, and links
almost only on updates; real accounts put both on every kind of post. Training on copies
decorated at random breaks those accidental cues, so a promotional post ending in
``#weekend`` or a link is not taken for a stance or an update.
"""

from __future__ import annotations

import random

GENERIC_HASHTAGS = (
    "#weekend", "#news", "#tbt", "#mondaymotivation", "#fridayfeeling", "#style", "#foodie", "#travel",
    "#business", "#tech", "#instagood", "#team", "#summer", "#winter", "#nyhet", "#helg", "#novità", "#moda",
    "#nuevo", "#finde", "#nouveauté", "#neu", "#wochenende", "#novidade", "#nieuw", "#جديد", "#عروض", "#नया",
    "#ऑफर", "#yeni", "#promo", "#linkinbio", "#2024", "#2025", "#behindthescenes", "#community", "#events",
)  # fmt: skip
EMOJI = ("✨", "👇", "🙌", "💙", "🔥", "👀", "📣", "😊", "🎉", "➡️", "💚", "🌍", "📍")


def _link(rng: random.Random) -> str:
    token = "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    return rng.choice(
        [
            f"https://t.co/{token}",
            f"https://bit.ly/{token[:7]}",
            f"https://www.example.com/{token[:6].lower()}",
            "lnkd.in/" + token[:8],
        ]
    )


def decorate(text: str, rng: random.Random) -> str:
    """``text`` with a random mix of links, generic hashtags and emoji added at its end.

    >>> decorate("We will plant trees.", random.Random(3)) != "We will plant trees."
    True
    """
    parts = [text]
    additions = 0
    while additions == 0:
        if rng.random() < 0.5:
            parts.append(_link(rng))
            additions += 1
        if rng.random() < 0.5:
            parts.append(" ".join(rng.sample(GENERIC_HASHTAGS, rng.randint(1, 3))))
            additions += 1
        if rng.random() < 0.3:
            parts.append(rng.choice(EMOJI))
            additions += 1
    return " ".join(parts)


def augmented(texts: list[str], labels: list[str], *, seed: int = 0) -> tuple[list[str], list[str]]:
    """One decorated copy of every post, same label."""
    rng = random.Random(seed)
    return [decorate(t, rng) for t in texts], list(labels)

"""The export formats Followthrough reads, and how each is recognised.

A tabular format is a profile: the header columns that identify it and, for each
canonical column, the source columns to take it from (first non-empty wins). Columns a
profile does not name are found through :data:`SYNONYMS`, common header names in
several languages, which is also all the generic reader has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final


def normalise_name(name: str) -> str:
    """Header names compared case-, space- and BOM-insensitively.

    >>> normalise_name(" Tweet  ID\\ufeff")
    'tweet id'
    """
    return " ".join(name.replace("\ufeff", "").replace("_", " ").strip().lower().split())


def _n(*names: str) -> tuple[str, ...]:
    return tuple(normalise_name(n) for n in names)


@dataclass(frozen=True)
class TableFormat:
    name: str
    label: str
    signature: tuple[tuple[str, ...], ...]
    """Groups of header names; the format matches when each group has one name present."""
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    platform: str | None = None
    description_row: bool = False
    """A row of column descriptions sits under the header (legacy Facebook Insights)."""

    def matches(self, header: set[str]) -> bool:
        return all(any(name in header for name in group) for group in self.signature)


SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "post_id": _n(
        "post id",
        "post_id",
        "id",
        "tweet id",
        "tweet_id",
        "id_str",
        "status id",
        "media id",
        "content id",
        "update id",
        "innlegg-id",
        "innleggs-id",
        "id del post",
        "id post",
        "id publicación",
        "id de la publicación",
        "identifiant",
        "id de la publication",
        "beitrags-id",
        "beitrag-id",
        "id da publicação",
        "id do post",
        "معرف المنشور",
        "पोस्ट आईडी",
    ),
    "text": _n(
        "text",
        "full_text",
        "full text",
        "post text",
        "tweet text",
        "post",
        "message",
        "post message",
        "caption",
        "content",
        "body",
        "description",
        "title",
        "post title",
        "update title",
        "tekst",
        "innlegg",
        "melding",
        "testo",
        "messaggio",
        "didascalia",
        "texto",
        "mensaje",
        "contenido",
        "publicación",
        "contenu",
        "texte",
        "légende",
        "beitrag",
        "inhalt",
        "nachricht",
        "beitragstext",
        "legenda",
        "conteúdo",
        "mensagem",
        "النص",
        "المنشور",
        "पाठ",
        "पोस्ट",
    ),
    "published_at": _n(
        "published_at",
        "created_at",
        "created at",
        "date",
        "time",
        "timestamp",
        "publish time",
        "published",
        "published date",
        "posted",
        "post date",
        "created date",
        "created",
        "sent",
        "sent date",
        "date (gmt)",
        "date (utc)",
        "datetime",
        "dato",
        "publisert",
        "tidspunkt",
        "data",
        "data di pubblicazione",
        "data pubblicazione",
        "fecha",
        "fecha de publicación",
        "date de publication",
        "datum",
        "veröffentlicht",
        "veröffentlichungsdatum",
        "data de publicação",
        "publicado",
        "التاريخ",
        "تاريخ النشر",
        "तारीख",
        "दिनांक",
    ),
    "url": _n(
        "url",
        "permalink",
        "link",
        "post link",
        "tweet permalink",
        "post url",
        "lenke",
        "collegamento",
        "enlace",
        "lien",
        "verknüpfung",
        "الرابط",
    ),
    "brand": _n(
        "brand",
        "account",
        "profile",
        "page",
        "page name",
        "account name",
        "account username",
        "social account",
        "author",
        "username",
        "screen_name",
        "screen name",
        "user",
        "handle",
        "profile name",
        "merke",
        "konto",
        "marchio",
        "account name",
        "marca",
        "cuenta",
        "marque",
        "compte",
        "marke",
        "konto",
        "conta",
        "العلامة التجارية",
        "الحساب",
        "ब्रांड",
    ),
    "platform": _n(
        "platform",
        "network",
        "social network",
        "channel",
        "source",
        "plattform",
        "nettverk",
        "piattaforma",
        "rete",
        "plataforma",
        "red social",
        "plateforme",
        "réseau",
        "netzwerk",
        "rede",
        "rede social",
        "المنصة",
        "प्लेटफ़ॉर्म",
    ),
    "lang": _n("lang", "language", "languages", "språk", "lingua", "idioma", "langue", "sprache", "اللغة", "भाषा"),
    "likes": _n(
        "likes",
        "like count",
        "like_count",
        "favorite_count",
        "favorites",
        "favourites",
        "favourites_count",
        "reactions",
        "liker",
        "likerklikk",
        "mi piace",
        "me gusta",
        "j'aime",
        "gefällt mir",
        "curtidas",
        "reações",
        "إعجابات",
        "लाइक",
    ),
    "comments": _n(
        "comments",
        "replies",
        "reply count",
        "reply_count",
        "replies_count",
        "kommentarer",
        "commenti",
        "comentarios",
        "commentaires",
        "kommentare",
        "comentários",
        "تعليقات",
        "टिप्पणियाँ",
    ),
    "shares": _n(
        "shares",
        "retweets",
        "reposts",
        "retweet_count",
        "retweet count",
        "reblogs_count",
        "repost_count",
        "repost count",
        "delinger",
        "condivisioni",
        "compartidos",
        "compartir",
        "partages",
        "geteilt",
        "teilen",
        "compartilhamentos",
        "مشاركات",
        "शेयर",
    ),
    "impressions": _n(
        "impressions",
        "impression_count",
        "impression count",
        "views",
        "view count",
        "visninger",
        "impressioni",
        "visualizzazioni",
        "impresiones",
        "visualizaciones",
        "impressionen",
        "impressões",
        "visualizações",
        "مرات الظهور",
        "इंप्रेशन",
    ),
    "reach": _n("reach", "rekkevidde", "copertura", "alcance", "portée", "reichweite", "الوصول", "पहुंच"),
    "engagements": _n(
        "engagements",
        "engagement",
        "total engagements",
        "interactions",
        "interaksjoner",
        "engasjement",
        "interazioni",
        "interacciones",
        "interaktionen",
        "interações",
        "تفاعلات",
        "एंगेजमेंट",
    ),
    "type": _n("type", "label", "post label", "classification", "human label"),
    "is_reply": _n("is_reply", "is reply", "reply"),
    "is_repost": _n("is_repost", "is repost", "is_retweet", "is retweet", "retweeted", "is share"),
}

TABLE_FORMATS: Final[tuple[TableFormat, ...]] = (
    TableFormat(
        "x_activity",
        "X (Twitter) Analytics tweet activity",
        (_n("tweet id"), _n("tweet text"), _n("time"), _n("impressions")),
        {
            "post_id": _n("tweet id"),
            "text": _n("tweet text"),
            "url": _n("tweet permalink"),
            "published_at": _n("time"),
            "likes": _n("likes", "favorites"),
            "comments": _n("replies"),
            "shares": _n("retweets"),
            "brand": (),
        },
        platform="x",
    ),
    TableFormat(
        "x_content_2024",
        "X content export (2024 on)",
        (_n("post id"), _n("date"), _n("post text"), _n("bookmarks", "reposts", "new follows")),
        {
            "post_id": _n("post id"),
            "text": _n("post text"),
            "url": _n("post link", "link"),
            "published_at": _n("date"),
            "likes": _n("likes"),
            "comments": _n("replies"),
            "shares": _n("reposts"),
            "brand": (),
        },
        platform="x",
    ),
    TableFormat(
        "facebook_insights_legacy",
        "Facebook Page Insights post-level export (legacy)",
        (_n("post id"), _n("post message"), _n("posted"), _n("permalink")),
        {
            "post_id": _n("post id"),
            "text": _n("post message"),
            "url": _n("permalink"),
            "published_at": _n("posted"),
            "reach": _n("lifetime post total reach"),
            "impressions": _n("lifetime post total impressions"),
            "engagements": _n("lifetime engaged users"),
            "likes": _n("lifetime talking about this (post) by action type - like"),
            "comments": _n("lifetime talking about this (post) by action type - comment"),
            "shares": _n("lifetime talking about this (post) by action type - share"),
            "lang": (),
            "type": (),
            "brand": (),
        },
        platform="facebook",
        description_row=True,
    ),
    TableFormat(
        "meta_facebook",
        "Meta Business Suite posts export (Facebook)",
        (_n("post id"), _n("publish time"), _n("page name", "page id")),
        {
            "post_id": _n("post id"),
            "text": _n("title", "description", "message"),
            "url": _n("permalink"),
            "published_at": _n("publish time"),
            "brand": _n("page name"),
            "impressions": _n("views", "impressions"),
            "engagements": _n("reactions, comments and shares"),
            "likes": _n("reactions", "likes"),
            "is_repost": _n("is share"),
            "lang": (),
            "type": (),
        },
        platform="facebook",
    ),
    TableFormat(
        "meta_instagram",
        "Meta Business Suite posts export (Instagram)",
        (_n("post id"), _n("publish time"), _n("account username", "account name", "account id")),
        {
            "post_id": _n("post id"),
            "text": _n("description", "caption"),
            "url": _n("permalink"),
            "published_at": _n("publish time"),
            "brand": _n("account username", "account name"),
            "impressions": _n("views", "impressions"),
            "lang": (),
            "type": (),
        },
        platform="instagram",
    ),
    TableFormat(
        "linkedin_page",
        "LinkedIn page posts export",
        (_n("post title", "update title"), _n("created date"), _n("impressions")),
        {
            "post_id": _n("post link", "update link"),
            "text": _n("post title", "update title"),
            "url": _n("post link", "update link"),
            "published_at": _n("created date"),
            "shares": _n("reposts", "shares"),
            "brand": (),
            "engagements": (),
            "type": (),
        },
        platform="linkedin",
    ),
    TableFormat(
        "sprout_post_performance",
        "Sprout Social Post Performance",
        (_n("post id"), _n("network"), _n("profile"), _n("post")),
        {
            "post_id": _n("post id"),
            "text": _n("post"),
            "url": _n("link", "permalink"),
            "published_at": _n("date"),
            "brand": _n("profile"),
            "platform": _n("network"),
            "likes": _n("likes", "reactions"),
            "type": (),
        },
    ),
    TableFormat(
        "publer_insights",
        "Publer / Hootsuite / Buffer post insights",
        (
            _n("social account", "profile", "account"),
            _n("social network", "network"),
            _n("post text", "message", "text"),
            _n("post link", "link", "post url"),
        ),
        {
            "post_id": _n("post id", "post link", "link", "post url"),
            "text": _n("post text", "message", "text"),
            "url": _n("post link", "link", "post url"),
            "published_at": _n("date", "date (gmt)", "published", "sent"),
            "brand": _n("social account", "profile", "account"),
            "platform": _n("social network", "network"),
            "likes": _n("reactions", "likes"),
            "type": (),
        },
    ),
    TableFormat(
        "x_api_flat_csv",
        "Tweets flattened from the X/Twitter API (CSV)",
        (_n("created_at"), _n("tweet_id", "id", "id_str"), _n("text", "full_text")),
        {
            "post_id": _n("tweet_id", "id_str", "id"),
            "text": _n("full_text", "text"),
            "published_at": _n("created_at"),
            "likes": _n("like_count", "favorite_count", "public_metrics.like_count"),
            "comments": _n("reply_count", "public_metrics.reply_count"),
            "shares": _n("retweet_count", "public_metrics.retweet_count"),
            "impressions": _n("impression_count", "public_metrics.impression_count"),
            "brand": _n("username", "screen_name", "user.screen_name", "author", "author_username"),
        },
        platform="x",
    ),
)

GENERIC = TableFormat("generic", "Generic table (columns matched by name)", ())

JSON_FORMATS: Final[dict[str, str]] = {
    "x_api_v2_json": "X API v2 JSON",
    "twitter_v1_json": "Twitter API v1.1 JSON / archive",
    "mastodon_json": "Mastodon statuses JSON",
    "bluesky_json": "Bluesky author feed JSON",
}

FORMAT_LABELS: Final[dict[str, str]] = {
    **{f.name: f.label for f in TABLE_FORMATS},
    GENERIC.name: GENERIC.label,
    **JSON_FORMATS,
}


def detect_table_format(columns: list[str]) -> TableFormat:
    """The most specific tabular format whose signature the header carries.

    >>> detect_table_format(["Tweet id", "Tweet text", "time", "impressions"]).name
    'x_activity'
    >>> detect_table_format(["Caption", "When"]).name
    'generic'
    """
    header = {normalise_name(c) for c in columns}
    for fmt in TABLE_FORMATS:
        if fmt.matches(header):
            return fmt
    return GENERIC


def table_format(name: str) -> TableFormat:
    for fmt in (*TABLE_FORMATS, GENERIC):
        if fmt.name == name:
            return fmt
    raise KeyError(name)


PLATFORM_NAMES: Final[dict[str, str]] = {
    "x": "x",
    "twitter": "x",
    "x (twitter)": "x",
    "twitter (x)": "x",
    "facebook": "facebook",
    "facebook page": "facebook",
    "fb": "facebook",
    "instagram": "instagram",
    "instagram business": "instagram",
    "ig": "instagram",
    "linkedin": "linkedin",
    "linkedin company page": "linkedin",
    "linkedin page": "linkedin",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "bsky": "bluesky",
    "tiktok": "tiktok",
    "youtube": "youtube",
}

URL_PLATFORMS: Final = (
    (r"(?i)^https?://(www\.|mobile\.)?(twitter|x)\.com/", "x"),
    (r"(?i)^https?://(www\.|m\.|web\.)?facebook\.com/|^https?://fb\.com/", "facebook"),
    (r"(?i)^https?://(www\.)?instagram\.com/", "instagram"),
    (r"(?i)^https?://(www\.)?linkedin\.com/", "linkedin"),
    (r"(?i)^https?://(www\.)?bsky\.app/", "bluesky"),
    (r"(?i)^https?://(www\.)?tiktok\.com/", "tiktok"),
    (r"(?i)^https?://(www\.)?(youtube\.com|youtu\.be)/", "youtube"),
    (r"(?i)^https?://[^/]+/@[^/]+/\d+", "mastodon"),
)

#: The account handle in the URL of a post on X: the first alternative of :data:`URL_HANDLE`.
X_URL_HANDLE: Final = r"(?i)^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]+)/status"
#: The account handle in a post's URL, when the export has no account column.
URL_HANDLE: Final = (
    X_URL_HANDLE + r"|^https?://(?:www\.|m\.|web\.)?facebook\.com/([^/?#]+)/(?:posts|videos|photos)"
    r"|^https?://(?:www\.)?bsky\.app/profile/([^/]+)/post"
    r"|^https?://[^/]+/@([^/]+)/\d+"
    r"|^https?://(?:www\.)?linkedin\.com/company/([^/?#]+)"
)

"""A deterministic demo workspace: four fictional brands, three years, five languages.

The brands are written to show the patterns the dashboard exists to reveal:

* **Northwind Foods** posts a burst of stances on racial justice in June 2024, promises a
  supplier-diversity target, posts one update, then goes silent and back to promotion.
* **Fjordlys Energi** promised net zero by 2035 and reports specific progress every
  couple of months, in Norwegian and English.
* **Bella Moda** speaks about Pride, but most of its cause posts sell a capsule collection
  (cause marketing), in Italian, English and Arabic.
* **Sahayog Telecom** pledged digital literacy for a million girls; updates come, but late
  and irregularly, in Hindi and English.

The generator is seeded, so the same call always returns the same posts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import polars as pl

from data_sources import schema as S

START = date(2023, 11, 1)
END = date(2026, 10, 31)


@dataclass(frozen=True)
class PlantedCommitment:
    brand: str
    topic: str
    title: str
    announced_on: date
    cadence_days: int


PLANTED = (
    PlantedCommitment(
        "Northwind Foods",
        "racial_justice",
        "Supplier diversity: 10% of spend with Black-owned suppliers by 2027",
        date(2024, 6, 3),
        90,
    ),
    PlantedCommitment("Fjordlys Energi", "climate_environment", "Net zero by 2035", date(2023, 11, 14), 60),
    PlantedCommitment("Bella Moda", "lgbtq", "Year-round support for LGBTQ+ communities", date(2024, 6, 1), 180),
    PlantedCommitment(
        "Sahayog Telecom", "education", "Digital literacy for one million girls by 2027", date(2024, 1, 24), 90
    ),
)

# --------------------------------------------------------------------------- text banks
# Each entry: (type, topic or "", text). {n}, {m}, {p} are filled with numbers.

NORTHWIND_EN = {
    "promotional": [
        "New: smoky chipotle burger is back for a limited time 🔥 Grab yours before it's gone!",
        "Lunch sorted. Two wraps + a drink for $9.99 all week at participating stores 🌯",
        "Our autumn menu just dropped 🍂 Pumpkin soup, maple oat latte and more. Which one first?",
        "Download the Northwind app and get {n}% off your first order. Link in bio.",
        "Weekend family deal: 4 meals, 2 sides, 1 price. Order now → northwind.com/deals",
        "GIVEAWAY 🎉 Tag a friend you'd share fries with and you could both win a year of free lunches. T&Cs apply.",
        "Fresh out of the oven: our new sourdough breakfast sandwich. Available from 7am.",
        "Game day = wings day. 20 wings for $15, tonight only 🏈",
        "Try the new plant-based nuggets – same crunch, zero compromise 🌱 In stores now.",
        "Happy hour is back! Half-price shakes 3–5pm, every weekday.",
    ],
    "other": [
        "@jordan_k so sorry to hear that! Please DM us your order number and we'll sort it out.",
        "Happy Thanksgiving from all of us at Northwind 🦃",
        "Which team are you? Crispy fries or curly fries? 👇",
        "Our Denver Colfax store will be closed Monday for maintenance. See you Tuesday!",
        "We're hiring shift leads across Ohio. Apply at careers.northwind.com",
        "Northwind Foods reports Q{q} revenue up {n}% year on year. Full results on our investor site.",
        "Happy New Year! 🎆 What's your food resolution?",
        "@sam_p Thanks for the kind words, we'll pass them on to the team at Elm Street!",
        "Monday mood: second coffee. ☕",
        "Please note: app ordering is down for some users. We're on it and will update soon.",
    ],
    "stance": [
        "Black lives matter. We stand with the Black community against racism and injustice. Silence is not an option.",
        "We are listening, we are learning, and we commit to doing better. Racism has no place at our tables. #BlackLivesMatter",
        "Today we pledge that 10% of our supplier spend will go to Black-owned businesses by 2027. We will report our progress.",
        "We will donate $2 million over the next three years to organisations fighting for racial justice.",
        "Juneteenth is a day of reflection. We recommit to racial equity in everything we do.",
        "Our leadership team will publish our workforce diversity data every year, starting next spring.",
        "Words are not enough. We are committed to long-term change in our company and our communities.",
        "We believe in equal opportunity for every employee and every supplier. That's a promise.",
    ],
    "commitment_update": [
        "Three months ago we pledged to grow spend with Black-owned suppliers. So far: 14 new suppliers onboarded and $3.1M in contracts signed.",
    ],
}

FJORDLYS_NB = {
    "commitment_update": [
        "Status på netto null-målet: utslippene fra egen drift er redusert med {p} % siden 2019. Hele rapporten: fjordlys.no/klima",
        "Vi har nå installert {n} 000 solcellepaneler på skoletak i Vestland ☀️ Det gir strøm til rundt {m} 00 husstander.",
        "Bærekraftsrapporten for {y} er publisert: {p} % fornybar produksjon og {n} elbilladere bygd. Les den her: fjordlys.no/rapport",
        "Siden vi lovet netto null i 2023 har vi faset ut {n} dieselaggregater og elektrifisert hele servicebilparken.",
        "Energifondet vårt har delt ut {n} millioner kroner til husholdninger med høye strømregninger i vinter.",
        "Ny milepæl: vindparken på Smøla leverer nå {m} GWh i året. Det er {p} % av målet vårt for 2030.",
    ],
    "stance": [
        "Vi forplikter oss til netto null utslipp innen 2035. Det blir krevende, men klimaet kan ikke vente.",
        "Ingen skal måtte velge mellom mat og strøm. Vi jobber for at alle har råd til å holde varmen i vinter.",
        "Vi støtter en rask og rettferdig omstilling, og vi vil rapportere åpent om hvordan det går.",
    ],
    "promotional": [
        "Spotpris uten påslag i 12 måneder 💡 Bytt til Fjordlys i dag: fjordlys.no/bytt",
        "Få solceller på taket med {n} % rabatt ut måneden. Book gratis befaring!",
        "Lade hjemme? Fjordlys Hjemmelader til kun {n}9 kr/mnd. Bestill nå.",
        "Verv en venn og få 500 kr i strømrabatt hver 🎁",
    ],
    "other": [
        "Strømbrudd i deler av Bergen sentrum. Montørene er på vei, vi oppdaterer her.",
        "Gratulerer med dagen! 🇳🇴 Vi ønsker alle en fin 17. mai.",
        "@kari_n Hei! Send oss en melding med kundenummeret ditt, så ser vi på fakturaen.",
        "Vi søker nettplanleggere i Trondheim. Les mer på fjordlys.no/jobb",
        "Fjordlys leverer resultat for {q}. kvartal: driftsresultat på {n}0 millioner kroner.",
        "God jul og godt nytt år fra alle oss i Fjordlys 🎄",
    ],
}

FJORDLYS_EN = {
    "commitment_update": [
        "Net zero progress: operational emissions down {p}% since 2019, and our grid is now {m}% renewable. Report: fjordlys.no/en/climate",
        "Our 2024 sustainability report is out: {n} EV chargers built, {p}% less diesel, and the Smøla wind farm fully online.",
        "Update on our energy-poverty fund: NOK {n} million paid out to {m}00 households this winter.",
    ],
    "stance": [
        "We commit to net zero emissions by 2035 across our own operations. We'll publish progress every quarter.",
        "Climate action cannot wait. We support the EU's 2040 target and urge faster permitting for renewables.",
    ],
    "promotional": [
        "Switch to Fjordlys: spot price, no markup for 12 months ⚡ fjordlys.no/switch",
        "Home charging made simple. Fjordlys Home Charger from NOK {n}9/month.",
    ],
    "other": [
        "We're hiring grid engineers in Trondheim! Apply by Friday.",
        "Q{q} results: operating profit of NOK {n}0 million. Full report on our investor pages.",
    ],
}

BELLA_IT = {
    "promotional": [
        "La nuova collezione autunno-inverno è online ✨ Scoprila ora su bellamoda.it",
        "Saldi fino al {n}0% su borse e scarpe. Solo questo weekend! 👜",
        "Pride Capsule 🌈 Il {p}% del ricavato di ogni t-shirt va ad Arcigay. Acquistala ora!",
        "Celebra il Pride con noi: sneakers arcobaleno in edizione limitata, spedizione gratuita 🏳️‍🌈",
        "Black Friday: -{n}0% su tutto il sito. Non perderlo!",
        "Nuovi arrivi: cappotti in lana riciclata. Eleganza sostenibile, ora in negozio.",
        "Il nostro store di Via Montenapoleone riapre con un nuovo look. Vi aspettiamo sabato!",
        "Love is love 💖 Con la collezione Pride doni 5 € a Gay Center per ogni acquisto.",
    ],
    "other": [
        "Buon Natale da tutta la famiglia Bella Moda 🎄",
        "Qual è il vostro colore preferito per l'autunno? Diteci nei commenti 👇",
        "@giulia_r Ciao Giulia! Scrivici in DM il numero d'ordine e verifichiamo subito.",
        "Cerchiamo visual merchandiser a Milano. Candidati su bellamoda.it/lavora-con-noi",
        "Buon Ferragosto! ☀️ I nostri negozi restano aperti con orario ridotto.",
    ],
    "stance": [
        "Buon Pride! L'amore non ha etichette e noi saremo sempre al fianco della comunità LGBTQ+ 🏳️‍🌈",
        "Crediamo in un mondo dove ognuno può essere se stesso. Oggi e ogni giorno. #Pride",
    ],
    "commitment_update": [
        "Nel {y} abbiamo donato {n}0.000 € ad Arcigay e formato 400 dipendenti sull'inclusione. Il report completo è online.",
    ],
}

BELLA_EN = {
    "promotional": [
        "Pride capsule out now 🌈 {p}% of every tee goes to LGBTQ+ youth charities. Shop the drop.",
        "The autumn edit has landed. Tailoring, knitwear and that coat. Shop now.",
        "Members get early access to the winter sale: up to {n}0% off from Thursday.",
    ],
    "other": [
        "Milan Fashion Week, day 2. What was your favourite look? 👀",
        "Happy New Year from Bella Moda ✨",
    ],
    "stance": [
        "Happy Pride! We stand with LGBTQ+ people everywhere, in June and every other month.",
    ],
}

BELLA_AR = {
    "promotional": [
        "وصلت مجموعة الخريف الجديدة إلى متجرنا في دبي مول ✨ تسوقوا الآن",
        "خصم يصل إلى {n}0٪ على الحقائب والأحذية لفترة محدودة! 👜",
        "تسوقوا إطلالات العيد من بيلا مودا: شحن مجاني لجميع الطلبات",
    ],
    "other": [
        "عيد مبارك من جميع أسرة بيلا مودا 🌙",
        "رمضان كريم! مواعيد متاجرنا خلال الشهر الفضيل: من ٨ مساءً حتى ٢ صباحًا",
        "@sara_ae مرحبًا سارة، أرسلي لنا رقم الطلب في رسالة خاصة وسنساعدك فورًا",
    ],
}

SAHAYOG_HI = {
    "stance": [
        "हमारा संकल्प: 2027 तक दस लाख लड़कियों को डिजिटल साक्षरता देना। हर लड़की को ऑनलाइन दुनिया में बराबर का मौका मिलना चाहिए।",
        "शिक्षा हर बच्चे का अधिकार है। हम ग्रामीण भारत में डिजिटल शिक्षा के लिए प्रतिबद्ध हैं। #DigitalIndia",
        "राष्ट्रीय बालिका दिवस पर हम वादा करते हैं कि हर गाँव की बेटी तक इंटरनेट की पढ़ाई पहुँचेगी।",
    ],
    "commitment_update": [
        "डिजिटल साक्षरता अभियान अपडेट: अब तक {n}5,000 लड़कियों ने हमारा कोर्स पूरा किया है, {m} राज्यों के 900 गाँवों में।",
        "हमने इस साल {n}0 डिजिटल लर्निंग सेंटर खोले और {m},000 टैबलेट स्कूलों को दिए।",
    ],
    "promotional": [
        "नया अनलिमिटेड प्लान सिर्फ ₹{n}99 में! 5G डेटा, कॉलिंग और OTT एक साथ। अभी रिचार्ज करें।",
        "दिवाली धमाका ऑफर 🪔 हर रिचार्ज पर {p}% कैशबैक। ऑफर सीमित समय के लिए।",
        "सहयोग फाइबर अब आपके शहर में! पहला महीना मुफ़्त। बुक करें: sahayog.in/fiber",
        "IPL का हर मैच देखें बिना रुके – सहयोग 5G के साथ 🏏",
    ],
    "other": [
        "आप सभी को दिवाली की हार्दिक शुभकामनाएँ 🪔",
        "गणतंत्र दिवस की शुभकामनाएँ 🇮🇳",
        "@rahul_v नमस्ते राहुल जी, कृपया अपना नंबर DM करें, हम तुरंत मदद करेंगे।",
        "कुछ क्षेत्रों में नेटवर्क धीमा है। हमारी टीम काम कर रही है, जल्द ठीक होगा।",
        "होली की रंग-बिरंगी शुभकामनाएँ! 🎨",
    ],
}

SAHAYOG_EN = {
    "stance": [
        "We pledge to bring digital literacy to one million girls by 2027. Every girl deserves a fair start online.",
    ],
    "commitment_update": [
        "Digital literacy update: {n}5,000 girls have completed our course so far, across {m} states. Report: sahayog.in/impact",
    ],
    "promotional": [
        "Unlimited 5G + OTT at ₹{n}99. Recharge now on the Sahayog app 📱",
        "Switch to Sahayog Fiber and get the first month free. Book today.",
        "Cricket season is here 🏏 Stream every match on Sahayog 5G.",
    ],
    "other": [
        "Sahayog Telecom Q{q} results: subscriber base up {p}%. Investor presentation on our website.",
        "We're hiring network engineers in Pune and Hyderabad. Apply now!",
        "Happy Independence Day 🇮🇳",
    ],
}

HASHTAGS = {
    "en": ["", "", " #weekend", " #foodie", " #news", ""],
    "nb": ["", "", " #energi", " #klima", ""],
    "it": ["", " #moda", " #style", "", " #madeinitaly"],
    "ar": ["", " #دبي", " #موضة", ""],
    "hi": ["", " #Sahayog", " #5G", ""],
}

TOPIC_OF = {
    "Northwind Foods": "racial_justice",
    "Fjordlys Energi": "climate_environment",
    "Bella Moda": "lgbtq",
    "Sahayog Telecom": "education",
}


def _fill(text: str, rng: random.Random, when: date) -> str:
    return text.format(
        n=rng.randint(2, 9),
        m=rng.randint(3, 9),
        p=rng.choice([5, 10, 12, 18, 21, 27, 32, 38, 41, 46]),
        q=(when.month - 1) // 3 + 1,
        y=when.year - 1,
    )


def _days() -> list[date]:
    return [START + timedelta(days=i) for i in range((END - START).days + 1)]


def _pick(bank: dict[str, list[str]], kind: str, rng: random.Random) -> str:
    return rng.choice(bank[kind])


def demo_posts(seed: int = 2020) -> pl.DataFrame:
    """The demo workspace's posts in the canonical schema (about 5,000 rows).

    >>> demo_posts().height > 4500
    True
    """
    return S.conform(_generate(seed))


def demo_truth(seed: int = 2020) -> pl.DataFrame:
    """The type each demo post was written as (for tests of the classifier and metrics)."""
    return _generate(seed).select(S.POST_ID, pl.col("_truth").alias(S.TYPE))


def _generate(seed: int) -> pl.DataFrame:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []

    def add(
        brand: str, platform: str, lang: str, when: date, text: str, kind: str, *, specific_boost: float = 1.0
    ) -> None:
        hour = rng.randint(7, 20)
        ts = datetime(when.year, when.month, when.day, hour, rng.choice([0, 5, 15, 30, 45]), tzinfo=UTC)
        text = text + rng.choice(HASHTAGS.get(lang, [""]))
        impressions = int(rng.lognormvariate(8.2, 0.7))
        base_rate = {"stance": 0.035, "commitment_update": 0.045, "promotional": 0.025, "other": 0.02}[kind]
        rate = base_rate * specific_boost * rng.uniform(0.5, 1.6)
        engagements = max(0, int(impressions * rate))
        likes = int(engagements * rng.uniform(0.55, 0.8))
        comments = int((engagements - likes) * rng.uniform(0.2, 0.6))
        shares = max(0, engagements - likes - comments)
        n = len(rows) + 1
        rows.append(
            {
                S.POST_ID: f"demo-{n:05d}",
                S.BRAND: brand,
                S.PLATFORM: platform,
                S.PUBLISHED_AT: ts,
                S.TEXT: text,
                S.URL: f"https://example.com/{brand.lower().replace(' ', '-')}/posts/{n}",
                S.LANG: lang,
                S.IS_REPLY: text.startswith("@"),
                S.IS_REPOST: False,
                S.LIKES: likes,
                S.COMMENTS: comments,
                S.SHARES: shares,
                S.IMPRESSIONS: impressions,
                S.REACH: int(impressions * rng.uniform(0.6, 0.9)),
                S.ENGAGEMENTS: engagements,
                S.SOURCE_FILE: "demo",
                S.SOURCE_ROW: n,
                "_truth": kind,
            }
        )

    days = _days()
    for when in days:
        # Northwind Foods: daily promotion, a burst of stances in June 2024, then silence.
        for _ in range(rng.choice([0, 1, 2, 2])):
            kind = "promotional" if rng.random() < 0.68 else "other"
            add(
                "Northwind Foods",
                rng.choice(["x", "instagram", "facebook"]),
                "en",
                when,
                _fill(_pick(NORTHWIND_EN, kind, rng), rng, when),
                kind,
            )
        if date(2024, 6, 1) <= when <= date(2024, 6, 21) and rng.random() < 0.85:
            add(
                "Northwind Foods",
                rng.choice(["x", "instagram", "linkedin"]),
                "en",
                when,
                _fill(_pick(NORTHWIND_EN, "stance", rng), rng, when),
                "stance",
            )
        if when in (date(2025, 6, 19), date(2026, 6, 19)):
            add("Northwind Foods", "x", "en", when, NORTHWIND_EN["stance"][4], "stance")
        if when == date(2024, 9, 10):
            add(
                "Northwind Foods",
                "linkedin",
                "en",
                when,
                NORTHWIND_EN["commitment_update"][0],
                "commitment_update",
                specific_boost=1.4,
            )

        # Fjordlys Energi: steady, specific updates every ~2 months, cross-posted.
        if rng.random() < 0.98:
            kind = "promotional" if rng.random() < 0.5 else "other"
            lang = "nb" if rng.random() < 0.8 else "en"
            bank = FJORDLYS_NB if lang == "nb" else FJORDLYS_EN
            add(
                "Fjordlys Energi",
                rng.choice(["facebook", "linkedin", "x"]),
                lang,
                when,
                _fill(_pick(bank, kind, rng), rng, when),
                kind,
            )
        offset = (when - date(2023, 11, 14)).days
        if offset == 0:
            add("Fjordlys Energi", "linkedin", "nb", when, FJORDLYS_NB["stance"][0], "stance")
            add("Fjordlys Energi", "linkedin", "en", when, FJORDLYS_EN["stance"][0], "stance")
        elif offset > 0 and offset % 56 == 0:
            text_nb = _fill(_pick(FJORDLYS_NB, "commitment_update", rng), rng, when)
            for platform in ("linkedin", "facebook"):
                add("Fjordlys Energi", platform, "nb", when, text_nb, "commitment_update", specific_boost=1.5)
            add(
                "Fjordlys Energi",
                "x",
                "en",
                when,
                _fill(_pick(FJORDLYS_EN, "commitment_update", rng), rng, when),
                "commitment_update",
                specific_boost=1.5,
            )
        elif offset > 0 and offset % 150 == 7:
            lang = rng.choice(["nb", "en"])
            add(
                "Fjordlys Energi",
                "linkedin",
                lang,
                when,
                _pick(FJORDLYS_NB if lang == "nb" else FJORDLYS_EN, "stance", rng),
                "stance",
            )

        # Bella Moda: fashion promotion; in June, Pride is mostly sold.
        for _ in range(rng.choice([0, 1, 1, 2, 2])):
            lang = rng.choices(["it", "en", "ar"], weights=[6, 3, 2])[0]
            bank = {"it": BELLA_IT, "en": BELLA_EN, "ar": BELLA_AR}[lang]
            kind = "promotional" if rng.random() < 0.75 else "other"
            pool = bank[kind]
            if kind == "promotional" and when.month != 6:
                pool = [t for t in pool if "Pride" not in t and "🌈" not in t and "Love is love" not in t] or pool
            add(
                "Bella Moda",
                rng.choice(["instagram", "tiktok", "facebook"]),
                lang,
                when,
                _fill(rng.choice(pool), rng, when),
                kind,
            )
        if when.month == 6 and when.day in (1, 28):
            lang = rng.choice(["it", "en"])
            add(
                "Bella Moda",
                "instagram",
                lang,
                when,
                _pick(BELLA_IT if lang == "it" else BELLA_EN, "stance", rng),
                "stance",
            )
        if when == date(2025, 7, 15):
            add(
                "Bella Moda",
                "linkedin",
                "it",
                when,
                _fill(BELLA_IT["commitment_update"][0], rng, when),
                "commitment_update",
            )

        # Sahayog Telecom: a pledge with late, irregular updates.
        if rng.random() < 0.98:
            lang = "hi" if rng.random() < 0.65 else "en"
            bank = SAHAYOG_HI if lang == "hi" else SAHAYOG_EN
            kind = "promotional" if rng.random() < 0.6 else "other"
            add(
                "Sahayog Telecom",
                rng.choice(["x", "facebook", "youtube"]),
                lang,
                when,
                _fill(_pick(bank, kind, rng), rng, when),
                kind,
            )
        if when == date(2024, 1, 24):
            add("Sahayog Telecom", "x", "hi", when, SAHAYOG_HI["stance"][0], "stance")
            add("Sahayog Telecom", "linkedin", "en", when, SAHAYOG_EN["stance"][0], "stance")
        if when in (date(2024, 9, 5), date(2025, 1, 24), date(2026, 1, 24)):
            add("Sahayog Telecom", "x", "hi", when, SAHAYOG_HI["stance"][rng.randint(1, 2)], "stance")
        if when in (date(2024, 8, 2), date(2025, 3, 10), date(2025, 4, 2)):
            lang = rng.choice(["hi", "en"])
            bank = SAHAYOG_HI if lang == "hi" else SAHAYOG_EN
            add(
                "Sahayog Telecom",
                "facebook",
                lang,
                when,
                _fill(_pick(bank, "commitment_update", rng), rng, when),
                "commitment_update",
                specific_boost=1.3,
            )

    return pl.DataFrame(rows, schema_overrides={S.PUBLISHED_AT: pl.Datetime("us", "UTC")}, infer_schema_length=None)

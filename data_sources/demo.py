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
        "Meet the Hot Honey Chicken Sandwich 🍯🔥 Crispy, sweet, a little bit dangerous. Only at Northwind.",
        "Free delivery on app orders over $20 this week 🚗",
        "Kids eat free every Tuesday with any adult entrée. Yes, really. 🧒",
        "Salad, but make it filling 🥗 The new Harvest Bowl: grilled chicken, quinoa, roasted sweet potato and our lemon-herb dressing.",
        "Rewards members: double points on every order this weekend. Not a member yet? Join free in the app.",
        "Breakfast burrito + coffee for $5 before 10am ☕🌯 Every day, every store.",
        "Office lunch on you? Catering platters for 10–50 people, ordered in two clicks. northwind.com/catering",
        "The Big Northwind is back and bigger: double patty, aged cheddar, house pickles. 🍔",
        "New flavor alert: strawberry lemonade, squeezed fresh in-store every morning 🍓🍋",
        "Only {n} days left to grab the chipotle burger before it's gone again ⏳",
        "Show this post at any Northwind today and get a free cookie with your meal 🍪",
        "CONTEST 🏆 Post your best Northwind lunch photo with #NorthwindLunch for a chance to win a $500 gift card. Ends Sunday.",
        "Buy a $50 gift card, get a $10 bonus card on us 🎁",
        "Protein bowls under 600 calories. Lunch that doesn't need a nap after. 💪",
        "Spicy or mild? Our new Nashville hot tenders come both ways 🌶️",
        "Order ahead, skip the line. The app remembers your usual, so reordering takes five seconds.",
        "Say hello to Mac & Cheese Bites 🧀 Dangerously poppable. Add them to any meal for $2.49.",
        "Find us at the Midwest Food Truck Festival this weekend, booth 12 🚚 Free sliders for the first 200 guests!",
        "The $6 lunch is back: any wrap + side, weekdays 11–2.",
        "Just landed: the Cold Brew Float ☕🍦 Try it before you judge it.",
        "Northwind Rewards turns one 🎂 Celebrate with {n}x points on every order all week.",
        "Late-night menu now at {n} more locations. Fries until midnight, as nature intended. 🌙",
        "New: gluten-free buns at every store, no extra charge.",
        "Tried the garlic parm fries yet? 🍟 Don't be the last one in your group chat.",
        "Movie night sorted 🎬 Family Bucket: 12 tenders, 2 large sides, 4 cookies, $29.99.",
        "Voted Best Fast-Casual Chicken in the Midwest by Taste Weekly readers 🏅 Come see why.",
        "Ordering for the team? Use code TEAMLUNCH for {n}% off orders of 10+ meals in the app.",
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
        "@maria_lopez_ That's definitely not the experience we want for you. Can you DM us the store and time of your visit?",
        "@tbone_88 Haha, we'll take that as a compliment 😂",
        "@kelsey.writes Great question! Nutrition and allergen info for every item is at northwind.com/nutrition",
        "@dan_mcr Sorry for the wait today. Main St was short-staffed and we've shared your feedback with the manager.",
        "Good morning! Who else is starting the day with a breakfast burrito? 🌯",
        "Ketchup or ranch with your fries? This is a safe space. 👇",
        "Pineapple on a burger: yes or no? Asking for a friend. 🍍",
        "We're hiring at our Columbus HQ: marketing, finance and IT roles. See openings at careers.northwind.com",
        "Now hiring crew members at {n} new locations in Texas. Flexible hours, free meal every shift. Apply in 5 minutes.",
        "Our Indianapolis support center is closed today due to severe weather. All restaurants remain open.",
        "Update: app ordering is working again. Thanks for your patience, and sorry for the trouble!",
        "Heads up: card payments are failing at a few stores right now. Cash and app payments work fine. We'll update here.",
        "Northwind Foods names Dana Whitfield Chief Operating Officer, effective next month.",
        "Q{q} update: same-store sales up {p}% and {n} new restaurants opened. Earnings call Thursday at 10am ET.",
        "Fun fact: we go through more than 2 million pounds of potatoes a year. 🥔",
        "Shoutout to the overnight crew at our Dayton store who kept the grills going through last night's storm 💙",
        "Drop a 🍟 if you've ever eaten fries in the car before getting home.",
        "Describe your perfect lunch in three emojis. Go. 👇",
        "Hope everyone's having a good week! What's the best thing you've eaten so far?",
        "Reminder: our airport locations are cashless. All major cards and mobile wallets accepted.",
        "@chef_anton Love this idea. Passing it straight to our menu team 👀",
        "Several Chicago-area stores are opening late today due to a local power outage. Check the app for live hours.",
        "Meet Luis, who has run our Tulsa kitchen for 12 years and still makes the best fries in Oklahoma 👨‍🍳",
        "Northwind Foods has completed its acquisition of Greenleaf Salads, adding 40 locations in the Southeast.",
        "Left something behind at one of our restaurants? Call the store directly; every number is listed in the app.",
        "@tina_reads Yes! Our fries are cooked in their own fryer, separate from anything breaded. Enjoy! 🍟",
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
        "Black-owned farms and food businesses helped build America's food culture. We will make sure they get a fair shot at our supply chain.",
        "We support the CROWN Act. No one should be judged at work for their natural hair.",
        "Equity is not a campaign. It is how we will run this company, from the kitchen to the boardroom.",
        "To our Black team members and guests: we see you, we hear you, and we are committed to change that lasts well beyond this month.",
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
        "Vi har nå bygd {m}0 hurtigladere langs E39, og alle går på fornybar strøm ⚡",
        "Klimaregnskapet for {y} er klart: utslippene i scope 1 og 2 er {p} % lavere enn i 2019. Les mer på fjordlys.no/klima",
        "Energifattigdom, status: {m} 000 husstander har fått gratis energirådgivning fra oss, og {n} 00 boliger er etterisolert med vår støtte.",
        "Vi har erstattet {n} oljefyrte reservekraftverk med batterilagring. Det kutter rundt {m} 000 tonn CO₂ i året.",
        "Det nye elvekraftverket i Sogn er satt i drift og gir fornybar strøm til {m} 000 hjem.",
        "Hovedkontoret vårt i Bergen varmes nå med fjernvarme og solceller. Energibruken er redusert med {p} % siden 2021.",
        "{p} % av innkjøpene våre går nå til leverandører med godkjente klimamål. I 2022 var andelen under 5 %.",
    ],
    "stance": [
        "Vi forplikter oss til netto null utslipp innen 2035. Det blir krevende, men klimaet kan ikke vente.",
        "Ingen skal måtte velge mellom mat og strøm. Vi jobber for at alle har råd til å holde varmen i vinter.",
        "Vi støtter en rask og rettferdig omstilling, og vi vil rapportere åpent om hvordan det går.",
        "Strøm er ikke et luksusgode. Norge trenger en bedre ordning for dem som sliter med å betale strømregningen.",
        "Vi ber Stortinget om raskere konsesjonsbehandling for fornybar kraft. Klimamålene nås ikke i dagens tempo.",
        "Klima og natur henger sammen. Vi lover at nye prosjekter skal ta hensyn til naturmangfold og lokalsamfunn.",
        "Innen 2030 skal alle arbeidsbåtene og anleggsmaskinene våre være utslippsfrie. Det er et løfte.",
        "Klimakrisen venter ikke på oss. Som energiselskap har vi et ansvar, og vi skal ta det.",
        "Vi støtter kraftige kutt i norske utslipp innen 2030, og vi skal bidra med mer fornybar kraft, ikke flere unnskyldninger.",
    ],
    "promotional": [
        "Spotpris uten påslag i 12 måneder 💡 Bytt til Fjordlys i dag: fjordlys.no/bytt",
        "Få solceller på taket med {n} % rabatt ut måneden. Book gratis befaring!",
        "Lade hjemme? Fjordlys Hjemmelader til kun {n}9 kr/mnd. Bestill nå.",
        "Verv en venn og få 500 kr i strømrabatt hver 🎁",
        "Fastpris i 12 måneder, så du vet nøyaktig hva strømmen koster. Se prisen på fjordlys.no/fastpris",
        "Varmepumpe fra Fjordlys: montert innen {n} uker, og du kan spare opptil {p} % på oppvarmingen 🔥",
        "Fjordlys-appen viser strømforbruket ditt time for time. Last ned gratis i App Store og Google Play 📱",
        "Smartlading: la appen lade elbilen når strømmen er billigst. Helt automatisk 🚗⚡",
        "Bedriftskunde? Vi leverer solceller, lading og energistyring i én pakke. Ta kontakt: fjordlys.no/bedrift",
        "KONKURRANSE 🎉 Del ditt beste strømsparetips i kommentarfeltet og bli med i trekningen av en hjemmelader!",
        "Nå kan du kjøpe batteri til solcelleanlegget ditt og bruke solstrømmen når du kommer hjem om kvelden ☀️🔋",
        "Student? Ingen månedsavgift de første {n} månedene med gyldig studentbevis 🎓",
        "Fjordlys har landets mest fornøyde strømkunder for andre år på rad 🏆 Takk til dere alle!",
        "Møt oss på Elbilmessa på Lillestrøm i helgen! Vi viser de nyeste laderne og har egne messetilbud 🚙",
        "Borettslag og sameier: få felles ladeanlegg uten investering. Vi bygger, drifter og fakturerer. fjordlys.no/borettslag",
        "Bytt til Fjordlys før månedsskiftet og få {n}00 kr i velkomstbonus 💰",
        "Strømsjekk: vi går gjennom avtalen din gratis og sier ærlig fra om du kan spare penger. Book på fjordlys.no/sjekk",
        "Ny hjemmelader med innebygd lastbalansering – lad, vask og lag middag samtidig uten at sikringen går.",
        "Fjordlys Hytte: styr varmen på hytta fra mobilen og kom fram til et varmt hus 🏔️",
        "Fjordlys Fordel gir deg rabatt hos over 200 partnere, fra sportsbutikker til kino. Helt gratis for kundene våre.",
        "Hvor mye strøm kan taket ditt produsere? Regn det ut på 30 sekunder: fjordlys.no/solkalkulator ☀️",
        "Velg Fjordlys Smart og få gratis styring av varmtvannsberederen 🏠",
        "Bedrifter i Vestland: få en gratis energianalyse av bygget ditt denne måneden.",
        "Lading på arbeidsplassen for bedrifter med {n}0 ansatte eller flere: utstyr, montering og fakturering fra én leverandør.",
        "Hytte uten strømnett? Solcellepakke med batteri fra {n}9 900 kr.",
        "Vi sponser Bergen Maraton i år 🏃 Kom og heia ved Fjordlys-teltet på Festplassen!",
        "Prøv Fjordlys Varmestyring gratis i 30 dager. Du bestemmer temperaturen, vi passer på regningen.",
        "Nytt i appen: få varsel når strømprisen er lavest, og vask og lad da 🔔",
        "Fjordlys Fastpris Trygg: samme pris per kWh i {n} år. Ingen overraskelser.",
        "Medlemmer får {p} % rabatt på Fjordlys Hurtiglad. Last ned appen og bli med.",
        "Vinn en elsykkel! 🚲 Meld deg på nyhetsbrevet vårt innen søndag, så er du med i trekningen.",
        "Skal du flytte? Ta med strømavtalen på to minutter i appen 📦",
        "Fjordlys Bedrift Spot: konkurransedyktig pris og en fast kontaktperson for bedriften din.",
        "Bestill hjemmelader før torsdag, så monterer vi den samme uke 🛠️",
    ],
    "other": [
        "Strømbrudd i deler av Bergen sentrum. Montørene er på vei, vi oppdaterer her.",
        "Gratulerer med dagen! 🇳🇴 Vi ønsker alle en fin 17. mai.",
        "@kari_n Hei! Send oss en melding med kundenummeret ditt, så ser vi på fakturaen.",
        "Vi søker nettplanleggere i Trondheim. Les mer på fjordlys.no/jobb",
        "Fjordlys leverer resultat for {q}. kvartal: driftsresultat på {n}0 millioner kroner.",
        "God jul og godt nytt år fra alle oss i Fjordlys 🎄",
        "Planlagt strømstans i Åsane natt til onsdag kl. 00–04 på grunn av vedlikehold. Berørte kunder får SMS.",
        "Strømmen er tilbake i Bergen sentrum. Takk for tålmodigheten, og beklager ulempen!",
        "@ole_h Hei Ole! Vi har sendt deg en melding om saken. Svar der, så hjelper vi deg videre.",
        "@line.berg Så kjekt å høre! Vi gir beskjed til montørene 😊",
        "@tor_erik Beklager ventetiden på telefon i dag. Du kan også chatte med oss i appen, der er køen kortere.",
        "@anne_m Fakturaen kommer vanligvis rundt den 5. hver måned. Du finner den også under «Mine fakturaer» i appen.",
        "God morgen! Hva er det første du gjør når du kommer hjem fra jobb? ☕",
        "Kaffe eller te på kontoret i dag? Her er det delte meninger 😄",
        "Vi søker elektrikere og montører til nettavdelingen i Bergen og Førde. Søknadsfrist om {n} uker.",
        "Sommerjobb i Fjordlys? Vi har {n}0 stillinger for studenter innen IT, kraft og kundeservice.",
        "Ingrid Solheim er ansatt som ny konserndirektør for nett i Fjordlys. Hun har 20 års erfaring fra kraftbransjen.",
        "Fjordlys legger fram tall for {q}. kvartal torsdag kl. 08.00. Presentasjonen sendes direkte på fjordlys.no/investor",
        "Driftsmelding: Kundeservice har redusert åpningstid i dag, kl. 10–14. Appen og chatten fungerer som normalt.",
        "Innloggingen i appen fungerer ikke for alle akkurat nå. Vi jobber med saken.",
        "Feilen i appen er rettet. Gi oss beskjed hvis du fortsatt har problemer.",
        "Uværet har gitt strømbrudd for rundt {m}00 kunder i Sunnfjord. Mannskapene er ute, men trær over linjene gjør arbeidet tregt.",
        "Husk: Fjordlys ringer aldri og ber om BankID eller passord. Er du usikker, legg på og ring kundeservice.",
        "Strømprisen i Sør-Norge blir lavere i morgen på grunn av mye vind og nedbør. Se timeprisene i appen.",
        "Visste du at en vanlig norsk husstand bruker rundt 16 000 kWh i året? Hvor mye bruker du? 🤔",
        "Takk til alle som kom innom standen vår på Arendalsuka! Gode samtaler om framtidas kraftsystem.",
        "Magasinfyllingen er {p} prosentpoeng over normalen for uka, ifølge NVE. Godt nytt for strømprisene.",
        "@bjorn_a Hei! Måleren leses av automatisk, så du trenger ikke gjøre noe 👍",
        "Fjordlys og Vestkraft slår sammen kundeservicen i Sogn. Kundene vil ikke merke noen endring.",
        "Velkommen til Henrik Aas, ny administrerende direktør i Fjordlys Nett!",
        "Kake på kontoret i Førde i dag, for noen har bursdag 🎂 Gratulerer, Marte!",
        "Ved strømbrudd eller fare: ring feilmeldingstjenesten vår. Den er åpen hele døgnet.",
        "Hvilken app bruker du mest for å følge med på strømprisen? Svar i kommentarfeltet 👇",
        "Fjordlys har inngått en ny langsiktig kraftavtale med industrikunder i Sunndal. Avtalen gjelder fra neste år.",
        "Arbeid på linjenettet på Osterøy i dag. Det kan bli korte utkoblinger mellom kl. 09 og 15.",
    ],
}

FJORDLYS_EN = {
    "commitment_update": [
        "Net zero progress: operational emissions down {p}% since 2019, and our grid is now {m}% renewable. Report: fjordlys.no/en/climate",
        "Our 2024 sustainability report is out: {n} EV chargers built, {p}% less diesel, and the Smøla wind farm fully online.",
        "Update on our energy-poverty fund: NOK {n} million paid out to {m}00 households this winter.",
        "Since pledging net zero by 2035, we have retired {n} diesel backup generators and electrified our entire service fleet.",
        "Progress check: {m}0 fast chargers are now live along the E39 coastal route, all running on renewable power ⚡",
        "Our {y} climate accounts are published: scope 1 and 2 emissions down {p}% on 2019. Read them at fjordlys.no/en/climate",
        "We have installed {n},000 solar panels on school roofs in Vestland ☀️ That's enough to power around {m}00 homes.",
        "Energy poverty update: {m},000 households have had free energy advice from us, and {n}00 homes have been insulated with our support.",
        "The new run-of-river plant in Sogn is up and running, delivering renewable power to {m},000 homes.",
        "{p}% of our procurement spend now goes to suppliers with approved climate targets, up from under 5% in 2022.",
    ],
    "stance": [
        "We commit to net zero emissions by 2035 across our own operations. We'll publish progress every quarter.",
        "Climate action cannot wait. We support the EU's 2040 target and urge faster permitting for renewables.",
        "No one should have to choose between heating and eating. We are committed to keeping our most vulnerable customers warm.",
        "We call on the Norwegian government to speed up grid investment. Net zero needs more cables, not more waiting.",
        "A just transition leaves nobody behind. We will put communities and nature first in every new project.",
        "By 2030 every work boat and construction machine we use will be zero-emission. That's a promise, and we'll show our working.",
        "The climate crisis is the defining challenge of our time. As an energy company, we have a duty to act.",
        "We support a carbon price that reflects the true cost of emissions, and we urge Europe to keep raising its ambition.",
        "Energy should be affordable for everyone. We back a stronger national support scheme for households in energy poverty.",
    ],
    "promotional": [
        "Switch to Fjordlys: spot price, no markup for 12 months ⚡ fjordlys.no/switch",
        "Home charging made simple. Fjordlys Home Charger from NOK {n}9/month.",
        "Fixed price for 12 months, so you know exactly what your power will cost. fjordlys.no/en/fixed",
        "Heat pump installed within {n} weeks, and save up to {p}% on heating. Book a free survey today 🔥",
        "See your power use hour by hour in the Fjordlys app. Free on iOS and Android 📱",
        "Smart charging: let the app charge your EV when power is cheapest. Fully automatic 🚗⚡",
        "Moving to Norway? Sign up for power in English in five minutes at fjordlys.no/en",
        "Solar + battery bundles for homes and cabins from NOK {n}9,900. Save your sunshine for the evening ☀️🔋",
        "Business customers: solar, charging and energy management in one package. Talk to us at fjordlys.no/business",
        "Refer a friend and you both get NOK 500 off your power bill 🎁",
        "Students: no monthly fee for the first {n} months with a valid student ID 🎓",
        "Visit us at the EV Expo in Lillestrøm this weekend for show-only deals on home chargers 🚙",
        "Housing co-ops: shared EV charging with zero upfront cost. We build it, run it and bill it.",
        "Switch before the end of the month and get a NOK {n}00 welcome bonus 💰",
        "New home charger with built-in load balancing: charge, cook and run the laundry without tripping a fuse.",
        "Control the heating at your cabin from your phone with Fjordlys Cabin 🏔️",
        "Price alerts are here: get a notification when power is cheapest and run the dishwasher then 🔔",
        "Fjordlys Fixed Secure: the same price per kWh for {n} years. No surprises.",
        "Members save {p}% at Fjordlys Fast Charge stations. Download the app to join.",
        "Win an e-bike! 🚲 Sign up to our newsletter by Sunday to enter the draw.",
        "Moving house? Take your power contract with you in two minutes in the app 📦",
        "Try Fjordlys Heat Control free for 30 days. You set the temperature, we keep an eye on the bill.",
        "Workplace charging for teams of {n}0 or more: hardware, installation and billing from one supplier.",
        "How much could your roof produce? Find out in 30 seconds with our solar calculator ☀️ fjordlys.no/en/solar",
        "Free energy check for businesses in Vestland this month. We'll show you where the kilowatts go.",
        "We're sponsoring the Bergen Marathon! Come and say hi at the Fjordlys tent on Festplassen 🏃",
        "Order a home charger before Thursday and we'll install it the same week 🛠️",
        "Meet the Fjordlys Home Battery: keep the lights on during outages and dodge peak prices 🔋",
        "Norway's most satisfied power customers, two years running 🏆 Thank you! Not with us yet? fjordlys.no/switch",
        "Fjordlys Business Spot: competitive pricing and a dedicated contact person for your company.",
        "Going electric? Bundle your EV charger and power contract and save NOK {n}00 a year.",
    ],
    "other": [
        "We're hiring grid engineers in Trondheim! Apply by Friday.",
        "Q{q} results: operating profit of NOK {n}0 million. Full report on our investor pages.",
        "Planned outage in Åsane tonight from midnight to 4am for maintenance. Affected customers will get a text.",
        "Power is back in central Bergen. Thanks for your patience, and sorry for the disruption!",
        "@mark_in_bergen Hi Mark! We've sent you a DM about your contract. Reply there and we'll sort it out.",
        "@sophie_w Thanks for the shout-out! We'll pass it on to the installation team 😊",
        "@jp_lindqvist Sorry about the wait on the phone today. You can also chat with us in the app, where the queue is shorter.",
        "Good morning from Bergen! ☔ What's the weather like where you are?",
        "We're hiring data scientists and software developers for our Oslo office. fjordlys.no/careers",
        "Summer internships at Fjordlys: {n}0 places for students in IT, power engineering and customer service.",
        "Fjordlys appoints Ingrid Solheim as EVP Grid. She joins with 20 years of experience in the power sector.",
        "Our Q{q} interim report will be published Thursday at 08:00 CET, with a live webcast at fjordlys.no/investor",
        "Some users can't log in to the app right now. We're working on a fix.",
        "The app issue is fixed. Let us know if you're still having trouble.",
        "Storm damage has left around {m}00 customers in Sunnfjord without power. Crews are out, but fallen trees are slowing repairs.",
        "Reminder: Fjordlys will never call and ask for your BankID or password. If in doubt, hang up and call us back.",
        "Prices in southern Norway drop tomorrow thanks to strong winds and rain. Check hourly prices in the app.",
        "Did you know the average Norwegian household uses around 16,000 kWh a year? How does yours compare? 🤔",
        "Great conversations about the future of the power system at Arendalsuka. Thanks to everyone who stopped by!",
        "Reservoir levels are {p} percentage points above normal for the week, according to NVE. Good news for prices.",
        "Fjordlys signs a long-term power supply agreement with industrial customers in Sunndal, starting next year.",
        "@expat_in_oslo Yes! Our customer service speaks English, and the app is available in English too 👍",
        "Line work on Osterøy today: short interruptions possible between 9am and 3pm.",
        "Customer service has reduced opening hours today, 10am–2pm. The app and chat work as normal.",
        "Which do you check more often: the weather forecast or the power price? 👇",
        "Strong hydro output lifted Q{q} revenue by {p}%. The full interim report is on our investor pages.",
        "Welcome to Henrik Aas, the new CEO of Fjordlys Nett!",
        "Cake at the Førde office today because somebody has a birthday 🎂 Happy birthday, Marte!",
        "In case of a power failure or danger, call our fault line. It's open 24/7.",
        "Fjordlys and Vestkraft are merging customer service in Sogn. Customers won't notice any change.",
        "Statnett's new grid development plan is out. Worth a read for anyone working in the power sector.",
        "@h_nilsen Meter readings are automatic with your smart meter, so there's nothing you need to do 👍",
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
        "Il trench che aspettavi è tornato. Gabardine di cotone, taglio sartoriale, cinque colori 🧥 Su bellamoda.it",
        "Borse in pelle conciata al vegetale, fatte a mano in Toscana 👜 Scopri la nuova collezione.",
        "Spedizione gratuita e resi facili su tutti gli ordini sopra i 150 € ✨",
        "Mocassini, ballerine, stivaletti: la nuova linea di calzature è arrivata. Quale scegli? 👠",
        "Membri Bella Club: accesso anticipato alle vendite private da giovedì. L'iscrizione è gratuita.",
        "Il nuovo store di Roma, in Via del Corso, apre sabato alle 10. Vi aspettiamo per un brindisi 🥂",
        "Una cerimonia in vista? La capsule Occasioni Speciali ti aspetta in boutique e online 💍",
        "Maglieria in cashmere rigenerato: morbida, calda, senza tempo. Scoprila ora.",
        "Regala Bella Moda: gift card digitali da 50 a 500 €, consegnate in pochi minuti 🎁",
        "CONCORSO 🎉 Condividi il tuo look Bella Moda con #BellaMomenti e vinci un weekend a Milano per due. Regolamento sul sito.",
        "Il denim secondo noi: vita alta, gamba ampia, cotone italiano. Dalla 38 alla 52.",
        "Prenota un appuntamento gratuito con i nostri personal shopper, in boutique o in videochiamata ✨",
        "Occhiali da sole con montature in acetato fatte a mano in Cadore 😎",
        "Ultimi giorni di saldi: fino al {p}% su una selezione di capi ⏳",
        "Giacca doppiopetto e pantalone palazzo: il tailleur della stagione, in tre colori.",
        "La collezione presentata alla Milano Fashion Week è già preordinabile 📸",
        "Scarica la nuova app Bella Moda e ricevi {n}0 punti fedeltà di benvenuto 📱",
        "Abiti da sera in seta, drappeggiati a mano nel nostro atelier di Como. Scopri la collezione Notte.",
        "Iscriviti alla newsletter: {p}% di sconto sul tuo primo ordine 💌",
        "Foulard in twill di seta stampati a Como, con confezione regalo inclusa 🎀",
        "Ordina online e ritira in negozio in 2 ore, gratis, in tutti i nostri store italiani.",
        "Pride Collection 🌈 T-shirt, felpe e tote bag in cotone biologico. Il {p}% delle vendite sostiene Arcigay.",
        "Love is love 💖 Le sneakers arcobaleno sono tornate, solo per il mese del Pride. Ordinale ora!",
        "Indossa il tuo orgoglio 🌈 Per ogni felpa della capsule Pride doniamo 10 € a Famiglie Arcobaleno.",
        "Sfila con noi al Milano Pride! 🏳️‍🌈 Passa dal nostro store in Corso Buenos Aires per glitter, musica e la capsule.",
        "Ultimi pezzi della capsule Pride 🌈 Quando finiscono, finiscono.",
        "Il foulard Pride in seta, stampato a Como 🌈 Edizione numerata, solo online.",
        "Love is love 🏳️‍🌈 Vetrine arcobaleno in tutti i nostri negozi: vieni a scoprire dal vivo la collezione Pride.",
    ],
    "other": [
        "Buon Natale da tutta la famiglia Bella Moda 🎄",
        "Qual è il vostro colore preferito per l'autunno? Diteci nei commenti 👇",
        "@giulia_r Ciao Giulia! Scrivici in DM il numero d'ordine e verifichiamo subito.",
        "Cerchiamo visual merchandiser a Milano. Candidati su bellamoda.it/lavora-con-noi",
        "Buon Ferragosto! ☀️ I nostri negozi restano aperti con orario ridotto.",
        "@marco_b Ciao Marco! La taglia 48 torna disponibile la prossima settimana. Vuoi che ti avvisiamo? 😊",
        "@fede.stile Che bello vederti con il nostro trench! Grazie per averci taggato 💛",
        "@anna_tw Ci dispiace per il ritardo. Il corriere ha avuto problemi nella tua zona: ti scriviamo in DM.",
        "@lucia_m Certo! Puoi fare il reso in qualsiasi negozio Bella Moda entro 30 giorni.",
        "Buongiorno! ☕ Caffè e ispirazione: come iniziate la giornata?",
        "Gonna o pantalone? Diteci la vostra nei commenti 👇",
        "Mocassini con i calzini bianchi: sì o no? Dibattito aperto 😄",
        "Cerchiamo sales assistant per il nuovo store di Roma. Invia il tuo CV su bellamoda.it/lavora-con-noi",
        "Stage nell'ufficio stile di Milano: cerchiamo giovani designer appassionati di maglieria. Candidature aperte.",
        "Bella Moda chiude il {y} con ricavi in crescita del {p}% e un forte sviluppo nel Golfo. Il comunicato completo è sul sito.",
        "Elena Castaldi è la nuova direttrice creativa di Bella Moda. Benvenuta! ✨",
        "Stanotte il sito sarà in manutenzione dalle 2 alle 4. Ci scusiamo per il disagio.",
        "Alcuni pagamenti con carta sul sito non vanno a buon fine: ci stiamo lavorando. Nel frattempo funziona PayPal.",
        "Risolto! I pagamenti con carta funzionano di nuovo. Grazie per la pazienza 🙏",
        "Sciopero dei corrieri: alcune consegne potrebbero arrivare con {n} giorni di ritardo. Grazie per la comprensione.",
        "Qual è il capo del vostro armadio a cui non rinuncereste mai? 👗",
        "Buona serata da Milano ✨ Com'è andata la vostra giornata?",
        "I negozi di Milano resteranno chiusi domenica per inventario. Ci vediamo lunedì!",
        "Attenzione: circolano email false a nome nostro con finti sconti. Bella Moda non chiede mai i dati della carta via email.",
        "Il servizio clienti risponde dal lunedì al sabato, 9–19, in italiano, inglese e arabo.",
        "Secondo voi qual è il colore dell'anno? Noi qualche idea ce l'abbiamo 👀",
        "Milano Fashion Week: che settimana! Grazie a tutto il team che ha lavorato giorno e notte 👏",
        "@r.esposito Ciao! Il codice sconto vale solo sul primo ordine. Scrivici se hai bisogno di aiuto.",
        "Domanda per voi: preferite fare shopping in negozio o online? 🛍️",
        "Bella Moda apre un nuovo polo logistico a Piacenza: {n}0 nuovi posti di lavoro entro l'anno.",
        "Complimenti al nostro store di Firenze, premiato miglior negozio del gruppo per il servizio clienti 🏆",
        "@paola.design Grazie mille! Le tue parole fanno felice tutto il team 💛",
        "Chi di voi è a Milano questo weekend? Consigliateci il vostro aperitivo preferito 🍹",
    ],
    "stance": [
        "Buon Pride! L'amore non ha etichette e noi saremo sempre al fianco della comunità LGBTQ+ 🏳️‍🌈",
        "Crediamo in un mondo dove ognuno può essere se stesso. Oggi e ogni giorno. #Pride",
        "L'amore è amore, sempre. Sosteniamo il matrimonio egualitario e pari diritti per tutte le famiglie.",
        "Nessuno deve avere paura di essere se stesso. Diciamo no a omofobia, bifobia e transfobia, sul lavoro e ovunque.",
        "Il Pride non è solo un mese. Ci impegniamo a sostenere la comunità LGBTQ+ tutto l'anno, dentro e fuori dai nostri negozi.",
        "Chiediamo al Parlamento una legge contro i crimini d'odio omotransfobici. I diritti non possono aspettare.",
        "Buon Pride a tutta la comunità LGBTQ+! 🏳️‍🌈 Orgogliosi di essere al vostro fianco, oggi e sempre.",
        "Ogni persona merita di essere vista e rispettata per ciò che è. Nel nostro team, nei nostri negozi, nella società. #Pride",
    ],
    "commitment_update": [
        "Nel {y} abbiamo donato {n}0.000 € ad Arcigay e formato 400 dipendenti sull'inclusione. Il report completo è online.",
        "Un anno fa abbiamo promesso sostegno tutto l'anno. Da allora: {n} progetti finanziati con Arcigay e congedo parentale uguale per tutte le famiglie.",
        "Abbiamo esteso l'assicurazione sanitaria ai partner dello stesso sesso per tutti i dipendenti in Italia e in Europa.",
        "Il {p}% dei nostri dipendenti ha completato la formazione su inclusione e identità di genere. L'obiettivo è il 100% entro fine anno.",
        "Nel {y} la capsule Pride ha raccolto {n}0.000 € per Arcigay e Famiglie Arcobaleno. Ecco come sono stati spesi: bellamoda.it/impatto",
        "Abbiamo adottato una policy aziendale sulla transizione di genere: {n} colleghe e colleghi ne hanno già usufruito.",
        "Da gennaio abbiamo organizzato {n} incontri con la rete LGBTQ+ interna e aperto uno sportello d'ascolto in tutte le sedi italiane.",
        "Con Gay Center abbiamo finanziato {n}00 ore di supporto psicologico gratuito per giovani LGBTQ+ a Roma.",
    ],
}

BELLA_EN = {
    "promotional": [
        "Pride capsule out now 🌈 {p}% of every tee goes to LGBTQ+ youth charities. Shop the drop.",
        "The autumn edit has landed. Tailoring, knitwear and that coat. Shop now.",
        "Members get early access to the winter sale: up to {n}0% off from Thursday.",
        "The trench is back. Cotton gabardine, tailored fit, five colours 🧥",
        "Handmade in Tuscany: our new vegetable-tanned leather bags 👜 Shop the collection.",
        "Free shipping and easy returns on orders over €150 ✨",
        "Loafers, ballet flats, ankle boots: the new shoe edit is here. Which pair are you? 👠",
        "Regenerated cashmere knits. Soft, warm, timeless. Shop now.",
        "Gift cards from €50 to €500, delivered by email in minutes 🎁",
        "GIVEAWAY 🎉 Share your Bella Moda look with #BellaMoments for a chance to win a weekend in Milan for two. T&Cs on our site.",
        "Book a free styling appointment with our personal shoppers, in store or on video call ✨",
        "Last days of the sale: up to {p}% off selected pieces ⏳",
        "Silk evening dresses, hand-draped in our Como atelier. Discover the Notte collection.",
        "Sign up to our newsletter and get {p}% off your first order 💌",
        "Now open: our new boutique at Place Vendôme, Doha ✨ Come and see us.",
        "Double-breasted blazer, wide-leg trousers: the suit of the season, in three colours.",
        "Silk twill scarves printed in Como, gift-wrapped for free 🎀",
        "New app, new perks: download Bella Moda and get {n}0 welcome points 📱",
        "Dubai Mall, Mall of the Emirates and now Riyadh: our Gulf boutiques are ready for you ✨",
        "The resort collection is online: linen, raffia and a lot of colour ☀️",
        "Handcrafted acetate sunglasses from Cadore, Italy 😎 Shop the new frames.",
        "Click & collect in 2 hours at every Bella Moda store in Italy.",
        "Straight from the Milan Fashion Week runway: the full collection is available to pre-order now 📸",
        "The denim edit: high rise, wide leg, Italian cotton. Sizes 4 to 18.",
        "Love is love 💖 The rainbow sneakers are back for Pride month only. Order yours now.",
        "For every hoodie sold from our Pride capsule, we donate €10 to LGBTQ+ family charities 🌈 Shop now.",
        "Wear your pride 🏳️‍🌈 Tees, hoodies and totes in organic cotton. {p}% of sales go to LGBTQ+ charities.",
        "Last pieces of the Pride capsule 🌈 When they're gone, they're gone.",
        "Join us at Milano Pride! 🏳️‍🌈 Pop into our Corso Buenos Aires store for glitter, music and the capsule collection.",
        "Limited-edition Pride silk scarf, printed in Como 🌈 Numbered pieces, online only.",
        "Love is love. Our Pride windows are up in every store 🌈 Come and see the capsule in person.",
        "Pride capsule restock! 🌈 Every size is back, plus two new colourways.",
    ],
    "other": [
        "Milan Fashion Week, day 2. What was your favourite look? 👀",
        "Happy New Year from Bella Moda ✨",
        "@chloe_styles Hi Chloe! Size 12 is back in stock next week. Want us to let you know? 😊",
        "@jamie.k Love this look! Thanks for tagging us 💛",
        "@amira_dxb So sorry your order is late. The courier has had delays in your area; we've sent you a DM.",
        "@ben_t Yes! You can return online orders to any Bella Moda store within 30 days.",
        "Good morning from Milan ☕ How are you starting your day?",
        "Skirt or trousers? Tell us in the comments 👇",
        "Loafers with white socks: yes or no? Discuss. 😄",
        "We're hiring sales associates for our Doha boutique. Apply at bellamoda.com/careers",
        "Internship: knitwear design team, Milan studio. Applications are open now.",
        "Bella Moda closed {y} with revenue up {p}%, led by strong growth in the Gulf. Full press release on our website.",
        "Welcome Elena Castaldi, our new Creative Director ✨",
        "Scheduled website maintenance tonight, 2am–4am CET. Sorry for any inconvenience.",
        "Some card payments are failing on our website. We're on it; PayPal works in the meantime.",
        "Fixed! Card payments are working again. Thanks for your patience 🙏",
        "What's the one piece in your wardrobe you'd never give up? 👗",
        "Good evening from Milan ✨ How was your day?",
        "Heads up: fake emails are using our name to offer discounts. Bella Moda will never ask for card details by email.",
        "Our customer service team is here Monday to Saturday, 9am–7pm CET, in Italian, English and Arabic.",
        "What's the colour of the year? We have a few ideas 👀",
        "Milan Fashion Week: what a week! Huge thanks to the whole team who worked day and night 👏",
        "@r_ahmed Hi! The discount code only works on first orders. DM us if you need help.",
        "In store or online: where do you prefer to shop? 🛍️",
        "Bella Moda is opening a new logistics hub near Piacenza, creating {n}0 jobs this year.",
        "@paola.design Thank you so much! Your words made the whole team's day 💛",
        "Anyone in Milan this weekend? Tell us your favourite aperitivo spot 🍹",
        "Orders placed after 2pm ship the next working day. Track yours anytime in the app.",
        "Courier strike in Italy: some deliveries may be {n} days late. Thank you for your understanding.",
        "Our Dubai Mall boutique is closed today for a private event. We reopen tomorrow at 10am.",
        "Who's your style icon? Tell us below 👇",
        "@lina.kw Hi Lina! Shipping to Kuwait takes 3–5 working days 📦",
    ],
    "stance": [
        "Happy Pride! We stand with LGBTQ+ people everywhere, in June and every other month.",
        "Love is love, always. We support marriage equality and equal rights for every family.",
        "Nobody should be afraid to be themselves. We say no to homophobia, biphobia and transphobia, at work and everywhere.",
        "Pride isn't just a month. We commit to supporting LGBTQ+ communities all year round, in our stores and beyond.",
        "Trans rights are human rights. We stand with our trans colleagues, customers and friends 🏳️‍⚧️",
        "Happy Pride to the whole LGBTQ+ community! 🏳️‍🌈 Proud to stand with you, today and always.",
        "Everyone deserves to be seen and respected for who they are. In our team, in our stores, in society. #Pride",
        "We call on lawmakers across Europe to protect LGBTQ+ people from hate crime. Rights can't wait.",
    ],
}

BELLA_AR = {
    "promotional": [
        "وصلت مجموعة الخريف الجديدة إلى متجرنا في دبي مول ✨ تسوقوا الآن",
        "خصم يصل إلى {n}0٪ على الحقائب والأحذية لفترة محدودة! 👜",
        "تسوقوا إطلالات العيد من بيلا مودا: شحن مجاني لجميع الطلبات",
        "تشكيلة جديدة من المعاطف المصنوعة من الصوف الإيطالي، متوفرة الآن في متاجرنا ✨",
        "حقائب جلدية مصنوعة يدويًا في توسكانا 👜 اكتشفوا التشكيلة الجديدة",
        "شحن مجاني لجميع الطلبات فوق ٥٠٠ درهم داخل الإمارات 🚚",
        "افتتاح متجرنا الجديد في الرياض بارك ✨ نرحب بكم ابتداءً من يوم الخميس",
        "عبايات بتوقيع بيلا مودا: قصات إيطالية وأقمشة فاخرة. متوفرة الآن أونلاين وفي المتاجر",
        "تشكيلة القفاطين الجديدة بتطريز يدوي من مشاغلنا في إيطاليا ✨",
        "احصلوا على خصم {p}٪ على طلبكم الأول عند الاشتراك في نشرتنا البريدية 💌",
        "أعضاء نادي بيلا: وصول مبكر إلى التخفيضات الخاصة ابتداءً من الخميس. التسجيل مجاني",
        "بطاقات هدايا رقمية من ٢٠٠ إلى ٢٠٠٠ درهم، تصل عبر البريد الإلكتروني خلال دقائق 🎁",
        "مسابقة 🎉 شاركونا إطلالتكم من بيلا مودا مع وسم #لحظات_بيلا واربحوا قسيمة شرائية بقيمة ٣٠٠٠ درهم",
        "احجزوا موعدًا مجانيًا مع مستشاري الأناقة لدينا في دبي مول أو عبر مكالمة فيديو ✨",
        "فساتين سهرة من الحرير، مصنوعة يدويًا في مشغلنا في كومو. اكتشفوا مجموعة «نوتّي»",
        "الأيام الأخيرة للتخفيضات: خصم حتى {p}٪ على قطع مختارة ⏳",
        "نظارات شمسية مصنوعة يدويًا في إيطاليا 😎 تسوقوا التصاميم الجديدة",
        "متجرنا في مول الإمارات بحلّة جديدة! زورونا واكتشفوا أحدث التشكيلات",
        "أوشحة من الحرير المطبوع في كومو، مع تغليف هدايا مجاني 🎀",
        "حمّلوا تطبيق بيلا مودا واحصلوا على {n}0 نقطة ترحيبية 📱",
        "اطلبوا أونلاين واستلموا من المتجر خلال ساعتين في دبي وأبوظبي والرياض",
        "أحذية جديدة: موكاسان وباليرينا وأحذية بكعب منخفض 👠 أيها تختارون؟",
        "تشكيلة الكشمير المعاد تدويره: نعومة ودفء وأناقة لا تنتهي",
        "لعملائنا في الدوحة: خصم {p}٪ على الحقائب في متجرنا في بلاس فاندوم هذا الأسبوع",
        "البدلة النسائية لهذا الموسم: سترة بصفين من الأزرار وبنطال واسع، بثلاثة ألوان",
        "عطر بيلا مودا الجديد «نوتّي» متوفر الآن حصريًا في متاجرنا في الخليج ✨",
        "مجموعة الأطفال الجديدة: أناقة إيطالية لأصغر أفراد العائلة 👧👦",
        "توصيل في اليوم نفسه داخل دبي للطلبات قبل الساعة ٢ ظهرًا 🚚",
        "أمسية أزياء خاصة في متجرنا في الأفنيوز بالكويت يوم السبت. سجلوا حضوركم عبر الرابط في البايو",
        "خصم إضافي ١٠٪ على قطع التخفيضات عبر التطبيق فقط 📱",
        "تشكيلة عرض أسبوع ميلانو للموضة متاحة الآن للطلب المسبق 📸",
        "حقيبة «كومو» الأيقونية بألوان جديدة. الكميات محدودة 👜",
        "قسّطوا مشترياتكم على ٤ دفعات بدون فوائد مع تابي 💳",
    ],
    "other": [
        "عيد مبارك من جميع أسرة بيلا مودا 🌙",
        "رمضان كريم! مواعيد متاجرنا خلال الشهر الفضيل: من ٨ مساءً حتى ٢ صباحًا",
        "@sara_ae مرحبًا سارة، أرسلي لنا رقم الطلب في رسالة خاصة وسنساعدك فورًا",
        "@noura_q مرحبًا نورة، المقاس ٣٨ سيتوفر مجددًا الأسبوع القادم. هل تودين أن نخبرك عند توفره؟ 😊",
        "@fatima.styles شكرًا لمشاركتنا إطلالتك الجميلة 💛",
        "@khalid_r نعتذر عن تأخر طلبك. أرسلنا لك رسالة خاصة لمتابعة الشحنة",
        "@mariam_kw نعم، يمكنك إرجاع الطلبات الإلكترونية في أي متجر خلال ٣٠ يومًا",
        "صباح الخير ☕ كيف تبدأون يومكم؟",
        "تنورة أم بنطال؟ شاركونا رأيكم في التعليقات 👇",
        "نبحث عن مستشاري مبيعات لمتجرنا في الرياض. قدّموا عبر bellamoda.com/careers",
        "وظائف شاغرة في مكتبنا الإقليمي في دبي: التسويق والتجارة الإلكترونية وخدمة العملاء",
        "الموقع الإلكتروني تحت الصيانة الليلة من الساعة ٤ حتى ٦ صباحًا بتوقيت الإمارات. نعتذر عن الإزعاج",
        "بعض عمليات الدفع بالبطاقات لا تعمل حاليًا على الموقع. نعمل على حل المشكلة",
        "تم حل المشكلة! الدفع بالبطاقات يعمل الآن بشكل طبيعي. شكرًا لصبركم 🙏",
        "ما القطعة التي لا يمكنكم الاستغناء عنها في خزانتكم؟ 👗",
        "مساء الخير من دبي ✨",
        "تنبيه: رسائل بريد إلكتروني مزيفة تستخدم اسمنا لتقديم خصومات. بيلا مودا لا تطلب بيانات البطاقة عبر البريد الإلكتروني أبدًا",
        "فريق خدمة العملاء متاح من السبت إلى الخميس، من ١٠ صباحًا حتى ١٠ مساءً، بالعربية والإنجليزية",
        "متجرنا في دبي مول مغلق اليوم لفعالية خاصة، ونستقبلكم غدًا من الساعة ١٠ صباحًا",
        "@lina.kw مرحبًا لينا، الشحن إلى الكويت يستغرق من ٣ إلى ٥ أيام عمل 📦",
        "التسوق في المتجر أم أونلاين؟ أيهما تفضلون؟ 🛍️",
        "@ahmad_bh أهلًا أحمد، رمز الخصم صالح للطلب الأول فقط. راسلنا إذا احتجت أي مساعدة",
        "بيلا مودا تعيّن ريم الحمادي مديرةً إقليمية لمنطقة الخليج",
        "ما لونكم المفضل لهذا الموسم؟ 👀",
        "الطلبات بعد الساعة ٢ ظهرًا تُشحن في يوم العمل التالي. تتبعوا طلبكم عبر التطبيق",
        "شكرًا لفريقنا في الدوحة على أسبوع حافل 👏",
        "أسبوع ميلانو للموضة: أي إطلالة كانت المفضلة لديكم؟ 👀",
        "@hessa_a شكرًا على كلماتك اللطيفة، سننقلها إلى فريق المتجر 💛",
        "نمت مبيعات بيلا مودا في الخليج بنسبة {p}٪ في عام {y}. التفاصيل في البيان الصحفي على موقعنا",
        "تعرّفوا على فريق متجرنا في أبوظبي 👋 شكرًا لكم على خدمتكم الرائعة كل يوم",
        "@s_alharbi مرحبًا! نعم، خدمة تعديل المقاسات متوفرة مجانًا في متاجرنا في الرياض وجدة",
        "من منكم يتابع أسابيع الموضة؟ أخبرونا عن مصممكم المفضل 👇",
    ],
}

SAHAYOG_HI = {
    "stance": [
        "हमारा संकल्प: 2027 तक दस लाख लड़कियों को डिजिटल साक्षरता देना। हर लड़की को ऑनलाइन दुनिया में बराबर का मौका मिलना चाहिए।",
        "शिक्षा हर बच्चे का अधिकार है। हम ग्रामीण भारत में डिजिटल शिक्षा के लिए प्रतिबद्ध हैं। #DigitalIndia",
        "राष्ट्रीय बालिका दिवस पर हम वादा करते हैं कि हर गाँव की बेटी तक इंटरनेट की पढ़ाई पहुँचेगी।",
        "जब एक लड़की पढ़ती है, तो पूरा परिवार आगे बढ़ता है। हम हर बेटी को डिजिटल दुनिया से जोड़ने के लिए प्रतिबद्ध हैं।",
        "हम सरकार से अपील करते हैं कि हर सरकारी स्कूल में लड़कियों के लिए कंप्यूटर लैब और मुफ़्त इंटरनेट हो।",
        "ऑनलाइन दुनिया लड़कियों के लिए सुरक्षित होनी चाहिए। साइबर सुरक्षा की शिक्षा हमारे अभियान का अहम हिस्सा होगी।",
        "अगले तीन साल में हम हर ज़िले में महिला डिजिटल ट्रेनर तैयार करेंगे, ताकि गाँव की बेटियाँ अपनी भाषा में सीख सकें।",
        "किसी लड़की की पढ़ाई न पैसों की कमी से रुके, न नेटवर्क की कमी से। यह हमारा वादा है।",
    ],
    "commitment_update": [
        "डिजिटल साक्षरता अभियान अपडेट: अब तक {n}5,000 लड़कियों ने हमारा कोर्स पूरा किया है, {m} राज्यों के 900 गाँवों में।",
        "हमने इस साल {n}0 डिजिटल लर्निंग सेंटर खोले और {m},000 टैबलेट स्कूलों को दिए।",
        "अपडेट: हमारे डिजिटल साक्षरता अभियान से अब तक {m} राज्यों की {n}0,000 से ज़्यादा लड़कियाँ जुड़ चुकी हैं। पूरी रिपोर्ट: sahayog.in/impact",
        "पिछले साल हमने गाँव की बेटियों तक इंटरनेट की पढ़ाई पहुँचाने का वादा किया था। अब तक {n}00 गाँवों में मुफ़्त वाई-फ़ाई लर्निंग पॉइंट शुरू हो चुके हैं।",
        "हमारी {m}00 'डिजिटल दीदी' ट्रेनर अब तक {n}0,000 लड़कियों को स्मार्टफ़ोन और ऑनलाइन सुरक्षा की ट्रेनिंग दे चुकी हैं।",
        "{y} की इम्पैक्ट रिपोर्ट जारी: कोर्स पूरा करने वाली {p}% लड़कियों ने आगे की पढ़ाई या नौकरी के लिए ऑनलाइन आवेदन किया।",
        "राजस्थान और झारखंड के {n}0 सरकारी स्कूलों में हमने कंप्यूटर लैब लगाई हैं, जहाँ हर हफ़्ते {m},000 छात्राएँ पढ़ रही हैं।",
        "लक्ष्य: 2027 तक 10 लाख लड़कियाँ। अब तक {n}5,000 लड़कियाँ कोर्स पूरा कर चुकी हैं, और {m} नए राज्यों में काम शुरू हो गया है।",
    ],
    "promotional": [
        "नया अनलिमिटेड प्लान सिर्फ ₹{n}99 में! 5G डेटा, कॉलिंग और OTT एक साथ। अभी रिचार्ज करें।",
        "दिवाली धमाका ऑफर 🪔 हर रिचार्ज पर {p}% कैशबैक। ऑफर सीमित समय के लिए।",
        "सहयोग फाइबर अब आपके शहर में! पहला महीना मुफ़्त। बुक करें: sahayog.in/fiber",
        "IPL का हर मैच देखें बिना रुके – सहयोग 5G के साथ 🏏",
        "सिर्फ़ ₹{n}49 में 28 दिन, रोज़ 2GB डेटा और अनलिमिटेड कॉल। अभी सहयोग ऐप से रिचार्ज करें 📱",
        "सहयोग 5G अब {n}00 और शहरों में! फ़ोन की सेटिंग में 5G ऑन करें और तेज़ स्पीड का मज़ा लें ⚡",
        "फ़ैमिली प्लान: एक बिल, चार कनेक्शन, शेयर्ड डेटा। सिर्फ़ ₹{n}99 प्रति माह 👨‍👩‍👧‍👦",
        "नया स्मार्टफ़ोन आसान EMI पर! किसी भी सहयोग स्टोर पर ₹{n}99 प्रति माह से शुरू।",
        "सहयोग फाइबर: 300 Mbps स्पीड + फ्री राउटर + 15 OTT ऐप्स। आज ही बुक करें 🏠",
        "रिचार्ज करें और जीतें! 🎉 इस हफ़्ते हर रिचार्ज पर नया 5G स्मार्टफ़ोन जीतने का मौका। शर्तें लागू।",
        "क्रिकेट फ़ैन्स के लिए खास पैक 🏏 सिर्फ़ ₹{n}9 में 7 दिन के लिए 10GB एक्स्ट्रा डेटा।",
        "पोस्टपेड पर स्विच करें और पाएँ पहले {n} महीने {p}% की छूट।",
        "सहयोग ऐप पर पहले रिचार्ज पर ₹50 कैशबैक 💰",
        "इंटरनेशनल रोमिंग पैक: 30 देशों में अनलिमिटेड डेटा, सिर्फ़ ₹{n}99 प्रतिदिन से ✈️",
        "सहयोग सेलेक्ट: प्रीमियम कस्टमर केयर, एयरपोर्ट लाउंज और ज़्यादा डेटा। आज ही अपग्रेड करें ✨",
        "सहयोग नेटवर्क अब आपके गाँव में! सिर्फ़ ₹{n}9 के स्टार्टर प्लान से जुड़ें।",
        "लखनऊ के हज़रतगंज में नया सहयोग स्टोर खुल गया है 🎉 पहले 100 ग्राहकों को फ्री सिम और 50GB डेटा।",
        "वीकेंड डेटा रोलओवर: हफ़्ते भर का बचा डेटा अब शनिवार-रविवार को इस्तेमाल करें। सभी अनलिमिटेड प्लान पर।",
        "फाइबर का सालाना प्लान लें और पाएँ 2 महीने बिल्कुल मुफ़्त 🎁",
        "नंबर वही, नेटवर्क नया! सहयोग पर पोर्ट करें और 3 महीने तक पाएँ डबल डेटा।",
        "सहयोग म्यूज़िक अब हर प्लान के साथ फ्री 🎶 लाखों गाने, बिना विज्ञापन।",
        "छात्रों के लिए खास: ₹{n}99 में 84 दिन, ऑनलाइन क्लास के लिए एक्स्ट्रा डेटा के साथ 🎓",
        "गेमर्स ध्यान दें 🎮 सहयोग 5G पर लो-लेटेंसी गेमिंग पैक, सिर्फ़ ₹{n}9 में।",
        "सहयोग ऐप से बिल भरें और UPI पर पाएँ {p}% तक कैशबैक।",
        "सहयोग एयर फाइबर: बिना तार के घर पर हाई-स्पीड इंटरनेट। इंस्टॉलेशन सिर्फ़ 24 घंटे में 📡",
        "कॉन्टेस्ट 🏆 अपने शहर के 5G स्पीड टेस्ट का स्क्रीनशॉट #SahayogSpeed के साथ शेयर करें और जीतें 1 साल का फ्री रिचार्ज!",
        "सैलरी डे ऑफ़र 💸 आज रिचार्ज करें और पाएँ 5GB बोनस डेटा।",
        "अब eSIM भी! सहयोग स्टोर या ऐप से मिनटों में eSIM एक्टिवेट करें।",
        "सहयोग ब्रॉडबैंड के साथ फ्री लैंडलाइन और अनलिमिटेड लोकल कॉल ☎️",
        "बुज़ुर्गों के लिए आसान प्लान: बड़े अक्षरों वाला ऐप, 24x7 हिंदी हेल्पलाइन और सिर्फ़ ₹{n}9 का रिचार्ज।",
        "बिज़नेस के लिए सहयोग: कॉर्पोरेट प्लान, क्लाउड कॉलिंग और लीज़्ड लाइन। संपर्क करें: sahayog.in/business",
        "लाइव टीवी अब फ़ोन पर! सहयोग TV+ ऐप पर 300+ चैनल फ्री 📺",
        "डेटा खत्म? ₹{n}9 का बूस्टर पैक लें और तुरंत पाएँ 6GB।",
        "इस महीने कॉलर ट्यून बिल्कुल मुफ़्त 🎵 सहयोग ऐप में अपनी पसंद का गाना सेट करें।",
    ],
    "other": [
        "आप सभी को दिवाली की हार्दिक शुभकामनाएँ 🪔",
        "गणतंत्र दिवस की शुभकामनाएँ 🇮🇳",
        "@rahul_v नमस्ते राहुल जी, कृपया अपना नंबर DM करें, हम तुरंत मदद करेंगे।",
        "कुछ क्षेत्रों में नेटवर्क धीमा है। हमारी टीम काम कर रही है, जल्द ठीक होगा।",
        "होली की रंग-बिरंगी शुभकामनाएँ! 🎨",
        "@priya_s नमस्ते प्रिया जी, असुविधा के लिए खेद है। कृपया अपना मोबाइल नंबर DM करें, हम जल्द समाधान करेंगे।",
        "@amit.k धन्यवाद अमित जी! आपकी तारीफ़ हम अपनी टीम तक ज़रूर पहुँचाएँगे 🙏",
        "@sunita_g नमस्ते! पैसे कट गए लेकिन प्लान एक्टिव नहीं हुआ? चिंता न करें, 24 घंटे में रिफ़ंड आ जाएगा।",
        "@vikas_patna पटना के कंकड़बाग इलाके में नेटवर्क की समस्या की जानकारी हमें है। हमारी टीम मौके पर है।",
        "सुप्रभात! ☀️ आपका दिन शुभ हो।",
        "आप दिन में कितने घंटे फ़ोन पर बिताते हैं? सच-सच बताइए 😄👇",
        "चाय या कॉफ़ी? ☕ कमेंट में बताइए!",
        "सहयोग में नौकरी! लखनऊ, जयपुर और भोपाल में कस्टमर सर्विस एक्ज़ीक्यूटिव की भर्ती। आवेदन करें: sahayog.in/careers",
        "5G नेटवर्क इंजीनियर के {n}00 पद खाली हैं। अनुभव: 2-5 साल। आज ही आवेदन करें।",
        "सहयोग टेलीकॉम Q{q} नतीजे: ग्राहकों की संख्या में {p}% की बढ़ोतरी। पूरी जानकारी हमारी वेबसाइट पर।",
        "नेटवर्क अपडेट: मुंबई के कुछ इलाकों में कॉल ड्रॉप की समस्या ठीक कर दी गई है। धैर्य के लिए धन्यवाद 🙏",
        "सावधान! सहयोग कभी भी KYC के नाम पर फ़ोन पर OTP या पैसे नहीं माँगता। ऐसे कॉल की शिकायत साइबर क्राइम हेल्पलाइन 1930 पर करें।",
        "आज रात 1 से 4 बजे तक ऐप का मेंटेनेंस होगा। इस दौरान वेबसाइट से रिचार्ज करें।",
        "दिल्ली-NCR में भारी बारिश से कुछ टावरों पर असर पड़ा है। हमारी टीम सेवा बहाल करने में जुटी है।",
        "सहयोग टेलीकॉम ने मीरा अय्यर को नया मुख्य तकनीकी अधिकारी (CTO) नियुक्त किया है।",
        "क्या आप जानते हैं? भारत में एक औसत यूज़र हर महीने करीब 20GB डेटा इस्तेमाल करता है। आप कितना करते हैं? 📊",
        "हमारे कस्टमर केयर से अब हिंदी, तमिल, तेलुगु, बांग्ला और मराठी में बात करें। कॉल करें 198 पर।",
        "@neha_r जी, आपका पोर्ट-इन अनुरोध प्रोसेस में है। 3 कार्यदिवस में आपका नंबर एक्टिव हो जाएगा।",
        "कौन-सा ऐप है जिसके बिना आपका दिन अधूरा है? 📱",
        "शुभ रात्रि! 🌙 कल फिर मिलते हैं।",
        "सहयोग टेलीकॉम बोर्ड ने 5G नेटवर्क में ₹{n},000 करोड़ के निवेश को मंज़ूरी दी।",
        "@rohit_m नमस्ते रोहित जी, हमने आपका बिल दोबारा जाँचकर अतिरिक्त शुल्क हटा दिया है 👍",
        "नेटवर्क मेंटेनेंस: इस रविवार सुबह 2 से 5 बजे तक इंदौर में सेवाएँ कुछ देर के लिए बाधित रह सकती हैं।",
        "आप सबके भरोसे के लिए दिल से धन्यवाद 🙏 हम हर दिन आपकी सेवा में हैं।",
        "बताइए, आपके इलाके में सहयोग 5G की स्पीड कैसी है? 👇",
        "मिलिए सुनीता जी से, जो 15 साल से जयपुर में हमारे टावरों का मेंटेनेंस संभाल रही हैं 💪",
        "ट्राई के ताज़ा आँकड़े: देश में मोबाइल ग्राहकों की संख्या 115 करोड़ के पार।",
        "सहयोग टेलीकॉम ने एक बड़ी टावर कंपनी के साथ समझौता किया है, जिससे नेटवर्क में {n}0,000 नई साइटें जुड़ेंगी।",
        "@ananya_d जी हाँ, आपका सहयोग सिम किसी भी अनलॉक्ड फ़ोन में चलेगा। बस सिम डालकर फ़ोन रीस्टार्ट करें 👍",
    ],
}

SAHAYOG_EN = {
    "stance": [
        "We pledge to bring digital literacy to one million girls by 2027. Every girl deserves a fair start online.",
        "Education is every child's right. We are committed to closing the digital gender gap in rural India. #DigitalIndia",
        "On National Girl Child Day, we promise that every daughter in every village will be able to learn online.",
        "When a girl learns, her whole family moves forward. We will keep working until every girl is connected.",
        "We call on policymakers to put a computer lab and free internet in every government girls' school.",
        "The internet must be safe for girls. Online safety will be at the heart of our digital literacy programme.",
        "Over the next three years we will train women digital trainers in every district, so girls can learn in their own language.",
        "No girl's education should stop for lack of money or lack of signal. That's our promise.",
    ],
    "commitment_update": [
        "Digital literacy update: {n}5,000 girls have completed our course so far, across {m} states. Report: sahayog.in/impact",
        "Update: more than {n}0,000 girls in {m} states have now joined our digital literacy programme. Full report: sahayog.in/impact",
        "Last year we promised to bring online learning to girls in rural India. Free Wi-Fi learning points are now running in {n}00 villages.",
        "Our {m}00 'Digital Didi' trainers have taught {n}0,000 girls smartphone basics and online safety so far.",
        "Our {y} impact report is out: {p}% of girls who completed the course went on to apply online for further study or jobs.",
        "We have set up computer labs in {n}0 government schools in Rajasthan and Jharkhand, where {m},000 girls now learn every week.",
        "Target: one million girls by 2027. Done so far: {n}5,000 course completions, and work has started in {m} new states.",
        "This year we opened {n}0 digital learning centres and donated {m},000 tablets to girls' schools.",
    ],
    "promotional": [
        "Unlimited 5G + OTT at ₹{n}99. Recharge now on the Sahayog app 📱",
        "Switch to Sahayog Fiber and get the first month free. Book today.",
        "Cricket season is here 🏏 Stream every match on Sahayog 5G.",
        "₹{n}49 for 28 days: 2GB/day and unlimited calls. Recharge on the Sahayog app 📱",
        "Sahayog 5G is now live in {n}00 more cities ⚡ Switch on 5G in your phone settings and feel the speed.",
        "Family plan: one bill, four connections, shared data. Just ₹{n}99 a month 👨‍👩‍👧‍👦",
        "New smartphone on easy EMI at any Sahayog store, from ₹{n}99 a month.",
        "Sahayog Fiber: 300 Mbps + free router + 15 OTT apps. Book today 🏠",
        "Recharge and win! 🎉 Every recharge this week is a chance to win a new 5G smartphone. T&Cs apply.",
        "Cricket pack 🏏 10GB extra data for 7 days at just ₹{n}9.",
        "Switch to postpaid and get {p}% off for your first {n} months.",
        "First recharge on the Sahayog app? Get ₹50 cashback 💰",
        "International roaming: unlimited data in 30 countries from ₹{n}99 a day ✈️",
        "Sahayog Select: priority customer care, airport lounges and more data. Upgrade today ✨",
        "Our new store is open in Indiranagar, Bengaluru 🎉 The first 100 customers get a free SIM and 50GB data.",
        "Weekend data rollover: use the data you saved during the week on Saturday and Sunday. On all unlimited plans.",
        "Take an annual Fiber plan and get 2 months free 🎁",
        "Keep your number, change your network. Port to Sahayog and get double data for 3 months.",
        "Sahayog Music is now free with every plan 🎶 Millions of songs, zero ads.",
        "Gamers, this one's for you 🎮 Low-latency gaming pack on Sahayog 5G at just ₹{n}9.",
        "Pay your bills on the Sahayog app and get up to {p}% cashback with UPI.",
        "Sahayog AirFiber: high-speed home internet without the wires, installed within 24 hours 📡",
        "CONTEST 🏆 Share a screenshot of your 5G speed test with #SahayogSpeed and win a year of free recharges!",
        "eSIM is here! Activate it in minutes at any Sahayog store or in the app.",
        "Sahayog for Business: corporate plans, cloud calling and leased lines. Talk to us at sahayog.in/business",
        "Live TV on your phone: 300+ channels free on the Sahayog TV+ app 📺",
        "Out of data? Grab a ₹{n}9 booster and get 6GB instantly.",
        "Students: ₹{n}99 for 84 days, with extra data for online classes 🎓",
        "Salary day offer 💸 Recharge today and get 5GB bonus data.",
        "Stream, scroll and video call all at once. Sahayog 5G unlimited from ₹{n}49.",
        "Rated India's fastest 5G network in the Speed India Awards 🏆 Try it for yourself.",
        "Free landline and unlimited local calls with every Sahayog broadband plan ☎️",
    ],
    "other": [
        "Sahayog Telecom Q{q} results: subscriber base up {p}%. Investor presentation on our website.",
        "We're hiring network engineers in Pune and Hyderabad. Apply now!",
        "Happy Independence Day 🇮🇳",
        "@priya_s Hi Priya, sorry for the trouble. Please DM us your mobile number and we'll fix this quickly.",
        "@amit.k Thank you, Amit! We'll pass your kind words on to the team 🙏",
        "@sunita_g Money deducted but plan not active? Don't worry, the amount will be refunded within 24 hours.",
        "@vikas_patna We're aware of network issues in Kankarbagh, Patna. Our engineers are on site.",
        "Good morning! ☀️ Have a great day, everyone.",
        "How many hours a day do you spend on your phone? Be honest 😄👇",
        "Chai or coffee? ☕ Tell us in the comments!",
        "We're hiring customer service executives in Lucknow, Jaipur and Bhopal. Apply at sahayog.in/careers",
        "Network update: the call-drop issue in parts of Mumbai has been fixed. Thanks for your patience 🙏",
        "Beware of fraud! Sahayog will never ask for an OTP or money over the phone for KYC. Report such calls to the cyber crime helpline 1930.",
        "App maintenance tonight from 1am to 4am. Please use our website to recharge during this time.",
        "Heavy rain in Delhi-NCR has affected some towers. Our teams are working to restore service.",
        "Sahayog Telecom appoints Meera Iyer as Chief Technology Officer.",
        "Did you know the average Indian mobile user now gets through about 20GB of data a month? How much do you use? 📊",
        "Talk to our customer care in Hindi, Tamil, Telugu, Bangla or Marathi. Just call 198.",
        "@neha_r Your port-in request is being processed. Your number will be active within 3 working days.",
        "Which app can't you live without? 📱",
        "Good night! 🌙 See you tomorrow.",
        "Sahayog Telecom's board has approved a ₹{n},000 crore investment in 5G.",
        "@rohit_m Hi Rohit, we've reviewed your bill and removed the extra charge 👍",
        "Network maintenance in Indore this Sunday, 2am to 5am. Services may be briefly interrupted.",
        "Thank you for your trust. We're here for you, every day 🙏",
        "How's the Sahayog 5G speed in your area? Tell us below 👇",
        "Meet Sunita, who has kept our towers in Jaipur running for 15 years 💪",
        "TRAI's latest data: India now has more than 1.15 billion mobile subscribers.",
        "Sahayog has signed an agreement with a leading tower company to add {n}0,000 sites to its network.",
        "@ananya_d Yes! Your Sahayog SIM works in any unlocked phone. Just insert it and restart 👍",
        "We're hiring {n}00 5G network engineers with 2–5 years of experience. Apply on our careers page.",
        "Sahayog Telecom Q{q}: ARPU up {p}%, with strong 5G adoption. Details on our investor page.",
    ],
}

#: Each brand's own hashtags, added now and then to any kind of post, as accounts do.
HASHTAGS = {
    "Northwind Foods": ["", "", "", " #NorthwindEats", " #Northwind"],
    "Fjordlys Energi": ["", "", "", " #Fjordlys", " #fjordlys"],
    "Bella Moda": ["", "", " #BellaModa", " #bellamoda", " #MadeInItaly"],
    "Sahayog Telecom": ["", "", "", " #Sahayog", " #SahayogTelecom"],
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


KEYWORDS = {
    "Northwind Foods": ["supplier", "black-owned", "racial", "racism", "juneteenth"],
    "Fjordlys Energi": ["netto null", "net zero", "utslipp", "emissions", "solcelle"],
    "Bella Moda": ["pride", "lgbtq", "arcigay", "inclusione", "love is love"],
    "Sahayog Telecom": ["डिजिटल साक्षरता", "digital literacy", "लड़कियों", "girls", "शिक्षा"],
}
TARGETS = {
    "Northwind Foods": "10% of supplier spend with Black-owned businesses by 2027",
    "Fjordlys Energi": "Net zero emissions across own operations by 2035",
    "Bella Moda": "Year-round support, not only in June",
    "Sahayog Telecom": "1,000,000 girls trained by 2027",
}


def demo_commitments() -> list[dict[str, object]]:
    """The commitments a user of the demo workspace has declared (the planted ones)."""
    return [
        {
            "id": f"demo-{p.brand.split()[0].lower()}-{p.topic}",
            "brand": p.brand,
            "title": p.title,
            "topics": [p.topic],
            "keywords": KEYWORDS[p.brand],
            "announced_on": p.announced_on.isoformat(),
            "cadence_days": p.cadence_days,
            "target": TARGETS[p.brand],
            "deadline": None,
            "source_post_id": None,
            "met": False,
        }
        for p in PLANTED
    ]


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
        text = text + rng.choice(HASHTAGS.get(brand, [""]))
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

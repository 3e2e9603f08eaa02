"""The Swedish vocabulary of the demo dataset: kommuner, places, partners and texts.

Everything here is fictional. Officials get invented names; citizens never appear
at all — dialogue notes and concerns speak of groups and counts, as real records must.
Texts are data (what an officer would type), not interface strings, so they are
plain Swedish and not translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kommunpolis.domain.statuses import MeasureStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    IndicatorSource,
    OrganisationKind,
    Party,
    PlaceKind,
    SourceType,
)

# A measure: (title naming a place as in place_words(), operational goal, responsible).
MeasureText = tuple[str, str, str]


@dataclass(frozen=True)
class DemoDistrict:
    """A fictional lokalpolisområde and the kommuner (SCB code, name) it covers."""

    name: str
    police_region: str
    municipalities: tuple[tuple[str, str], ...]


# Real kommuner (the codes must exist in the municipality table), fictional districts.
# The demo uses the first few for small datasets and all of them for large ones.
DISTRICTS: tuple[DemoDistrict, ...] = (
    DemoDistrict(
        "LPO Mellersta Skåne", "Syd", (("1285", "Eslöv"), ("1266", "Hörby"), ("1267", "Höör"))
    ),
    DemoDistrict(
        "LPO Sydöstra Skåne", "Syd", (("1286", "Ystad"), ("1264", "Skurup"), ("1265", "Sjöbo"))
    ),
    DemoDistrict("LPO Österlen", "Syd", (("1270", "Tomelilla"), ("1291", "Simrishamn"))),
    DemoDistrict(
        "LPO Höglandet",
        "Öst",
        (("0682", "Nässjö"), ("0685", "Vetlanda"), ("0686", "Eksjö"), ("0687", "Tranås")),
    ),
    DemoDistrict(
        "LPO Motala", "Öst", (("0583", "Motala"), ("0584", "Vadstena"), ("0586", "Mjölby"))
    ),
    DemoDistrict(
        "LPO Dalarna mitt",
        "Bergslagen",
        (("2080", "Falun"), ("2081", "Borlänge"), ("2082", "Säter"), ("2026", "Gagnef")),
    ),
    DemoDistrict(
        "LPO Göta älv", "Väst", (("1440", "Ale"), ("1441", "Lerum"), ("1415", "Stenungsund"))
    ),
    DemoDistrict(
        "LPO Skellefteå", "Nord", (("2482", "Skellefteå"), ("2417", "Norsjö"), ("2418", "Malå"))
    ),
)

# Named places most Swedish towns have; "{k}" is the kommun's name.
PLACES: tuple[tuple[str, PlaceKind, str], ...] = (
    (
        "Stortorget",
        PlaceKind.SQUARE,
        "Torget i centrala {k}, med busshållplats och uteserveringar.",
    ),
    ("Lilla torget", PlaceKind.SQUARE, "Mindre torg vid gågatan."),
    ("Resecentrum", PlaceKind.STATION, "Tåg- och bussstationen i {k}."),
    ("Busstationen", PlaceKind.STATION, "Regionbussarnas hållplats och väntsal."),
    ("Centrumvägen", PlaceKind.ROAD, "Genomfartsled genom centrum."),
    ("Storgatan", PlaceKind.ROAD, "Gågata med butiker och restauranger."),
    ("Industrivägen", PlaceKind.ROAD, "Väg genom industriområdet, lite belysning nattetid."),
    ("Norra skolan", PlaceKind.SCHOOL, "F–9-skola med cirka 500 elever."),
    ("Söderskolan", PlaceKind.SCHOOL, "F–6-skola med fritidshem."),
    ("Tallbackaskolan", PlaceKind.SCHOOL, "7–9-skola nära idrottsplatsen."),
    ("Gymnasieskolan", PlaceKind.SCHOOL, "Kommunens gymnasieskola."),
    ("Stadsparken", PlaceKind.PARK, "Park i centrum med lekplats och scen."),
    ("Folkets park", PlaceKind.PARK, "Park med dansbana, används för evenemang på sommaren."),
    ("Badplatsen", PlaceKind.PARK, "Kommunal badplats vid sjön."),
    ("Idrottsplatsen", PlaceKind.OTHER, "Fotbollsplaner, ishall och omklädningsrum."),
    ("Köpcentret", PlaceKind.OTHER, "Handelsområde med parkering vid infarten."),
    ("Biblioteket", PlaceKind.OTHER, "Huvudbiblioteket med öppen mötesplats."),
    ("Fritidsgården", PlaceKind.OTHER, "Kommunal fritidsgård för unga 13–17 år."),
    ("Östra området", PlaceKind.AREA, "Flerbostadshus från 1970-talet, allmännyttan."),
    ("Västra området", PlaceKind.AREA, "Villaområde med gång- och cykelvägar."),
    ("Centrum", PlaceKind.AREA, "De centrala kvarteren kring torget."),
    ("Hamnen", PlaceKind.AREA, "Hamnområde och strandpromenad."),
)

# How a text names a place: the preposition Swedish puts before it ("på Stortorget",
# "i Centrum", "vid Busstationen"), by kind and then by name where the kind's is wrong.
_KIND_PREPOSITIONS: dict[PlaceKind, str] = {
    PlaceKind.SQUARE: "på",
    PlaceKind.STATION: "vid",
    PlaceKind.ROAD: "på",
    PlaceKind.SCHOOL: "vid",
    PlaceKind.PARK: "i",
    PlaceKind.AREA: "i",
    PlaceKind.OTHER: "vid",
}
_NAME_PREPOSITIONS: dict[str, str] = {"Badplatsen": "vid", "Idrottsplatsen": "på"}
PREPOSITIONS: dict[str, str] = {
    name: _NAME_PREPOSITIONS.get(name, _KIND_PREPOSITIONS[kind]) for name, kind, _ in PLACES
}
# Places that are areas themselves: "i Östra området", never "i området kring Östra området".
AREAS: frozenset[str] = frozenset(name for name, kind, _ in PLACES if kind is PlaceKind.AREA)


@cache
def place_words(place: str) -> dict[str, str]:
    """Return the ways a template names ``place``: ``{p}`` as it is, ``{at}`` with its
    preposition ("på Stortorget") and ``{around}`` for its surroundings ("i området
    kring Biblioteket", but "i Östra området"). Unknown places take "vid"."""
    at = f"{PREPOSITIONS.get(place, 'vid')} {place}"
    around = f"i {place}" if place in AREAS else f"i området kring {place}"
    return {"p": place, "at": at, "around": around}


# Partner organisations per kommun: (name template, kind). "{k}" is the kommun's name.
ORGANISATIONS: tuple[tuple[str, OrganisationKind], ...] = (
    ("{k} kommun, kommunledningsförvaltningen", OrganisationKind.MUNICIPAL_DEPARTMENT),
    ("{k} kommun, socialtjänsten", OrganisationKind.MUNICIPAL_DEPARTMENT),
    ("{k} kommun, fritidsförvaltningen", OrganisationKind.MUNICIPAL_DEPARTMENT),
    ("{k} kommun, samhällsbyggnadsförvaltningen", OrganisationKind.MUNICIPAL_DEPARTMENT),
    ("{k}hem AB", OrganisationKind.HOUSING_COMPANY),
    ("Räddningstjänsten {k}", OrganisationKind.RESCUE_SERVICE),
    ("Norra skolan, {k}", OrganisationKind.SCHOOL),
    ("Gymnasieskolan, {k}", OrganisationKind.SCHOOL),
    ("Nattvandrarna i {k}", OrganisationKind.ASSOCIATION),
    ("{k} IF", OrganisationKind.ASSOCIATION),
    ("Företagarna {k}", OrganisationKind.BUSINESS),
)

# Titles of the officials at each organisation kind.
TITLES: dict[OrganisationKind, tuple[str, ...]] = {
    OrganisationKind.MUNICIPAL_DEPARTMENT: (
        "Samordnare brottsförebyggande arbete",
        "Kommunstyrelsens ordförande",
        "Enhetschef",
        "Fältsekreterare",
        "Förvaltningschef",
    ),
    OrganisationKind.HOUSING_COMPANY: ("Områdeschef", "Trygghetsvärd", "VD"),
    OrganisationKind.RESCUE_SERVICE: ("Räddningschef", "Brandinspektör"),
    OrganisationKind.SCHOOL: ("Rektor", "Kurator", "Biträdande rektor"),
    OrganisationKind.ASSOCIATION: ("Ordförande", "Samordnare"),
    OrganisationKind.BUSINESS: ("Ordförande", "Centrumledare"),
    OrganisationKind.COUNTY_BOARD: ("Samordnare brottsförebyggande arbete",),
    OrganisationKind.POLICE: ("Lokalpolisområdeschef", "Kommunpolis", "Gruppchef"),
}

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kristina", "Johanna", "Sofia",
    "Linnea", "Elin", "Malin", "Helena", "Ida", "Amira", "Leila", "Erik", "Lars", "Karl",
    "Anders", "Johan", "Per", "Mikael", "Magnus", "Jonas", "Oskar", "Ahmed", "Daniel", "Fredrik",
    "Mattias", "Henrik", "Niklas", "Björn", "Stefan", "Tobias",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist",
    "Berg", "Holm", "Sjöberg", "Lundgren", "Ekström", "Hedlund", "Bergström", "Nyström",
    "Åberg", "Öberg", "Hassan", "Sandberg", "Wallin", "Falk",
)  # fmt: skip

# Dialogue titles per format; "{p}", "{at}" and "{around}" name a place (see place_words),
# "{k}" the kommun.
DIALOGUE_TITLES: dict[DialogueFormat, tuple[str, ...]] = {
    DialogueFormat.OPEN_MEETING: (
        "Öppet möte om tryggheten i {k}",
        "Trygghetsmöte för boende {around}",
    ),
    DialogueFormat.SAFETY_WALK: ("Trygghetsvandring {at}", "Kvällsvandring kring {p}"),
    DialogueFormat.SURVEY: ("Trygghetsenkät {k}", "Enkät om tryggheten kring {p}"),
    DialogueFormat.FOCUS_GROUP: ("Fokusgrupp med unga om {p}", "Fokusgrupp med handlare i {k}"),
    DialogueFormat.INTERVIEW: (
        "Intervjuer med näringsidkare {at}",
        "Samtal med fältsekreterare",
    ),
    DialogueFormat.DELIBERATION: ("Rådslag om tryggheten i {k}", "Medborgarråd om {p}"),
    DialogueFormat.STAND: ("Dialogstand {at}", "Polisen på plats: {p}"),
    DialogueFormat.SCHOOL_VISIT: ("Skolbesök: {p}", "Klassrumsdialog {at}"),
    DialogueFormat.DIGITAL: ("Digital dialog om tryggheten i {k}", "Webbenkät om {p}"),
    DialogueFormat.OTHER: ("Dialog på marknadsdagen i {k}", "Samtal vid föreningsmässan"),
}

TARGET_GROUPS: tuple[str, ...] = (
    "Boende i området",
    "Unga 13–18 år",
    "Äldre",
    "Handlare och näringsidkare",
    "Föräldrar",
    "Alla invånare",
    "Föreningsaktiva",
)

EMPLOYEE_TARGET_GROUPS: tuple[str, ...] = (
    "Medarbetare i lokalpolisområdet",
    "Ingripandepersonal",
    "Områdespoliser",
)

FEEDBACK_CHANNELS: tuple[str, ...] = (
    "Informationsmöte",
    "Kommunens webbplats",
    "Lokaltidningen",
    "Polisens sida i sociala medier",
    "Anslag i trapphusen",
    "Återkoppling i klassrummet",
)

NOTES: tuple[str, ...] = (
    "Cirka {n} deltagare. Samtalet handlade främst om {t1} och {t2}. "
    "Inga uppgifter om enskilda personer antecknades.",
    "{n} personer deltog. Flera lyfte {t1}; några nämnde även {t2}. Stämningen var konstruktiv.",
    "Sammanlagt {n} svar/deltagare. Mest återkommande: {t1}. Därefter {t2}.",
    "Deltagarna ({n} st) pekade ut platser där de känner sig otrygga, framför allt "
    "kopplat till {t1}.",
)

FEEDBACK_TEXTS: tuple[str, ...] = (
    "Tack för era synpunkter. De har tagits med i den gemensamma lägesbilden och "
    "ligger till grund för årets medborgarlöfte.",
    "Vi har ökat närvaron på de platser ni pekade ut och följer upp effekten i "
    "nästa trygghetsmätning.",
    "Kommunen har åtgärdat belysningen på flera av platserna. Polisen återkommer "
    "med resultatet av sina insatser.",
)

# Concern texts and answers per default theme; "{p}" is a place.
CONCERN_TEXTS: dict[str, tuple[str, ...]] = {
    "Narkotika": (
        "Flera upplever att det förekommer försäljning av narkotika vid {p}.",
        "Oro för att unga erbjuds narkotika i närheten av {p}.",
        "Sprutor och tomma påsar har hittats vid {p}.",
    ),
    "Trafik/buskörning": (
        "Buskörning med mopeder och A-traktorer på {p} på kvällarna.",
        "Höga hastigheter förbi {p}, särskilt vid skolstart.",
        "Felparkering som skymmer sikten vid {p}.",
    ),
    "Skadegörelse": (
        "Klotter och krossade rutor vid {p}.",
        "Återkommande skadegörelse på lekplatsen vid {p}.",
    ),
    "Inbrott/stöld": (
        "Flera cykelstölder vid {p} den senaste tiden.",
        "Oro för inbrott i förråd och källare nära {p}.",
    ),
    "Ordningsstörning": (
        "Störande fester och höga ljud vid {p} sena kvällar.",
        "Berusade personer samlas vid {p} på helgerna.",
    ),
    "Ungdomsgrupper": (
        "Grupper av ungdomar samlas vid {p} och upplevs som hotfulla.",
        "Unga saknar meningsfull fritid och samlas därför vid {p}.",
    ),
    "Våld i offentlig miljö": (
        "Oro efter bråk i samband med nöjesliv vid {p}.",
        "Flera undviker {p} efter mörkrets inbrott på grund av rädsla för våld.",
    ),
    "Bedrägerier mot äldre": (
        "Äldre har kontaktats av falska hantverkare i området kring {p}.",
        "Oro för telefonbedrägerier bland äldre boende nära {p}.",
    ),
    "Belysning/fysisk miljö": (
        "Dålig belysning på gångvägen vid {p}.",
        "Igenvuxna buskage gör {p} otrygg.",
        "Trasiga gatlampor vid {p} sedan flera veckor.",
    ),
    "Allmän otrygghet": (
        "Många känner sig otrygga vid {p} på kvällstid.",
        "Det saknas vuxennärvaro vid {p} på helgerna.",
    ),
}

GENERIC_CONCERN_TEXTS: tuple[str, ...] = (
    "Synpunkter om {theme} vid {p}.",
    "Flera lyfte {theme} i anslutning till {p}.",
)

ANSWERS: tuple[str, ...] = (
    "Polisen tar med synpunkten i lägesbilden.",
    "Kommunen ser över platsen och återkommer.",
    "Frågan lyfts i nästa samverkansmöte.",
    "Ökad närvaro under de tider som nämndes.",
    "",
)

# Problems per theme: (title, who is affected); the title names the problem's place as
# place_words() does.
PROBLEMS: dict[str, tuple[str, str]] = {
    "Narkotika": ("Narkotikaförsäljning {at}", "Unga och boende i området"),
    "Trafik/buskörning": (
        "Buskörning och höga hastigheter {at}",
        "Gående, cyklister och skolbarn",
    ),
    "Skadegörelse": ("Återkommande skadegörelse {at}", "Fastighetsägare och besökare"),
    "Inbrott/stöld": ("Cykelstölder och förrådsinbrott {around}", "Boende och pendlare"),
    "Ordningsstörning": ("Ordningsstörningar kvällstid {at}", "Boende och näringsidkare"),
    "Ungdomsgrupper": ("Ungdomsgrupper som upplevs hotfulla {at}", "Unga och besökare"),
    "Våld i offentlig miljö": ("Våld i samband med nöjeslivet {at}", "Besökare i nöjeslivet"),
    "Bedrägerier mot äldre": ("Bedrägerier mot äldre {around}", "Äldre som bor ensamma"),
    "Belysning/fysisk miljö": (
        "Dålig belysning och skymd sikt {at}",
        "Alla som rör sig där kvällstid",
    ),
    "Allmän otrygghet": ("Upplevd otrygghet {at} kvällstid", "Kvinnor och äldre i första hand"),
}

# The places (of PLACES) where each theme's problems are usually found: nightlife violence
# on the squares, vandalism at schools, fraud against the elderly where they live. A
# problem is placed at one of these when its kommun has any, at any place otherwise.
THEME_PLACES: dict[str, tuple[str, ...]] = {
    "Narkotika": (
        "Stadsparken",
        "Resecentrum",
        "Busstationen",
        "Lilla torget",
        "Östra området",
        "Hamnen",
    ),
    "Trafik/buskörning": ("Centrumvägen", "Industrivägen", "Folkets park", "Köpcentret"),
    "Skadegörelse": (
        "Norra skolan",
        "Söderskolan",
        "Tallbackaskolan",
        "Gymnasieskolan",
        "Fritidsgården",
        "Idrottsplatsen",
        "Stadsparken",
        "Busstationen",
    ),
    "Inbrott/stöld": (
        "Köpcentret",
        "Busstationen",
        "Resecentrum",
        "Östra området",
        "Västra området",
    ),
    "Ordningsstörning": (
        "Stortorget",
        "Lilla torget",
        "Centrum",
        "Storgatan",
        "Hamnen",
        "Stadsparken",
    ),
    "Ungdomsgrupper": (
        "Fritidsgården",
        "Köpcentret",
        "Busstationen",
        "Idrottsplatsen",
        "Stadsparken",
        "Tallbackaskolan",
        "Gymnasieskolan",
        "Norra skolan",
    ),
    "Våld i offentlig miljö": (
        "Stortorget",
        "Centrum",
        "Storgatan",
        "Busstationen",
        "Resecentrum",
        "Lilla torget",
    ),
    "Bedrägerier mot äldre": ("Östra området", "Västra området", "Centrum", "Biblioteket"),
    "Belysning/fysisk miljö": (
        "Stadsparken",
        "Folkets park",
        "Badplatsen",
        "Västra området",
        "Busstationen",
        "Resecentrum",
        "Industrivägen",
    ),
    "Allmän otrygghet": (
        "Centrum",
        "Stortorget",
        "Resecentrum",
        "Busstationen",
        "Stadsparken",
        "Hamnen",
        "Östra området",
    ),
}

# When a problem happens, three choices per theme (a theme not listed takes the general
# ones). Three each, as the general ones: the draw then takes as much of the random
# stream as it always did, so the dialogues and concerns after it stay the same.
PROBLEM_TIMINGS: dict[str, tuple[str, str, str]] = {
    "Narkotika": ("Kvällar och helger", "Efter skoltid", "Fredag–lördag kväll"),
    "Trafik/buskörning": (
        "Kvällar och helger",
        "Vårens och sommarens kvällar",
        "Fredag–lördag kväll",
    ),
    "Skadegörelse": ("Fredag–lördag natt", "Kvällar och helger", "Sena kvällar efter skoltid"),
    "Inbrott/stöld": ("Kvällar och nätter", "Nätter och helger", "Vardagar dagtid"),
    "Ordningsstörning": (
        "Fredag–lördag kväll och natt",
        "Kvällar och helger",
        "Sommarens helgkvällar",
    ),
    "Ungdomsgrupper": ("Efter skoltid", "Fredag–lördag kväll", "Kvällar och helger"),
    "Våld i offentlig miljö": (
        "Fredag–lördag natt",
        "Helgnätter kl. 01–03",
        "Sommarens helgnätter",
    ),
    "Bedrägerier mot äldre": (
        "Vardagar dagtid",
        "Dagtid, oftast kring löne- och pensionsdagen",
        "Vardagar förmiddag",
    ),
    "Belysning/fysisk miljö": (
        "Kvällar under vinterhalvåret",
        "När det är mörkt",
        "Kvällar och nätter",
    ),
    "Allmän otrygghet": ("Kvällar och helger", "Kvällstid", "Helgkvällar"),
}
GENERAL_TIMINGS: tuple[str, str, str] = (
    "Kvällar och helger",
    "Fredag–lördag natt",
    "Efter skoltid",
)

# Causes and measures for a theme without its own action plan (FOCUS_ACTION_PLANS).
CAUSES: tuple[str, ...] = (
    "Bristande belysning och skymd sikt gör platsen svår att överblicka.",
    "Få vuxna i rörelse på platsen under kvällar och helger.",
    "Platsen saknar en tydlig ägare som ansvarar för skötsel.",
    "Unga saknar alternativa mötesplatser med öppet kvällstid.",
    "Kända personer med etablerad försäljning verkar i området.",
    "Låg anmälningsbenägenhet gör att problemets omfattning är okänd.",
    "Trafikmiljön inbjuder till höga hastigheter.",
    "Bristande information till äldre om vanliga bedrägeriupplägg.",
)

MEASURES: tuple[MeasureText, ...] = (
    (
        "Ökad polisiär närvaro {at} fredag- och lördagskvällar",
        "Minst 40 timmar per kvartal",
        "Polisen",
    ),
    (
        "Ny belysning längs gångvägen vid {p}",
        "Belysning utbytt före oktober",
        "Samhällsbyggnadsförvaltningen",
    ),
    (
        "Röjning av buskage kring {p}",
        "Genomförd två gånger per år",
        "Samhällsbyggnadsförvaltningen",
    ),
    ("Nattvandring {at} under helger", "Nattvandrare på plats varannan helg", "Nattvandrarna"),
    (
        "Utökade öppettider på fritidsgården",
        "Öppet till kl. 22 fredag och lördag",
        "Fritidsförvaltningen",
    ),
    ("Hastighetskontroller {at}", "Sex kontroller per termin", "Polisen"),
    ("Informationsträffar om bedrägerier för äldre", "Fyra träffar per år", "Polisen och kommunen"),
    ("Trygghetsvärdar {at}", "Närvaro vardagskvällar", "Bostadsbolaget"),
    (
        "Snabb sanering av klotter {at}",
        "Sanerat inom 24 timmar",
        "Samhällsbyggnadsförvaltningen",
    ),
)

# A focus area's root causes by theme, each with the measure that answers it: together
# the rows of Brå's action-plan table, (cause, (measure title, operational goal,
# responsible)). They name the problem's own place as place_words() does. Themes not
# listed take CAUSES and MEASURES above.
FOCUS_ACTION_PLANS: dict[str, tuple[tuple[str, MeasureText], ...]] = {
    "Narkotika": (
        (
            "Etablerade säljare håller till {at} eftersom platsen är svår att överblicka.",
            (
                "Riktade insatser mot narkotikaförsäljningen {at}",
                "Minst två insatser per månad",
                "Polisen",
            ),
        ),
        (
            "Unga som börjat använda narkotika fångas inte upp tidigt av vuxna.",
            (
                "SSPF-samtal med unga som påträffas med narkotika {at}",
                "Samtal med den unga och vårdnadshavarna inom en vecka",
                "Socialtjänsten och Polisen",
            ),
        ),
        (
            "Föräldrar känner inte igen tecknen på att unga använder narkotika.",
            (
                "Föräldraträffar om droger för familjer {around}",
                "En träff per termin",
                "Socialtjänsten",
            ),
        ),
        (
            "Skymda hörn och dålig belysning {at} gör försäljningen svår att upptäcka.",
            (
                "Röjning av buskage och bättre belysning {at}",
                "Klart före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
    ),
    "Trafik/buskörning": (
        (
            "Raka vägavsnitt och öppna ytor {at} inbjuder till höga hastigheter och buskörning.",
            (
                "Farthinder och bommar mot buskörning {at}",
                "Hindren på plats före skolstarten i augusti",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Förarna räknar inte med att bli kontrollerade kvällstid.",
            (
                "Hastighets- och fordonskontroller {at}",
                "Sex kontroller per termin, varav hälften kvällstid",
                "Polisen",
            ),
        ),
        (
            "Unga med moped och A-traktor känner inte till reglerna eller riskerna.",
            (
                "Trafikträffar för unga med moped och A-traktor på skolorna nära {p}",
                "Två träffar per termin",
                "Polisen och fritidsförvaltningen",
            ),
        ),
        (
            "Felparkerade bilar {at} skymmer sikten för gående och cyklister.",
            (
                "Parkeringsövervakning och tydligare skyltning {at}",
                "Övervakning varje vardag under ett halvår",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
    ),
    "Skadegörelse": (
        (
            "Klotter som får sitta kvar lockar till mer klotter.",
            (
                "Klottersanering {at} inom ett dygn",
                "Nio av tio anmälda klotter sanerade inom 24 timmar",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Få vuxna rör sig {at} sena kvällar och helger.",
            (
                "Nattvandring {at} fredag och lördag kväll",
                "Nattvandrare på plats varannan helg",
                "Nattvandrarna",
            ),
        ),
        (
            "Skadegörelse anmäls sällan, så omfattningen och tiderna är okända.",
            (
                "Alla skador {at} polisanmäls och rapporteras till lägesbilden",
                "Varje skada anmäld inom en vecka",
                "Fastighetsägaren och kommunen",
            ),
        ),
        (
            "Skadegörelsen sker fredag och lördag natt, när polisen sällan är på plats.",
            (
                "Riktad polisnärvaro {at} fredag och lördag natt",
                "Minst 20 timmar per kvartal",
                "Polisen",
            ),
        ),
    ),
    "Inbrott/stöld": (
        (
            "Cykelställen {at} går inte att låsa fast cykelns ram i.",
            (
                "Nya cykelställ med ramlåsning {at}",
                "Klart före sommaren",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Förråd och källare i området har enkla lås och dörrar.",
            (
                "Säkrare lås och dörrar till förråd och källare {around}",
                "Alla förrådsdörrar bytta inom ett år",
                "Bostadsbolaget",
            ),
        ),
        (
            "Grannar känner inte varandra och reagerar sällan på okända personer.",
            (
                "Grannsamverkan {around}",
                "Hälften av trapphusen anslutna inom ett år",
                "Polisen och bostadsbolaget",
            ),
        ),
        (
            "Stulna cyklar är sällan märkta och kan inte lämnas tillbaka när de hittas.",
            (
                "Cykelmärkning {at}",
                "Två märkningsdagar per år",
                "Polisen",
            ),
        ),
    ),
    "Ordningsstörning": (
        (
            "Berusade personer samlas {at} när serveringsställena stänger.",
            (
                "Gemensam tillsyn av serveringsställena kring {p}",
                "Fyra tillsynskvällar per år",
                "Polisen och kommunen",
            ),
        ),
        (
            "Ingen ingriper tidigt när stämningen blir stökig.",
            (
                "Synlig polisnärvaro {at} fredag och lördag kväll",
                "Minst 40 timmar per kvartal",
                "Polisen",
            ),
        ),
        (
            "De lokala ordningsföreskrifterna förbjuder inte alkohol på allmän plats {at}.",
            (
                "Förbud mot alkohol på allmän plats {at} i ordningsföreskrifterna",
                "Beslut i kommunfullmäktige före sommaren",
                "Kommunledningsförvaltningen",
            ),
        ),
        (
            "Bostadsbolaget har ingen bemanning kvällstid när störningarna sker.",
            (
                "Trygghetsvärdar {at} kvällstid",
                "På plats vardagskvällar till kl. 23",
                "Bostadsbolaget",
            ),
        ),
    ),
    "Ungdomsgrupper": (
        (
            "Unga har lite att göra sena kvällar och helger och samlas därför {at}.",
            (
                "Kvällsaktiviteter för unga som samlas {at}",
                "Öppen verksamhet till kl. 22 fredag och lördag",
                "Fritidsförvaltningen",
            ),
        ),
        (
            "Få vuxna finns på plats de kvällar grupperna samlas.",
            (
                "Fältassistenter {at} fredag och lördag kväll",
                "På plats minst två kvällar i veckan",
                "Socialtjänsten",
            ),
        ),
        (
            "Skola, socialtjänst och polis samverkar inte kring unga på väg in i kriminalitet.",
            (
                "SSPF-samverkan kring unga i riskzon som vistas {at}",
                "Varje orosanmälan hanterad inom två veckor",
                "Socialtjänsten, skolan och Polisen",
            ),
        ),
        (
            "Unga och polis möts sällan, så oro och rykten sprids.",
            (
                "Områdespoliser i dialog med unga {at}",
                "Minst en kväll i månaden",
                "Polisen",
            ),
        ),
    ),
    "Våld i offentlig miljö": (
        (
            "Serveringsställena kring {p} överserverar alkohol sent på kvällen.",
            (
                "Utbildning i ansvarsfull alkoholservering för krogpersonalen kring {p}",
                "All personal i tjänst efter kl. 22 utbildad inom ett år",
                "Kommunens tillståndsenhet",
            ),
        ),
        (
            "Många lämnar nöjeslivet samtidigt vid stängning och trängs {at}.",
            (
                "Synlig polisnärvaro {at} när nöjeslivet stänger",
                "Patrull på plats kl. 01–03 varje fredag och lördag",
                "Polisen",
            ),
        ),
        (
            "Gångvägarna från {p} hem mot bostadsområdena är mörka och folktomma på natten.",
            (
                "Bättre belysning på gångvägarna från {p} mot bostadsområdena",
                "Ny belysning på plats före vintern",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Krögare, ordningsvakter och polis delar inte information om risker och händelser.",
            (
                "Samverkansträffar med krögare och ordningsvakter kring {p}",
                "En träff per månad",
                "Polisen och kommunen",
            ),
        ),
    ),
    "Bedrägerier mot äldre": (
        (
            "Många äldre känner inte till vanliga upplägg som falska bankmän och poliser.",
            (
                "Informationsträffar om bedrägerier på träffpunkterna för äldre {around}",
                "Minst fyra träffar per halvår",
                "Polisen",
            ),
        ),
        (
            "Äldre som bor ensamma har ingen att fråga innan de lämnar ut koder eller pengar.",
            (
                "Utbildning om bedrägerier för hemtjänstens personal {around}",
                "All personal utbildad före årsskiftet",
                "Vård- och omsorgsförvaltningen",
            ),
        ),
        (
            "Falska hantverkare knackar dörr dagtid när få grannar är hemma.",
            (
                "Varningsblad om falska hantverkare till alla hushåll {around}",
                "Utdelat två gånger per år",
                "Polisen och bostadsbolaget",
            ),
        ),
        (
            "Bank- och butikspersonal känner inte igen en äldre kund som håller på att luras.",
            (
                "Genomgång av varningssignaler med bankkontor och butiker {around}",
                "Alla bankkontor och livsmedelsbutiker i området besökta",
                "Polisen",
            ),
        ),
    ),
    "Belysning/fysisk miljö": (
        (
            "Gångvägarna {at} är dåligt upplysta.",
            (
                "Ny belysning längs gångvägarna {at}",
                "Belysningen utbytt före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Igenvuxna buskage skymmer sikten {at}.",
            (
                "Röjning av buskage kring {p}",
                "Röjt två gånger per år",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Trasiga gatlampor lagas sent eftersom felanmälningarna inte når rätt förvaltning.",
            (
                "Felanmälan och lagning av trasig belysning {at} inom en vecka",
                "Nio av tio fel lagade inom sju dagar",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Kommunen och fastighetsägaren ser sällan platsen som den som går där kvällstid.",
            (
                "Trygghetsvandring {at} med boende, fastighetsägare och polis",
                "En vandring varje höst; åtgärdslista inom en månad",
                "Polisen och kommunen",
            ),
        ),
    ),
    "Allmän otrygghet": (
        (
            "Få vuxna rör sig {at} under kvällar och helger.",
            (
                "Nattvandring {at} under helger",
                "Nattvandrare på plats varannan helg",
                "Nattvandrarna",
            ),
        ),
        (
            "Polisen syns sällan {at}, och rykten om händelser sprids obemötta.",
            (
                "Synlig polisnärvaro och dialogstand {at}",
                "En dialogstand i månaden och minst 20 timmar närvaro per kvartal",
                "Polisen",
            ),
        ),
        (
            "Dålig belysning och skymd sikt gör det svårt att överblicka {p}.",
            (
                "Bättre belysning och röjning av buskage {at}",
                "Klart före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Invånarna får sällan veta vad som görs och vad som har hänt {at}.",
            (
                "Återkoppling om tryggheten {at} i lokaltidningen och på kommunens webbplats",
                "Två gånger per år",
                "Polisen och kommunen",
            ),
        ),
    ),
}

POLICE_COMMITMENTS: tuple[str, ...] = (
    "Polisen lovar att öka sin synliga närvaro {at} under kvällar och helger.",
    "Polisen lovar att genomföra trafikkontroller {at} varje månad.",
    "Polisen lovar att prioritera ärenden om narkotikaförsäljning i {k}.",
    "Polisen lovar att återkoppla till invånarna två gånger per år.",
)

MUNICIPALITY_COMMITMENTS: tuple[str, ...] = (
    "Kommunen lovar att förbättra belysningen {at}.",
    "Kommunen lovar att utöka fritidsgårdens öppettider på helger.",
    "Kommunen lovar att sanera klotter inom ett dygn.",
    "Kommunen lovar att genomföra en trygghetsvandring {at} varje höst.",
)

# A partner's words and the kind of partner that says them; "{o}" is its name.
PARTNER_COMMITMENTS: tuple[tuple[OrganisationKind, str], ...] = (
    (OrganisationKind.HOUSING_COMPANY, "{o} lovar att ha trygghetsvärdar på plats vardagskvällar."),
    (OrganisationKind.ASSOCIATION, "{o} lovar att nattvandra varannan helg."),
    (OrganisationKind.BUSINESS, "{o} lovar att hålla entréer och skyltfönster upplysta kvällstid."),
)

# A focus area's commitments by its theme: (the police's, the municipality's); they name
# the problem's place as place_words() does, "{k}" is the kommun. Themes not listed take
# the general ones above.
FOCUS_COMMITMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Narkotika": (
        (
            "Polisen lovar att prioritera ärenden om narkotikaförsäljning {at}.",
            "Polisen lovar att genomföra riktade insatser mot narkotikaförsäljning i {k} "
            "varje månad.",
        ),
        (
            "Kommunen lovar att utöka fältsekreterarnas närvaro {at} kvällstid.",
            "Kommunen lovar att erbjuda föräldraträffar om droger på alla högstadieskolor.",
        ),
    ),
    "Trafik/buskörning": (
        (
            "Polisen lovar att genomföra trafikkontroller {at} varje månad.",
            "Polisen lovar att beivra buskörning med mopeder och A-traktorer {at}.",
        ),
        (
            "Kommunen lovar att sätta upp farthinder och bommar mot buskörning {at}.",
            "Kommunen lovar att se över hastighetsgränserna kring {p}.",
        ),
    ),
    "Skadegörelse": (
        (
            "Polisen lovar att prioritera utredningar av skadegörelse {at}.",
            "Polisen lovar att öka sin synliga närvaro {at} sena kvällar.",
        ),
        (
            "Kommunen lovar att sanera klotter inom ett dygn.",
            "Kommunen lovar att laga skadad belysning och utrustning {at} inom en vecka.",
        ),
    ),
    "Inbrott/stöld": (
        (
            "Polisen lovar att informera om hur man skyddar sig mot inbrott och cykelstölder.",
            "Polisen lovar att stödja grannsamverkan {around}.",
        ),
        (
            "Kommunen lovar att sätta upp låsbara cykelställ {at}.",
            "Kommunen lovar att starta grannsamverkan tillsammans med bostadsbolagen.",
        ),
    ),
    "Ordningsstörning": (
        (
            "Polisen lovar att öka sin synliga närvaro {at} under kvällar och helger.",
            "Polisen lovar att ingripa tidigt mot störningar {at}.",
        ),
        (
            "Kommunen lovar att ha ordningsvakter {at} under helgkvällar.",
            "Kommunen lovar att göra tillsyn på serveringsställena kring {p}.",
        ),
    ),
    "Ungdomsgrupper": (
        (
            "Polisen lovar att besöka skolorna i {k} varje termin.",
            "Polisen lovar att föra oro för unga vidare till socialtjänsten samma dag.",
        ),
        (
            "Kommunen lovar att utöka fritidsgårdens öppettider på helger.",
            "Kommunen lovar att ha fältassistenter {at} fredag och lördag kväll.",
        ),
    ),
    "Våld i offentlig miljö": (
        (
            "Polisen lovar att finnas synligt {at} när nöjeslivet stänger.",
            "Polisen lovar att samverka med krögarna om ansvarsfull alkoholservering.",
        ),
        (
            "Kommunen lovar att utbilda krogpersonalen i ansvarsfull alkoholservering.",
            "Kommunen lovar att förbättra belysningen på gångvägarna från {p} hem.",
        ),
    ),
    "Bedrägerier mot äldre": (
        (
            "Polisen lovar att hålla informationsträffar om bedrägerier på träffpunkterna "
            "för äldre.",
            "Polisen lovar att varna för aktuella bedrägeriupplägg i {k}.",
        ),
        (
            "Kommunen lovar att informera om bedrägerier genom hemtjänsten.",
            "Kommunen lovar att skicka en broschyr om bedrägerier till alla över 70 år.",
        ),
    ),
    "Belysning/fysisk miljö": (
        (
            "Polisen lovar att delta i trygghetsvandringar {at}.",
            "Polisen lovar att lämna förslag på platser att se över efter varje trygghetsvandring.",
        ),
        (
            "Kommunen lovar att förbättra belysningen {at}.",
            "Kommunen lovar att röja buskage som skymmer sikten {at}.",
        ),
    ),
    "Allmän otrygghet": (
        (
            "Polisen lovar att öka sin synliga närvaro {at} under kvällar och helger.",
            "Polisen lovar att finnas {at} med en dialogstand en gång i månaden.",
        ),
        (
            "Kommunen lovar att genomföra en trygghetsvandring {at} varje höst.",
            "Kommunen lovar att förbättra belysningen {at}.",
        ),
    ),
}

# Commitments about the promise as a whole, not one focus area.
WHOLE_PROMISE_COMMITMENTS: tuple[tuple[Party, str], ...] = (
    (Party.POLICE, "Polisen lovar att återkoppla till invånarna två gånger per år."),
    (Party.MUNICIPALITY, "Kommunen lovar att bjuda in till en medborgardialog om löftet varje år."),
)

SOURCES: dict[SourceType, tuple[str, ...]] = {
    SourceType.CRIME_STATISTICS: (
        "Anmälda brott i {k} senaste tre åren",
        "Brottsstatistik per kvartal",
    ),
    SourceType.SAFETY_SURVEY: (
        "Polisens trygghetsmätning i {k}",
        "Kommunens medborgarundersökning",
    ),
    SourceType.DIALOGUES: (
        "Sammanställning av årets medborgardialoger",
        "Trygghetsvandringarnas protokoll",
    ),
    SourceType.POLICE_INTELLIGENCE: (
        "Underrättelseinformation om narkotikahandel",
        "Lokal underrättelsebild",
    ),
    SourceType.MUNICIPAL_DATA: (
        "Skadegörelserapporter från kommunens fastigheter",
        "Fältsekreterarnas rapporter",
    ),
    SourceType.PARTNER_REPORT: (
        "Bostadsbolagets störningsrapporter",
        "Räddningstjänstens anlagda bränder",
    ),
    SourceType.OTHER: ("Medarbetardialoger i lokalpolisområdet",),
}

# Indicators: (name with a place, source kind, source text, unit, baseline, target).
INDICATORS: tuple[tuple[str, IndicatorSource, str, str, float, float], ...] = (
    ("Andel som känner sig otrygga {at} kvällstid", IndicatorSource.SURVEY_ITEM,
     "Trygghetsmätningen, fråga 12", "%", 38.0, 25.0),
    ("Anmälda skadegörelsebrott", IndicatorSource.CRIME_CATEGORY,
     "Polisens brottsstatistik", "antal/kvartal", 45.0, 30.0),
    ("Genomförda trygghetsvandringar", IndicatorSource.ACTIVITY_COUNT,
     "Kommunens verksamhetsuppföljning", "antal/år", 2.0, 6.0),
    ("Anmälda narkotikabrott", IndicatorSource.CRIME_CATEGORY,
     "Polisens brottsstatistik", "antal/kvartal", 20.0, 30.0),
    ("Timmar synlig polisnärvaro", IndicatorSource.ACTIVITY_COUNT,
     "Polisens tidsredovisning", "timmar/kvartal", 10.0, 40.0),
)  # fmt: skip

MEETING_TITLES: tuple[str, ...] = (
    "Samverkansmöte {k}",
    "Styrgrupp brottsförebyggande arbete {k}",
    "Arbetsgrupp medborgarlöfte {k}",
    "Lokala BRÅ {k}",
    "EST-möte {k}",
    "Avstämning med bostadsbolaget",
)

AGENDA = (
    "1. Mötet öppnas\n2. Föregående protokoll\n3. Aktuell lägesbild\n"
    "4. Medborgarlöftet: uppföljning\n5. Övriga frågor\n6. Nästa möte"
)

MINUTES = (
    "Lägesbilden gicks igenom. Polisen redogjorde för händelser sedan förra mötet. "
    "Kommunen informerade om pågående åtgärder. Inga personuppgifter om enskilda."
)

DECISIONS: tuple[str, ...] = (
    "Att godkänna föregående protokoll.",
    "Att genomföra en trygghetsvandring i {p} under hösten.",
    "Att ge arbetsgruppen i uppdrag att ta fram förslag till nytt medborgarlöfte.",
    "Att ta med lägesbilden i kommunens årliga rapport.",
    "Att bjuda in bostadsbolaget till nästa möte.",
)

ACTION_ITEMS: tuple[tuple[str, str], ...] = (
    ("Beställa ny belysning vid {p}", "Samhällsbyggnadsförvaltningen"),
    ("Sammanställa synpunkter från vårens dialoger", "Kommunpolisen"),
    ("Boka lokal för öppet möte", "Samordnaren"),
    ("Ta fram statistik över anmälda brott", "Polisen"),
    ("Kontakta skolorna om trygghetsvandring", "Fritidsförvaltningen"),
)

# A measure's note at a follow-up, by its status then and whether it was on track then
# (marked green or not marked) or not (yellow or red).
FOLLOW_UP_NOTES: dict[tuple[MeasureStatus, bool], tuple[str, ...]] = {
    (MeasureStatus.NOT_STARTED, True): (
        "Planeras till nästa termin.",
        "Startar som planerat under nästa kvartal.",
    ),
    (MeasureStatus.NOT_STARTED, False): (
        "Inte påbörjad: väntar på beslut om budget.",
        "Väntar på upphandling.",
    ),
    (MeasureStatus.IN_PROGRESS, True): (
        "Pågår enligt plan.",
        "Första delen klar; resten under hösten.",
        "Pågår. Boende har märkt skillnad enligt trygghetsvandringen.",
    ),
    (MeasureStatus.IN_PROGRESS, False): (
        "Pågår, men försenad av personalbrist under sommaren.",
        "Pågår, men effekten syns ännu inte i mätningarna.",
        "Försenad i väntan på leverantör.",
    ),
    (MeasureStatus.DONE, True): (
        "Genomförd enligt plan.",
        "Genomförd; följs upp i nästa trygghetsmätning.",
        "Klar före utsatt tid.",
    ),
    (MeasureStatus.DONE, False): (
        "Genomförd, men senare än planerat.",
        "Genomförd, men effekten har hittills uteblivit.",
    ),
    (MeasureStatus.CANCELLED, True): ("Inställd: ersätts av en annan åtgärd.",),
    (MeasureStatus.CANCELLED, False): (
        "Inställd efter beslut i styrgruppen.",
        "Inställd: gick inte att genomföra med nuvarande resurser.",
    ),
}

FOLLOW_UP_TEXTS: tuple[str, ...] = (
    "Åtgärderna löper i stort enligt plan. Belysningen är delvis utbytt.",
    "Närvaron har ökat men effekten på otryggheten syns ännu inte i mätningen.",
    "Färre anmälda skadegörelsebrott än samma period förra året.",
    "Två åtgärder är försenade på grund av upphandling.",
)

# A root-cause analysis, field by field (the root_cause_analysis columns, in order): SARA
# and the crime triangle with its guardians, then the event chain. The texts name the
# problem's place as place_words() does; "{when}" is when it happens (the problem's
# timing), "{k}" the kommun. ANALYSIS_TEXTS is for a theme without its own analysis.
ANALYSIS_TEXTS: dict[str, str] = {
    "scanning": "Problemet {at} har lyfts i flera dialoger och syns i anmälningsstatistiken.",
    "analysis": "Koncentrerat till {when}; platsen saknar naturlig övervakning.",
    "response": "Polisiär närvaro, bättre fysisk miljö och fler vuxna {at}.",
    "assessment": "Följs upp kvartalsvis med indikatorer och i nästa trygghetsmätning.",
    "offender": "Mindre grupper som återkommer till platsen.",
    "target": "Besökare och boende som passerar {p}.",
    "place": "{p}: dålig belysning och skymda siktlinjer.",
    "offender_handler": "Föräldrar, fältsekreterare och föreningsledare.",
    "target_guardian": "Polis, nattvandrare och trygghetsvärdar.",
    "place_manager": "Kommunen och fastighetsägaren.",
    "event_chain": "Samling {at} → alkohol → störningar → otrygghet hos förbipasserande.",
}

THEME_ANALYSES: dict[str, dict[str, str]] = {
    "Narkotika": {
        "scanning": "Boende och föräldrar pekar i flera dialoger ut {p} som en plats där "
        "narkotika säljs. Anmälda narkotikabrott {at} har ökat.",
        "analysis": "Försäljningen sker främst {when}. Köparna är till stor del unga. Platsen "
        "har flera vägar in och ut och är svår att överblicka.",
        "response": "Riktade insatser mot försäljningen, SSPF-samtal med unga som påträffas, "
        "föräldraträffar och bättre belysning {at}.",
        "assessment": "Anmälda narkotikabrott och antal insatser per kvartal; trygghetsmätningens "
        "fråga om narkotika; fältsekreterarnas iakttagelser.",
        "offender": "Ett fåtal etablerade säljare, ofta unga vuxna, som låter yngre sköta "
        "överlämningarna.",
        "target": "Unga i högstadie- och gymnasieåldern som köper eller erbjuds narkotika; "
        "boende som blir otrygga.",
        "place": "{p}: skymda hörn, dålig belysning och flera flyktvägar; få vuxna rör sig där "
        "kvällstid.",
        "offender_handler": "Socialtjänsten, skolan och vårdnadshavare (SSPF).",
        "target_guardian": "Föräldrar, fältsekreterare, skolpersonal och polis.",
        "place_manager": "Kommunen och fastighetsägarna {around}.",
        "event_chain": "Kontakt via sociala medier → köpare och säljare möts {at} → "
        "överlämning i ett skymt hörn → unga ser handeln som normal → fler börjar använda.",
    },
    "Trafik/buskörning": {
        "scanning": "Buskörning med mopeder och A-traktorer {at} återkommer i dialogerna och i "
        "samtal till polisen. Boende klagar på buller och risker för gående.",
        "analysis": "Körningen sker främst {when}, oftast i grupp. Raka vägavsnitt och öppna "
        "ytor inbjuder till höga hastigheter, och förarna räknar inte med kontroller.",
        "response": "Hastighets- och fordonskontroller, farthinder och bommar, trafikträffar för "
        "unga förare och parkeringsövervakning {at}.",
        "assessment": "Antal kontroller och rapporterade fordon per kvartal; hastigheten mätt "
        "före och efter farthindren; klagomål till kommunen.",
        "offender": "Unga förare med moped eller A-traktor, ofta med trimmade fordon, som kör i "
        "grupp.",
        "target": "Gående, cyklister och skolbarn som korsar vägen; boende som störs av bullret.",
        "place": "{p}: raka och breda vägavsnitt, öppna ytor, få farthinder och dålig sikt "
        "kvällstid.",
        "offender_handler": "Föräldrar, fritidsledare och trafikskolorna.",
        "target_guardian": "Polisens trafikkontroller och vuxna vid skolornas övergångsställen.",
        "place_manager": "Kommunen som väghållare och markägaren.",
        "event_chain": "Unga samlas med mopeder och A-traktorer → kör i grupp {at} → tävlar och "
        "trimmar fordonen → höga hastigheter nära gående → olyckor och klagomål.",
    },
    "Skadegörelse": {
        "scanning": "Återkommande klotter, krossade rutor och förstörd utrustning {at}. "
        "Fastighetsägarens skaderapporter och dialogerna visar samma bild.",
        "analysis": "Skadorna sker främst {when}, när få vuxna är på plats. Klotter som får "
        "sitta kvar lockar till mer, och många skador anmäls aldrig.",
        "response": "Klottersanering inom ett dygn, nattvandring, polisanmälan av alla skador "
        "och riktad polisnärvaro {at}.",
        "assessment": "Anmälda skadegörelsebrott och saneringskostnader per kvartal; andel "
        "klotter sanerat inom 24 timmar.",
        "offender": "Unga, ofta i grupp, som rör sig i området sena kvällar.",
        "target": "Fönster, fasader, busskurer och lekutrustning {at}.",
        "place": "{p}: skymda fasader, dålig belysning och ingen bemanning kvällar och helger.",
        "offender_handler": "Föräldrar, skolan, fritidsledare och fältsekreterare.",
        "target_guardian": "Nattvandrare, väktare och polis.",
        "place_manager": "Fastighetsägaren, oftast kommunens fastighetsavdelning.",
        "event_chain": "Unga samlas {at} när verksamheten stänger → ingen vuxen i närheten → "
        "klotter och stenkastning → skadan sitter kvar → fler skador.",
    },
    "Inbrott/stöld": {
        "scanning": "Anmälda cykelstölder och förrådsinbrott {around} har ökat, och boende och "
        "pendlare tar upp det i dialogerna.",
        "analysis": "Stölderna sker främst {when}. Cyklar är låsta bara i hjulet, förråden har "
        "enkla lås och grannar reagerar sällan på okända personer.",
        "response": "Cykelställ med ramlåsning, säkrare förrådsdörrar, grannsamverkan och "
        "cykelmärkning {around}.",
        "assessment": "Anmälda cykelstölder och förrådsinbrott per kvartal; antal trapphus "
        "anslutna till grannsamverkan.",
        "offender": "Tillfällighetstjuvar, och ett fåtal som stjäl systematiskt och säljer vidare.",
        "target": "Cyklar, förråd och källare {around}.",
        "place": "{p}: oövervakade cykelställ, dåligt upplysta entréer och förrådsgångar utan "
        "insyn.",
        "offender_handler": "Socialtjänsten och frivården, för dem som stjäl återkommande.",
        "target_guardian": "Grannsamverkan, trygghetsvärdar och polis.",
        "place_manager": "Bostadsbolaget, fastighetsägarna och kommunen (cykelställen).",
        "event_chain": "Cykeln står låst bara i hjulet eller förrådsdörren står på glänt → "
        "tjuven ser ett lätt byte {at} → ingen reagerar → stöld → anmäls ofta inte.",
    },
    "Ordningsstörning": {
        "scanning": "Boende och näringsidkare {around} klagar i dialogerna på högljudda och "
        "berusade personer. Polisen larmas ofta dit.",
        "analysis": "Störningarna sker främst {when}, när serveringsställena stänger och många "
        "är på väg hem samtidigt. Alkohol på allmän plats är inte förbjudet {at}.",
        "response": "Gemensam tillsyn av serveringsställena, synlig polisnärvaro, alkoholförbud "
        "i ordningsföreskrifterna och trygghetsvärdar {at}.",
        "assessment": "Antal ingripanden och anmälda ordningsstörningar per kvartal; klagomål "
        "till bostadsbolaget; trygghetsmätningens fråga om störningar.",
        "offender": "Berusade unga vuxna och mindre grupper som dricker på allmän plats.",
        "target": "Boende, näringsidkare och förbipasserande {around}.",
        "place": "{p}: nära både serveringsställen och bostäder, sittplatser som lockar till "
        "samling och ingen bemanning nattetid.",
        "offender_handler": "Serveringspersonalen och sällskapet man är ute med.",
        "target_guardian": "Ordningsvakter, polis och trygghetsvärdar.",
        "place_manager": "Kommunen (torg och gata), krögarna och fastighetsägarna.",
        "event_chain": "Förfest → serveringsställena stänger → många samlas {at} → högljudda "
        "bråk och nedskräpning → boende störs och ringer polisen.",
    },
    "Ungdomsgrupper": {
        "scanning": "Grupper av unga som samlas {at} upplevs som hotfulla av andra unga och "
        "vuxna. Skolan och fältsekreterarna beskriver samma bild.",
        "analysis": "Grupperna samlas främst {when}. De flesta har inte gjort något brottsligt, "
        "men några är på väg in i kriminalitet, och få vuxna finns på plats.",
        "response": "Kvällsaktiviteter, fältassistenter, SSPF-samverkan kring unga i riskzon "
        "och områdespoliser i dialog med unga {at}.",
        "assessment": "Orosanmälningar och SSPF-ärenden per kvartal; besök på fritidsgården; "
        "trygghetsmätningens frågor om unga.",
        "offender": "Ett fåtal unga i grupperna som hotar eller trakasserar andra; de flesta är "
        "där för att träffas.",
        "target": "Andra unga, särskilt yngre elever, och vuxna som passerar {p}.",
        "place": "{p}: en naturlig samlingsplats där få vuxna finns kvällstid.",
        "offender_handler": "Vårdnadshavare, skolan, socialtjänsten och fritidsledare.",
        "target_guardian": "Fältassistenter, fritidsledare, nattvandrare och områdespoliser.",
        "place_manager": "Kommunens fritidsförvaltning och fastighetsägaren.",
        "event_chain": "Skolan slutar eller fritidsgården stänger → unga samlas {at} → några "
        "provocerar och hotar → andra unga undviker platsen → ryktet om platsen växer.",
    },
    "Våld i offentlig miljö": {
        "scanning": "Misshandel och bråk {at} när nöjeslivet stänger syns i anmälningarna och "
        "återkommer i dialogerna. Många undviker platsen helgnätter.",
        "analysis": "Våldet sker främst {when}, när många lämnar krogarna samtidigt. Nästan "
        "alla inblandade är berusade, och gångvägarna hem är mörka och folktomma.",
        "response": "Ansvarsfull alkoholservering, synlig polis när nöjeslivet stänger, bättre "
        "belysning på vägen hem och samverkan med krögare och ordningsvakter.",
        "assessment": "Anmäld misshandel utomhus per kvartal; krogkontrollernas resultat; "
        "trygghetsmätningens fråga om att gå ut på kvällen.",
        "offender": "Berusade unga män i sällskap, som oftast inte känner den de slår.",
        "target": "Besökare i nöjeslivet och de som väntar på buss eller taxi {at}.",
        "place": "{p}: nära krogarna, med köer till taxi och nattbuss och mörka gångvägar hem.",
        "offender_handler": "Sällskapet, krogpersonalen och ordningsvakterna.",
        "target_guardian": "Ordningsvakter, polis och nattvandrare.",
        "place_manager": "Krögarna, kommunens tillståndsenhet och kommunen som ansvarar för torg "
        "och gata.",
        "event_chain": "Förfest → krogbesök och överservering → stängning och trängsel {at} → "
        "knuff och ordväxling → misshandel.",
    },
    "Bedrägerier mot äldre": {
        "scanning": "Äldre {around} har kontaktats av falska bankmän, poliser och hantverkare. "
        "Flera brott är anmälda, och mörkertalet är stort.",
        "analysis": "Kontakterna sker främst {when}, när många äldre är ensamma hemma. Många "
        "känner inte till uppläggen och skäms för att anmäla.",
        "response": "Informationsträffar på träffpunkterna för äldre, utbildning för "
        "hemtjänsten, varningsblad till hushållen och samverkan med banker och butiker "
        "{around}.",
        "assessment": "Anmälda bedrägerier mot äldre per kvartal; antal träffar och deltagare; "
        "försök som bankerna stoppat.",
        "offender": "Organiserade bedragare som ringer från annan ort, och falska hantverkare "
        "som reser runt.",
        "target": "Äldre som bor ensamma {around}, särskilt de över 75 år.",
        "place": "Hemmen {around}, där många äldre bor ensamma: bedrägeriet sker i telefonen "
        "och vid ytterdörren, pengarna tas ut på bank eller i butik i {k}.",
        "offender_handler": "Få: bedragarna finns oftast långt bort. Bankerna kan stoppa "
        "betalningar.",
        "target_guardian": "Anhöriga, grannar, hemtjänstens personal och bank- och butikspersonal.",
        "place_manager": "Bostadsbolaget och träffpunkterna för äldre.",
        "event_chain": "Samtal från en falsk bankman → oro för kontot → den äldre legitimerar "
        "sig med BankID → pengarna förs över → skam gör att brottet inte anmäls.",
    },
    "Belysning/fysisk miljö": {
        "scanning": "Trygghetsvandringar och dialoger pekar ut {p} som en mörk och otrygg plats. "
        "Många väljer en annan väg eller stannar hemma.",
        "analysis": "Otryggheten är störst {when}. Lamporna är trasiga eller för svaga, buskage "
        "skymmer sikten och felanmälningar når inte rätt förvaltning.",
        "response": "Ny belysning, röjning av buskage, snabbare lagning av trasiga lampor och "
        "trygghetsvandringar {at}.",
        "assessment": "Andelen som känner sig otrygg {at} i trygghetsmätningen; antal fel och "
        "hur snabbt de lagas.",
        "offender": "Ingen särskild grupp; miljön i sig skapar otryggheten och ger skydd åt den "
        "som vill begå brott.",
        "target": "Alla som går eller cyklar {at} kvällstid, särskilt kvinnor och äldre.",
        "place": "{p}: trasiga eller för få lampor, höga buskage och långa sträckor utan insyn.",
        "offender_handler": "Inte aktuellt: problemet gäller platsen, inte en viss grupp.",
        "target_guardian": "Boende och förbipasserande, nattvandrare och polis.",
        "place_manager": "Kommunens samhällsbyggnadsförvaltning (belysning och grönytor) och "
        "fastighetsägarna.",
        "event_chain": "En lampa går sönder → felanmälan når inte rätt förvaltning → buskaget "
        "växer igen → platsen blir mörk → folk undviker den → ännu färre rör sig {at}.",
    },
    "Allmän otrygghet": {
        "scanning": "Många uppger i trygghetsmätningen och i dialogerna att de känner sig "
        "otrygga {at}, trots att få brott anmäls där.",
        "analysis": "Otryggheten är störst {when}. Få vuxna rör sig på platsen, belysningen är "
        "dålig och rykten om händelser sprids utan att någon bemöter dem.",
        "response": "Nattvandring, synlig polis och dialogstand, bättre belysning och "
        "regelbunden återkoppling om tryggheten {at}.",
        "assessment": "Trygghetsmätningens fråga om otrygghet {at}; timmar synlig närvaro; "
        "antal återkopplingar till invånarna.",
        "offender": "Ingen enskild grupp; otryggheten bygger på oordning, rykten och enstaka "
        "händelser.",
        "target": "Invånare som passerar {p}, särskilt kvinnor och äldre.",
        "place": "{p}: få människor i rörelse kvällstid, dålig belysning och nedskräpning.",
        "offender_handler": "Föräldrar, föreningar och fältsekreterare.",
        "target_guardian": "Nattvandrare, polis, trygghetsvärdar och butikspersonal.",
        "place_manager": "Kommunen och fastighetsägarna {around}.",
        "event_chain": "En händelse eller ett rykte sprids i sociala medier → färre vågar gå "
        "{at} kvällstid → platsen blir folktom → otryggheten växer.",
    },
}

"""The Swedish vocabulary of the demo dataset: kommuner, places, partners and texts.

Everything here is fictional. Officials get invented names; citizens never appear
at all — dialogue notes and concerns speak of groups and counts, as real records must.
Texts are data (what an officer would type), not interface strings, so they are
plain Swedish and not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommunpolis.domain.statuses import MeasureStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    IndicatorSource,
    OrganisationKind,
    Party,
    PlaceKind,
    SourceType,
)

# A measure: (title with "{p}" for a place, operational goal, responsible).
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

# Dialogue titles per format; "{p}" is a place, "{k}" the kommun.
DIALOGUE_TITLES: dict[DialogueFormat, tuple[str, ...]] = {
    DialogueFormat.OPEN_MEETING: (
        "Öppet möte om tryggheten i {k}",
        "Trygghetsmöte för boende i {p}",
    ),
    DialogueFormat.SAFETY_WALK: ("Trygghetsvandring i {p}", "Kvällsvandring kring {p}"),
    DialogueFormat.SURVEY: ("Trygghetsenkät {k}", "Enkät om tryggheten kring {p}"),
    DialogueFormat.FOCUS_GROUP: ("Fokusgrupp med unga om {p}", "Fokusgrupp med handlare i {k}"),
    DialogueFormat.INTERVIEW: (
        "Intervjuer med näringsidkare vid {p}",
        "Samtal med fältsekreterare",
    ),
    DialogueFormat.DELIBERATION: ("Rådslag om tryggheten i {k}", "Medborgarråd om {p}"),
    DialogueFormat.STAND: ("Dialogstand på {p}", "Polisen på plats: {p}"),
    DialogueFormat.SCHOOL_VISIT: ("Skolbesök: {p}", "Klassrumsdialog på {p}"),
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

# Problems per theme: (title, who is affected); "{p}" is the problem's place.
PROBLEMS: dict[str, tuple[str, str]] = {
    "Narkotika": ("Narkotikaförsäljning vid {p}", "Unga och boende i området"),
    "Trafik/buskörning": (
        "Buskörning och höga hastigheter vid {p}",
        "Gående, cyklister och skolbarn",
    ),
    "Skadegörelse": ("Återkommande skadegörelse vid {p}", "Fastighetsägare och besökare"),
    "Inbrott/stöld": ("Cykelstölder och förrådsinbrott vid {p}", "Boende och pendlare"),
    "Ordningsstörning": ("Ordningsstörningar kvällstid vid {p}", "Boende och näringsidkare"),
    "Ungdomsgrupper": ("Ungdomsgrupper som upplevs hotfulla vid {p}", "Unga och besökare"),
    "Våld i offentlig miljö": ("Våld i samband med nöjesliv vid {p}", "Besökare i nöjeslivet"),
    "Bedrägerier mot äldre": ("Bedrägerier mot äldre i området kring {p}", "Äldre boende"),
    "Belysning/fysisk miljö": ("Otrygg fysisk miljö vid {p}", "Alla som rör sig i området"),
    "Allmän otrygghet": ("Upplevd otrygghet vid {p} kvällstid", "Kvinnor och äldre i första hand"),
}

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
        "Ökad polisiär närvaro vid {p} fredag- och lördagskvällar",
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
    ("Nattvandring vid {p} under helger", "Nattvandrare på plats varannan helg", "Nattvandrarna"),
    (
        "Utökade öppettider på fritidsgården",
        "Öppet till kl. 22 fredag och lördag",
        "Fritidsförvaltningen",
    ),
    ("Hastighetskontroller vid {p}", "Sex kontroller per termin", "Polisen"),
    ("Informationsträffar om bedrägerier för äldre", "Fyra träffar per år", "Polisen och kommunen"),
    ("Trygghetsvärdar i {p}", "Närvaro vardagskvällar", "Bostadsbolaget"),
    (
        "Snabb sanering av klotter vid {p}",
        "Sanerat inom 24 timmar",
        "Samhällsbyggnadsförvaltningen",
    ),
)

# A focus area's root causes by theme, each with the measure that answers it: together
# the rows of Brå's action-plan table, (cause, (measure title, operational goal,
# responsible)). "{p}" is the problem's own place. Themes not listed take CAUSES and
# MEASURES above.
FOCUS_ACTION_PLANS: dict[str, tuple[tuple[str, MeasureText], ...]] = {
    "Narkotika": (
        (
            "Etablerade säljare använder {p} eftersom platsen är svår att överblicka.",
            (
                "Riktade insatser mot narkotikaförsäljningen vid {p}",
                "Minst två insatser per månad",
                "Polisen",
            ),
        ),
        (
            "Unga som börjat använda narkotika fångas inte upp tidigt av vuxna.",
            (
                "SSPF-samtal med unga som påträffas med narkotika vid {p}",
                "Samtal med den unga och vårdnadshavarna inom en vecka",
                "Socialtjänsten och Polisen",
            ),
        ),
        (
            "Föräldrar känner inte igen tecknen på att unga använder narkotika.",
            (
                "Föräldraträffar om droger för familjer i området kring {p}",
                "En träff per termin",
                "Socialtjänsten",
            ),
        ),
        (
            "Skymda hörn och dålig belysning vid {p} gör försäljningen svår att upptäcka.",
            (
                "Röjning av buskage och bättre belysning vid {p}",
                "Klart före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
    ),
    "Trafik/buskörning": (
        (
            "Vägen förbi {p} är rak och bred och inbjuder till höga hastigheter.",
            (
                "Farthinder och avsmalningar på vägen förbi {p}",
                "Två farthinder på plats före skolstarten i augusti",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Förarna räknar inte med att bli kontrollerade kvällstid.",
            (
                "Hastighets- och fordonskontroller vid {p}",
                "Sex kontroller per termin, varav hälften kvällstid",
                "Polisen",
            ),
        ),
        (
            "Unga med moped och A-traktor känner inte till reglerna eller riskerna.",
            (
                "Trafikträffar för unga med moped och A-traktor i området kring {p}",
                "Två träffar per termin",
                "Polisen och fritidsförvaltningen",
            ),
        ),
        (
            "Felparkerade bilar vid {p} skymmer sikten för gående och cyklister.",
            (
                "Parkeringsövervakning och tydligare skyltning vid {p}",
                "Övervakning varje vardag under ett halvår",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
    ),
    "Skadegörelse": (
        (
            "Klotter som får sitta kvar lockar till mer klotter.",
            (
                "Klottersanering vid {p} inom ett dygn",
                "Nio av tio anmälda klotter sanerade inom 24 timmar",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Få vuxna rör sig vid {p} sena kvällar och helger.",
            (
                "Nattvandring vid {p} fredag och lördag kväll",
                "Nattvandrare på plats varannan helg",
                "Nattvandrarna",
            ),
        ),
        (
            "Skadegörelse anmäls sällan, så omfattningen och tiderna är okända.",
            (
                "Alla skador vid {p} polisanmäls och rapporteras till lägesbilden",
                "Varje skada anmäld inom en vecka",
                "Bostadsbolaget och kommunen",
            ),
        ),
        (
            "Skadegörelsen sker fredag och lördag natt, när polisen sällan är på plats.",
            (
                "Riktad polisnärvaro vid {p} fredag och lördag natt",
                "Minst 20 timmar per kvartal",
                "Polisen",
            ),
        ),
    ),
    "Inbrott/stöld": (
        (
            "Cykelställen vid {p} går inte att låsa fast cykelns ram i.",
            (
                "Nya cykelställ med ramlåsning vid {p}",
                "Klart före sommaren",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Förråd och källare i området har enkla lås och dörrar.",
            (
                "Säkrare lås och dörrar till förråd och källare nära {p}",
                "Alla förrådsdörrar bytta inom ett år",
                "Bostadsbolaget",
            ),
        ),
        (
            "Grannar känner inte varandra och reagerar sällan på okända personer.",
            (
                "Grannsamverkan i området kring {p}",
                "Hälften av trapphusen anslutna inom ett år",
                "Polisen och bostadsbolaget",
            ),
        ),
        (
            "Stulna cyklar är sällan märkta och kan inte lämnas tillbaka när de hittas.",
            (
                "Cykelmärkning vid {p}",
                "Två märkningsdagar per år",
                "Polisen",
            ),
        ),
    ),
    "Ordningsstörning": (
        (
            "Berusade personer samlas vid {p} när serveringsställena stänger.",
            (
                "Gemensam tillsyn av serveringsställena kring {p}",
                "Fyra tillsynskvällar per år",
                "Polisen och kommunen",
            ),
        ),
        (
            "Ingen ingriper tidigt när stämningen blir stökig.",
            (
                "Synlig polisnärvaro vid {p} fredag och lördag kväll",
                "Minst 40 timmar per kvartal",
                "Polisen",
            ),
        ),
        (
            "De lokala ordningsföreskrifterna förbjuder inte alkohol på allmän plats vid {p}.",
            (
                "Förbud mot alkohol på allmän plats vid {p} i ordningsföreskrifterna",
                "Beslut i kommunfullmäktige före sommaren",
                "Kommunledningsförvaltningen",
            ),
        ),
        (
            "Bostadsbolaget har ingen bemanning kvällstid när störningarna sker.",
            (
                "Trygghetsvärdar vid {p} kvällstid",
                "På plats vardagskvällar till kl. 23",
                "Bostadsbolaget",
            ),
        ),
    ),
    "Ungdomsgrupper": (
        (
            "Unga saknar mötesplatser med öppet kvällstid och samlas därför vid {p}.",
            (
                "Kvällsaktiviteter för unga som samlas vid {p}",
                "Öppen verksamhet till kl. 22 fredag och lördag",
                "Fritidsförvaltningen",
            ),
        ),
        (
            "Få vuxna finns på plats de kvällar grupperna samlas.",
            (
                "Fältassistenter vid {p} fredag och lördag kväll",
                "På plats minst två kvällar i veckan",
                "Socialtjänsten",
            ),
        ),
        (
            "Skola, socialtjänst och polis samverkar inte kring unga på väg in i kriminalitet.",
            (
                "SSPF-samverkan kring unga i riskzon som vistas vid {p}",
                "Varje orosanmälan hanterad inom två veckor",
                "Socialtjänsten, skolan och Polisen",
            ),
        ),
        (
            "Unga och polis möts sällan, så oro och rykten sprids.",
            (
                "Områdespoliser i dialog med unga vid {p}",
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
            "Många lämnar nöjeslivet samtidigt vid stängning och trängs vid {p}.",
            (
                "Synlig polisnärvaro vid {p} när nöjeslivet stänger",
                "Patrull på plats kl. 01–03 varje fredag och lördag",
                "Polisen",
            ),
        ),
        (
            "Vägen från {p} till busshållplatsen är mörk och folktom på natten.",
            (
                "Bättre belysning på vägen mellan {p} och busshållplatsen",
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
                "Informationsträffar om bedrägerier på träffpunkter för äldre kring {p}",
                "Minst fyra träffar per halvår",
                "Polisen",
            ),
        ),
        (
            "Äldre som bor ensamma har ingen att fråga innan de lämnar ut koder eller pengar.",
            (
                "Utbildning om bedrägerier för hemtjänstens personal i området kring {p}",
                "All personal utbildad före årsskiftet",
                "Vård- och omsorgsförvaltningen",
            ),
        ),
        (
            "Falska hantverkare knackar dörr dagtid när få grannar är hemma.",
            (
                "Varningsblad om falska hantverkare till alla hushåll kring {p}",
                "Utdelat två gånger per år",
                "Polisen och bostadsbolaget",
            ),
        ),
        (
            "Bank- och butikspersonal känner inte igen en äldre kund som håller på att luras.",
            (
                "Genomgång av varningssignaler med bankkontor och butiker vid {p}",
                "Alla bankkontor och livsmedelsbutiker i området besökta",
                "Polisen",
            ),
        ),
    ),
    "Belysning/fysisk miljö": (
        (
            "Gångvägen vid {p} är dåligt upplyst.",
            (
                "Ny belysning längs gångvägen vid {p}",
                "Belysningen utbytt före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Igenvuxna buskage skymmer sikten vid {p}.",
            (
                "Röjning av buskage kring {p}",
                "Röjt två gånger per år",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Trasiga gatlampor lagas sent eftersom felanmälningarna inte når rätt förvaltning.",
            (
                "Felanmälan och lagning av trasig belysning vid {p} inom en vecka",
                "Nio av tio fel lagade inom sju dagar",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Kommunen och fastighetsägaren ser sällan platsen som den som går där kvällstid.",
            (
                "Trygghetsvandring vid {p} med boende, fastighetsägare och polis",
                "En vandring varje höst; åtgärdslista inom en månad",
                "Polisen och kommunen",
            ),
        ),
    ),
    "Allmän otrygghet": (
        (
            "Få vuxna rör sig vid {p} under kvällar och helger.",
            (
                "Nattvandring vid {p} under helger",
                "Nattvandrare på plats varannan helg",
                "Nattvandrarna",
            ),
        ),
        (
            "Polisen syns sällan vid {p}, och rykten om händelser sprids obemötta.",
            (
                "Synlig polisnärvaro och dialogstand vid {p}",
                "En dialogstand i månaden och minst 20 timmar närvaro per kvartal",
                "Polisen",
            ),
        ),
        (
            "Dålig belysning och skymd sikt gör {p} svår att överblicka.",
            (
                "Bättre belysning och röjning av buskage vid {p}",
                "Klart före oktober",
                "Samhällsbyggnadsförvaltningen",
            ),
        ),
        (
            "Invånarna får sällan veta vad som görs och vad som har hänt vid {p}.",
            (
                "Återkoppling om tryggheten vid {p} i lokaltidningen och på kommunens webbplats",
                "Två gånger per år",
                "Polisen och kommunen",
            ),
        ),
    ),
}

POLICE_COMMITMENTS: tuple[str, ...] = (
    "Polisen lovar att öka sin synliga närvaro vid {p} under kvällar och helger.",
    "Polisen lovar att genomföra trafikkontroller vid {p} varje månad.",
    "Polisen lovar att prioritera ärenden om narkotikaförsäljning i {k}.",
    "Polisen lovar att återkoppla till invånarna två gånger per år.",
)

MUNICIPALITY_COMMITMENTS: tuple[str, ...] = (
    "Kommunen lovar att förbättra belysningen vid {p}.",
    "Kommunen lovar att utöka fritidsgårdens öppettider på helger.",
    "Kommunen lovar att sanera klotter inom ett dygn.",
    "Kommunen lovar att genomföra en trygghetsvandring i {p} varje höst.",
)

# A partner's words and the kind of partner that says them; "{o}" is its name.
PARTNER_COMMITMENTS: tuple[tuple[OrganisationKind, str], ...] = (
    (OrganisationKind.HOUSING_COMPANY, "{o} lovar att ha trygghetsvärdar på plats vardagskvällar."),
    (OrganisationKind.ASSOCIATION, "{o} lovar att nattvandra varannan helg."),
    (OrganisationKind.BUSINESS, "{o} lovar att hålla entréer och skyltfönster upplysta kvällstid."),
)

# A focus area's commitments by its theme: (the police's, the municipality's); "{p}" is
# the problem's place, "{k}" the kommun. Themes not listed take the general ones above.
FOCUS_COMMITMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Narkotika": (
        (
            "Polisen lovar att prioritera ärenden om narkotikaförsäljning vid {p}.",
            "Polisen lovar att genomföra riktade insatser mot narkotikaförsäljning i {k} "
            "varje månad.",
        ),
        (
            "Kommunen lovar att utöka fältsekreterarnas närvaro vid {p} kvällstid.",
            "Kommunen lovar att erbjuda föräldraträffar om droger på alla högstadieskolor.",
        ),
    ),
    "Trafik/buskörning": (
        (
            "Polisen lovar att genomföra trafikkontroller vid {p} varje månad.",
            "Polisen lovar att beivra buskörning med mopeder och A-traktorer vid {p}.",
        ),
        (
            "Kommunen lovar att bygga farthinder vid {p}.",
            "Kommunen lovar att se över hastighetsgränserna kring {p}.",
        ),
    ),
    "Skadegörelse": (
        (
            "Polisen lovar att prioritera utredningar av skadegörelse vid {p}.",
            "Polisen lovar att öka sin synliga närvaro vid {p} sena kvällar.",
        ),
        (
            "Kommunen lovar att sanera klotter inom ett dygn.",
            "Kommunen lovar att laga skadad belysning och utrustning vid {p} inom en vecka.",
        ),
    ),
    "Inbrott/stöld": (
        (
            "Polisen lovar att informera om hur man skyddar sig mot inbrott och cykelstölder.",
            "Polisen lovar att stödja grannsamverkan i området kring {p}.",
        ),
        (
            "Kommunen lovar att sätta upp låsbara cykelställ vid {p}.",
            "Kommunen lovar att starta grannsamverkan tillsammans med bostadsbolagen.",
        ),
    ),
    "Ordningsstörning": (
        (
            "Polisen lovar att öka sin synliga närvaro vid {p} under kvällar och helger.",
            "Polisen lovar att ingripa tidigt mot störningar vid {p}.",
        ),
        (
            "Kommunen lovar att ha ordningsvakter vid {p} under helgkvällar.",
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
            "Kommunen lovar att ha fältassistenter vid {p} fredag och lördag kväll.",
        ),
    ),
    "Våld i offentlig miljö": (
        (
            "Polisen lovar att finnas synligt vid {p} när nöjeslivet stänger.",
            "Polisen lovar att samverka med krögarna om ansvarsfull alkoholservering.",
        ),
        (
            "Kommunen lovar att utbilda krogpersonalen i ansvarsfull alkoholservering.",
            "Kommunen lovar att förbättra belysningen på vägen från {p} till busshållplatsen.",
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
            "Polisen lovar att delta i trygghetsvandringar vid {p}.",
            "Polisen lovar att lämna förslag på platser att se över efter varje trygghetsvandring.",
        ),
        (
            "Kommunen lovar att förbättra belysningen vid {p}.",
            "Kommunen lovar att röja buskage som skymmer sikten vid {p}.",
        ),
    ),
    "Allmän otrygghet": (
        (
            "Polisen lovar att öka sin synliga närvaro vid {p} under kvällar och helger.",
            "Polisen lovar att finnas vid {p} med en dialogstand en gång i månaden.",
        ),
        (
            "Kommunen lovar att genomföra en trygghetsvandring vid {p} varje höst.",
            "Kommunen lovar att förbättra belysningen vid {p}.",
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

# Indicators: (name with {p}, source kind, source text, unit, baseline, target).
INDICATORS: tuple[tuple[str, IndicatorSource, str, str, float, float], ...] = (
    ("Andel som känner sig otrygga vid {p} kvällstid", IndicatorSource.SURVEY_ITEM,
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

ANALYSIS_TEXTS: dict[str, str] = {
    "scanning": "Problemet har lyfts i flera dialoger och syns i anmälningsstatistiken.",
    "analysis": "Koncentrerat till kvällar och helger; platsen saknar naturlig övervakning.",
    "response": "Kombination av polisiär närvaro, förbättrad fysisk miljö och vuxennärvaro.",
    "assessment": "Följs upp kvartalsvis med indikatorer och i nästa trygghetsmätning.",
    "offender": "Mindre grupper som återkommer till platsen.",
    "target": "Besökare och boende som passerar platsen.",
    "place": "Dålig belysning och skymda siktlinjer.",
    "offender_handler": "Föräldrar, fältsekreterare och föreningsledare.",
    "target_guardian": "Polis, nattvandrare och trygghetsvärdar.",
    "place_manager": "Kommunen och fastighetsägaren.",
    "event_chain": "Samling efter skoltid → alkohol → störningar → otrygghet hos förbipasserande.",
}

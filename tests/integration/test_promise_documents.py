"""The medborgarlöfte and the action plan group the commitments by focus area.

Document models only (no PDF): the published promise takes open records only and never
names a focus area that is not marked öppen; the action plan, internal, shows them all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.vocabulary import OrganisationKind, Party, Sensitivity
from kommunpolis.services.documents import (
    BulletList,
    Document,
    DocumentService,
    GapCode,
    Section,
    Subheading,
)
from kommunpolis.storage import tables as t

KOMMUN = "0180"
TODAY = date(2026, 6, 1)
HIDDEN = "Langning vid skolan XQ9"  # an internal focus area's title: never for citizens


def _add(services: Services, *records: t.Record) -> None:
    with services.unit_of_work() as uow:
        uow.session.add_all(records)
        uow.commit()


@dataclass(frozen=True)
class Promise:
    """The ids of a promise over three focus areas."""

    id: uuid.UUID
    hidden: uuid.UUID  # internal, priority 1
    open: uuid.UUID  # open, priority 2
    quiet: uuid.UUID  # open, priority 3, nothing promised about it


def _promise(services: Services) -> Promise:
    hidden = t.Problem(
        title=HIDDEN, municipality_code=KOMMUN, priority=1, sensitivity=Sensitivity.INTERNAL
    )
    open_ = t.Problem(title="Buskörning vid torget", municipality_code=KOMMUN, priority=2)
    quiet = t.Problem(title="Klotter i tunneln", municipality_code=KOMMUN, priority=3)
    partner = t.Organisation(name="Bostadsbolaget", kind=OrganisationKind.HOUSING_COMPANY)
    promise = t.Promise(
        title="Tryggare centrum",
        public_text="Vi lovar tillsammans.",
        municipality_code=KOMMUN,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    _add(services, hidden, open_, quiet, partner, promise)
    _add(
        services,
        *(t.PromiseProblem(promise_id=promise.id, problem_id=p.id) for p in (hidden, open_, quiet)),
    )

    def words(
        party: Party,
        text: str,
        problem: t.Problem | None,
        position: int,
        sensitivity: Sensitivity = Sensitivity.OPEN,
    ) -> t.Commitment:
        return t.Commitment(
            promise_id=promise.id,
            problem_id=problem.id if problem is not None else None,
            party=party,
            organisation_id=partner.id if party is Party.PARTNER else None,
            text=text,
            position=position,
            sensitivity=sensitivity,
        )

    _add(
        services,
        words(Party.PARTNER, "Bostadsbolaget lovar att ha trygghetsvärdar.", open_, 0),
        words(Party.MUNICIPALITY, "Kommunen lovar att bygga farthinder.", open_, 1),
        words(Party.POLICE, "Polisen lovar att kontrollera mopeder.", open_, 2),
        words(Party.POLICE, "Polisen lovar att prioritera langning.", hidden, 3),
        words(Party.POLICE, "Polisen lovar att återkoppla varje halvår.", None, 4),
        words(
            Party.MUNICIPALITY,
            "Kommunen lovar att sätta kameror.",
            hidden,
            5,
            Sensitivity.SECRET,
        ),
    )
    return Promise(promise.id, hidden.id, open_.id, quiet.id)


@pytest.fixture
def documents(services: Services) -> DocumentService:
    return DocumentService(uow=services.unit_of_work, today=lambda: TODAY)


def _section(document: Document, heading: str) -> Section:
    return next(s for s in document.sections if s.heading == heading)


def _promised(section: Section) -> list[tuple[str, tuple[str, ...]]]:
    """(who, what) pairs of a section: each Subheading with the list after it."""
    pairs = []
    for block, after in zip(section.blocks, section.blocks[1:], strict=False):
        if isinstance(block, Subheading) and isinstance(after, BulletList):
            pairs.append((block.text, after.items))
    return pairs


def test_the_promise_for_citizens_groups_by_focus_area_and_hides_an_internal_ones_title(
    services: Services, documents: DocumentService
) -> None:
    ids = _promise(services)
    document = documents.build("lofte", ids.id)

    headings = [(s.heading, s.level) for s in document.sections]
    start = headings.index(("Det här lovar vi", 1))
    # The internal focus area comes first (priority 1): numbered, never named.
    assert headings[start + 1 : start + 4] == [
        ("Fokusområde 1", 2),
        ("Fokusområde 2: Buskörning vid torget", 2),
        ("Gäller hela löftet", 2),
    ]
    assert _promised(_section(document, "Fokusområde 1")) == [
        ("Polisen lovar att", ("Prioritera langning.",)),
    ]
    assert _promised(_section(document, "Fokusområde 2: Buskörning vid torget")) == [
        ("Polisen lovar att", ("Kontrollera mopeder.",)),
        ("Kommunen lovar att", ("Bygga farthinder.",)),
        ("Bostadsbolaget lovar att", ("Ha trygghetsvärdar.",)),
    ]
    assert _promised(_section(document, "Gäller hela löftet")) == [
        ("Polisen lovar att", ("Återkoppla varje halvår.",)),
    ]
    text = document.text()
    assert HIDDEN not in text  # not in a heading, the background or a gap
    assert "sätta kameror" not in text  # the secret words
    gaps = {gap.code: gap.text for gap in document.gaps}
    # The open focus area without words is named; the internal one counts as withheld.
    assert (
        gaps[GapCode.FOCUS_AREA_WITHOUT_COMMITMENT]
        == "Fokusområdet ”Klotter i tunneln” saknar löften."
    )
    assert GapCode.WITHHELD in gaps
    assert "Klotter i tunneln" in text  # its background is public


def test_a_hidden_focus_area_with_nothing_open_leaves_no_gap_in_the_numbers(
    services: Services, documents: DocumentService
) -> None:
    ids = _promise(services)
    with services.unit_of_work() as uow:
        words = select(t.Commitment).where(t.Commitment.problem_id == ids.hidden)
        for row in uow.session.scalars(words):
            row.sensitivity = Sensitivity.INTERNAL
        uow.commit()
    document = documents.build("lofte", ids.id)
    headings = [s.heading for s in document.sections if s.level == 2]
    assert headings == ["Fokusområde 1: Buskörning vid torget", "Gäller hela löftet"]
    assert HIDDEN not in document.text()
    assert not any(HIDDEN in gap.text for gap in document.gaps)


def test_words_only_about_the_whole_promise_keep_one_section_per_party(
    services: Services, documents: DocumentService
) -> None:
    ids = _promise(services)
    with services.unit_of_work() as uow:
        for row in uow.session.scalars(
            select(t.Commitment).where(t.Commitment.promise_id == ids.id)
        ):
            row.problem_id = None
        uow.commit()
    document = documents.build("lofte", ids.id)
    headings = [s.heading for s in document.sections]
    assert "Det här lovar vi" not in headings
    assert headings[1:4] == ["Polisen lovar att", "Kommunen lovar att", "Bostadsbolaget lovar att"]
    assert _section(document, "Polisen lovar att").blocks == (
        BulletList(("Kontrollera mopeder.", "Prioritera langning.", "Återkoppla varje halvår.")),
    )
    # Nothing is promised per focus area at all: no focus area is said to lack words.
    assert GapCode.FOCUS_AREA_WITHOUT_COMMITMENT not in {gap.code for gap in document.gaps}


def test_the_action_plan_shows_every_focus_areas_words_then_its_measures(
    services: Services, documents: DocumentService
) -> None:
    ids = _promise(services)
    measure = t.Measure(promise_id=ids.id, problem_id=ids.open, title="Mopedkontroller")
    _add(services, measure)
    document = documents.build("atgardsplan", ids.id)

    headings = [(s.heading, s.level) for s in document.sections]
    assert headings[1:] == [
        (f"Fokusområde: {HIDDEN}", 1),  # internal document: every live record
        ("Åtgärder", 2),
        ("Fokusområde: Buskörning vid torget", 1),
        ("Åtgärder", 2),
        ("Fokusområde: Klotter i tunneln", 1),
        ("Åtgärder", 2),
        ("Hela löftet", 1),
    ]
    assert _promised(_section(document, f"Fokusområde: {HIDDEN}")) == [
        ("Polisen lovar att", ("Prioritera langning.",)),
        ("Kommunen lovar att", ("Sätta kameror.",)),
    ]
    quiet = _section(document, "Fokusområde: Klotter i tunneln")
    assert "Inga löften för fokusområdet ännu." in [getattr(b, "text", "") for b in quiet.blocks]
    assert "Mopedkontroller" in document.text()
    assert _promised(_section(document, "Hela löftet")) == [
        ("Polisen lovar att", ("Återkoppla varje halvår.",)),
    ]

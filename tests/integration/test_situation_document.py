"""The lägesbild document model: aggregates, trends, ranked problems, sources, gaps."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import RecordNotFound
from kommunpolis.domain.vocabulary import SituationOwner, SituationScope, SourceType
from kommunpolis.services.demo import DemoService
from kommunpolis.services.documents import (
    Audience,
    BulletList,
    ChartRequest,
    DocumentKind,
    GapCode,
    Table,
)
from kommunpolis.storage import tables as t


@pytest.fixture
def demo(services: Services) -> Services:
    DemoService(database=services.database, clock=services.clock).generate(dialogues=80)
    return services


def _picture(services: Services, scope: SituationScope) -> uuid.UUID:
    with services.unit_of_work() as uow:
        found = uow.session.scalars(
            select(t.SituationPicture.id)
            .where(t.SituationPicture.scope == scope, t.SituationPicture.deleted_at.is_(None))
            .order_by(t.SituationPicture.id)
        ).first()
    assert found is not None
    return found


def test_the_lagesbild_of_a_district(demo: Services) -> None:
    picture_id = _picture(demo, SituationScope.DISTRICT)
    picture = demo.situation.picture(picture_id)
    document = demo.documents.build("lagesbild", picture_id)
    assert document.kind is DocumentKind.SITUATION and document.internal
    assert document.audience is Audience.INTERNAL
    assert document.title == "Lägesbild" and picture.title in document.subtitle
    assert "Intern" in document.footer
    text = document.text()
    assert "ska inte spridas" in text
    charts = [b for s in document.sections for b in s.blocks if isinstance(b, ChartRequest)]
    assert len(charts) == 1 and charts[0].summary.period == picture.period
    headings = [section.heading for section in document.sections]
    for heading in ("Teman och trender", "Platser", "Prioriterade problem", "Källor"):
        assert heading in headings
    themes = next(s for s in document.sections if s.heading == "Teman och trender")
    table = next(b for b in themes.blocks if isinstance(b, Table))
    summary = charts[0].summary
    assert [row[0].text for row in table.rows] == [row.name for row in summary.by_theme]
    assert table.rows[0][1].text == str(summary.by_theme[0].counts.weight)
    ranked = next(s for s in document.sections if s.heading == "Prioriterade problem")
    ranked_table = ranked.blocks[0]
    assert isinstance(ranked_table, Table)
    assert [row[1].text for row in ranked_table.rows] == [p.title for p in picture.problems]
    # Police-only sources are listed in this internal document, and marked.
    sources = next(s for s in document.sections if s.heading == "Källor").blocks[0]
    assert isinstance(sources, BulletList)
    for source in picture.sources:
        marked = [item for item in sources.items if source.description in item]
        assert marked and (marked[0].endswith("Endast polis") == source.police_only)
    assert any(source.police_only for source in picture.sources)
    assert document.file_stem.startswith("Lägesbild ")


def test_a_bare_picture_still_renders_with_its_gaps(services: Services) -> None:
    with services.unit_of_work() as uow:
        picture = t.SituationPicture(
            title="Lägesbild Gamla stan",
            scope=SituationScope.AREA,
            area="Gamla stan",
            owner=SituationOwner.POLICE,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 6, 30),
        )
        uow.session.add(picture)
        uow.flush()
        uow.session.add(
            t.Source(
                situation_picture_id=picture.id,
                source_type=SourceType.POLICE_INTELLIGENCE,
                description="Underrättelse om langning",
                police_only=True,
            )
        )
        picture_id = picture.id
        uow.commit()
    document = services.documents.build(DocumentKind.SITUATION, picture_id)
    codes = {gap.code for gap in document.gaps}
    assert codes >= {
        GapCode.SCOPE_NOT_COMPUTABLE,
        GapCode.NO_RANKED_PROBLEMS,
        GapCode.NO_SUMMARY,
    }
    assert GapCode.NO_SOURCES not in codes
    assert "Underrättelse om langning – Endast polis" in document.text()
    assert "Gamla stan" in document.text()
    assert not any(isinstance(b, ChartRequest) for s in document.sections for b in s.blocks)


def test_an_unknown_picture_is_not_found(services: Services) -> None:
    with pytest.raises(RecordNotFound):
        services.documents.build("lagesbild", uuid.uuid4())

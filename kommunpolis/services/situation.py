"""The lägesbild builder: concerns aggregated for a scope and period, and the problems ranked.

A scope is a set of kommuner, a lokalpolisområde (its kommuner through
``district_municipality``), a set of places, or everything; a period is a pair of dates
(inclusive, in local time) matched against the dialogue's ``starts_at``. Every
aggregate counts live concerns in live dialogues (tombstones never count) and carries
three numbers: the weight (the sum of ``raised_count``: how many people raised it), the
number of concerns, and the number of dialogues it was raised in.

``summarize`` takes whole local months from the monthly counts that triggers keep
queued and ``storage/situation_tally.py`` recounts (by kommun), and reads only the days
at the ends of the period — or every concern, for a scope of places — in one ordered
pass per period, adding up every breakdown in one Python loop (``_tally`` says why,
docs/performance.md measures it). The builder's writes (a situation picture for a scope and period,
a problem made from an aggregate row with its evidence links, ranks) go through the
unit of work, which stamps every record and link row.
"""

from __future__ import annotations

import sqlite3
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    func,
    select,
)
from sqlalchemy.orm import Session

from kommunpolis.domain.calendar import local_midnight, next_month
from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import InvalidInput, RecordNotFound
from kommunpolis.domain.statuses import ProblemStatus
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    SituationOwner,
    SituationScope,
    TimePattern,
)
from kommunpolis.services.read_models import SourceView
from kommunpolis.storage import situation_tally
from kommunpolis.storage.tables import (
    Concern,
    Dialogue,
    District,
    DistrictMunicipality,
    Municipality,
    Place,
    Problem,
    ProblemConcern,
    SituationPicture,
    SituationProblem,
    Source,
    Theme,
)
from kommunpolis.storage.unit_of_work import UnitOfWork

# A period up to this many days is shown per week, a longer one per month.
WEEKLY_UP_TO_DAYS = 120
# The most "theme at a place" rows a summary carries (the heaviest first).
THEME_PLACE_LIMIT = 200
TITLE_LIMIT = 200


class ScopeKind(StrEnum):
    """What a scope is made of."""

    MUNICIPALITIES = "municipalities"
    DISTRICT = "district"
    PLACES = "places"
    EVERYWHERE = "everywhere"


class Granularity(StrEnum):
    """The step of a time series."""

    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Scope:
    """Where the concerns come from; build one with the class methods."""

    kind: ScopeKind
    municipality_codes: tuple[str, ...] = ()
    district_id: uuid.UUID | None = None
    place_ids: tuple[uuid.UUID, ...] = ()

    @classmethod
    def municipalities(cls, codes: Iterable[str]) -> Scope:
        """Concerns from dialogues held in these kommuner."""
        return cls(ScopeKind.MUNICIPALITIES, municipality_codes=tuple(sorted(set(codes))))

    @classmethod
    def district(cls, district_id: uuid.UUID) -> Scope:
        """Concerns from dialogues held in the kommuner of one lokalpolisområde."""
        return cls(ScopeKind.DISTRICT, district_id=district_id)

    @classmethod
    def places(cls, place_ids: Iterable[uuid.UUID]) -> Scope:
        """Concerns about these places (a concern's own place, not its dialogue's)."""
        return cls(ScopeKind.PLACES, place_ids=tuple(sorted(set(place_ids))))

    @classmethod
    def everywhere(cls) -> Scope:
        """Every concern."""
        return cls(ScopeKind.EVERYWHERE)


@dataclass(frozen=True)
class Period:
    """From one date to another, both included (local dates)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)


@dataclass(frozen=True)
class Counts:
    """How many people raised it (weight), in how many concerns and dialogues."""

    weight: int
    concerns: int
    dialogues: int


@dataclass(frozen=True)
class ConcernFilter:
    """Which concerns of a scope and period an aggregate row stands for (None: any)."""

    theme_id: uuid.UUID | None = None
    place_id: uuid.UUID | None = None
    time_pattern: TimePattern | None = None
    dialogue_format: DialogueFormat | None = None
    without_place: bool = False  # only concerns with no place (``place_id`` must be None)


@dataclass(frozen=True)
class ThemeRow:
    """A theme's counts in the period, with the previous period's for the trend."""

    theme_id: uuid.UUID
    name: str
    counts: Counts
    weight_before: int
    concerns_before: int

    @property
    def change(self) -> int:
        """The weight now minus the weight in the previous period."""
        return self.counts.weight - self.weight_before

    @property
    def change_ratio(self) -> float | None:
        """The change relative to the previous period (None if it had nothing)."""
        return self.change / self.weight_before if self.weight_before else None

    @property
    def filter(self) -> ConcernFilter:
        """The concerns behind this row."""
        return ConcernFilter(theme_id=self.theme_id)


@dataclass(frozen=True)
class PlaceRow:
    """A place's counts (``place_id`` None: concerns with no place)."""

    place_id: uuid.UUID | None
    name: str
    municipality_code: str | None
    municipality_name: str
    counts: Counts

    @property
    def filter(self) -> ConcernFilter:
        """The concerns behind this row."""
        if self.place_id is None:
            return ConcernFilter(without_place=True)
        return ConcernFilter(place_id=self.place_id)


@dataclass(frozen=True)
class ThemePlaceRow:
    """A theme at a place: the usual seed of a problem."""

    theme_id: uuid.UUID
    theme_name: str
    place_id: uuid.UUID | None
    place_name: str
    municipality_code: str | None
    municipality_name: str
    counts: Counts

    @property
    def filter(self) -> ConcernFilter:
        """The concerns behind this row."""
        return ConcernFilter(
            theme_id=self.theme_id, place_id=self.place_id, without_place=self.place_id is None
        )


@dataclass(frozen=True)
class TimePatternRow:
    """When the raised problems happen."""

    time_pattern: TimePattern
    counts: Counts

    @property
    def filter(self) -> ConcernFilter:
        """The concerns behind this row."""
        return ConcernFilter(time_pattern=self.time_pattern)


@dataclass(frozen=True)
class FormatRow:
    """How the concerns were gathered: the dialogue format."""

    dialogue_format: DialogueFormat
    counts: Counts

    @property
    def filter(self) -> ConcernFilter:
        """The concerns behind this row."""
        return ConcernFilter(dialogue_format=self.dialogue_format)


@dataclass(frozen=True)
class TimeBucket:
    """One step of the time series: from ``start`` (included) to ``end`` (excluded)."""

    start: date
    end: date
    counts: Counts


@dataclass(frozen=True)
class SituationSummary:
    """Every aggregate of one scope and period; rows heaviest first."""

    scope: Scope
    period: Period
    previous: Period
    totals: Counts
    totals_before: Counts
    by_theme: tuple[ThemeRow, ...]
    by_place: tuple[PlaceRow, ...]
    by_theme_and_place: tuple[ThemePlaceRow, ...]
    by_time_pattern: tuple[TimePatternRow, ...]
    by_format: tuple[FormatRow, ...]
    granularity: Granularity
    series: tuple[TimeBucket, ...]


@dataclass(frozen=True)
class DistrictView:
    """A lokalpolisområde and its kommuner."""

    id: uuid.UUID
    name: str
    police_region: str
    municipality_codes: tuple[str, ...]


@dataclass(frozen=True)
class PlaceView:
    """A place a scope can be made of."""

    id: uuid.UUID
    name: str
    municipality_code: str
    municipality_name: str


@dataclass(frozen=True)
class RankedProblem:
    """A problem in a situation picture, at its rank, with its supporting concerns."""

    link_id: uuid.UUID
    problem_id: uuid.UUID
    title: str
    status: ProblemStatus
    rank: int
    concerns: int
    weight: int


@dataclass(frozen=True)
class PictureView:
    """A situation picture with its sources and ranked problems."""

    id: uuid.UUID
    title: str
    scope: SituationScope
    municipality_code: str | None
    district_id: uuid.UUID | None
    area: str
    owner: SituationOwner
    period: Period
    summary: str
    trends: str
    sources: tuple[SourceView, ...]
    problems: tuple[RankedProblem, ...]

    @property
    def police_only_sources(self) -> tuple[SourceView, ...]:
        """The sources that must stay on the police side."""
        return tuple(source for source in self.sources if source.police_only)


@dataclass(frozen=True)
class ProblemCreated:
    """A problem made from an aggregate row and how many concerns now support it."""

    problem_id: uuid.UUID
    title: str
    linked_concerns: int
    picture: PictureView | None


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


class SituationService:
    """Aggregate concerns for a lägesbild and keep its problems and evidence."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    # --- choices for a scope ----------------------------------------------------------

    def districts(self) -> tuple[DistrictView, ...]:
        """Return the live lokalpolisområden with their live kommuner, by name."""
        with self._uow() as uow:
            rows = uow.session.execute(
                select(District.id, District.name, District.police_region)
                .where(_live(District))
                .order_by(District.name)
            ).all()
            links = uow.session.execute(
                select(DistrictMunicipality.district_id, DistrictMunicipality.municipality_code)
                .where(_live(DistrictMunicipality))
                .order_by(DistrictMunicipality.municipality_code)
            ).all()
        codes: dict[uuid.UUID, list[str]] = {}
        for district_id, code in links:
            codes.setdefault(district_id, []).append(code)
        views = [
            DistrictView(row.id, row.name, row.police_region, tuple(codes.get(row.id, ())))
            for row in rows
        ]
        return tuple(sorted(views, key=lambda view: swedish_key(view.name)))

    def places(self, municipality_codes: Sequence[str] | None = None) -> tuple[PlaceView, ...]:
        """Return live places (of ``municipality_codes`` if given), by kommun and name."""
        query = (
            select(Place.id, Place.name, Place.municipality_code, Municipality.name.label("kn"))
            .join(Municipality, Municipality.code == Place.municipality_code)
            .where(_live(Place))
        )
        if municipality_codes is not None:
            query = query.where(Place.municipality_code.in_(tuple(municipality_codes)))
        with self._uow() as uow:
            rows = uow.session.execute(query).all()
        views = [PlaceView(r.id, r.name, r.municipality_code, r.kn) for r in rows]
        return tuple(
            sorted(views, key=lambda v: (swedish_key(v.municipality_name), swedish_key(v.name)))
        )

    def municipality_codes_in_region(self, police_region: str) -> tuple[str, ...]:
        """Return the SCB codes of every kommun in a police region."""
        with self._uow() as uow:
            return tuple(
                uow.session.scalars(
                    select(Municipality.code)
                    .where(Municipality.police_region == police_region)
                    .order_by(Municipality.code)
                )
            )

    # --- aggregates -------------------------------------------------------------------

    def summarize(self, scope: Scope, period: Period) -> SituationSummary:
        """Return every aggregate of ``scope`` in ``period``, with the trend against the last."""
        _check_period(period)
        previous = period.previous()
        granularity = Granularity.WEEK if period.days <= WEEKLY_UP_TO_DAYS else Granularity.MONTH
        with self._uow() as uow:
            session = uow.session
            counted = _refresh_tally(session)
            tally = self._tally(session, scope, period, previous, granularity, counted=counted)
            themes, places, theme_places, patterns, formats = self._summary_rows(session, tally)
            if counted:
                uow.commit()
        return SituationSummary(
            scope=scope,
            period=period,
            previous=previous,
            totals=tally.totals,
            totals_before=tally.totals_before,
            by_theme=themes,
            by_place=places,
            by_theme_and_place=theme_places,
            by_time_pattern=patterns,
            by_format=formats,
            granularity=granularity,
            series=_fill_series(tally.buckets, period, granularity),
        )

    def update_counts(self) -> int:
        """Recount the months changed since the last lägesbild; return how many.

        ``summarize`` does this itself; calling it ahead (after an import, say) moves
        the cost out of the next lägesbild.
        """
        with self._uow() as uow:
            driver = uow.session.connection().connection.driver_connection
            assert driver is not None
            months = situation_tally.refresh(driver, _stored_time(uow.session))
            uow.commit()  # also a new time zone's offsets, when there was nothing to count
            return months

    def concern_ids(
        self, scope: Scope, period: Period, concern_filter: ConcernFilter
    ) -> tuple[uuid.UUID, ...]:
        """Return the live concerns of ``scope`` and ``period`` that match the filter."""
        _check_period(period)
        with self._uow() as uow:
            return self._concern_ids(uow.session, scope, period, concern_filter)

    # --- situation pictures -----------------------------------------------------------

    def save_picture(
        self,
        scope: Scope,
        period: Period,
        *,
        title: str,
        owner: SituationOwner = SituationOwner.JOINT,
        picture_id: uuid.UUID | None = None,
        summary: str | None = None,
        trends: str | None = None,
    ) -> PictureView:
        """Create a situation picture for the scope and period, or update ``picture_id``."""
        _check_period(period)
        title = title.strip()
        if not title:
            raise InvalidInput("title", "a title is required")
        if len(title) > TITLE_LIMIT:
            raise InvalidInput("title", f"at most {TITLE_LIMIT} characters")
        with self._uow() as uow:
            session = uow.session
            self._scope_filter(session, scope)  # a live district, some kommuner or places
            if picture_id is None:
                picture = SituationPicture()
                session.add(picture)
            else:
                picture = self._live_picture(session, picture_id)
            picture.title = title
            picture.owner = SituationOwner(owner)
            picture.period_start, picture.period_end = period.start, period.end
            self._set_picture_scope(session, picture, scope)
            if summary is not None:
                picture.summary = summary
            if trends is not None:
                picture.trends = trends
            uow.flush()
            view = self._picture_view(session, picture)
            uow.commit()
            return view

    def picture(self, picture_id: uuid.UUID) -> PictureView:
        """Return one live situation picture with its sources and ranked problems."""
        with self._uow() as uow:
            return self._picture_view(uow.session, self._live_picture(uow.session, picture_id))

    def pictures(self) -> tuple[PictureView, ...]:
        """Return every live situation picture, newest period first."""
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(SituationPicture)
                .where(_live(SituationPicture))
                .order_by(SituationPicture.period_end.desc(), SituationPicture.title)
            ).all()
            return tuple(self._picture_view(uow.session, row) for row in rows)

    def sources(self, picture_id: uuid.UUID) -> tuple[SourceView, ...]:
        """Return the live sources of a situation picture (police-only ones marked)."""
        with self._uow() as uow:
            self._live_picture(uow.session, picture_id)
            return self._sources(uow.session, picture_id)

    def rank_problems(self, picture_id: uuid.UUID, problem_ids: Sequence[uuid.UUID]) -> PictureView:
        """Give the picture's problems the ranks 1, 2, … in the order of ``problem_ids``.

        ``problem_ids`` must name exactly the problems ranked in the picture now.
        """
        with self._uow() as uow:
            session = uow.session
            picture = self._live_picture(session, picture_id)
            links = {link.problem_id: link for link in self._rank_links(session, picture_id)}
            if len(set(problem_ids)) != len(problem_ids) or set(problem_ids) != set(links):
                raise InvalidInput("problems", "the order must name each ranked problem once")
            for rank, problem_id in enumerate(problem_ids, start=1):
                link = links[problem_id]
                if link.rank != rank:
                    link.rank = rank
            uow.flush()
            view = self._picture_view(session, picture)
            uow.commit()
            return view

    def move_problem(self, picture_id: uuid.UUID, problem_id: uuid.UUID, steps: int) -> PictureView:
        """Move one ranked problem up (negative ``steps``) or down; the rest close ranks."""
        order = [problem.problem_id for problem in self.picture(picture_id).problems]
        if problem_id not in order:
            raise RecordNotFound("problems", str(problem_id))
        position = order.index(problem_id)
        order.pop(position)
        order.insert(max(0, min(len(order), position + steps)), problem_id)
        return self.rank_problems(picture_id, order)

    def add_problem_to_picture(self, picture_id: uuid.UUID, problem_id: uuid.UUID) -> PictureView:
        """Rank an existing problem last in a picture (brought back if it was removed)."""
        with self._uow() as uow:
            session = uow.session
            picture = self._live_picture(session, picture_id)
            self._live_problem(session, problem_id)
            self._rank_last(session, picture_id, problem_id)
            uow.flush()
            view = self._picture_view(session, picture)
            uow.commit()
            return view

    # --- problems and their evidence --------------------------------------------------

    def create_problem(
        self,
        scope: Scope,
        period: Period,
        concern_filter: ConcernFilter,
        *,
        title: str,
        picture_id: uuid.UUID | None = None,
        description: str = "",
    ) -> ProblemCreated:
        """Create a problem from an aggregate row, linked to every concern behind the row.

        Its place, kommun and time pattern come from the row; with ``picture_id`` the
        problem is ranked last in that situation picture.
        """
        _check_period(period)
        title = title.strip()
        if not title:
            raise InvalidInput("title", "a title is required")
        if len(title) > TITLE_LIMIT:
            raise InvalidInput("title", f"at most {TITLE_LIMIT} characters")
        with self._uow() as uow:
            session = uow.session
            picture = self._live_picture(session, picture_id) if picture_id else None
            concern_ids = self._concern_ids(session, scope, period, concern_filter)
            problem = Problem(
                title=title,
                description=description,
                location=self._location(session, concern_filter),
                timing=concern_filter.time_pattern.value if concern_filter.time_pattern else "",
                municipality_code=self._problem_kommun(session, scope, concern_filter),
                status=ProblemStatus.IDENTIFIED,
            )
            session.add(problem)
            uow.flush()
            session.add_all(
                ProblemConcern(problem_id=problem.id, concern_id=concern_id)
                for concern_id in concern_ids
            )
            if picture is not None:
                self._rank_last(session, picture.id, problem.id)
            uow.flush()
            view = self._picture_view(session, picture) if picture is not None else None
            created = ProblemCreated(problem.id, problem.title, len(concern_ids), view)
            uow.commit()
            return created

    def link_concerns(self, problem_id: uuid.UUID, concern_ids: Iterable[uuid.UUID]) -> int:
        """Link more live concerns to a problem; return how many links are new (or revived)."""
        wanted = set(concern_ids)
        with self._uow() as uow:
            session = uow.session
            self._live_problem(session, problem_id)
            live = set(
                session.scalars(select(Concern.id).where(Concern.id.in_(wanted), _live(Concern)))
            )
            if live != wanted:
                missing = sorted(str(value) for value in wanted - live)
                raise RecordNotFound("concerns", missing[0])
            existing = {
                link.concern_id: link
                for link in session.scalars(
                    select(ProblemConcern).where(
                        ProblemConcern.problem_id == problem_id,
                        ProblemConcern.concern_id.in_(wanted),
                    )
                )
            }
            added = 0
            for concern_id in sorted(wanted):
                link = existing.get(concern_id)
                if link is None:
                    session.add(ProblemConcern(problem_id=problem_id, concern_id=concern_id))
                    added += 1
                elif link.deleted_at is not None:
                    link.deleted_at = None
                    added += 1
            uow.commit()
            return added

    def supporting_concerns(self, problem_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
        """Return the live concerns live-linked to a problem."""
        with self._uow() as uow:
            return tuple(
                uow.session.scalars(
                    select(ProblemConcern.concern_id)
                    .join(Concern, Concern.id == ProblemConcern.concern_id)
                    .where(
                        ProblemConcern.problem_id == problem_id,
                        _live(ProblemConcern),
                        _live(Concern),
                    )
                    .order_by(ProblemConcern.concern_id)
                )
            )

    # --- queries ----------------------------------------------------------------------

    def _scope_filter(self, session: Session, scope: Scope) -> list[ColumnElement[bool]]:
        """Return the conditions on ``Dialogue``/``Concern`` rows that a scope means."""
        codes, place_ids = self._scope_keys(session, scope)
        if codes is not None:
            return [Dialogue.municipality_code.in_(codes)]
        if place_ids is not None:
            return [Concern.place_id.in_(place_ids)]
        return []

    def _scope_keys(
        self, session: Session, scope: Scope
    ) -> tuple[tuple[str, ...] | None, tuple[uuid.UUID, ...] | None]:
        """Return the kommuner or the places a scope means (both None: everywhere)."""
        if scope.kind is ScopeKind.EVERYWHERE:
            return None, None
        if scope.kind is ScopeKind.MUNICIPALITIES:
            if not scope.municipality_codes:
                raise InvalidInput("scope", "choose at least one kommun")
            return scope.municipality_codes, None
        if scope.kind is ScopeKind.DISTRICT:
            assert scope.district_id is not None
            district = session.get(District, scope.district_id)
            if district is None or district.deleted_at is not None:
                raise RecordNotFound("districts", str(scope.district_id))
            codes = tuple(
                session.scalars(
                    select(DistrictMunicipality.municipality_code).where(
                        DistrictMunicipality.district_id == scope.district_id,
                        _live(DistrictMunicipality),
                    )
                )
            )
            return codes, None
        if not scope.place_ids:
            raise InvalidInput("scope", "choose at least one place")
        return None, scope.place_ids

    @staticmethod
    def _joined(*columns: Any) -> Select[Any]:
        return (
            select(*columns)
            .select_from(Dialogue)
            .join(Concern, Concern.dialogue_id == Dialogue.id)
            .where(_live(Dialogue), _live(Concern))
        )

    def _tally(
        self,
        session: Session,
        scope: Scope,
        period: Period,
        previous: Period,
        granularity: Granularity,
        *,
        counted: bool = True,
    ) -> _Tally:
        """Add up the scope's concerns of both periods: whole months from the monthly
        counts, the days at the ends of a period from the concerns themselves.

        The monthly counts (``situation_tally``, migration 0007) are by kommun, so a
        scope of places, or a database whose counts could not be brought up to date
        (``counted`` False: read-only), reads every concern. Reading concerns walks
        ``ix_dialogue_live_starts_at`` and ``ix_concern_live_dialogue_id`` with no sort,
        rows straight from the DB-API cursor (ids as raw 16-byte blobs), grouped by
        dialogue (``ORDER BY`` the index's ``(starts_at, id)``), which is what lets the
        loop count distinct dialogues by comparing with the previous row. The scope's
        terms carry a unary ``+`` so the planner keeps to the ``starts_at`` index. See
        the "Lägesbild" section of docs/performance.md for the measurements.
        """
        codes, _ = self._scope_keys(session, scope)
        by_month = counted and scope.kind is not ScopeKind.PLACES
        scope_sql, scope_params = self._scope_sql(session, scope)
        to_text = _stored_time(session)
        tally = _Tally(_bucket_starts(period, granularity, to_text))
        driver = session.connection().connection.driver_connection
        assert driver is not None
        for part, now in ((previous, False), (period, True)):
            ends, months = _split_by_month(part) if by_month else ([part], [])
            for end in ends:
                bounds = (
                    to_text(local_midnight(end.start)),
                    to_text(local_midnight(end.end + timedelta(1))),
                )
                if now:
                    tally.add_now(
                        driver.execute(
                            _CONCERNS_SQL.format(columns=_NOW_COLUMNS, scope=scope_sql),
                            (*bounds, *scope_params),
                        )
                    )
                else:
                    tally.add_before(
                        driver.execute(
                            _CONCERNS_SQL.format(columns=_BEFORE_COLUMNS, scope=scope_sql),
                            (*bounds, *scope_params),
                        )
                    )
            if months:
                tally.add_months(driver.execute(*_months_sql(months, codes, now=now)), now=now)
        tally.finish()
        return tally

    def _scope_sql(self, session: Session, scope: Scope) -> tuple[str, tuple[Any, ...]]:
        """Return the scope as a condition for ``_CONCERNS_SQL`` and its parameters."""
        codes, place_ids = self._scope_keys(session, scope)
        if codes is not None:
            return f" AND +d.municipality_code IN ({', '.join('?' * len(codes))})", codes
        if place_ids is not None:
            marks = ", ".join("?" * len(place_ids))
            return f" AND +c.place_id IN ({marks})", tuple(p.bytes for p in place_ids)
        return "", ()

    def _summary_rows(
        self, session: Session, tally: _Tally
    ) -> tuple[
        tuple[ThemeRow, ...],
        tuple[PlaceRow, ...],
        tuple[ThemePlaceRow, ...],
        tuple[TimePatternRow, ...],
        tuple[FormatRow, ...],
    ]:
        """Name the tally's keys (the few distinct themes and places) and order the rows."""
        theme_names = {
            row.id.bytes: row.name
            for row in session.execute(
                select(Theme.id, Theme.name).where(
                    Theme.id.in_(
                        [uuid.UUID(bytes=key) for key in tally.themes.keys() | tally.before]
                    )
                )
            )
        }
        place_ids = [uuid.UUID(bytes=key) for key in tally.places if key is not None]
        place_names: dict[bytes | None, tuple[str, str | None, str]] = {None: ("", None, "")}
        for start in range(0, len(place_ids), 500):
            for row in session.execute(
                select(Place.id, Place.name, Place.municipality_code, Municipality.name)
                .outerjoin(Municipality, Municipality.code == Place.municipality_code)
                .where(Place.id.in_(place_ids[start : start + 500]))
            ):
                place_names[row[0].bytes] = (row[1], row[2], row[3] or "")

        empty = Counts(0, 0, 0)
        themes = sorted(
            (
                ThemeRow(
                    theme_id=uuid.UUID(bytes=key),
                    name=theme_names[key],
                    counts=tally.themes.get(key, empty),
                    weight_before=tally.before.get(key, empty).weight,
                    concerns_before=tally.before.get(key, empty).concerns,
                )
                for key in tally.themes.keys() | tally.before
            ),
            key=lambda r: (-r.counts.weight, swedish_key(r.name)),
        )
        places = sorted(
            (
                PlaceRow(
                    None if key is None else uuid.UUID(bytes=key),
                    place_names[key][0],
                    place_names[key][1],
                    place_names[key][2],
                    counts,
                )
                for key, counts in tally.places.items()
            ),
            # Equal names (places in different kommuner) in id order, as SQL grouped them.
            key=lambda r: (
                r.place_id is None,
                -r.counts.weight,
                swedish_key(r.name),
                r.place_id.bytes if r.place_id else b"",
            ),
        )
        # The heaviest first; ties broken by name and id, so the cut at the limit is stable.
        theme_places = sorted(
            (
                ThemePlaceRow(
                    theme_id=uuid.UUID(bytes=theme),
                    theme_name=theme_names[theme],
                    place_id=None if place is None else uuid.UUID(bytes=place),
                    place_name=place_names[place][0],
                    municipality_code=place_names[place][1],
                    municipality_name=place_names[place][2],
                    counts=counts,
                )
                for (theme, place), counts in tally.theme_places.items()
            ),
            key=lambda r: (
                -r.counts.weight,
                -r.counts.concerns,
                swedish_key(r.theme_name),
                swedish_key(r.place_name),
                r.theme_id.bytes,
                r.place_id.bytes if r.place_id else b"",
            ),
        )[:THEME_PLACE_LIMIT]
        pattern_order = list(TimePattern)
        patterns = sorted(
            (TimePatternRow(TimePattern(key), counts) for key, counts in tally.patterns.items()),
            key=lambda r: (-r.counts.weight, pattern_order.index(r.time_pattern)),
        )
        format_order = list(DialogueFormat)
        formats = sorted(
            (FormatRow(DialogueFormat(key), counts) for key, counts in tally.formats.items()),
            key=lambda r: (-r.counts.weight, format_order.index(r.dialogue_format)),
        )
        return tuple(themes), tuple(places), tuple(theme_places), tuple(patterns), tuple(formats)

    def _concern_ids(
        self, session: Session, scope: Scope, period: Period, concern_filter: ConcernFilter
    ) -> tuple[uuid.UUID, ...]:
        where = self._scope_filter(session, scope)
        query = self._joined(Concern.id).where(
            Dialogue.starts_at >= local_midnight(period.start),
            Dialogue.starts_at < local_midnight(period.end + timedelta(1)),
            *where,
        )
        if concern_filter.theme_id is not None:
            query = query.where(Concern.theme_id == concern_filter.theme_id)
        if concern_filter.without_place:
            query = query.where(Concern.place_id.is_(None))
        elif concern_filter.place_id is not None:
            query = query.where(Concern.place_id == concern_filter.place_id)
        if concern_filter.time_pattern is not None:
            query = query.where(Concern.time_pattern == concern_filter.time_pattern)
        if concern_filter.dialogue_format is not None:
            query = query.where(Dialogue.format == concern_filter.dialogue_format)
        return tuple(session.scalars(query.order_by(Concern.id)))

    # --- helpers for the writes -------------------------------------------------------

    @staticmethod
    def _live_picture(session: Session, picture_id: uuid.UUID) -> SituationPicture:
        picture = session.get(SituationPicture, picture_id)
        if picture is None or picture.deleted_at is not None:
            raise RecordNotFound("situation-pictures", str(picture_id))
        return picture

    @staticmethod
    def _live_problem(session: Session, problem_id: uuid.UUID) -> Problem:
        problem = session.get(Problem, problem_id)
        if problem is None or problem.deleted_at is not None:
            raise RecordNotFound("problems", str(problem_id))
        return problem

    def _set_picture_scope(self, session: Session, picture: SituationPicture, scope: Scope) -> None:
        picture.district_id = None
        picture.municipality_code = None
        picture.area = ""
        if scope.kind is ScopeKind.DISTRICT:
            picture.scope = SituationScope.DISTRICT
            picture.district_id = scope.district_id
        elif scope.kind is ScopeKind.MUNICIPALITIES and len(scope.municipality_codes) == 1:
            picture.scope = SituationScope.MUNICIPALITY
            picture.municipality_code = scope.municipality_codes[0]
        else:
            picture.scope = SituationScope.AREA
            picture.area = self._area_name(session, scope)[:200]

    def _area_name(self, session: Session, scope: Scope) -> str:
        """Name an area scope by its kommuner or places (data, not interface text)."""
        if scope.kind is ScopeKind.MUNICIPALITIES:
            names = session.scalars(
                select(Municipality.name).where(Municipality.code.in_(scope.municipality_codes))
            )
            return ", ".join(sorted(names, key=swedish_key))
        if scope.kind is ScopeKind.PLACES:
            rows = session.execute(
                select(Place.name, Municipality.name.label("kn"))
                .join(Municipality, Municipality.code == Place.municipality_code)
                .where(Place.id.in_(scope.place_ids))
            ).all()
            return ", ".join(sorted((f"{r.name} ({r.kn})" for r in rows), key=swedish_key))
        return ""

    @staticmethod
    def _rank_links(session: Session, picture_id: uuid.UUID) -> list[SituationProblem]:
        return list(
            session.scalars(
                select(SituationProblem)
                .join(Problem, Problem.id == SituationProblem.problem_id)
                .where(
                    SituationProblem.situation_picture_id == picture_id,
                    _live(SituationProblem),
                    _live(Problem),
                )
                .order_by(SituationProblem.rank, SituationProblem.created_at)
            )
        )

    def _rank_last(self, session: Session, picture_id: uuid.UUID, problem_id: uuid.UUID) -> None:
        links = self._rank_links(session, picture_id)
        if any(link.problem_id == problem_id for link in links):
            return
        last = max((link.rank for link in links), default=0) + 1
        row = session.scalars(
            select(SituationProblem).where(
                SituationProblem.situation_picture_id == picture_id,
                SituationProblem.problem_id == problem_id,
            )
        ).first()
        if row is None:
            row = SituationProblem(situation_picture_id=picture_id, problem_id=problem_id)
            session.add(row)
        row.deleted_at = None
        row.rank = last

    @staticmethod
    def _location(session: Session, concern_filter: ConcernFilter) -> str:
        if concern_filter.place_id is None:
            return ""
        row = session.execute(
            select(Place.name, Municipality.name.label("kn"))
            .join(Municipality, Municipality.code == Place.municipality_code)
            .where(Place.id == concern_filter.place_id)
        ).first()
        return f"{row.name}, {row.kn}" if row is not None else ""

    def _problem_kommun(
        self, session: Session, scope: Scope, concern_filter: ConcernFilter
    ) -> str | None:
        if concern_filter.place_id is not None:
            place = session.get(Place, concern_filter.place_id)
            if place is not None:
                return place.municipality_code
        if scope.kind is ScopeKind.MUNICIPALITIES and len(scope.municipality_codes) == 1:
            return scope.municipality_codes[0]
        return None

    def _sources(self, session: Session, picture_id: uuid.UUID) -> tuple[SourceView, ...]:
        rows = session.scalars(
            select(Source)
            .where(Source.situation_picture_id == picture_id, _live(Source))
            .order_by(Source.police_only, Source.created_at, Source.id)
        )
        return tuple(
            SourceView(
                id=row.id,
                source_type=row.source_type,
                description=row.description,
                police_only=bool(row.police_only),
                sensitivity=row.sensitivity,
            )
            for row in rows
        )

    def _picture_view(self, session: Session, picture: SituationPicture) -> PictureView:
        # Per ranked problem (correlated): a GROUP BY over every link in the database
        # first cost ~0.5 s on the demo database for a picture with a few problems.
        def support(*columns: Any) -> Any:
            return (
                select(*columns)
                .select_from(ProblemConcern)
                .join(Concern, Concern.id == ProblemConcern.concern_id)
                .where(
                    ProblemConcern.problem_id == Problem.id, _live(ProblemConcern), _live(Concern)
                )
                .scalar_subquery()
            )

        rows = session.execute(
            select(
                SituationProblem.id.label("link_id"),
                SituationProblem.rank,
                Problem.id,
                Problem.title,
                Problem.status,
                support(func.count()).label("concerns"),
                support(func.sum(Concern.raised_count)).label("weight"),
            )
            .join(Problem, Problem.id == SituationProblem.problem_id)
            .where(
                SituationProblem.situation_picture_id == picture.id,
                _live(SituationProblem),
                _live(Problem),
            )
            .order_by(SituationProblem.rank, SituationProblem.created_at)
        ).all()
        problems = tuple(
            RankedProblem(
                link_id=row.link_id,
                problem_id=row.id,
                title=row.title,
                status=ProblemStatus(row.status),
                rank=row.rank,
                concerns=int(row.concerns or 0),
                weight=int(row.weight or 0),
            )
            for row in rows
        )
        return PictureView(
            id=picture.id,
            title=picture.title,
            scope=picture.scope,
            municipality_code=picture.municipality_code,
            district_id=picture.district_id,
            area=picture.area,
            owner=picture.owner,
            period=Period(picture.period_start, picture.period_end),
            summary=picture.summary,
            trends=picture.trends,
            sources=self._sources(session, picture.id),
            problems=problems,
        )


def scope_of_picture(picture: PictureView) -> Scope | None:
    """Return the scope a picture was made for, when it can be rebuilt (not for areas)."""
    if picture.scope is SituationScope.DISTRICT and picture.district_id is not None:
        return Scope.district(picture.district_id)
    if picture.scope is SituationScope.MUNICIPALITY and picture.municipality_code:
        return Scope.municipalities([picture.municipality_code])
    return None


# The live concerns of live dialogues that started in [?, ?), grouped by dialogue in the
# order of ix_dialogue_live_starts_at (no sort); ``{scope}`` adds the scope's condition.
_CONCERNS_SQL = (
    "SELECT {columns} FROM dialogue AS d"
    " JOIN concern AS c ON c.dialogue_id = d.id AND c.deleted_at IS NULL"
    " WHERE d.deleted_at IS NULL AND d.starts_at >= ? AND d.starts_at < ?{scope}"
    " ORDER BY d.starts_at, d.id"
)
_BEFORE_COLUMNS = "d.rowid, c.theme_id, c.raised_count"
_NOW_COLUMNS = (
    "d.rowid, d.starts_at, d.format, c.theme_id, c.place_id, c.time_pattern, c.raised_count"
)


class _Tally:
    """Weight, concerns and distinct dialogues per key, added up from concern rows and
    from monthly counts.

    An accumulator is ``[weight, concerns, dialogues, the last dialogue counted]``;
    concern rows come grouped by dialogue, so a key's dialogue is new exactly when it
    differs from the last one counted for that key. Monthly counts and the ends of a
    period cover different dialogues, so their distinct counts add up.
    """

    def __init__(self, bucket_starts: Sequence[tuple[str, date]]) -> None:
        self._bounds = [text for text, _ in bucket_starts]
        self._days = [day for _, day in bucket_starts]
        self._sums: dict[str, dict[Any, list[Any]]] = {
            name: {} for name in ("theme", "place", "theme_place", "pattern", "format", "day")
        }
        self._before: dict[bytes, list[Any]] = {}
        self._before_total = [0, 0, 0]
        self.themes: dict[bytes, Counts] = {}
        self.places: dict[bytes | None, Counts] = {}
        self.theme_places: dict[tuple[bytes, bytes | None], Counts] = {}
        self.patterns: dict[str, Counts] = {}
        self.formats: dict[str, Counts] = {}
        self.buckets: dict[date, Counts] = {}
        self.before: dict[bytes, Counts] = {}
        self.totals = Counts(0, 0, 0)
        self.totals_before = Counts(0, 0, 0)

    def add_before(self, rows: Iterable[tuple[int, bytes, int]]) -> None:
        """Add rows of the previous period: ``(dialogue rowid, theme, raised_count)``."""
        themes = self._before
        total = self._before_total
        last = None
        for dialogue, theme, raised in rows:
            if dialogue != last:
                last = dialogue
                total[2] += 1
            sums = themes.get(theme)
            if sums is None:
                sums = themes[theme] = [0, 0, 0, None]
            sums[0] += raised
            sums[1] += 1
            total[0] += raised
            total[1] += 1

    def add_now(self, rows: Iterable[tuple[int, str, str, bytes, bytes | None, str, int]]) -> None:
        """Add rows of the period: dialogue rowid, its starts_at and format, theme, place,
        time pattern and raised_count.

        The four concern-level breakdowns are written out rather than looped over: the
        loop runs once per concern, and this form is a fifth faster.
        """
        themes = self._sums["theme"]
        places = self._sums["place"]
        theme_places = self._sums["theme_place"]
        patterns = self._sums["pattern"]
        formats = self._sums["format"]
        buckets = self._sums["day"]
        bounds, days = self._bounds, self._days
        last: int | None = None
        by_format: list[Any] = []
        by_bucket: list[Any] = []
        for dialogue, starts_at, dialogue_format, theme, place, pattern, raised in rows:
            if dialogue != last:
                last = dialogue
                day = days[bisect_right(bounds, starts_at) - 1]
                by_format = formats.setdefault(dialogue_format, [0, 0, 0, None])
                by_bucket = buckets.setdefault(day, [0, 0, 0, None])
                by_format[2] += 1
                by_bucket[2] += 1
            by_format[0] += raised
            by_format[1] += 1
            by_bucket[0] += raised
            by_bucket[1] += 1
            sums = themes.get(theme)
            if sums is None:
                sums = themes[theme] = [0, 0, 0, None]
            sums[0] += raised
            sums[1] += 1
            if sums[3] != dialogue:
                sums[3] = dialogue
                sums[2] += 1
            sums = places.get(place)
            if sums is None:
                sums = places[place] = [0, 0, 0, None]
            sums[0] += raised
            sums[1] += 1
            if sums[3] != dialogue:
                sums[3] = dialogue
                sums[2] += 1
            pair = (theme, place)
            sums = theme_places.get(pair)
            if sums is None:
                sums = theme_places[pair] = [0, 0, 0, None]
            sums[0] += raised
            sums[1] += 1
            if sums[3] != dialogue:
                sums[3] = dialogue
                sums[2] += 1
            sums = patterns.get(pattern)
            if sums is None:
                sums = patterns[pattern] = [0, 0, 0, None]
            sums[0] += raised
            sums[1] += 1
            if sums[3] != dialogue:
                sums[3] = dialogue
                sums[2] += 1

    def add_months(
        self, rows: Iterable[tuple[str, Any, bytes | None, int, int, int]], *, now: bool
    ) -> None:
        """Add monthly counts: ``(dimension, key1, key2, weight, concerns, dialogues)``.

        For the previous period only ``theme`` and ``format`` rows are used.
        """
        bounds = [day.isoformat() for day in self._days]
        for dimension, key1, key2, weight, concerns, dialogues in rows:
            if not now:
                if dimension == "theme":
                    sums = self._before.setdefault(key1, [0, 0, 0, None])
                    sums[0] += weight
                    sums[1] += concerns
                elif dimension == "format":
                    total = self._before_total
                    total[0] += weight
                    total[1] += concerns
                    total[2] += dialogues
                continue
            key: Any
            if dimension == "day":
                key = self._days[bisect_right(bounds, key1) - 1]
            elif dimension == "theme_place":
                key = (key1, key2)
            else:
                key = key1
            sums = self._sums[dimension].setdefault(key, [0, 0, 0, None])
            sums[0] += weight
            sums[1] += concerns
            sums[2] += dialogues

    def finish(self) -> None:
        """Turn the accumulators into the public ``Counts`` tables."""
        self.themes = _finish(self._sums["theme"])
        self.places = _finish(self._sums["place"])
        self.theme_places = _finish(self._sums["theme_place"])
        self.patterns = _finish(self._sums["pattern"])
        self.formats = _finish(self._sums["format"])
        self.buckets = _finish(self._sums["day"])
        self.before = {key: Counts(sums[0], sums[1], 0) for key, sums in self._before.items()}
        # Every concern and dialogue has exactly one format.
        self.totals = Counts(
            sum(c.weight for c in self.formats.values()),
            sum(c.concerns for c in self.formats.values()),
            sum(c.dialogues for c in self.formats.values()),
        )
        self.totals_before = Counts(*self._before_total)


def _finish(table: dict[Any, list[Any]]) -> dict[Any, Counts]:
    return {key: Counts(sums[0], sums[1], sums[2]) for key, sums in table.items()}


def _refresh_tally(session: Session) -> bool:
    """Bring the monthly counts up to date in the session's transaction.

    Returns False when they could not be (a read-only database): the caller then
    reads every concern instead, and nothing was changed.
    """
    driver = session.connection().connection.driver_connection
    assert driver is not None
    try:
        situation_tally.refresh(driver, _stored_time(session))
    except sqlite3.OperationalError:
        driver.rollback()
        return False
    return True


def _split_by_month(period: Period) -> tuple[list[Period], list[str]]:
    """Split a period into the whole months inside it (``YYYY-MM``) and the days left."""
    first = period.start if period.start.day == 1 else next_month(period.start)
    months = []
    day = first
    while next_month(day) - timedelta(days=1) <= period.end:
        months.append(day.strftime("%Y-%m"))
        day = next_month(day)
    if not months:
        return [period], []
    ends = []
    if period.start < first:
        ends.append(Period(period.start, first - timedelta(days=1)))
    if day <= period.end:
        ends.append(Period(day, period.end))
    return ends, months


def _months_sql(
    months: Sequence[str], codes: Sequence[str] | None, *, now: bool
) -> tuple[str, tuple[Any, ...]]:
    """Return the statement summing the monthly counts of ``months`` (and kommuner)."""
    where = f"month IN ({', '.join('?' * len(months))})"
    params: tuple[Any, ...] = tuple(months)
    if codes is not None:
        where += f" AND municipality_code IN ({', '.join('?' * len(codes))})"
        params += tuple(codes)
    if not now:
        where += " AND dimension IN ('theme', 'format')"
    return (
        "SELECT dimension, key1, key2, sum(weight), sum(concerns), sum(dialogues)"
        f" FROM situation_tally WHERE {where} GROUP BY dimension, key1, key2",
        params,
    )


def _stored_time(session: Session) -> Callable[[datetime], str]:
    """Return how ``starts_at`` stores a moment, to compare with it in plain SQL."""
    process = Dialogue.starts_at.type.bind_processor(session.get_bind().dialect)
    assert process is not None

    def to_text(moment: datetime) -> str:
        return str(process(moment))

    return to_text


def _bucket_starts(
    period: Period, granularity: Granularity, to_text: Callable[[datetime], str]
) -> list[tuple[str, date]]:
    """Return each bucket's first local day with the stored UTC moment it begins."""
    return [
        (to_text(local_midnight(bucket.start)), bucket.start)
        for bucket in _fill_series({}, period, granularity)
    ]


def _check_period(period: Period) -> None:
    if period.end < period.start:
        raise InvalidInput("period", "the period ends before it starts")


def _next_bucket(start: date, granularity: Granularity) -> date:
    if granularity is Granularity.WEEK:
        return start + timedelta(days=7)
    return next_month(start)


def _fill_series(
    buckets: dict[date, Counts], period: Period, granularity: Granularity
) -> tuple[TimeBucket, ...]:
    """Return every bucket of the period in order, empty ones as zeros."""
    if granularity is Granularity.WEEK:
        start = period.start - timedelta(days=period.start.weekday())
    else:
        start = period.start.replace(day=1)
    series = []
    empty = Counts(0, 0, 0)
    while start <= period.end:
        end = _next_bucket(start, granularity)
        series.append(TimeBucket(start, end, buckets.get(start, empty)))
        start = end
    return tuple(series)

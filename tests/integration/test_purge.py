"""Disposal (gallring): retention settings, the preview, the run, and the command line."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select, update

from kommunpolis.composition import Services
from kommunpolis.domain.errors import (
    BackupFailed,
    InvalidInput,
    PurgePreviewStale,
    RecordNotFound,
)
from kommunpolis.domain.statuses import (
    ActionItemStatus,
    AgreementStatus,
    MeasureStatus,
    PromiseStatus,
)
from kommunpolis.domain.vocabulary import (
    DialogueFormat,
    DialogueKind,
    FollowUpKind,
    FollowUpMark,
    MeetingType,
    ParticipationLevel,
    Sensitivity,
    SituationOwner,
    SituationScope,
    SourceType,
)
from kommunpolis.services.retention import (
    PRE_PURGE_PREFIX,
    PurgeRule,
    PurgeService,
    RetentionKind,
    RetentionService,
    RetentionSettings,
    SecrecyService,
    months_after,
    months_before,
)
from kommunpolis.storage import tables as t

TODAY = date(2026, 6, 15)
KOMMUN = "0180"


def _purge(services: Services) -> PurgeService:
    return PurgeService(
        uow=services.unit_of_work,
        maintenance=services.maintenance,
        backup_dir=services.paths.backups,
    )


def _at(day: date) -> datetime:
    return datetime.combine(day, time(18, 0)).astimezone().astimezone(UTC)


@dataclass(frozen=True)
class Dataset:
    """The hand-built records, by role in the tests."""

    old_dialogue: uuid.UUID  # 30 months old, its concerns free: cleared
    old_concern: uuid.UUID  # in old_dialogue, unlinked: cleared
    closed_concern: uuid.UUID  # in old_dialogue, linked to a problem of a closed promise
    deleted_concern: uuid.UUID  # in old_dialogue, tombstoned: cleared all the same
    held_dialogue: uuid.UUID  # 30 months old, has a concern an open promise needs: held
    held_concern: uuid.UUID  # linked to a problem of a published promise: held
    agreement_concern: uuid.UUID  # linked to a problem of an agreement in force: held
    recent_dialogue: uuid.UUID  # 6 months old: kept
    secret_dialogue: uuid.UUID  # 13 months old, sekretess: cleared by the 12-month cap
    open_twin: uuid.UUID  # 13 months old, öppen: kept
    old_meeting: uuid.UUID  # 40 months old, minutes only: cleared
    held_followup: uuid.UUID  # 40 months old, of the published promise: held
    free_followup: uuid.UUID  # 40 months old, no promise: cleared
    empty_dialogue: uuid.UUID  # old but with no text: not listed


def build(services: Services, today: date = TODAY) -> Dataset:
    """Write the dataset with dates relative to ``today``."""

    def dialogue(title: str, months: int, **extra: object) -> t.Dialogue:
        values: dict[str, object] = {
            "notes": f"Anteckningar om {title}",
            "feedback_text": "Vi återkopplade på mötet.",
        }
        values.update(extra)
        return t.Dialogue(
            title=title,
            kind=DialogueKind.CITIZEN,
            format=DialogueFormat.OPEN_MEETING,
            participation_level=ParticipationLevel.CONSULTATION,
            starts_at=_at(months_before(today, months)),
            municipality_code=KOMMUN,
            participant_count=25,
            **values,
        )

    with services.unit_of_work() as uow:
        s = uow.session
        theme = t.Theme(name="Ordningsstörning", position=1)
        place = t.Place(name="Stortorget", municipality_code=KOMMUN)
        old = dialogue("Öppet möte i Älvsjö", 30)
        held = dialogue("Trygghetsvandring Hägersten", 30)
        recent = dialogue("Dialogstand på torget", 6)
        secret = dialogue("Medarbetardialog", 13, sensitivity=Sensitivity.SECRET)
        twin = dialogue("Skolbesök", 13)
        empty = dialogue("Enkät", 30, notes="", feedback_text="")
        s.add_all([theme, place, old, held, recent, secret, twin, empty])
        s.flush()

        def concern(of: t.Dialogue, text: str, count: int = 3) -> t.Concern:
            row = t.Concern(
                dialogue_id=of.id,
                theme_id=theme.id,
                place_id=place.id,
                raised_count=count,
                text=text,
                answer="Polisen tittar på det.",
            )
            s.add(row)
            return row

        old_concern = concern(old, "Mopedåkning på gångvägen vid skolan", 7)
        closed_concern = concern(old, "Klotter på tunneln")
        deleted_concern = concern(old, "Bråk vid kiosken")
        held_concern = concern(held, "Langning vid fritidsgården", 5)
        agreement_concern = concern(held, "Stölder i källarförråd")
        s.flush()
        deleted_concern.deleted_at = datetime.now(UTC)

        open_problem = t.Problem(title="Langning", municipality_code=KOMMUN)
        closed_problem = t.Problem(title="Klotter", municipality_code=KOMMUN)
        agreement_problem = t.Problem(title="Källarinbrott", municipality_code=KOMMUN)
        published = t.Promise(
            title="Tryggare fritid",
            municipality_code=KOMMUN,
            period_start=date(2024, 1, 1),
            period_end=date(2027, 12, 31),
            status=PromiseStatus.PUBLISHED,
        )
        closed = t.Promise(
            title="Rent och snyggt",
            municipality_code=KOMMUN,
            period_start=date(2022, 1, 1),
            period_end=date(2023, 12, 31),
            status=PromiseStatus.CLOSED,
        )
        agreement = t.Agreement(
            title="Samverkan Stockholm",
            municipality_code=KOMMUN,
            period_start=date(2024, 1, 1),
            period_end=date(2027, 12, 31),
            status=AgreementStatus.IN_FORCE,
        )
        s.add_all([open_problem, closed_problem, agreement_problem, published, closed, agreement])
        s.flush()
        s.add_all(
            [
                t.ProblemConcern(problem_id=open_problem.id, concern_id=held_concern.id),
                t.ProblemConcern(problem_id=closed_problem.id, concern_id=closed_concern.id),
                t.ProblemConcern(problem_id=agreement_problem.id, concern_id=agreement_concern.id),
                t.PromiseProblem(promise_id=published.id, problem_id=open_problem.id),
                t.PromiseProblem(promise_id=closed.id, problem_id=closed_problem.id),
                t.AgreementProblem(agreement_id=agreement.id, problem_id=agreement_problem.id),
            ]
        )
        meeting = t.Meeting(
            title="Samverkansmöte",
            meeting_type=MeetingType.COLLABORATION,
            starts_at=_at(months_before(today, 40)),
            municipality_code=KOMMUN,
            minutes="Protokoll: NN berättade om grannen.",
        )
        held_followup = t.FollowUp(
            promise_id=published.id,
            held_on=months_before(today, 40),
            kind=FollowUpKind.PROCESS,
            narrative="Uppföljning av löftet",
        )
        free_followup = t.FollowUp(
            held_on=months_before(today, 40),
            kind=FollowUpKind.PROCESS,
            narrative="Fristående uppföljning",
        )
        s.add_all([meeting, held_followup, free_followup])
        uow.commit()
        return Dataset(
            old_dialogue=old.id,
            old_concern=old_concern.id,
            closed_concern=closed_concern.id,
            deleted_concern=deleted_concern.id,
            held_dialogue=held.id,
            held_concern=held_concern.id,
            agreement_concern=agreement_concern.id,
            recent_dialogue=recent.id,
            secret_dialogue=secret.id,
            open_twin=twin.id,
            old_meeting=meeting.id,
            held_followup=held_followup.id,
            free_followup=free_followup.id,
            empty_dialogue=empty.id,
        )


@pytest.fixture
def data(services: Services) -> Dataset:
    return build(services)


def _row(services: Services, model: type[t.Record], record_id: uuid.UUID) -> t.Record:
    with services.unit_of_work() as uow:
        row = uow.session.get(model, record_id)
        assert row is not None
        uow.session.expunge(row)
        return row


# --- settings --------------------------------------------------------------------------


def test_retention_settings_default_persist_and_validate(services: Services) -> None:
    retention = RetentionService(uow=services.unit_of_work)
    assert retention.settings() == RetentionSettings()
    assert retention.settings().months(RetentionKind.SECRET) == 12
    changed = retention.set(RetentionKind.CONCERNS, 6)
    assert changed.concerns == 6
    assert RetentionService(uow=services.unit_of_work).settings().concerns == 6
    with services.unit_of_work() as uow:
        stored = uow.session.get(t.LocalSetting, "retention.concerns")
        assert stored is not None and json.loads(stored.value) == 6
    for bad in (-1, 241):
        with pytest.raises(InvalidInput):
            retention.set(RetentionKind.MEETINGS, bad)
    assert retention.settings().meetings == 36


def test_months_arithmetic_clamps_to_the_end_of_the_month() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 15), 24) == date(2024, 1, 15)
    assert months_after(date(2025, 12, 31), 2) == date(2026, 2, 28)


# --- preview ---------------------------------------------------------------------------


def test_preview_lists_exactly_what_is_past_its_time(services: Services, data: Dataset) -> None:
    preview = _purge(services).preview(TODAY)
    listed = {item.record_id: item for item in preview.items}
    assert set(listed) == {
        data.old_dialogue,
        data.old_concern,
        data.closed_concern,
        data.deleted_concern,
        data.secret_dialogue,
        data.old_meeting,
        data.free_followup,
    }
    assert {item.record_id for item in preview.held} == {
        data.held_dialogue,
        data.held_concern,
        data.agreement_concern,
        data.held_followup,
    }
    assert listed[data.old_dialogue].fields == ("notes", "feedback_text")
    assert listed[data.old_concern].fields == ("text", "answer")
    assert listed[data.old_meeting].fields == ("minutes",)
    assert listed[data.free_followup].fields == ("narrative",)
    assert listed[data.deleted_concern].deleted
    secret = listed[data.secret_dialogue]
    assert (secret.rule, secret.months) == (PurgeRule.SECRET, 12)
    assert listed[data.old_dialogue].rule is PurgeRule.AGE
    assert listed[data.old_dialogue].due_on == months_after(listed[data.old_dialogue].dated, 24)
    assert listed[data.old_concern].title == "Ordningsstörning – Öppet möte i Älvsjö"
    # Deterministic: kinds in a fixed order, then by date.
    assert [item.kind for item in preview.items] == [
        "dialogues",
        "dialogues",
        "concerns",
        "concerns",
        "concerns",
        "meetings",
        "followups",
    ]
    assert preview == _purge(services).preview(TODAY)


def test_a_day_before_the_time_is_up_nothing_of_that_age_is_listed(
    services: Services, data: Dataset
) -> None:
    purge = _purge(services)
    # The 13-month-old sekretess dialogue is due 12 months after its date, not before.
    dated = next(i for i in purge.preview(TODAY).items if i.record_id == data.secret_dialogue)
    on_the_day = {i.record_id for i in purge.preview(dated.due_on).items}
    day_before = {
        i.record_id for i in purge.preview(date.fromordinal(dated.due_on.toordinal() - 1)).items
    }
    assert data.secret_dialogue in on_the_day
    assert data.secret_dialogue not in day_before


def test_zero_months_means_never(services: Services, data: Dataset) -> None:
    purge = _purge(services)
    purge.retention.set(RetentionKind.DIALOGUES, 0)
    listed = {item.record_id for item in purge.preview(TODAY).items}
    assert data.old_dialogue not in listed
    assert data.secret_dialogue not in listed  # no time of its own: the cap does not apply
    assert data.old_concern in listed


# --- apply -----------------------------------------------------------------------------


def test_apply_clears_the_text_and_keeps_the_aggregates(services: Services, data: Dataset) -> None:
    purge = _purge(services)
    stats_before = {c.kind: (c.live, c.tombstoned) for c in services.records.stats()}
    concern_before = _row(services, t.Concern, data.old_concern)
    assert isinstance(concern_before, t.Concern)
    preview = purge.preview(TODAY)

    result = purge.apply(preview)

    assert result.records_cleared == len(preview.items) == 7
    assert result.fields_cleared == preview.field_count == 12
    assert result.skipped == ()
    concern = _row(services, t.Concern, data.old_concern)
    assert isinstance(concern, t.Concern)
    assert (concern.text, concern.answer) == ("", "")
    assert (concern.theme_id, concern.place_id, concern.raised_count, concern.dialogue_id) == (
        concern_before.theme_id,
        concern_before.place_id,
        7,
        data.old_dialogue,
    )
    # The clearing is an edit like any other: a new revision, clocks for the fields.
    assert concern.revision > concern_before.revision
    assert "text" in (concern.field_clocks or "")
    dialogue = _row(services, t.Dialogue, data.old_dialogue)
    assert isinstance(dialogue, t.Dialogue)
    assert (dialogue.notes, dialogue.feedback_text) == ("", "")
    assert (dialogue.title, dialogue.participant_count) == ("Öppet möte i Älvsjö", 25)
    meeting = _row(services, t.Meeting, data.old_meeting)
    assert isinstance(meeting, t.Meeting) and meeting.minutes == ""
    stats_after = {c.kind: (c.live, c.tombstoned) for c in services.records.stats()}
    assert stats_after == stats_before
    assert _purge(services).preview(TODAY).items == ()


def test_apply_never_touches_what_an_open_promise_or_agreement_depends_on(
    services: Services, data: Dataset
) -> None:
    purge = _purge(services)
    purge.apply(purge.preview(TODAY))
    held = _row(services, t.Concern, data.held_concern)
    assert isinstance(held, t.Concern)
    assert held.text == "Langning vid fritidsgården"
    agreement = _row(services, t.Concern, data.agreement_concern)
    assert isinstance(agreement, t.Concern) and agreement.text == "Stölder i källarförråd"
    dialogue = _row(services, t.Dialogue, data.held_dialogue)
    assert isinstance(dialogue, t.Dialogue)
    assert dialogue.notes == "Anteckningar om Trygghetsvandring Hägersten"
    followup = _row(services, t.FollowUp, data.held_followup)
    assert isinstance(followup, t.FollowUp) and followup.narrative == "Uppföljning av löftet"
    for record_id in (data.recent_dialogue, data.open_twin):
        kept = _row(services, t.Dialogue, record_id)
        assert isinstance(kept, t.Dialogue) and kept.notes


def test_apply_takes_a_backup_first(services: Services, data: Dataset) -> None:
    purge = _purge(services)
    result = purge.apply(purge.preview(TODAY))
    assert result.backup is not None
    assert result.backup.path.exists()
    assert result.backup.path.parent == services.paths.backups
    assert result.backup.path.name.startswith(PRE_PURGE_PREFIX)
    # The backup holds the text as it was before the run.
    import sqlite3

    connection = sqlite3.connect(result.backup.path)
    try:
        texts = {row[0] for row in connection.execute("SELECT text FROM concern")}
    finally:
        connection.close()
    assert "Mopedåkning på gångvägen vid skolan" in texts


def test_a_failing_backup_means_nothing_is_cleared(services: Services, data: Dataset) -> None:
    # A file where the backups folder should be: the copy cannot be written (this works
    # as root too, unlike a read-only folder).
    services.paths.backups.write_text("not a folder")
    purge = _purge(services)
    preview = purge.preview(TODAY)
    with pytest.raises(BackupFailed):
        purge.apply(preview)
    concern = _row(services, t.Concern, data.old_concern)
    assert isinstance(concern, t.Concern)
    assert concern.text == "Mopedåkning på gångvägen vid skolan"
    assert purge.preview(TODAY) == preview


def test_apply_clears_only_what_the_preview_listed(services: Services, data: Dataset) -> None:
    purge = _purge(services)
    preview = purge.preview(TODAY)
    # After the preview: one listed concern becomes evidence for the open promise, and a
    # new old dialogue appears. Neither may be cleared by this run.
    with services.unit_of_work() as uow:
        problem = uow.session.scalars(select(t.Problem).where(t.Problem.title == "Langning")).one()
        uow.session.add(t.ProblemConcern(problem_id=problem.id, concern_id=data.old_concern))
        uow.commit()
    newcomer = build(services).old_dialogue

    result = purge.apply(preview)

    # The concern is now held, and so is its dialogue (its feedback answers the concern).
    assert {item.record_id for item in result.skipped} == {data.old_concern, data.old_dialogue}
    concern = _row(services, t.Concern, data.old_concern)
    assert isinstance(concern, t.Concern) and concern.text
    dialogue = _row(services, t.Dialogue, newcomer)
    assert isinstance(dialogue, t.Dialogue) and dialogue.notes


def test_apply_refuses_a_preview_made_under_other_settings(
    services: Services, data: Dataset
) -> None:
    purge = _purge(services)
    preview = purge.preview(TODAY)
    purge.retention.set(RetentionKind.CONCERNS, 48)
    with pytest.raises(PurgePreviewStale):
        purge.apply(preview)
    assert not services.paths.backups.exists() or not list(
        services.paths.backups.glob(f"{PRE_PURGE_PREFIX}*")
    )
    concern = _row(services, t.Concern, data.old_concern)
    assert isinstance(concern, t.Concern) and concern.text


def test_an_empty_preview_applies_without_a_backup(services: Services) -> None:
    purge = _purge(services)
    result = purge.apply(purge.preview(TODAY))
    assert (result.records_cleared, result.backup) == (0, None)


# --- the command line ------------------------------------------------------------------


def test_cli_purge_dry_run_lists_and_changes_nothing(services: Services, run_cli) -> None:
    data = build(services, date.today())
    services.close()
    result = run_cli("purge", "--dry-run")
    assert result.code == 0, result.err
    assert result.err == ""
    assert str(data.old_concern) in result.out
    assert str(data.held_concern) not in result.out
    assert "7 records (12 fields) past their retention time" in result.out
    assert "4 more held" in result.out
    assert "Dry run: nothing cleared" in result.out
    again = run_cli("purge", "--dry-run", "--json")
    assert again.code == 0
    report = json.loads(again.out)
    assert len(report["items"]) == 7 and len(report["held"]) == 4
    assert "applied" not in report


def test_cli_purge_apply_clears_and_reports_the_backup(services: Services, run_cli) -> None:
    build(services, date.today())
    services.close()
    result = run_cli("purge", "--apply", "--json")
    assert result.code == 0, result.err
    applied = json.loads(result.out)["applied"]
    assert applied["records_cleared"] == 7 and applied["fields_cleared"] == 12
    assert applied["backup"] and PRE_PURGE_PREFIX in applied["backup"]
    after = run_cli("purge", "--dry-run")
    assert "0 records (0 fields)" in after.out


def test_cli_purge_exit_codes(services: Services, run_cli, paths) -> None:
    build(services, date.today())
    services.close()
    assert run_cli("purge").code == 2  # --dry-run or --apply is required
    assert run_cli("purge", "--dry-run", "--apply").code == 2
    paths.backups.write_text("not a folder")
    failed = run_cli("purge", "--apply")
    assert failed.code == 1
    assert failed.err.startswith("kommunpolis: backup to ")
    assert failed.err.count("\n") == 1


def test_cli_retention_show_and_set(services: Services, run_cli) -> None:
    services.close()
    shown = run_cli("retention", "show")
    assert shown.code == 0
    assert "concerns   24 months" in shown.out
    assert run_cli("retention", "set", "concerns", "6").code == 0
    assert json.loads(run_cli("retention", "show", "--json").out)["concerns"] == 6
    never = run_cli("retention", "set", "meetings", "0")
    assert "meetings   never cleared" in never.out
    bad = run_cli("retention", "set", "concerns", "999")
    assert bad.code == 1 and bad.err == "kommunpolis: months: must be 0 (never) to 240\n"
    assert run_cli("retention", "set", "nonsense", "3").code == 2


# --- the other free text: decisions, action items, sources, analyses, measure notes ------


@dataclass(frozen=True)
class More:
    """The records of the second dataset, by role."""

    old_decision: uuid.UUID  # in a 40-month-old meeting: cleared
    old_action: uuid.UUID  # in the same meeting: what cleared, responsible kept
    recent_decision: uuid.UUID  # in a 6-month-old meeting: kept
    secret_action: uuid.UUID  # 13 months, its meeting sekretess: cleared by the cap
    free_source: uuid.UUID  # lägesbild ended 30 months ago, no evidence link: cleared
    held_source: uuid.UUID  # same lägesbild, evidence for the open promise's problem: held
    agreement_source: uuid.UUID  # evidence for the agreement's problem: held
    police_source: uuid.UUID  # lägesbild ended 13 months ago, police-only: cleared (cap)
    open_source: uuid.UUID  # same lägesbild, not police-only: kept
    free_analysis: uuid.UUID  # 40 months, problem of a closed promise only: cleared
    held_analysis: uuid.UUID  # 40 months, problem of the open promise: held
    cause_analysis: uuid.UUID  # 40 months, a cause a measure of the open promise answers: held
    recent_analysis: uuid.UUID  # changed 6 months ago: kept
    free_note: uuid.UUID  # 40 months, measure of the closed promise, free follow-up: cleared
    held_note: uuid.UUID  # 40 months, measure of the open promise: held
    held_followup_note: uuid.UUID  # 40 months, follow-up of the open promise: held


RESPONSIBLE = "Kim Berg, fritidsförvaltningen"


def build_more(services: Services, today: date = TODAY) -> More:
    """Write the second dataset with dates relative to ``today``."""
    with services.unit_of_work() as uow:
        s = uow.session
        published = t.Promise(
            title="Tryggare centrum",
            municipality_code=KOMMUN,
            period_start=date(2024, 1, 1),
            period_end=date(2027, 12, 31),
            status=PromiseStatus.PUBLISHED,
        )
        closed = t.Promise(
            title="Lugnare kvällar",
            municipality_code=KOMMUN,
            period_start=date(2021, 1, 1),
            period_end=date(2022, 12, 31),
            status=PromiseStatus.CLOSED,
        )
        agreement = t.Agreement(
            title="Samverkan centrum",
            municipality_code=KOMMUN,
            period_start=date(2024, 1, 1),
            period_end=date(2027, 12, 31),
            status=AgreementStatus.IN_FORCE,
        )
        held_problem = t.Problem(title="Langning i centrum", municipality_code=KOMMUN)
        closed_problem = t.Problem(title="Buskörning", municipality_code=KOMMUN)
        cause_problem = t.Problem(title="Otrygg gångtunnel", municipality_code=KOMMUN)
        agreement_problem = t.Problem(title="Cykelstölder", municipality_code=KOMMUN)
        recent_problem = t.Problem(title="Nedskräpning", municipality_code=KOMMUN)
        s.add_all(
            [
                published,
                closed,
                agreement,
                held_problem,
                closed_problem,
                cause_problem,
                agreement_problem,
                recent_problem,
            ]
        )
        s.flush()

        def meeting(title: str, months: int, **extra: object) -> t.Meeting:
            row = t.Meeting(
                title=title,
                meeting_type=MeetingType.COLLABORATION,
                starts_at=_at(months_before(today, months)),
                municipality_code=KOMMUN,
                **extra,
            )
            s.add(row)
            return row

        old_meeting = meeting("Styrgrupp centrum", 40)
        recent_meeting = meeting("Arbetsgrupp centrum", 6)
        secret_meeting = meeting("Lokalt BRÅ", 13, sensitivity=Sensitivity.SECRET)

        def picture(title: str, months: int) -> t.SituationPicture:
            end = months_before(today, months)
            row = t.SituationPicture(
                title=title,
                scope=SituationScope.MUNICIPALITY,
                municipality_code=KOMMUN,
                owner=SituationOwner.JOINT,
                period_start=months_before(end, 12),
                period_end=end,
            )
            s.add(row)
            return row

        old_picture = picture("Lägesbild 2023", 30)
        recent_picture = picture("Lägesbild 2025", 13)

        def analysis(problem: t.Problem) -> t.RootCauseAnalysis:
            row = t.RootCauseAnalysis(
                problem_id=problem.id,
                scanning="Många synpunkter om kvällarna",
                offender="Tre unga män som brukar stå vid kiosken",
                target="Äldre som går hem från bussen",
                place="Gångtunneln vid centrum",
                offender_handler="Föräldrar, fritidsledare",
                target_guardian="Grannar",
                place_manager="Bostadsbolaget",
                event_chain="Gruppen samlas kl. 21, sedan ...",
            )
            s.add(row)
            return row

        s.flush()
        analyses = {
            name: analysis(problem)
            for name, problem in (
                ("free", closed_problem),
                ("held", held_problem),
                ("cause", cause_problem),
                ("recent", recent_problem),
            )
        }
        s.flush()
        cause = t.Cause(analysis_id=analyses["cause"].id, number=1, text="Mörk tunnel")
        s.add(cause)
        s.flush()
        open_measure = t.Measure(
            promise_id=published.id, cause_id=cause.id, title="Bättre belysning i tunneln"
        )
        closed_measure = t.Measure(
            promise_id=closed.id, problem_id=closed_problem.id, title="Hastighetskontroller"
        )
        s.add_all([open_measure, closed_measure])
        s.flush()

        old_decision = t.Decision(
            meeting_id=old_meeting.id, number=1, text="NN:s son kallas till samtal"
        )
        old_action = t.ActionItem(
            meeting_id=old_meeting.id,
            what="Prata med familjen på Storgatan 3",
            responsible=RESPONSIBLE,
            due_on=months_before(today, 39),
            status=ActionItemStatus.DONE,
        )
        recent_decision = t.Decision(meeting_id=recent_meeting.id, number=1, text="Ny belysning")
        secret_action = t.ActionItem(meeting_id=secret_meeting.id, what="Kontakta socialtjänsten")

        def source(of: t.SituationPicture, text: str, police_only: bool = False) -> t.Source:
            return t.Source(
                situation_picture_id=of.id,
                source_type=SourceType.POLICE_INTELLIGENCE if police_only else SourceType.OTHER,
                description=text,
                police_only=police_only,
            )

        free_source = source(old_picture, "Tips från boende om en granne")
        held_source = source(old_picture, "Underrättelse om langare")
        agreement_source = source(old_picture, "Anmälningar om cykelstölder")
        police_source = source(recent_picture, "Underrättelse om NN", police_only=True)
        open_source = source(recent_picture, "Trygghetsmätningen 2025")

        def followup(promise: t.Promise | None) -> t.FollowUp:
            return t.FollowUp(
                promise_id=promise.id if promise else None,
                held_on=months_before(today, 40),
                kind=FollowUpKind.PROCESS,
            )

        free_followup, open_followup = followup(None), followup(published)
        s.add_all(
            [
                old_decision,
                old_action,
                recent_decision,
                secret_action,
                free_source,
                held_source,
                agreement_source,
                police_source,
                open_source,
                free_followup,
                open_followup,
            ]
        )
        s.flush()

        def note(of: t.FollowUp, measure: t.Measure, text: str) -> t.FollowUpMeasure:
            row = t.FollowUpMeasure(
                follow_up_id=of.id,
                measure_id=measure.id,
                status=MeasureStatus.IN_PROGRESS,
                mark=FollowUpMark.YELLOW,
                note=text,
                hours=4.0,
            )
            s.add(row)
            return row

        free_note = note(free_followup, closed_measure, "NN klagade igen")
        held_note = note(free_followup, open_measure, "Lamporna beställda")
        held_followup_note = note(open_followup, closed_measure, "Kontroller klara")
        s.add_all(
            [
                t.PromiseProblem(promise_id=published.id, problem_id=held_problem.id),
                t.PromiseProblem(promise_id=closed.id, problem_id=closed_problem.id),
                t.AgreementProblem(agreement_id=agreement.id, problem_id=agreement_problem.id),
                t.ProblemSource(problem_id=held_problem.id, source_id=held_source.id),
                t.ProblemSource(problem_id=agreement_problem.id, source_id=agreement_source.id),
                t.ProblemSource(problem_id=closed_problem.id, source_id=free_source.id),
            ]
        )
        uow.commit()
        # An analysis's age counts from its last change; set it in the past past the stamping.
        for name, months in (("free", 40), ("held", 40), ("cause", 40), ("recent", 6)):
            s.execute(
                update(t.RootCauseAnalysis)
                .where(t.RootCauseAnalysis.id == analyses[name].id)
                .values(updated_at=_at(months_before(today, months)))
            )
        uow.commit()
        return More(
            old_decision=old_decision.id,
            old_action=old_action.id,
            recent_decision=recent_decision.id,
            secret_action=secret_action.id,
            free_source=free_source.id,
            held_source=held_source.id,
            agreement_source=agreement_source.id,
            police_source=police_source.id,
            open_source=open_source.id,
            free_analysis=analyses["free"].id,
            held_analysis=analyses["held"].id,
            cause_analysis=analyses["cause"].id,
            recent_analysis=analyses["recent"].id,
            free_note=free_note.id,
            held_note=held_note.id,
            held_followup_note=held_followup_note.id,
        )


@pytest.fixture
def more(services: Services) -> More:
    return build_more(services)


ANALYSIS_FIELDS = ("offender", "target", "offender_handler", "target_guardian", "event_chain")


def test_preview_lists_the_other_free_text_and_holds_what_promises_need(
    services: Services, more: More
) -> None:
    preview = _purge(services).preview(TODAY)
    listed = {item.record_id: item for item in preview.items}
    assert set(listed) == {
        more.old_decision,
        more.old_action,
        more.secret_action,
        more.free_source,
        more.police_source,
        more.free_analysis,
        more.free_note,
    }
    assert {item.record_id for item in preview.held} == {
        more.held_source,
        more.agreement_source,
        more.held_analysis,
        more.cause_analysis,
        more.held_note,
        more.held_followup_note,
    }
    assert listed[more.old_decision].fields == ("text",)
    assert listed[more.old_decision].title == "Styrgrupp centrum § 1"
    assert listed[more.old_action].fields == ("what",)
    assert listed[more.free_source].fields == ("description",)
    assert listed[more.free_source].title == "Lägesbild 2023"
    assert listed[more.free_analysis].fields == ANALYSIS_FIELDS
    assert listed[more.free_analysis].title == "Buskörning"
    assert listed[more.free_note].fields == ("note",)
    assert listed[more.free_note].title == "Hastighetskontroller"
    # Sekretess through the meeting, and a police-only source: the 12-month cap.
    for capped in (more.secret_action, more.police_source):
        assert (listed[capped].rule, listed[capped].months) == (PurgeRule.SECRET, 12)
    assert (listed[more.old_action].rule, listed[more.old_action].months) == (PurgeRule.AGE, 36)
    assert listed[more.free_source].months == 24
    assert listed[more.free_analysis].months == 36
    assert listed[more.free_note].months == 36
    assert [item.kind for item in preview.items] == [
        "decisions",
        "action-items",
        "action-items",
        "sources",
        "sources",
        "analyses",
        "followup-measures",
    ]


def test_the_other_kinds_follow_their_retention_time(services: Services, more: More) -> None:
    purge = _purge(services)
    purge.retention.set(RetentionKind.MEETINGS, 0)
    purge.retention.set(RetentionKind.SOURCES, 0)
    listed = {item.record_id for item in purge.preview(TODAY).items}
    assert listed == {more.free_analysis, more.free_note}  # decisions go with meetings
    purge.retention.set(RetentionKind.SOURCES, 36)
    assert more.free_source not in {i.record_id for i in purge.preview(TODAY).items}
    purge.retention.set(RetentionKind.SOURCES, 30)
    assert more.free_source in {i.record_id for i in purge.preview(TODAY).items}
    purge.retention.set(RetentionKind.ANALYSES, 41)
    purge.retention.set(RetentionKind.FOLLOWUPS, 41)
    listed = {item.record_id for item in purge.preview(TODAY).items}
    assert more.free_analysis not in listed and more.free_note not in listed


def test_apply_clears_the_other_free_text_and_keeps_the_rest(
    services: Services, more: More
) -> None:
    purge = _purge(services)
    stats_before = {c.kind: (c.live, c.tombstoned) for c in services.records.stats()}
    preview = purge.preview(TODAY)
    result = purge.apply(preview)
    assert result.records_cleared == 7
    assert result.fields_cleared == preview.field_count == 6 + len(ANALYSIS_FIELDS)
    assert {c.kind: (c.live, c.tombstoned) for c in services.records.stats()} == stats_before

    decision = _row(services, t.Decision, more.old_decision)
    assert isinstance(decision, t.Decision)
    assert (decision.text, decision.number) == ("", 1)
    action = _row(services, t.ActionItem, more.old_action)
    assert isinstance(action, t.ActionItem)
    assert action.what == ""
    assert (action.responsible, action.status, action.due_on) == (
        RESPONSIBLE,
        ActionItemStatus.DONE,
        months_before(TODAY, 39),
    )
    secret = _row(services, t.ActionItem, more.secret_action)
    assert isinstance(secret, t.ActionItem) and secret.what == ""
    source = _row(services, t.Source, more.police_source)
    assert isinstance(source, t.Source)
    assert (source.description, source.police_only, source.source_type) == (
        "",
        True,
        SourceType.POLICE_INTELLIGENCE,
    )
    analysis = _row(services, t.RootCauseAnalysis, more.free_analysis)
    assert isinstance(analysis, t.RootCauseAnalysis)
    assert all(getattr(analysis, name) == "" for name in ANALYSIS_FIELDS)
    assert (analysis.scanning, analysis.place, analysis.place_manager) == (
        "Många synpunkter om kvällarna",
        "Gångtunneln vid centrum",
        "Bostadsbolaget",
    )
    assert analysis.revision > 0 and "offender" in (analysis.field_clocks or "")
    note = _row(services, t.FollowUpMeasure, more.free_note)
    assert isinstance(note, t.FollowUpMeasure)
    assert (note.note, note.status, note.mark, note.hours) == (
        "",
        MeasureStatus.IN_PROGRESS,
        FollowUpMark.YELLOW,
        4.0,
    )

    # What the open promise and the agreement build on, and what is recent, is untouched.
    for model, record_id, name in (
        (t.Source, more.held_source, "description"),
        (t.Source, more.agreement_source, "description"),
        (t.Source, more.open_source, "description"),
        (t.RootCauseAnalysis, more.held_analysis, "offender"),
        (t.RootCauseAnalysis, more.cause_analysis, "offender"),
        (t.RootCauseAnalysis, more.recent_analysis, "target"),
        (t.FollowUpMeasure, more.held_note, "note"),
        (t.FollowUpMeasure, more.held_followup_note, "note"),
        (t.Decision, more.recent_decision, "text"),
    ):
        assert getattr(_row(services, model, record_id), name), (model, name)
    assert _purge(services).preview(TODAY).items == ()


def test_closing_the_promise_releases_what_it_held(services: Services, more: More) -> None:
    with services.unit_of_work() as uow:
        promise = uow.session.scalars(
            select(t.Promise).where(t.Promise.title == "Tryggare centrum")
        ).one()
        promise.status = PromiseStatus.CLOSED
        uow.commit()
    preview = _purge(services).preview(TODAY)
    listed = {item.record_id for item in preview.items}
    assert {more.held_source, more.held_analysis, more.cause_analysis} <= listed
    assert {more.held_note, more.held_followup_note} <= listed
    # The agreement is still in force.
    assert {item.record_id for item in preview.held} == {more.agreement_source}


def test_purge_service_uses_the_retention_service_it_is_given(services: Services) -> None:
    purge = PurgeService(
        uow=services.unit_of_work,
        maintenance=services.maintenance,
        backup_dir=services.paths.backups,
        retention=services.retention,
    )
    assert purge.retention is services.retention
    services.retention.set(RetentionKind.ANALYSES, 7)
    assert purge.preview(TODAY).settings.analyses == 7


def test_cli_retention_and_purge_cover_the_other_kinds(services: Services, run_cli) -> None:
    build_more(services, date.today())
    services.close()
    shown = run_cli("retention", "show")
    assert "sources    24 months" in shown.out and "analyses   36 months" in shown.out
    assert run_cli("retention", "set", "analyses", "48").code == 0
    assert json.loads(run_cli("retention", "show", "--json").out)["analyses"] == 48
    report = json.loads(run_cli("purge", "--dry-run", "--json").out)
    kinds = {item["kind"] for item in report["items"]}
    assert kinds == {"decisions", "action-items", "sources", "followup-measures"}
    # Analyses are kept 48 months now: none is past its time, not even as held.
    assert {item["kind"] for item in report["held"]} == {"sources", "followup-measures"}
    applied = json.loads(run_cli("purge", "--apply", "--json").out)["applied"]
    assert applied["records_cleared"] == 6


# --- secrecy review ---------------------------------------------------------------------


def test_secrecy_marks_lists_and_releases(services: Services, data: Dataset) -> None:
    secrecy = SecrecyService(uow=services.unit_of_work)
    assert [(m.kind, m.record_id) for m in secrecy.marked()] == [
        ("dialogues", data.secret_dialogue)
    ]
    before = _row(services, t.Concern, data.old_concern)
    marked = secrecy.mark("concerns", data.old_concern)
    assert marked.marked and marked.sensitivity is Sensitivity.SECRET
    assert marked.title == "Mopedåkning på gångvägen vid skolan"
    concern = _row(services, t.Concern, data.old_concern)
    assert concern.sensitivity is Sensitivity.SECRET
    assert concern.revision > before.revision  # an edit that travels
    assert "sensitivity" in (concern.field_clocks or "")
    assert {m.record_id for m in secrecy.marked()} == {data.secret_dialogue, data.old_concern}
    # A mark shortens the time the text is kept (the sekretess cap).
    item = next(i for i in _purge(services).preview(TODAY).items if i.record_id == data.old_concern)
    assert item.rule is PurgeRule.SECRET

    released = secrecy.release("concerns", data.old_concern)
    assert not released.marked and released.sensitivity is Sensitivity.INTERNAL
    assert secrecy.release("dialogues", data.secret_dialogue, Sensitivity.OPEN).sensitivity is (
        Sensitivity.OPEN
    )
    assert secrecy.marked() == ()
    with pytest.raises(InvalidInput):
        secrecy.release("concerns", data.old_concern, Sensitivity.SECRET)
    with pytest.raises(InvalidInput):
        secrecy.mark("nonsense", data.old_concern)
    with pytest.raises(RecordNotFound):
        secrecy.mark("concerns", data.old_dialogue)  # a dialogue's id, not a concern's
    with pytest.raises(RecordNotFound):
        secrecy.mark("concerns", data.deleted_concern)  # tombstoned


def test_cli_secrecy(services: Services, data: Dataset, run_cli) -> None:
    services.close()
    listed = run_cli("secrecy", "list")
    assert listed.code == 0, listed.err
    assert str(data.secret_dialogue) in listed.out
    assert "1 records marked sekretess" in listed.out
    marked = run_cli("secrecy", "mark", "meetings", str(data.old_meeting))
    assert marked.code == 0 and marked.out.startswith(f"{data.old_meeting}  secret")
    report = json.loads(run_cli("secrecy", "list", "--json").out)
    assert {entry["id"] for entry in report} == {str(data.secret_dialogue), str(data.old_meeting)}
    released = run_cli("secrecy", "release", "meetings", str(data.old_meeting), "--open")
    assert released.code == 0 and f"{data.old_meeting}  open" in released.out
    missing = run_cli("secrecy", "mark", "concerns", str(uuid.uuid4()))
    assert missing.code == 1 and missing.err.count("\n") == 1
    assert run_cli("secrecy", "mark", "nonsense", str(data.old_meeting)).code == 2
    assert run_cli("secrecy").code == 2

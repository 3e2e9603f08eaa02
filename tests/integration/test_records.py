"""RecordService: tombstones, listing, counting and status changes on real records."""

import uuid

import pytest
from sqlalchemy import select

from kommunpolis.composition import Services
from kommunpolis.domain.errors import InvalidInput, InvalidTransition, RecordNotFound
from kommunpolis.storage import tables as t


def _counts(services: Services, table: str) -> tuple[int, int]:
    count = {c.kind: c for c in services.records.stats()}[table]
    return count.live, count.tombstoned


def test_stats_count_live_records_per_table(services: Services, sample) -> None:
    counts = {c.kind: (c.live, c.tombstoned) for c in services.records.stats()}
    assert counts["dialogue"] == (1, 0)
    assert counts["problem"] == (1, 0)
    assert counts["promise"] == (1, 0)
    assert counts["concern"] == (0, 0)
    # The profile's default themes are records too.
    assert counts["theme"][0] > 0


def test_delete_tombstones_and_restore_brings_back(services: Services, sample) -> None:
    before = services.records.get("problems", sample.problem)
    deleted = services.records.delete("problems", sample.problem)
    assert deleted.deleted

    # The row stays, marked, with a new revision so that the deletion can travel.
    with services.unit_of_work() as uow:
        row = uow.session.get(t.Problem, sample.problem)
        assert row is not None
        assert row.deleted_at is not None
        deleted_revision = row.revision
    assert services.records.list("problems") == ()
    assert [r.id for r in services.records.list("problems", include_deleted=True)] == [
        sample.problem
    ]
    assert _counts(services, "problem") == (0, 1)
    with pytest.raises(RecordNotFound):
        services.records.get("problems", sample.problem)
    with pytest.raises(RecordNotFound):
        services.records.delete("problems", sample.problem)

    restored = services.records.restore("problems", sample.problem)
    assert not restored.deleted
    assert _counts(services, "problem") == (1, 0)
    assert services.records.get("problems", sample.problem).title == before.title
    with services.unit_of_work() as uow:
        row = uow.session.get(t.Problem, sample.problem)
        assert row is not None
        assert row.deleted_at is None
        assert row.revision > deleted_revision


def test_restore_of_an_unknown_id_is_record_not_found(services: Services) -> None:
    with pytest.raises(RecordNotFound):
        services.records.restore("problems", uuid.uuid4())


def test_list_is_newest_first_and_limited(services: Services) -> None:
    for index in range(4):
        with services.unit_of_work() as uow:
            uow.session.add(t.Problem(title=f"Problem {index}"))
            uow.commit()
    titles = [r.title for r in services.records.list("problems")]
    assert titles == ["Problem 3", "Problem 2", "Problem 1", "Problem 0"]
    assert [r.title for r in services.records.list("problems", limit=2)] == titles[:2]


def test_long_titles_are_shortened_in_lists(services: Services) -> None:
    with services.unit_of_work() as uow:
        uow.session.add(t.Problem(title="x" * 150))
        uow.commit()
    (summary,) = services.records.list("problems")
    assert len(summary.title) == 80
    assert summary.title.endswith("…")


def test_unknown_kind_is_invalid_input(services: Services) -> None:
    with pytest.raises(InvalidInput, match="unknown kind 'gnomes'"):
        services.records.list("gnomes")


# --- status changes -----------------------------------------------------------------


def _stored_status(services: Services, model: type[t.Record], record_id: uuid.UUID) -> str:
    with services.unit_of_work() as uow:
        return str(uow.session.scalar(select(model.status).where(model.id == record_id)))


@pytest.mark.parametrize(
    ("kind", "model", "attribute", "steps"),
    [
        ("dialogues", t.Dialogue, "dialogue", ["held", "compiled", "fed_back"]),
        ("problems", t.Problem, "problem", ["prioritised", "analysed", "addressed", "closed"]),
        ("promises", t.Promise, "promise", ["signed", "published", "followed_up", "closed"]),
    ],
)
def test_valid_steps_persist(
    services: Services, sample, kind: str, model: type[t.Record], attribute: str, steps: list[str]
) -> None:
    record_id = getattr(sample, attribute)
    for step in steps:
        summary = services.records.change_status(kind, record_id, step)
        assert summary.status == step
        assert _stored_status(services, model, record_id) == step


@pytest.mark.parametrize(
    ("kind", "model", "attribute", "jump", "current"),
    [
        ("dialogues", t.Dialogue, "dialogue", "fed_back", "planned"),
        ("problems", t.Problem, "problem", "addressed", "identified"),
        ("promises", t.Promise, "promise", "published", "draft"),
    ],
)
def test_invalid_jump_raises_and_leaves_the_database_unchanged(
    services: Services,
    sample,
    kind: str,
    model: type[t.Record],
    attribute: str,
    jump: str,
    current: str,
) -> None:
    record_id = getattr(sample, attribute)
    with services.unit_of_work() as uow:
        before = uow.session.get(model, record_id)
        assert before is not None
        revision, updated_at = before.revision, before.updated_at
    with pytest.raises(InvalidTransition) as caught:
        services.records.change_status(kind, record_id, jump)
    assert (caught.value.current, caught.value.target) == (current, jump)
    with services.unit_of_work() as uow:
        after = uow.session.get(model, record_id)
        assert after is not None
        assert str(after.status) == current
        assert (after.revision, after.updated_at) == (revision, updated_at)


def test_unknown_status_value_is_invalid_input(services: Services, sample) -> None:
    with pytest.raises(InvalidInput, match="'finished' is not one of"):
        services.records.change_status("problems", sample.problem, "finished")
    assert _stored_status(services, t.Problem, sample.problem) == "identified"


def test_status_of_a_kind_without_statuses_is_invalid_input(services: Services, sample) -> None:
    with pytest.raises(InvalidInput):
        services.records.change_status("places", sample.problem, "done")


def test_status_change_of_unknown_or_deleted_record_is_not_found(
    services: Services, sample
) -> None:
    with pytest.raises(RecordNotFound):
        services.records.change_status("problems", uuid.uuid4(), "prioritised")
    services.records.delete("problems", sample.problem)
    with pytest.raises(RecordNotFound):
        services.records.change_status("problems", sample.problem, "prioritised")

"""Every status lifecycle: each allowed step passes, every other pair is refused."""

from enum import StrEnum

import pytest

from kommunpolis.domain.errors import InvalidTransition
from kommunpolis.domain.statuses import (
    TRANSITIONS,
    DialogueStatus,
    ProblemStatus,
    PromiseStatus,
    allowed_next,
    check_transition,
)

ALL_PAIRS = [
    pytest.param(current, target, id=f"{lifecycle.__name__}:{current}->{target}")
    for lifecycle in TRANSITIONS
    for current in lifecycle
    for target in lifecycle
]


def _allowed(current: StrEnum, target: StrEnum) -> bool:
    return target in TRANSITIONS[type(current)][current]


def test_every_status_of_every_lifecycle_has_an_entry() -> None:
    for lifecycle, steps in TRANSITIONS.items():
        assert set(steps) == set(lifecycle), lifecycle.__name__
        for targets in steps.values():
            assert all(type(target) is lifecycle for target in targets)


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS)
def test_transition_is_allowed_exactly_when_listed(current: StrEnum, target: StrEnum) -> None:
    if _allowed(current, target):
        assert check_transition("thing", current, target) is target
    else:
        with pytest.raises(InvalidTransition) as caught:
            check_transition("thing", current, target)
        assert caught.value.current == current.value
        assert caught.value.target == target.value
        assert caught.value.allowed == tuple(s.value for s in allowed_next(current))


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (DialogueStatus.PLANNED, DialogueStatus.HELD),
        (DialogueStatus.HELD, DialogueStatus.COMPILED),
        (DialogueStatus.COMPILED, DialogueStatus.FED_BACK),
        (ProblemStatus.IDENTIFIED, ProblemStatus.PRIORITISED),
        (ProblemStatus.ANALYSED, ProblemStatus.ADDRESSED),
        (PromiseStatus.DRAFT, PromiseStatus.SIGNED),
        (PromiseStatus.FOLLOWED_UP, PromiseStatus.CLOSED),
    ],
)
def test_the_documented_forward_steps_are_allowed(current: StrEnum, target: StrEnum) -> None:
    assert check_transition("thing", current, target) is target


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (DialogueStatus.PLANNED, DialogueStatus.FED_BACK),
        (DialogueStatus.FED_BACK, DialogueStatus.PLANNED),
        (ProblemStatus.CLOSED, ProblemStatus.IDENTIFIED),
        (PromiseStatus.DRAFT, PromiseStatus.PUBLISHED),
        (DialogueStatus.PLANNED, DialogueStatus.PLANNED),
    ],
)
def test_jumps_back_from_final_and_standing_still_are_refused(
    current: StrEnum, target: StrEnum
) -> None:
    with pytest.raises(InvalidTransition):
        check_transition("thing", current, target)


def test_a_status_of_another_lifecycle_is_refused_even_with_the_same_value() -> None:
    # PromiseStatus.SIGNED and AgreementStatus-like values share text with other lifecycles.
    with pytest.raises(InvalidTransition):
        check_transition("promise", PromiseStatus.DRAFT, ProblemStatus.CLOSED)  # type: ignore[misc]


def test_allowed_next_is_in_lifecycle_order() -> None:
    assert allowed_next(ProblemStatus.PRIORITISED) == (
        ProblemStatus.IDENTIFIED,
        ProblemStatus.ANALYSED,
        ProblemStatus.CLOSED,
    )
    assert allowed_next(DialogueStatus.FED_BACK) == ()


def test_message_names_kind_states_and_what_is_allowed() -> None:
    with pytest.raises(InvalidTransition, match=r"promise.*'draft'.*'closed'.*signed"):
        check_transition("promise", PromiseStatus.DRAFT, PromiseStatus.CLOSED)

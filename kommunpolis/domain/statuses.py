"""Every status lifecycle of DOMAIN.md and the transitions it allows.

A status changes only through :func:`check_transition`; anything else is an
:class:`~kommunpolis.domain.errors.InvalidTransition`, never a silent write.
Back-steps exist only where a person plausibly needs to correct a mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from kommunpolis.domain.errors import InvalidTransition


class DialogueStatus(StrEnum):
    """planerad → genomförd → sammanställd → återkopplad."""

    PLANNED = "planned"
    HELD = "held"
    COMPILED = "compiled"
    FED_BACK = "fed_back"


class MinutesStatus(StrEnum):
    """Meeting minutes: utkast → justerat."""

    DRAFT = "draft"
    APPROVED = "approved"


class ActionItemStatus(StrEnum):
    """A meeting's action item: open, done or dropped."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class ProblemStatus(StrEnum):
    """identifierat → prioriterat → analyserat → åtgärdat → avslutat."""

    IDENTIFIED = "identified"
    PRIORITISED = "prioritised"
    ANALYSED = "analysed"
    ADDRESSED = "addressed"
    CLOSED = "closed"


class AgreementStatus(StrEnum):
    """utkast → undertecknad → gällande → utgången."""

    DRAFT = "draft"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"


class PromiseStatus(StrEnum):
    """utkast → undertecknat → publicerat → uppföljt → avslutat."""

    DRAFT = "draft"
    SIGNED = "signed"
    PUBLISHED = "published"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"


class MeasureStatus(StrEnum):
    """ej påbörjad → pågår → genomförd, or inställd."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


S = TypeVar("S", bound=StrEnum)

_D, _M, _A = DialogueStatus, MinutesStatus, ActionItemStatus
_P, _G, _L, _E = ProblemStatus, AgreementStatus, PromiseStatus, MeasureStatus

TRANSITIONS: Mapping[type[StrEnum], Mapping[StrEnum, frozenset[StrEnum]]] = {
    DialogueStatus: {
        _D.PLANNED: frozenset({_D.HELD}),
        _D.HELD: frozenset({_D.COMPILED, _D.PLANNED}),
        _D.COMPILED: frozenset({_D.FED_BACK, _D.HELD}),
        _D.FED_BACK: frozenset(),
    },
    MinutesStatus: {
        _M.DRAFT: frozenset({_M.APPROVED}),
        _M.APPROVED: frozenset(),
    },
    ActionItemStatus: {
        _A.OPEN: frozenset({_A.DONE, _A.CANCELLED}),
        _A.DONE: frozenset({_A.OPEN}),
        _A.CANCELLED: frozenset({_A.OPEN}),
    },
    ProblemStatus: {
        _P.IDENTIFIED: frozenset({_P.PRIORITISED, _P.CLOSED}),
        _P.PRIORITISED: frozenset({_P.ANALYSED, _P.IDENTIFIED, _P.CLOSED}),
        _P.ANALYSED: frozenset({_P.ADDRESSED, _P.CLOSED}),
        _P.ADDRESSED: frozenset({_P.CLOSED}),
        _P.CLOSED: frozenset(),
    },
    AgreementStatus: {
        _G.DRAFT: frozenset({_G.SIGNED}),
        _G.SIGNED: frozenset({_G.IN_FORCE, _G.DRAFT}),
        _G.IN_FORCE: frozenset({_G.EXPIRED}),
        _G.EXPIRED: frozenset(),
    },
    PromiseStatus: {
        _L.DRAFT: frozenset({_L.SIGNED}),
        _L.SIGNED: frozenset({_L.PUBLISHED, _L.DRAFT}),
        _L.PUBLISHED: frozenset({_L.FOLLOWED_UP}),
        _L.FOLLOWED_UP: frozenset({_L.CLOSED}),
        _L.CLOSED: frozenset(),
    },
    MeasureStatus: {
        _E.NOT_STARTED: frozenset({_E.IN_PROGRESS, _E.CANCELLED}),
        _E.IN_PROGRESS: frozenset({_E.DONE, _E.CANCELLED}),
        _E.DONE: frozenset({_E.IN_PROGRESS}),
        _E.CANCELLED: frozenset(),
    },
}


def allowed_next(current: S) -> tuple[S, ...]:
    """Return the statuses reachable from ``current`` in one step, in lifecycle order."""
    lifecycle = type(current)
    targets = TRANSITIONS[lifecycle][current]
    return tuple(status for status in lifecycle if status in targets)


def check_transition(kind: str, current: S, target: S) -> S:
    """Return ``target`` if the lifecycle allows ``current → target``, else raise."""
    if type(target) is not type(current) or target not in TRANSITIONS[type(current)][current]:
        raise InvalidTransition(
            kind, str(current), str(target), tuple(str(s) for s in allowed_next(current))
        )
    return target

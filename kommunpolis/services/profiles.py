"""Create and read the installation's profile (who records, on which device)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select

from kommunpolis.domain.collation import swedish_key
from kommunpolis.domain.errors import InvalidInput, ProfileExists
from kommunpolis.domain.ids import default_theme_id
from kommunpolis.domain.vocabulary import DEFAULT_THEMES, Role
from kommunpolis.services.read_models import MunicipalityView, ProfileView
from kommunpolis.storage.tables import Municipality, Profile, ProfileMunicipality, Theme
from kommunpolis.storage.unit_of_work import UnitOfWork, new_device_id

NAME_LIMIT = 200


class ProfileService:
    """The profile and the reference data a profile is built from."""

    def __init__(self, *, uow: Callable[[], UnitOfWork]) -> None:
        self._uow = uow

    def current(self) -> ProfileView | None:
        """Return the profile, or None before the first run."""
        with self._uow() as uow:
            profile = uow.session.scalars(select(Profile)).first()
            if profile is None:
                return None
            codes = uow.session.scalars(
                select(ProfileMunicipality.municipality_code).order_by(
                    ProfileMunicipality.municipality_code
                )
            ).all()
            return ProfileView(
                name=profile.name,
                role=profile.role,
                district_name=profile.district_name,
                device_id=profile.device_id,
                municipality_codes=tuple(codes),
                created_at=profile.created_at,
            )

    def municipalities(self) -> tuple[MunicipalityView, ...]:
        """Return all kommuner in Swedish alphabetical order."""
        with self._uow() as uow:
            rows = uow.session.scalars(select(Municipality))
            views = [MunicipalityView(m.code, m.name, m.county_name, m.police_region) for m in rows]
        return tuple(sorted(views, key=lambda view: swedish_key(view.name)))

    def create(
        self,
        *,
        name: str,
        role: Role | str,
        district_name: str | None = None,
        municipality_codes: Sequence[str] = (),
        replace: bool = False,
    ) -> ProfileView:
        """Create the profile (or replace it, keeping the device id) and the default themes."""
        name = name.strip()
        if not name:
            raise InvalidInput("name", "a name is required")
        if len(name) > NAME_LIMIT:
            raise InvalidInput("name", f"at most {NAME_LIMIT} characters")
        try:
            role = Role(role)
        except ValueError:
            raise InvalidInput("role", f"'{role}' is not one of officer, coordinator") from None
        district = (district_name or "").strip() or None
        codes = sorted(set(municipality_codes))
        with self._uow() as uow:
            session = uow.session
            known = set(session.scalars(select(Municipality.code)))
            unknown = [code for code in codes if code not in known]
            if unknown:
                raise InvalidInput("kommun", f"unknown kommun code(s): {', '.join(unknown)}")
            existing = session.scalars(select(Profile)).first()
            if existing is not None and not replace:
                raise ProfileExists(existing.name)
            if existing is None:
                profile = Profile(id=1, device_id=new_device_id(), created_at=datetime.now(UTC))
                session.add(profile)
            else:
                profile = existing
                session.execute(delete(ProfileMunicipality))
            profile.name, profile.role, profile.district_name = name, role, district
            session.add_all(ProfileMunicipality(profile_id=1, municipality_code=c) for c in codes)
            session.flush()
            if session.scalars(select(Theme.id).limit(1)).first() is None:
                session.add_all(
                    Theme(id=default_theme_id(theme), name=theme, position=index)
                    for index, theme in enumerate(DEFAULT_THEMES)
                )
            uow.commit()
        created = self.current()
        assert created is not None
        return created

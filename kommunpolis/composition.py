"""Build the services for one data directory; shared by the command line and the GUI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, union_all

from kommunpolis.paths import AppPaths
from kommunpolis.services.analysis import AnalysisService
from kommunpolis.services.attention import AttentionService
from kommunpolis.services.chain import ChainService
from kommunpolis.services.coordination import CoordinationService
from kommunpolis.services.documents import DocumentService
from kommunpolis.services.editing import EditingService
from kommunpolis.services.exchange import ExchangeService
from kommunpolis.services.followup import FollowUpService
from kommunpolis.services.importing import ImportService
from kommunpolis.services.maintenance import MaintenanceService
from kommunpolis.services.profiles import ProfileService
from kommunpolis.services.records import RecordService
from kommunpolis.services.retention import RetentionService
from kommunpolis.services.search import SearchService
from kommunpolis.services.situation import SituationService
from kommunpolis.storage.attachments import AttachmentStore
from kommunpolis.storage.database import Database, open_database
from kommunpolis.storage.failures import database_errors
from kommunpolis.storage.kinds import all_record_tables
from kommunpolis.storage.unit_of_work import UnitOfWork
from kommunpolis.sync.clock import HybridLogicalClock
from kommunpolis.sync.identity import IdentityStore


@dataclass(frozen=True)
class Services:
    """Everything the interfaces need, wired to one open database."""

    paths: AppPaths
    database: Database
    clock: HybridLogicalClock
    unit_of_work: Callable[[], UnitOfWork]
    attachments: AttachmentStore
    profiles: ProfileService
    records: RecordService
    editing: EditingService
    attention: AttentionService
    exchange: ExchangeService
    importing: ImportService
    search: SearchService
    maintenance: MaintenanceService
    identity: IdentityStore
    chain: ChainService
    situation: SituationService
    documents: DocumentService
    retention: RetentionService
    followups: FollowUpService
    coordination: CoordinationService
    analysis: AnalysisService

    def close(self) -> None:
        """Release the database."""
        self.database.close()


def _last_revision(database: Database) -> int:
    """Return the highest revision stored, so the clock never issues a lower one."""
    highest = union_all(*(select(func.max(table.revision)) for table in all_record_tables()))
    with database_errors(database.path), database.engine.connect() as connection:
        values = connection.execute(highest).scalars().all()
    return max((value for value in values if value is not None), default=0)


def build_maintenance(paths: AppPaths) -> MaintenanceService:
    """Return the maintenance service alone; it works even when the database cannot open."""
    return MaintenanceService(
        database_path=paths.database,
        backup_dir=paths.backups,
        attachments=AttachmentStore(paths.attachments),
    )


def build_services(paths: AppPaths, *, busy_timeout_ms: int = 5000) -> Services:
    """Open (creating and migrating if needed) the database in ``paths`` and wire services."""
    database = open_database(
        paths.database, backup_dir=paths.backups, busy_timeout_ms=busy_timeout_ms
    )
    clock = HybridLogicalClock(last=_last_revision(database))

    def unit_of_work() -> UnitOfWork:
        return UnitOfWork(session_factory=database.session_factory, clock=clock, path=database.path)

    maintenance = build_maintenance(paths)
    identity = IdentityStore(paths.keys)
    chain = ChainService(uow=unit_of_work)
    situation = SituationService(uow=unit_of_work)
    editing = EditingService(uow=unit_of_work)
    importing = ImportService(
        uow=unit_of_work, identity=identity, clock=clock, attachments=maintenance.attachments
    )
    return Services(
        paths=paths,
        database=database,
        clock=clock,
        unit_of_work=unit_of_work,
        attachments=maintenance.attachments,
        profiles=ProfileService(uow=unit_of_work),
        records=RecordService(uow=unit_of_work),
        editing=editing,
        attention=AttentionService(uow=unit_of_work),
        search=SearchService(uow=unit_of_work),
        maintenance=maintenance,
        identity=identity,
        exchange=ExchangeService(
            uow=unit_of_work, identity=identity, attachments=maintenance.attachments
        ),
        importing=importing,
        chain=chain,
        situation=situation,
        documents=DocumentService(uow=unit_of_work, chain=chain, situation=situation),
        retention=RetentionService(uow=unit_of_work),
        followups=FollowUpService(uow=unit_of_work, chain=chain),
        coordination=CoordinationService(uow=unit_of_work, importing=importing),
        analysis=AnalysisService(uow=unit_of_work, chain=chain, editing=editing),
    )

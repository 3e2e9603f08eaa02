"""The command line: the same services as the GUI, one subcommand per task.

Exit codes: 0 success, 1 a user or data error (one line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kommunpolis import __version__
from kommunpolis.domain.errors import KnownError
from kommunpolis.domain.vocabulary import Role
from kommunpolis.launcher import gui_request
from kommunpolis.paths import DATA_DIR_ENV, resolve_paths

if TYPE_CHECKING:
    # The services load SQLAlchemy (~0.4 s): the desktop app imports them only after
    # its window has painted, so this module must not import them at the top.
    from kommunpolis.composition import Services
    from kommunpolis.services.maintenance import MaintenanceService
    from kommunpolis.services.retention import PurgeItem, PurgeService
    from kommunpolis.sync.bundle import Passphrase
    from kommunpolis.sync.identity import PublicIdentity, TrustedPeer

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
# How long to wait for another program's lock; tests lower it to stay fast.
BUSY_TIMEOUT_ENV = "KOMMUNPOLIS_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 5000


def _parser() -> argparse.ArgumentParser:
    from kommunpolis.services.search import SEARCHABLE_KINDS
    from kommunpolis.storage.kinds import KINDS

    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets --data-dir stand before or after the subcommand.
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=f"folder with the database (default: ${DATA_DIR_ENV} or the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="kommunpolis",
        description="Kommunpolis: dialogues, concerns, lägesbild and medborgarlöften, offline.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text, parents=[common])

    command("gui", "start the desktop app (the default)")

    init = command("init", "create this installation's profile")
    init.add_argument("--name", required=True, help="your name as it appears on records")
    init.add_argument("--role", required=True, choices=[role.value for role in Role])
    init.add_argument("--lpo", metavar="NAME", help="your lokalpolisområde")
    init.add_argument(
        "--kommun", metavar="CODE", action="append", default=[], help="SCB code (repeatable)"
    )
    init.add_argument("--replace", action="store_true", help="replace an existing profile")

    demo = command("demo", "fill the database with a fictional, deterministic demo dataset")
    demo.add_argument("--dialogues", type=_positive_int, default=200, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--force", action="store_true", help="even if real records exist")

    stats = command("stats", "count live and deleted records per kind")
    stats.add_argument("--json", action="store_true", help="machine-readable output")

    listing = command("list", "list the records of one kind")
    listing.add_argument("kind", choices=[kind.name for kind in KINDS], metavar="KIND")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--deleted", action="store_true", help="include deleted records")
    listing.add_argument("--limit", type=_positive_int, metavar="N")
    listing.add_argument(
        "--csv",
        type=Path,
        metavar="PATH",
        help="write the list as CSV for Swedish Excel (UTF-8 with BOM, ';') instead",
    )
    listing.add_argument(
        "--include-secret",
        action="store_true",
        help="with --csv: also records marked sekretess (police-only material)",
    )

    status = command("status", "move a record to another status (only allowed steps)")
    status.add_argument("kind", choices=[k.name for k in KINDS if k.status_column], metavar="KIND")
    status.add_argument("id", type=uuid.UUID, metavar="ID")
    status.add_argument("status", metavar="STATUS")

    search = command("search", "find dialogues, concerns, meetings, problems, promises, measures")
    search.add_argument("text", metavar="TEXT", help="words to find; the last may be unfinished")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.add_argument(
        "--kind",
        action="append",
        choices=SEARCHABLE_KINDS,
        metavar="KIND",
        help="only this kind (repeatable)",
    )
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="per kind")

    shots = command("screenshots", "render the windows with demo data to PNG files, and exit")
    shots.add_argument("directory", type=Path, metavar="DIR")

    command("check", "check the database's integrity and references")

    backup = command("backup", "write a consistent copy of the database")
    backup.add_argument("path", nargs="?", type=Path, help="file or folder (default: backups/)")

    command("backups", "list the backups that can be restored")

    keys = command("keys", "this installation's public keys and the installations it trusts")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    def key_command(name: str, help_text: str) -> argparse.ArgumentParser:
        return key_commands.add_parser(
            name, help=help_text, description=help_text, parents=[common]
        )

    show = key_command("show", "print the public identity and its fingerprint")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    export = key_command("export", "write the public identity to a file to hand over")
    export.add_argument("path", type=Path, metavar="PATH")
    trust = key_command("trust", "trust another installation's identity file")
    trust.add_argument("path", type=Path, metavar="PATH")
    trust.add_argument("--name", help="what to call it here (default: the name in the file)")
    listed = key_command("list", "list the trusted installations")
    listed.add_argument("--json", action="store_true", help="machine-readable output")
    revoke = key_command("revoke", "stop trusting an installation")
    revoke.add_argument("device_id", type=uuid.UUID, metavar="DEVICE_ID")

    exporting = command(
        "export",
        "write a signed, encrypted bundle of what changed since the last export to the "
        "recipients (--full: everything)",
    )
    exporting.add_argument("path", type=Path, metavar="PATH", help="the .kpb file to write")
    to = exporting.add_mutually_exclusive_group(required=True)
    to.add_argument(
        "--to",
        action="append",
        type=uuid.UUID,
        metavar="DEVICE_ID",
        help="a trusted installation to encrypt for (repeatable; see 'keys list')",
    )
    to.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="encrypt with the passphrase on the first line of FILE instead",
    )
    exporting.add_argument(
        "--full",
        action="store_true",
        help="everything, not only what changed since the last export to the recipients",
    )
    exporting.add_argument(
        "--include-police-only", action="store_true", help="include police-only sources"
    )
    checking = command("verify", "check a bundle without importing it and print its manifest")
    checking.add_argument("path", type=Path, metavar="PATH")
    checking.add_argument("--passphrase-file", type=Path, metavar="FILE")
    checking.add_argument("--json", action="store_true", help="machine-readable output")
    importing = command(
        "import",
        "verify and merge bundles from other installations (one transaction per bundle)",
    )
    importing.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    importing.add_argument(
        "--dry-run", action="store_true", help="show what would change; change nothing"
    )
    importing.add_argument("--passphrase-file", type=Path, metavar="FILE")
    importing.add_argument(
        "--allow-deletes",
        action="store_true",
        help="import even when a bundle deletes a large share of the records here",
    )
    importing.add_argument(
        "--receipt",
        type=Path,
        metavar="PATH",
        help="then write a receipt for the senders to PATH (they import it to see what arrived)",
    )
    importing.add_argument("--json", action="store_true", help="machine-readable output")
    delivered = command("deliveries", "the receipts receivers sent back for this device's bundles")
    delivered.add_argument("--json", action="store_true", help="machine-readable output")
    received = command(
        "received", "what arrived from each sender: bundles, records, gaps, conflicts"
    )
    received.add_argument("--json", action="store_true", help="machine-readable output")
    conflicting = command("conflicts", "list the fields two devices changed at once")
    conflicting.add_argument("--all", action="store_true", help="include resolved conflicts")
    conflicting.add_argument("--json", action="store_true", help="machine-readable output")
    resolving = command("resolve", "close a conflict, keeping the current or the other value")
    resolving.add_argument("id", type=uuid.UUID, metavar="CONFLICT_ID")
    resolving.add_argument("--keep", choices=["current", "other"], required=True)

    report = command(
        "report",
        "write a document as PDF: lofte (a promise, for citizens), atgardsplan (a promise's "
        "action plan), uppfoljning (a promise or an agreement, for a period), aterkoppling "
        "(a feedback letter for a dialogue, for citizens), lagesbild (a situation picture "
        "with its charts, internal)",
    )
    report.add_argument(
        "kind",
        choices=["lofte", "atgardsplan", "uppfoljning", "aterkoppling", "lagesbild"],
        metavar="KIND",
    )
    report.add_argument("id", type=uuid.UUID, metavar="ID", help="the record's id")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    report.add_argument(
        "--from",
        dest="period_from",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="uppfoljning: first day (default: the start of the record's period)",
    )
    report.add_argument(
        "--to",
        dest="period_to",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="uppfoljning: last day (default: today, or the end of the period if earlier)",
    )

    # --- disposal (gallring) and retention settings ---
    purge = command("purge", "clear free text past its retention time (preview first)")
    purge_mode = purge.add_mutually_exclusive_group(required=True)
    purge_mode.add_argument("--dry-run", action="store_true", help="only list what would go")
    purge_mode.add_argument("--apply", action="store_true", help="back up, then clear it")
    purge.add_argument("--json", action="store_true", help="machine-readable output")
    retention = command("retention", "show or change how long free text is kept")
    retention_commands = retention.add_subparsers(
        dest="retention_command", metavar="ACTION", required=True
    )
    retention_show = retention_commands.add_parser(
        "show", help="print the retention times", parents=[common]
    )
    retention_show.add_argument("--json", action="store_true", help="machine-readable output")
    retention_set = retention_commands.add_parser(
        "set", help="set one kind's retention time (0: never cleared)", parents=[common]
    )
    retention_set.add_argument(
        "kind",
        choices=["dialogues", "concerns", "meetings", "followups", "sources", "analyses", "secret"],
    )
    retention_set.add_argument("months", type=int, metavar="MONTHS")
    secrecy = command("secrecy", "mark records sekretess for secrecy review, or list them")
    secrecy_commands = secrecy.add_subparsers(
        dest="secrecy_command", metavar="ACTION", required=True
    )
    secrecy_list = secrecy_commands.add_parser(
        "list", help="list the records marked for secrecy review", parents=[common]
    )
    secrecy_list.add_argument("--json", action="store_true", help="machine-readable output")
    for action, help_text in (
        ("mark", "mark a record sekretess: it is reviewed before it is disclosed"),
        ("release", "lift the mark after a review (to internal, or --open)"),
    ):
        secrecy_action = secrecy_commands.add_parser(action, help=help_text, parents=[common])
        secrecy_action.add_argument("kind", choices=[kind.name for kind in KINDS], metavar="KIND")
        secrecy_action.add_argument("id", type=uuid.UUID, metavar="ID")
        if action == "release":
            secrecy_action.add_argument("--open", action="store_true", help="release to open")

    restore = command(
        "restore", "replace the database with a backup (close the app first; the old file is kept)"
    )
    restore.add_argument("backup", type=Path, help="a backup file (see 'kommunpolis backups')")
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _busy_timeout_ms() -> int:
    text = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(text) if text.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def _cmd_init(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    profile = services.profiles.create(
        name=args.name,
        role=args.role,
        district_name=args.lpo,
        municipality_codes=args.kommun,
        replace=args.replace,
    )
    kommuner = ", ".join(profile.municipality_codes) or "-"
    out.write(f"Profile created: {profile.name} ({profile.role}), kommuner: {kommuner}\n")
    out.write(f"Device: {profile.device_id}\nDatabase: {services.paths.database}\n")
    identity = services.identity.ensure(profile.device_id, profile.name)
    out.write(f"Fingerprint: {identity.fingerprint}\n")
    return EXIT_OK


def _cmd_demo(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.services.demo import DemoService

    def progress(done: int, total: int) -> None:
        # Only for a person watching: a redirected stderr stays one-line-per-error.
        if sys.stderr.isatty():
            end = "\n" if done == total else ""
            print(f"\rDialogues: {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    demo = DemoService(database=services.database, clock=services.clock)
    summary = demo.generate(
        dialogues=args.dialogues, seed=args.seed, force=args.force, progress=progress
    )
    out.write(f"Demo data written to {services.paths.database}: {summary}\n")
    return EXIT_OK


def _cmd_stats(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    counts = services.records.stats()
    if args.json:
        _print_json({c.kind: {"live": c.live, "tombstoned": c.tombstoned} for c in counts}, out)
        return EXIT_OK
    width = max(len(c.kind) for c in counts)
    out.write(f"{'kind':<{width}}  {'live':>9}  {'deleted':>9}\n")
    for c in counts:
        out.write(f"{c.kind:<{width}}  {c.live:>9}  {c.tombstoned:>9}\n")
    return EXIT_OK


def _cmd_list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.csv is not None:
        return _cmd_list_csv(services, args, out)
    rows = services.records.list(args.kind, include_deleted=args.deleted, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    "id": str(r.id),
                    "title": r.title,
                    "status": r.status,
                    "updated_at": r.updated_at.isoformat(),
                    "deleted": r.deleted,
                }
                for r in rows
            ],
            out,
        )
        return EXIT_OK
    for r in rows:
        flag = " (deleted)" if r.deleted else ""
        out.write(f"{r.id}  {r.status or '-':<12}  {r.title}{flag}\n")
    return EXIT_OK


def _cmd_list_csv(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.services.csv_export import CsvExporter

    # The list's own Swedish headers and labels (QtCore only; no window is opened).
    from kommunpolis.ui.labels import label
    from kommunpolis.ui.list_cells import header_label

    result = CsvExporter(uow=services.unit_of_work).export(
        args.kind,
        args.csv,
        include_secret=args.include_secret,
        header=header_label,
        code_label=label,
    )
    out.write(f"CSV written: {result.path} ({result.rows} rows)\n")
    if result.left_out_secret:
        out.write(
            f"{result.left_out_secret} records marked sekretess left out "
            "(--include-secret to include them)\n"
        )
    return EXIT_OK


def _purge_service(services: Services) -> PurgeService:
    from kommunpolis.services.retention import PurgeService

    return PurgeService(
        uow=services.unit_of_work,
        maintenance=services.maintenance,
        backup_dir=services.paths.backups,
        retention=services.retention,
    )


def _cmd_purge(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.services.retention import RetentionKind

    purge = _purge_service(services)
    preview = purge.preview()
    result = purge.apply(preview) if args.apply else None
    if args.json:
        data: dict[str, Any] = {
            "today": preview.today.isoformat(),
            "settings": {kind.value: preview.settings.months(kind) for kind in RetentionKind},
            "items": [_purge_item_json(item) for item in preview.items],
            "held": [_purge_item_json(item) for item in preview.held],
        }
        if result is not None:
            data["applied"] = {
                "records_cleared": result.records_cleared,
                "fields_cleared": result.fields_cleared,
                "skipped": len(result.skipped),
                "backup": str(result.backup.path) if result.backup else None,
            }
        _print_json(data, out)
        return EXIT_OK
    for item in preview.items:
        why = "sekretess" if item.rule == "secret" else "age"
        out.write(
            f"{item.kind:<10} {item.record_id}  {item.dated}  {', '.join(item.fields):<22} "
            f"{why} {item.months} mo (due {item.due_on})  {item.title}\n"
        )
    out.write(
        f"{len(preview.items)} records ({preview.field_count} fields) past their retention "
        f"time on {preview.today}; {len(preview.held)} more held: an open promise or "
        "agreement depends on them\n"
    )
    if result is None:
        if preview.items:
            out.write("Dry run: nothing cleared. Run with --apply to clear them.\n")
        return EXIT_OK
    if result.backup is not None:
        out.write(f"Backup written: {result.backup.path}\n")
    out.write(f"Cleared {result.fields_cleared} fields in {result.records_cleared} records\n")
    return EXIT_OK


def _purge_item_json(item: PurgeItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "id": str(item.record_id),
        "title": item.title,
        "dated": item.dated.isoformat(),
        "fields": list(item.fields),
        "rule": str(item.rule),
        "months": item.months,
        "due_on": item.due_on.isoformat(),
        "deleted": item.deleted,
    }


def _cmd_retention(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.services.retention import RetentionKind

    retention = services.retention
    if args.retention_command == "set":
        settings = retention.set(RetentionKind(args.kind), args.months)
    else:
        settings = retention.settings()
        if args.json:
            _print_json({kind.value: settings.months(kind) for kind in RetentionKind}, out)
            return EXIT_OK
    for kind in RetentionKind:
        months = settings.months(kind)
        out.write(f"{kind.value:<10} {f'{months} months' if months else 'never cleared'}\n")
    return EXIT_OK


def _cmd_secrecy(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.domain.vocabulary import Sensitivity
    from kommunpolis.services.retention import SecrecyService

    secrecy = SecrecyService(uow=services.unit_of_work)
    if args.secrecy_command == "list":
        marks = secrecy.marked()
        if args.json:
            _print_json(
                [
                    {
                        "kind": m.kind,
                        "id": str(m.record_id),
                        "title": m.title,
                        "updated_at": m.updated_at.isoformat(),
                    }
                    for m in marks
                ],
                out,
            )
            return EXIT_OK
        for m in marks:
            out.write(f"{m.kind:<18} {m.record_id}  {m.updated_at:%Y-%m-%d}  {m.title}\n")
        out.write(f"{len(marks)} records marked sekretess (awaiting secrecy review)\n")
        return EXIT_OK
    if args.secrecy_command == "mark":
        mark = secrecy.mark(args.kind, args.id)
    else:
        to = Sensitivity.OPEN if args.open else Sensitivity.INTERNAL
        mark = secrecy.release(args.kind, args.id, to)
    out.write(f"{mark.record_id}  {mark.sensitivity}  {mark.title}\n")
    return EXIT_OK


def _cmd_status(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    summary = services.records.change_status(args.kind, args.id, args.status)
    out.write(f"{summary.id}  {summary.status}  {summary.title}\n")
    return EXIT_OK


def _cmd_search(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    results = services.search.search(args.text, kinds=args.kind, limit_per_kind=args.limit)
    if args.json:
        _print_json(
            {
                "query": results.query,
                "groups": [
                    {
                        "kind": group.kind,
                        "total": group.total,
                        "total_capped": group.total_capped,
                        "hits": [
                            {
                                "id": str(hit.id),
                                "title": hit.title,
                                "marked_title": hit.marked_title(),
                                "snippet": hit.marked(),
                                "happened_at": hit.happened_at.isoformat()
                                if hit.happened_at
                                else None,
                            }
                            for hit in group.hits
                        ],
                    }
                    for group in results.groups
                ],
            },
            out,
        )
        return EXIT_OK
    if results.empty:
        out.write("No matches.\n")
    for group in results.groups:
        more = "+" if group.total_capped else ""
        out.write(f"{group.kind} ({group.total}{more})\n")
        for hit in group.hits:
            when = f"{hit.happened_at:%Y-%m-%d}" if hit.happened_at else "-"
            out.write(f"  {hit.id}  {when}  {hit.marked_title()}\n")
            if hit.snippet:
                out.write(f"      {hit.marked()}\n")
    return EXIT_OK


def _cmd_check(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    report = services.maintenance.check()
    problems = [*report.integrity, *report.foreign_key_violations, *report.attachment_problems]
    if not problems:
        out.write(f"{report.database}: ok\n")
        return EXIT_OK
    for line in problems:
        out.write(f"{line}\n")
    raise _CheckFailed(report.database, len(problems))


def _cmd_backup(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    backup = services.maintenance.backup(args.path)
    out.write(f"Backup written: {backup.path} ({backup.size} bytes)\n")
    return EXIT_OK


def _cmd_backups(maintenance: MaintenanceService, args: argparse.Namespace, out: TextIO) -> int:
    backups = maintenance.backups()
    if not backups:
        out.write("No backups yet.\n")
    for backup in backups:
        out.write(f"{backup.modified_at:%Y-%m-%d %H:%M}  {backup.size:>12}  {backup.path}\n")
    return EXIT_OK


def _cmd_restore(maintenance: MaintenanceService, args: argparse.Namespace, out: TextIO) -> int:
    kept = maintenance.restore(args.backup)
    out.write(f"Restored {args.backup}\n")
    if kept is not None:
        out.write(f"The replaced database was kept as {kept}\n")
    return EXIT_OK


def _own_identity(services: Services) -> PublicIdentity:
    """Return this installation's identity, creating the keys if an older init made none."""
    from kommunpolis.domain.errors import ProfileMissing

    profile = services.profiles.current()
    if profile is None:
        raise ProfileMissing()
    return services.identity.ensure(profile.device_id, profile.name)


def _identity_json(identity: PublicIdentity) -> dict[str, str]:
    return {
        "name": identity.name,
        "device_id": str(identity.device_id),
        "fingerprint": identity.fingerprint,
        "age_recipient": identity.age_recipient,
        "minisign_public_key": identity.signing_key,
    }


def _peer_json(peer: TrustedPeer) -> dict[str, Any]:
    return {
        **_identity_json(peer.identity),
        "name": peer.name,
        "name_in_file": peer.identity.name,
        "trusted_at": peer.trusted_at.isoformat(),
        "revoked_at": peer.revoked_at.isoformat() if peer.revoked_at else None,
    }


def _cmd_keys(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.sync.identity import load_public

    action = args.keys_command
    if action == "show":
        identity = _own_identity(services)
        if args.json:
            _print_json(_identity_json(identity), out)
            return EXIT_OK
        out.write(
            f"Name:        {identity.name}\n"
            f"Device:      {identity.device_id}\n"
            f"Fingerprint: {identity.fingerprint}\n"
            f"age:         {identity.age_recipient}\n"
            f"minisign:    {identity.signing_key}\n"
        )
    elif action == "export":
        _own_identity(services)
        identity = services.identity.export(args.path)
        out.write(f"Identity written: {args.path}\nFingerprint: {identity.fingerprint}\n")
    elif action == "trust":
        _own_identity(services)
        peer = services.identity.trust(load_public(args.path), name=args.name)
        out.write(
            f"Trusted: {peer.name} (device {peer.device_id})\n"
            f"Fingerprint: {peer.fingerprint}\n"
            "Compare it aloud with what 'kommunpolis keys show' prints on that installation.\n"
        )
    elif action == "list":
        peers = (*services.identity.trusted(), *services.identity.revoked())
        if args.json:
            _print_json([_peer_json(peer) for peer in peers], out)
            return EXIT_OK
        if not peers:
            out.write("No trusted installations yet.\n")
        for peer in peers:
            flag = "  (revoked)" if peer.revoked else ""
            out.write(f"{peer.fingerprint}  {peer.device_id}  {peer.name}{flag}\n")
    else:
        peer = services.identity.revoke(args.device_id)
        out.write(f"Revoked: {peer.name} (device {peer.device_id})\n")
    return EXIT_OK


def _read_passphrase(path: Path) -> str:
    from kommunpolis.domain.errors import InvalidInput

    try:
        with path.open("rb") as stream:
            data = stream.read(4096)
        text = data.decode("utf-8").splitlines()[0] if data else ""
    except OSError as error:
        raise InvalidInput("passphrase-file", f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InvalidInput("passphrase-file", f"{path}: not UTF-8 text") from None
    if not text:
        raise InvalidInput("passphrase-file", f"{path}: the first line is empty")
    return text


def _cmd_export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.sync.bundle import Passphrase

    _own_identity(services)
    recipients: Sequence[uuid.UUID] | Passphrase
    if args.passphrase_file is not None:
        recipients = Passphrase(_read_passphrase(args.passphrase_file))
    else:
        recipients = args.to
    summary = services.exchange.export(
        args.path, recipients, full=args.full, include_police_only=args.include_police_only
    )
    total = sum(summary.counts.values())
    to = _recipient_names(services, summary.marked)
    out.write(f"Bundle written: {summary.path} ({summary.size} bytes)\n")
    out.write(f"Bundle id: {summary.bundle_id} (number {summary.sequence} from this device)\n")
    if summary.kind == "full":
        out.write(f"Full export to {to}: {total} records (tombstones included)\n")
    elif summary.first_export:
        out.write(f"First export to {to}: {total} records (tombstones included)\n")
    elif total:
        records = "record" if total == 1 else "records"
        out.write(f"{total} {records} changed since the last export to {to}\n")
    else:
        out.write(
            f"Nothing changed since the last export to {to}; "
            "the bundle only carries its sequence number\n"
        )
    for table, count in summary.counts.items():
        if count:
            out.write(f"  {table:<24} {count:>8}\n")
    if summary.police_only_included:
        out.write("Police-only sources are INCLUDED.\n")
    out.write("Read back and verified: safe to unplug.\n")
    return EXIT_OK


def _recipient_names(services: Services, keys: Sequence[str]) -> str:
    """Return the recipients as people know them: trusted names, or the passphrase."""
    from kommunpolis.sync.bundle import PASSPHRASE_RECIPIENT

    own = services.identity.public()
    names: list[str] = []
    for key in keys:
        if key == PASSPHRASE_RECIPIENT:
            names.append("the passphrase holder")
            continue
        device_id = uuid.UUID(key)
        peer = services.identity.peer(device_id)
        if peer is not None:
            names.append(peer.name)
        elif device_id == own.device_id:
            names.append(f"{own.name} (this installation)")
        else:
            names.append(key)
    return ", ".join(names)


def _cmd_verify(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    _own_identity(services)
    passphrase = None
    if args.passphrase_file is not None:
        passphrase = _read_passphrase(args.passphrase_file)
    bundle = services.exchange.verify(args.path, passphrase=passphrase)
    bundle.close()  # only the manifest is shown; no unpacked attachments are kept
    manifest = bundle.manifest
    if args.json:
        _print_json({**manifest.to_json(), "verified": True}, out)
        return EXIT_OK
    origin = "this installation" if bundle.sender_is_self else "a trusted installation"
    out.write(
        f"Bundle:    {args.path}: valid, signed by {origin}\n"
        f"Format:    {manifest.format} ({manifest.kind})\n"
        f"Bundle id: {manifest.bundle_id}\n"
        f"Sequence:  {manifest.sequence} (since revision {manifest.since_revision})\n"
        f"Created:   {manifest.created.isoformat()}\n"
        f"Sender:    {manifest.sender_name} (device {manifest.sender_device_id}, "
        f"fingerprint {manifest.sender_fingerprint})\n"
        f"For:       {', '.join(manifest.recipients)}\n"
        f"Police-only sources included: {'yes' if manifest.police_only_included else 'no'}\n"
        f"Records:   {sum(manifest.counts.values())}\n"
    )
    for table, count in manifest.counts.items():
        if count:
            out.write(f"  {table:<24} {count:>8}\n")
    return EXIT_OK


def _cmd_import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    _own_identity(services)
    passphrase = None
    if args.passphrase_file is not None:
        passphrase = _read_passphrase(args.passphrase_file)
    if args.receipt is not None and args.dry_run:
        from kommunpolis.domain.errors import InvalidInput

        raise InvalidInput("--receipt", "a dry run imports nothing to give a receipt for")
    report = services.importing.import_bundles(
        args.paths,
        dry_run=args.dry_run,
        passphrase=passphrase,
        allow_mass_delete=args.allow_deletes,
    )
    if report.applied:
        # The lägesbild's months the import changed are counted now, not in the next one.
        services.situation.update_counts()
    receipt = None
    if args.receipt is not None:
        received = [o.bundle_id for o in report.bundles if o.receipt is None]
        if received:
            receipt = services.exchange.write_receipt(args.receipt, received)
    if args.json:
        _print_json(
            {
                "applied": report.applied,
                "bundles": [
                    {
                        "path": str(outcome.path),
                        "bundle_id": str(outcome.bundle_id),
                        "sender": {
                            "device_id": str(outcome.sender_device),
                            "name": outcome.sender_name,
                        },
                        "sequence": outcome.sequence,
                        "recipient_sequence": outcome.recipient_sequence,
                        "already_imported": outcome.already_imported.isoformat()
                        if outcome.already_imported
                        else None,
                        "counts": dict(outcome.counts),
                        "tables": {k: dict(v) for k, v in outcome.tables.items()},
                        "conflicts": [_conflict_json(c) for c in outcome.conflicts],
                    }
                    for outcome in report.bundles
                ],
                "gaps": [_gap_json(gap) for gap in report.gaps],
                "receipt": str(receipt.path) if receipt else None,
            },
            out,
        )
        return EXIT_OK
    verb = "would be" if not report.applied else "were"
    for outcome in report.bundles:
        out.write(f"{outcome.path}: from {outcome.sender_name}, bundle {outcome.sequence}\n")
        if outcome.already_imported is not None:
            when = outcome.already_imported.astimezone().strftime("%Y-%m-%d %H:%M")
            out.write(f"  already imported {when}; nothing changed\n")
            continue
        if outcome.receipt is not None:
            for entry in outcome.receipt["bundles"]:
                out.write(
                    f"  receipt: your bundle {entry['sequence']} was imported "
                    f"{entry['imported_at'][:16].replace('T', ' ')} (UTC)\n"
                )
            continue
        counts = outcome.counts
        listed = ", ".join(
            f"{counts.get(name, 0)} {name}"
            for name in ("new", "updated", "unchanged", "conflicting", "deleted", "waiting")
        )
        out.write(f"  records {verb}: {listed}\n")
        if counts.get("released"):
            out.write(f"  {counts['released']} waiting records from earlier bundles let in\n")
        for conflict in outcome.conflicts:
            out.write(
                f"  conflict {conflict.id}: {conflict.table} {conflict.record_id} "
                f"'{conflict.field}' (kept for now: {conflict.winner} value)\n"
            )
    for gap in report.gaps:
        out.write(f"Missing: {_gap_text(gap)}\n")
    if not report.applied:
        out.write("Dry run: nothing was changed.\n")
    if receipt is not None:
        out.write(f"Receipt for {receipt.bundles} bundles written: {receipt.path}\n")
    return EXIT_OK


def _cmd_deliveries(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    deliveries = services.exchange.deliveries()
    if args.json:
        _print_json(
            [
                {
                    "receiver": {"device_id": str(d.receiver_device), "name": d.receiver_name},
                    "bundle_id": str(d.bundle_id),
                    "sequence": d.sequence,
                    "imported_at": d.imported_at.isoformat(),
                    "counts": dict(d.counts),
                }
                for d in deliveries
            ],
            out,
        )
        return EXIT_OK
    if not deliveries:
        out.write("No receipts have come back yet.\n")
    for d in deliveries:
        when = d.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        brought = ", ".join(f"{v} {k}" for k, v in d.counts.items() if v) or "nothing new"
        out.write(f"Bundle {d.sequence} imported by {d.receiver_name} {when}: {brought}\n")
    return EXIT_OK


def _gap_text(gap: Any) -> str:
    numbers = str(gap.first) if gap.first == gap.last else f"{gap.first}–{gap.last}"
    return f"bundle {numbers} from {gap.sender_name} (device {gap.sender_device})"


def _gap_json(gap: Any) -> dict[str, Any]:
    return {
        "sender": {"device_id": str(gap.sender_device), "name": gap.sender_name},
        "first": gap.first,
        "last": gap.last,
    }


def _conflict_json(conflict: Any) -> dict[str, Any]:
    return {
        "id": str(conflict.id),
        "table": conflict.table,
        "record_id": str(conflict.record_id),
        "field": conflict.field,
        "local_value": conflict.local_value,
        "incoming_value": conflict.incoming_value,
        "winner": conflict.winner,
        "sender_device": str(conflict.sender_device),
        "detected_at": conflict.detected_at.isoformat(),
        "resolved_at": conflict.resolved_at.isoformat() if conflict.resolved_at else None,
        "resolution": conflict.resolution,
    }


def _cmd_received(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    senders = services.importing.senders()
    gaps = services.importing.gaps()
    if args.json:
        _print_json(
            {
                "senders": [
                    {
                        "device_id": str(sender.sender_device),
                        "name": sender.sender_name,
                        "bundles": sender.bundles,
                        "last_created": sender.last_created.isoformat(),
                        "last_imported": sender.last_imported.isoformat(),
                        "records": sender.records,
                        "open_conflicts": sender.open_conflicts,
                        "waiting": sender.waiting,
                    }
                    for sender in senders
                ],
                "gaps": [_gap_json(gap) for gap in gaps],
            },
            out,
        )
        return EXIT_OK
    if not senders:
        out.write("No bundles have been imported here.\n")
    for sender in senders:
        last = sender.last_imported.astimezone().strftime("%Y-%m-%d %H:%M")
        out.write(
            f"{sender.sender_name} ({sender.sender_device}): {sender.bundles} bundles, "
            f"last imported {last}, {sender.records} records brought, "
            f"{sender.open_conflicts} open conflicts, {sender.waiting} records waiting\n"
        )
    for gap in gaps:
        out.write(f"Missing: {_gap_text(gap)}\n")
    return EXIT_OK


def _cmd_conflicts(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    conflicts = services.importing.conflicts(include_resolved=args.all)
    if args.json:
        _print_json([_conflict_json(conflict) for conflict in conflicts], out)
        return EXIT_OK
    if not conflicts:
        out.write("No open conflicts.\n")
    for conflict in conflicts:
        kept = conflict.local_value if conflict.winner == "local" else conflict.incoming_value
        other = conflict.incoming_value if conflict.winner == "local" else conflict.local_value
        state = f" (resolved: {conflict.resolution})" if conflict.resolved_at else ""
        out.write(
            f"{conflict.id}: {conflict.table} {conflict.record_id} '{conflict.field}'{state}\n"
            f"  current: {json.dumps(kept, ensure_ascii=False)}\n"
            f"  other:   {json.dumps(other, ensure_ascii=False)}\n"
        )
    return EXIT_OK


def _cmd_resolve(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    conflict = services.importing.resolve(args.id, keep=args.keep)
    out.write(f"Conflict {conflict.id} resolved: kept the {args.keep} value.\n")
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _cmd_report(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from kommunpolis.domain.errors import InvalidInput
    from kommunpolis.services.documents import DocumentKind

    kind = DocumentKind(args.kind)
    if kind is not DocumentKind.FOLLOW_UP and (args.period_from or args.period_to):
        raise InvalidInput("--from/--to", "only the uppfoljning report takes a period")
    document = services.documents.build(
        kind, args.id, period_from=args.period_from, period_to=args.period_to
    )
    # Qt only here: every other command stays free of it.
    from kommunpolis.ui.documents import ensure_gui_application, write_pdf

    app = ensure_gui_application()
    written = write_pdf(document, args.output)
    del app
    pages = "page" if written.pages == 1 else "pages"
    out.write(f"Report written: {written.path} ({written.pages} {pages})\n")
    for gap in document.gaps:
        out.write(f"  missing: {gap.text}\n")
    return EXIT_OK


class _CheckFailed(KnownError):
    def __init__(self, path: Path, count: int) -> None:
        super().__init__(f"{path}: {count} problem(s) found")


COMMANDS: dict[str, Callable[[Services, argparse.Namespace, TextIO], int]] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "stats": _cmd_stats,
    "list": _cmd_list,
    "status": _cmd_status,
    "search": _cmd_search,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "keys": _cmd_keys,
    "export": _cmd_export,
    "verify": _cmd_verify,
    "import": _cmd_import,
    "deliveries": _cmd_deliveries,
    "received": _cmd_received,
    "conflicts": _cmd_conflicts,
    "resolve": _cmd_resolve,
    "purge": _cmd_purge,
    "retention": _cmd_retention,
    "secrecy": _cmd_secrecy,
    "report": _cmd_report,
}

# These work on the files alone, so they still help when the database cannot open.
FILE_COMMANDS: dict[str, Callable[[MaintenanceService, argparse.Namespace, TextIO], int]] = {
    "backups": _cmd_backups,
    "restore": _cmd_restore,
}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run one command; return the process exit code."""
    out = out or sys.stdout
    words = sys.argv[1:] if argv is None else list(argv)
    gui_only, data_dir = gui_request(words)
    if gui_only:
        # Straight to the window: the full parser would import the services first.
        from kommunpolis.app import run_gui

        return run_gui(resolve_paths(data_dir))
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    paths = resolve_paths(getattr(args, "data_dir", None))
    command = args.command or "gui"
    try:
        if command == "gui":
            from kommunpolis.app import run_gui

            return run_gui(paths)
        if command == "screenshots":
            from kommunpolis.ui.screenshots import render_screenshots

            for written in render_screenshots(args.directory):
                out.write(f"{written}\n")
            return EXIT_OK
        from kommunpolis.composition import build_maintenance, build_services

        if command in FILE_COMMANDS:
            return FILE_COMMANDS[command](build_maintenance(paths), args, out)
        services = build_services(paths, busy_timeout_ms=_busy_timeout_ms())
        try:
            return COMMANDS[command](services, args, out)
        finally:
            services.close()
    except KnownError as error:
        print(f"kommunpolis: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kommunpolis: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR

"""The submission's long operations, each one call into the core, run by the context's workers.

Each function takes the workspace (and the task handle for progress and
cancel) and returns plain values; the views decide what to show. Nothing here
signs, hashes, renders or uploads by itself: the core modules do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from parDesk.ui.workers import TaskHandle
from parDesk.workspace import Workspace

if TYPE_CHECKING:  # the sync client is imported when the officer sends, not when the window opens
    from parDesk.sync.worker import SyncReport


@dataclass(frozen=True)
class SubmitState:
    """What the submit screen shows besides the validation report (read on the database thread)."""

    identity: Any  # parDesk.identity.CertInfo | None
    packages: tuple[Any, ...]  # parDesk.package.submission.PackageRecord
    outbox: tuple[Any, ...]  # parDesk.sync.outbox.OutboxItem
    locked: bool
    registered: bool


def read_submit_state(ws: Workspace, with_identity: bool, with_package: bool, with_sync: bool) -> SubmitState:
    info = ws.identity.info() if with_identity else None
    pkgs: tuple[Any, ...] = ()
    if with_package:
        from parDesk.package.submission import packages

        pkgs = tuple(packages(ws))
    items: tuple[Any, ...] = ()
    registered = False
    if with_sync:
        from parDesk.sync import outbox

        items = tuple(outbox.items(ws))
        registered = bool(outbox.get_state(ws, "server_cert"))
    return SubmitState(info, pkgs, items, ws.assessment().status != "draft", registered)


def create_identity(ws: Workspace, passphrase: str) -> Any:
    from parDesk.identity import UnitSubject

    unit = ws.unit()
    return ws.identity.create(UnitSubject(unit.name, unit.admin_code, unit.province), passphrase)


def import_identity(ws: Workspace, p12: Path, password: str, passphrase: str) -> Any:
    return ws.identity.import_pkcs12(p12.read_bytes(), password, passphrase)


def sign_and_package(ws: Workspace, passphrase: str, handle: TaskHandle) -> Any:
    """Decrypt the key, freeze, sign, lock and queue the assessment (``build_submission``)."""
    from parDesk.package.submission import build_submission

    signer = ws.identity.signer(passphrase)
    return build_submission(ws, signer, progress=lambda done, total: handle.progress(done, total),
                            cancelled=lambda: handle.cancelled)


def find_tokens(module: str) -> list[Any]:
    """Tokens behind a PKCS#11 module with their certificates, no PIN (``pkcs11_token.list_tokens``)."""
    from parDesk.signing.pkcs11_token import list_tokens

    return list_tokens(module)


def sign_with_token(ws: Workspace, module: str, token_serial: str, fingerprint: str, pin: str | None,
                    handle: TaskHandle) -> Any:
    """Log in to the token once, freeze, sign the forms and the package on it, lock (``build_submission``).

    Runs on the slow pool: a driver that shows its own PIN window (``pin=None``) blocks this thread,
    never the window. The PIN is used once here and not kept.
    """
    from parDesk.package.submission import build_submission
    from parDesk.signing.pkcs11_token import open_signer, remember_choice

    with open_signer(module, token_serial=token_serial or None, fingerprint=fingerprint or None,
                     pin=pin) as signer:
        remember_choice(ws.identity_dir, module, token_serial, fingerprint)
        return build_submission(ws, signer, progress=lambda done, total: handle.progress(done, total),
                                cancelled=lambda: handle.cancelled)


def save_signature_images(ws: Workspace, leader: Path | None, seal: Path | None, seal_mm: float) -> Any:
    """The leader's signature and the seal, chosen once, kept in the workspace (``SignatureImages``)."""
    from parDesk.package.signed_forms import SignatureImages

    images = SignatureImages(ws.identity_dir)
    if leader is not None:
        images.set_leader_signature(leader.read_bytes())
    if seal is not None:
        images.set_seal(seal.read_bytes(), seal_mm)
    return images.load()


def read_spreadsheet(ws: Workspace, path: Path) -> tuple[list[Any], list[Any], list[str]]:
    """Answers filled in offline: (changes, errors naming sheet!cell, dry-run lines). Nothing is written."""
    from parDesk.reports import describe_changes, read_answers_xlsx

    current = {code: (a.inputs or None) for code, a in ws.answers().items()}
    changes, errors = read_answers_xlsx(path, ws.framework, current=current)
    return changes, errors, describe_changes(changes, current) if not errors else []


def import_spreadsheet(ws: Workspace, changes: list[Any], source: str) -> Any:
    """Apply a checked spreadsheet's answers in one transaction (``Workspace.import_inputs``)."""
    return ws.import_inputs(changes, source=source)


def open_new_version(ws: Workspace) -> Any:
    """Version n+1 from the locked version n, to answer the province's requests (``submission.reopen``)."""
    from parDesk.package.submission import reopen

    return reopen(ws)


def copy_for_usb(package: Any, folder: Path, handle: TaskHandle) -> Path:
    """Copy the signed package (a ``PackageRecord``) to a removable disk: the core's ``copy_package``
    (fsync, rename, re-read and hash where it landed), with progress; the province imports it as is."""
    from parDesk.fsutil import copy_package

    return copy_package(Path(package.path), folder, package.sha256, progress=handle.progress)


class _RenderForm(Protocol):
    """What the three printed forms' renderers have in common (each has more keyword options)."""

    def __call__(self, snapshot: Any, out_path: Path, *, lang: str) -> object: ...


def print_forms(ws: Workspace, folder: Path, lang: str, handle: TaskHandle) -> list[Path]:
    """The checklist, the scoring table and the letter, as PDF, rendered by the core's reports."""
    from parDesk.reports import render_checklist, render_letter, render_table
    from parDesk.snapshot import build_snapshot

    snap = build_snapshot(ws)
    unit = ws.unit().admin_code
    year = ws.assessment().year
    out = []
    steps: list[tuple[_RenderForm, str]] = [(render_table, f"{unit}-{year}-bang-diem.pdf"),
                                            (render_checklist, f"{unit}-{year}-tlkc.pdf"),
                                            (render_letter, f"{unit}-{year}-cong-van.pdf")]
    for i, (render, name) in enumerate(steps):
        handle.progress(i, len(steps))
        render(snap, folder / name, lang=lang)
        out.append(folder / name)
    handle.progress(len(steps), len(steps))
    return out


def export_spreadsheet(ws: Workspace, path: Path, lang: str, handle: TaskHandle) -> Path:
    from parDesk.reports import export_xlsx
    from parDesk.snapshot import build_snapshot

    handle.check()
    export_xlsx(build_snapshot(ws), path, ws.framework, lang=lang)
    return path


def send_now(ws: Workspace, handle: TaskHandle) -> SyncReport:
    """One sync pass (upload the outbox, collect receipts, pull the feed)."""
    import threading

    from parDesk.sync.worker import SyncWorker

    cancel = threading.Event()

    def progress(p: Any) -> None:
        if handle.cancelled:
            cancel.set()
        if p.total:
            handle.progress(p.done, p.total)

    return SyncWorker(ws, progress=progress, cancel=cancel).run_once()


@dataclass(frozen=True)
class Registration:
    """Where the unit stands with the province's server (sync's facts in the workspace settings), for the window."""

    server_url: str
    fingerprint: str
    status: str  # "" never registered; otherwise the server's word ("pending", "approved", ...)
    registration_id: str


def read_registration(ws: Workspace) -> Registration:
    from parDesk.sync import outbox

    get = outbox.get_state
    return Registration(get(ws, "server_url") or "", get(ws, "server_fingerprint") or "",
                        get(ws, "registration_status") or "", get(ws, "registration_id") or "")


def register_with_server(ws: Workspace, server_url: str, passphrase: str, fingerprint: str | None,
                         contact: str) -> Registration:
    """``pardesk sync register``: pin the server, make the sync key, send the signed binding."""
    from parDesk.sync.registration import register_unit

    register_unit(ws, server_url, passphrase, expected_fingerprint=fingerprint or None, contact=contact)
    return read_registration(ws)


def check_registration(ws: Workspace) -> Registration:
    """``pardesk sync status``: ask the server; install a certificate the province issued."""
    from parDesk.sync.registration import check_registration as check

    check(ws)
    return read_registration(ws)

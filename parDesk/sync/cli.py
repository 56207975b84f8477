"""``pardesk sync``, ``pardesk outbox``, ``pardesk receipt import``: sync from a terminal.

Exit status: 0 done; 1 something was refused or a permanent error stopped the
queue (the message says what to do); 3 the server could not be reached (try
again later — the outbox keeps everything, the upload resumes where it stopped).
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parDesk.i18n import register, t

EXIT_OFFLINE = 3

register({
    "synccli.registered": ("Đã gửi đăng ký (số {id}, trạng thái: {status}). Dấu vân tay máy chủ: {fp}",
                           "Registration sent (number {id}, status: {status}). Server fingerprint: {fp}"),
    "synccli.reg_status": ("Đăng ký: {status}", "Registration: {status}"),
    "synccli.done": ("Đồng bộ xong: {accepted} gói được chấp nhận, {refused} bị từ chối, {events} thông báo mới, "
                     "{appraisals} kết quả thẩm định",
                     "Sync done: {accepted} accepted, {refused} refused, {events} new events, {appraisals} appraisal "
                     "results"),
    "synccli.offline": ("Chưa đồng bộ được: {reason}", "Could not sync yet: {reason}"),
    "synccli.stopped": ("Đã dừng hàng đợi: {reason}", "The queue stopped: {reason}"),
    "synccli.empty": ("Hộp thư đi trống", "The outbox is empty"),
    "synccli.receipt": ("Đã nhập biên nhận: {text}", "Receipt imported: {text}"),
    "synccli.provisional": ("  phiên bản {version}: {text}", "  version {version}: {text}"),
    "synccli.progress": ("  gói #{id}: {state} {done}/{total} byte", "  package #{id}: {state} {done}/{total} bytes"),
})


def _passphrase(cli: Any) -> str:
    from parDesk.package.cli import _passphrase as ask

    return ask(cli)


def cmd_register(cli: Any) -> int:
    from parDesk.sync.registration import register_unit

    ws = cli.ws()
    result = register_unit(ws, cli.args.server, _passphrase(cli), expected_fingerprint=cli.args.fingerprint,
                           contact=cli.args.contact or "")
    from parDesk.sync import outbox

    fp = outbox.get_state(ws, "server_fingerprint") or ""
    cli.out(t("synccli.registered", id=result.get("registration_id"), status=result.get("status"), fp=fp),
            {**result, "server_fingerprint": fp})
    return 0


def cmd_reg_status(cli: Any) -> int:
    from parDesk.sync.registration import check_registration

    reg = check_registration(cli.ws()) or {"status": "unknown"}
    cli.out(t("synccli.reg_status", status=reg.get("status")), reg)
    return 0


def cmd_sync(cli: Any) -> int:
    from parDesk.sync import outbox
    from parDesk.sync.client import Permanent, Transient
    from parDesk.sync.worker import SyncProgress, SyncWorker

    ws = cli.ws()
    outbox.restart_stopped(ws)
    last: dict[int, str] = {}

    def progress(p: SyncProgress) -> None:
        if cli.json or p.outbox_id is None:
            return
        key = f"{p.state}:{p.done * 10 // max(p.total, 1)}"
        if last.get(p.outbox_id) != key:
            last[p.outbox_id] = key
            print(t("synccli.progress", id=p.outbox_id, state=p.state, done=p.done, total=p.total), file=sys.stderr)

    cancel = threading.Event()
    worker = SyncWorker(ws, progress=progress, cancel=cancel, chunk_size=cli.args.chunk_kib * 1024)
    try:
        if cli.args.watch:
            worker.watch(interval_s=cli.args.interval,
                         on_error=lambda e: print(t("synccli.offline", reason=e.message()), file=sys.stderr))
            return 0
        report = worker.run_once()
    except Permanent as exc:
        print(t("synccli.stopped", reason=exc.message()), file=sys.stderr)
        return 1
    except Transient as exc:
        print(t("synccli.offline", reason=exc.message()), file=sys.stderr)
        return EXIT_OFFLINE
    except KeyboardInterrupt:
        cancel.set()
        return 130
    data: dict[str, Any] = {"accepted": len(report.accepted), "refused": len(report.refused), "events": report.events,
                            "appraisals": report.appraisals, "bytes_sent": report.bytes_sent}
    # an acceptance resting on an unknown revocation status is said so, package by package (the signed receipt's mark)
    provisional = [(e.version, e.provisional()) for e in outbox.items(ws)
                   if e.id in report.accepted and e.provisional()]
    lines = [t("synccli.done", None, **data)]  # None: the current language
    lines += [t("synccli.provisional", version=v, text=text) for v, text in provisional]
    data["provisional"] = [{"version": v, "text": text} for v, text in provisional]
    cli.out("\n".join(lines), data)
    return 1 if report.refused else 0


def cmd_outbox(cli: Any) -> int:
    from parDesk.sync import outbox

    ws = cli.ws()
    entries = outbox.items(ws)
    if cli.args.history is not None:
        hist = outbox.history(ws, cli.args.history)
        cli.out(lambda: "\n".join(f"{h.at}  {h.state:10} {h.detail}" for h in hist), [h.model_dump() for h in hist])
        return 0
    if not entries:
        cli.out(t("synccli.empty"), [])
        return 0
    lines = []
    for e in entries:
        lines.append(f"#{e.id}  v{e.version}  {e.label():40}  {e.size:>12,} B  {e.sha256[:12]}…  {e.path.name}")
    data = [{"id": e.id, "version": e.version, "state": e.state, "percent": e.percent, "size": e.size,
             "sha256": e.sha256, "path": str(e.path), "last_error": e.last_error,
             "refused_reason": e.refused_reason, "receipt": e.receipt} for e in entries]
    cli.out(lambda: "\n".join(lines), data)
    return 0


def cmd_receipt_import(cli: Any) -> int:
    from cryptography.hazmat.primitives import serialization

    from parDesk.identity import load_certificates
    from parDesk.sync import outbox
    from parDesk.sync.receipts import parse_receipt, receipt_text
    from parDesk.sync.registration import pinned_server_cert
    from parDesk.sync.worker import apply_receipt

    ws = cli.ws()
    if cli.args.server_cert and pinned_server_cert(ws) is None:  # a unit that only ever uses USB
        cert = load_certificates(Path(cli.args.server_cert).read_bytes())[0]
        outbox.set_state(ws, server_cert=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))
    doc = parse_receipt(Path(cli.args.file).read_bytes())
    entry = apply_receipt(ws, doc, via="usb")
    text = receipt_text(doc["receipt"])
    cli.out(t("synccli.receipt", text=text), {"outbox": entry.id, "state": entry.state})
    return 0 if entry.state == "accepted" else 1


def register_commands(sub: argparse._SubParsersAction, add: Callable[..., argparse.ArgumentParser]) -> None:
    sp = add("sync", cmd_sync, "send the outbox to the province and fetch receipts and appraisals")
    sp.add_argument("--watch", action="store_true", help="keep running; retry with backoff until stopped")
    sp.add_argument("--interval", type=float, default=300.0, help="seconds between passes with --watch")
    sp.add_argument("--chunk-kib", type=int, default=2048, help="upload chunk size (KiB)")
    ss = sp.add_subparsers(dest="sync_command", metavar="ACTION")
    rp = add("register", cmd_register, "register this unit with the province server", ss)
    rp.add_argument("--server", required=True, help="the server's address, e.g. https://cchc.tinh.gov.vn")
    rp.add_argument("--fingerprint", help="the server key fingerprint the province published")
    rp.add_argument("--contact", help="a phone or e-mail the province can call")
    rp.add_argument("--passphrase-env", help="environment variable holding the signing key's passphrase")
    add("status", cmd_reg_status, "ask the server how the registration stands", ss)
    op = add("outbox", cmd_outbox, "packages waiting, sending, accepted or refused")
    op.add_argument("--history", type=int, metavar="ID", help="the history of one outbox entry")
    rc = sub.add_parser("receipt", help="receipts carried back on a USB stick")
    rcs = rc.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    ri = add("import", cmd_receipt_import, "import a receipt file from the province", rcs)
    ri.add_argument("file")
    ri.add_argument("--server-cert", help="the province server's certificate, if this unit never registered online")


__all__ = ["register_commands"]

"""`pardesk-server trust add|list|remove` and `pardesk-server units bind|certs`.

Kept beside :mod:`parDesk.sync.server.cli` (which only registers these) so the
trust-anchor and certificate-binding commands live with their module,
:mod:`parDesk.sync.server.certtrust`. The desk's page for binding calls the same
:class:`~parDesk.sync.server.certtrust.Bindings` functions.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError, register, t

register({
    "srvtrust.added": ("Đã thêm {count} chứng thư gốc tin cậy", "Added {count} trust anchor(s)"),
    "srvtrust.removed": ("Đã gỡ chứng thư gốc {subject}", "Removed trust anchor {subject}"),
    "srvtrust.bound": ("Đã gắn chứng thư số {subject} (số hiệu {serial}, cấp bởi {issuer}) với đơn vị {unit}",
                       "Bound certificate {subject} (serial {serial}, issued by {issuer}) to unit {unit}"),
    "srvtrust.bind_what": ("cần --cert TỆP hoặc --pending SỐ", "give --cert FILE or --pending NUMBER"),
    "srvtrust.unreadable": ("không đọc được tệp {path}: {reason}", "cannot read {path}: {reason}"),
    "srvtrust.policy": ("Khi không xác định được trạng thái thu hồi của chứng thư: {policy}",
                        "When a certificate's revocation status is unknown: {policy}"),
    "srvtrust.accept-provisionally": ("nhận tạm (có điều kiện)", "accept provisionally"),
    "srvtrust.refuse": ("từ chối", "refuse"),
})


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ParDeskError("srvtrust.unreadable", path=path, reason=exc.strerror or str(exc)) from None


def _store(args: argparse.Namespace) -> Any:
    from parDesk.sync.server.certtrust import TrustStore
    return TrustStore(Path(args.data) / "trust")


def _anchor_json(cert: Any) -> dict[str, Any]:
    from parDesk.identity import cert_info
    info = cert_info(cert)
    return {"subject": info.subject, "issuer": info.issuer, "serial": info.serial,
            "not_after": info.not_after.isoformat(), "fingerprint": info.fingerprint_sha256}


def _policy_line(args: argparse.Namespace) -> str:
    from parDesk.sync.server.certtrust import unknown_revocation_policy
    return t("srvtrust.policy", policy=t("srvtrust." + unknown_revocation_policy(args.data)))


def cmd_trust(args: argparse.Namespace, out: Callable[[argparse.Namespace, str, Any], None]) -> int:
    store = _store(args)
    if args.trust_command == "add":
        added = []
        for path in args.files:
            added.extend(store.add(_read(path), where=path))
        out(args, t("srvtrust.added", count=len(added)), [_anchor_json(c) for c in added])
    elif args.trust_command == "list":
        rows = [_anchor_json(c) for c in store.anchors()]
        lines = [f"{r['fingerprint'][:16]}  {r['subject']}  (→ {r['not_after'][:10]})" for r in rows]
        out(args, "\n".join([*lines, _policy_line(args)]), rows)
    elif args.trust_command == "policy":
        from parDesk.sync.server.certtrust import set_unknown_revocation_policy, unknown_revocation_policy
        if args.unknown_revocation:
            set_unknown_revocation_policy(args.data, args.unknown_revocation)
        out(args, _policy_line(args), {"unknown_revocation": unknown_revocation_policy(args.data)})
    else:
        cert = store.remove(args.fingerprint)
        out(args, t("srvtrust.removed", subject=_anchor_json(cert)["subject"]), _anchor_json(cert))
    return 0


def _binding_json(row: Any) -> dict[str, Any]:
    return {"id": row.id, "unit_code": row.unit_code, "state": row.state, "how": row.how, "subject": row.subject,
            "issuer": row.issuer, "serial": row.serial, "not_after": row.not_after, "fingerprint": row.fingerprint,
            "created_at": row.created_at, "bound_at": row.bound_at, "bound_by": row.bound_by}


def cmd_units_bind(args: argparse.Namespace, service: Any, out: Callable[..., None]) -> int:
    from parDesk.identity import load_certificates
    from parDesk.sync.server.certtrust import Bindings
    if bool(args.cert) == (args.pending is not None):
        raise ParDeskError("srvtrust.bind_what")
    cert = load_certificates(_read(args.cert), where=args.cert)[0] if args.cert else None
    row = Bindings(service).bind(args.code, cert=cert, pending_id=args.pending,
                                     by=args.by or os.environ.get("USER", "admin"))
    out(args, t("srvtrust.bound", subject=row.subject, serial=row.serial, issuer=row.issuer, unit=row.unit_code),
        _binding_json(row))
    return 0


def cmd_units_certs(args: argparse.Namespace, service: Any, out: Callable[..., None]) -> int:
    from parDesk.sync.server.certtrust import Bindings
    rows = [_binding_json(r) for r in Bindings(service).list(args.unit, "pending" if args.pending else None)]
    out(args, "\n".join(f"#{r['id']} {r['unit_code']} {r['state']:7} {r['subject']} — {r['issuer']} "
                        f"serial {r['serial']}" for r in rows), rows)
    return 0


def register_commands(sub: Any, units: Any, add: Callable[..., Any], service_of: Callable[..., Any],
                      out: Callable[..., None]) -> None:
    """Add the parsers; ``service_of(args)`` opens the server service, ``out`` prints (human / --json)."""

    def with_service(func: Callable[..., int]) -> Callable[[argparse.Namespace], int]:
        def run(args: argparse.Namespace) -> int:
            service = service_of(args)
            try:
                return func(args, service, out)
            finally:
                service.close()
        return run

    trust = sub.add_parser("trust", help="trust anchors: the national root, the Government CA, licensed CAs")
    ts = trust.add_subparsers(dest="trust_command", required=True)
    sp = add("add", lambda a: cmd_trust(a, out), "add CA certificate file(s) as trust anchors", ts)
    sp.add_argument("files", nargs="+")
    add("list", lambda a: cmd_trust(a, out), "list the trust anchors", ts)
    sp = add("remove", lambda a: cmd_trust(a, out), "remove a trust anchor (SHA-256 fingerprint prefix)", ts)
    sp.add_argument("fingerprint")
    sp = add("policy", lambda a: cmd_trust(a, out), "the province's policy when a certificate's revocation "
             "status cannot be obtained (shown without an option)", ts)
    sp.add_argument("--unknown-revocation", choices=["accept-provisionally", "refuse"])

    sp = add("bind", with_service(cmd_units_bind), "bind a CA-issued certificate to a unit "
             "(renewals with the same subject from the same CA then follow automatically)", units)
    sp.add_argument("code")
    sp.add_argument("--cert", help="the certificate file (PEM/DER)")
    sp.add_argument("--pending", type=int, help="the number of a pending certificate (see 'units certs --pending')")
    sp.add_argument("--by")
    sp = add("certs", with_service(cmd_units_certs), "CA-issued certificates seen or bound, per unit", units)
    sp.add_argument("--unit")
    sp.add_argument("--pending", action="store_true", help="only certificates waiting to be bound")


__all__ = ["register_commands"]

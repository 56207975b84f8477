"""Receipts: the server's signed statement that a package arrived, and its verdict.

A receipt file is JSON::

    {"format": "pardesk-receipt/1",
     "receipt": {unit, unit_name, package_sha256, size, version, submission_id,
                 framework_hash, year, received_at, verdict, reasons, channel, server
                 [, provisional: {revocation: "unknown", reasons}]},
     "signature": base64(DER detached CMS over canonical_json(receipt)),
     "signer": PEM of the server certificate}

The signature is a standard detached CMS made with the server's key, so
``openssl cms -verify -binary -inform DER -content receipt.json -CAfile server.pem``
can check it too (after writing ``canonical_json(receipt)`` to a file).

``provisional`` is present only on a package accepted *provisionally*: its
signer's certificate chains to an anchor and is bound to the unit, but its
revocation status could not be determined (CRL and OCSP unreachable) and the
province's policy (``pardesk-server trust policy --unknown-revocation
accept-provisionally``) accepts such packages. It is inside the signed body,
so the mark cannot be stripped without breaking the signature; receipts
written before the field existed simply have none (:func:`provisional_text`
is then empty). The
client checks it against the server certificate it pinned at registration
(:func:`verify_receipt`); the certificate inside the file is informative only.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parDesk.i18n import ParDeskError, register
from parDesk.models.framework import canonical_json
from parDesk.signing.cms import sign_detached, verify_detached_cms
from parDesk.sync.protocol import key_fingerprint

FORMAT = "pardesk-receipt/1"

register({
    "receipt.more_reasons": ("và {count} lý do khác", "and {count} more reasons"),
    "receipt.malformed": ("tệp biên nhận không đúng định dạng ({detail})", "the receipt file is malformed ({detail})"),
    "receipt.bad_signature": ("chữ ký trên biên nhận không hợp lệ hoặc không phải của máy chủ tỉnh đã đăng ký",
                              "the receipt's signature is not valid or not from the registered province server"),
    "receipt.wrong_unit": ("biên nhận dành cho đơn vị {other}, không phải {unit}",
                           "the receipt is for unit {other}, not {unit}"),
    "receipt.unknown_package": ("biên nhận cho gói {sha} không khớp gói nào trong hộp thư đi",
                                "the receipt for package {sha} matches no package in the outbox"),
})


MAX_REASONS = 50        # a receipt names at most this many refusal reasons (then "and N more")
MAX_PARAM_CHARS = 200   # each parameter of a reason, in characters


def _clip(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_PARAM_CHARS else text[:MAX_PARAM_CHARS] + "…"


def reason_dicts(errors: list[ParDeskError]) -> list[dict[str, Any]]:
    """Refusal reasons, rendered in both languages, keyed for the client to re-render.

    Bounded: whatever a package puts in a field that a reason quotes, a receipt (and every feed
    answer that carries it) stays small: parameters are clipped, the list is capped.
    """
    out = []
    for e in errors[:MAX_REASONS]:
        params = {k: _clip(v) for k, v in e.params.items()}
        # short values keep their type (a number may have a format spec); long ones become clipped text
        kept = {k: v if len(str(v)) <= MAX_PARAM_CHARS else params[k] for k, v in e.params.items()}
        clipped = ParDeskError(e.key, where=_clip(e.where) if e.where else e.where, **kept)
        out.append({"key": e.key, "where": clipped.where, "params": params,
                    "vi": clipped.message("vi")[:2000], "en": clipped.message("en")[:2000]})
    if len(errors) > MAX_REASONS:
        more = ParDeskError("receipt.more_reasons", count=len(errors) - MAX_REASONS)
        out.append({"key": more.key, "where": None, "params": {"count": str(len(errors) - MAX_REASONS)},
                    "vi": more.message("vi"), "en": more.message("en")})
    return out


def provisional_mark(problems: list[ParDeskError]) -> dict[str, Any]:
    """The receipt's ``provisional`` field: revocation unknown, with the reasons in both languages."""
    return {"revocation": "unknown", "reasons": reason_dicts(problems)}


def provisional_text(fields: dict[str, Any], lang: str | None = None) -> str:
    """"Accepted provisionally: …" for a receipt that carries the mark; "" for any other (old ones too)."""
    from parDesk.i18n import get_language, t

    mark = fields.get("provisional")
    if fields.get("verdict") != "accepted" or not isinstance(mark, dict):
        return ""
    lang = lang or get_language()
    reasons = "; ".join(str(r.get(lang) or r.get("vi") or "") for r in mark.get("reasons") or []
                        if isinstance(r, dict))
    return t("receipt.provisional", lang, reasons=reasons or t("receipt.provisional_no_detail", lang))


def sign_receipt(fields: dict[str, Any], key: Any, cert: x509.Certificate) -> dict[str, Any]:
    body = dict(fields)
    body.setdefault("server", key_fingerprint(cert))
    signature = sign_detached(canonical_json(body), key, cert)
    return {"format": FORMAT, "receipt": body, "signature": base64.b64encode(signature).decode("ascii"),
            "signer": cert.public_bytes(serialization.Encoding.PEM).decode("ascii")}


def parse_receipt(data: bytes | str | dict[str, Any]) -> dict[str, Any]:
    if isinstance(data, dict):
        doc = data
    else:
        try:
            doc = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ParDeskError("receipt.malformed", detail=str(exc)[:100]) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("receipt"), dict) \
            or not isinstance(doc.get("signature"), str):
        raise ParDeskError("receipt.malformed", detail="format")
    return doc


def verify_receipt(data: bytes | str | dict[str, Any], server_cert: x509.Certificate) -> dict[str, Any]:
    """The receipt's fields, if its signature is the pinned server's; else :class:`ParDeskError`."""
    doc = parse_receipt(data)
    try:
        signature = base64.b64decode(doc["signature"], validate=True)
    except ValueError:
        raise ParDeskError("receipt.malformed", detail="signature") from None
    result = verify_detached_cms(signature, canonical_json(doc["receipt"]), trusted=[server_cert])
    if not result.valid or result.trusted is not True or result.signer is None \
            or key_fingerprint(result.signer) != key_fingerprint(server_cert):
        raise ParDeskError("receipt.bad_signature")
    return doc["receipt"]


def receipt_text(fields: dict[str, Any], lang: str | None = None) -> str:
    """One line for a person: verdict, version, time, hash."""
    from parDesk.i18n import t

    if fields.get("verdict") == "accepted":
        line = t("receipt.accepted_line", lang, version=fields.get("version"), at=fields.get("received_at"),
                 sha=str(fields.get("package_sha256"))[:12])
        note = provisional_text(fields, lang)
        return f"{line} — {note}" if note else line
    reasons = "; ".join(r.get(lang or "vi") or r.get("vi", "") for r in fields.get("reasons", []))
    return t("receipt.refused_line", lang, version=fields.get("version"), reasons=reasons)


register({
    "receipt.accepted_line": ("Tỉnh đã nhận và chấp nhận phiên bản {version} lúc {at} (gói {sha}…)",
                              "The province received and accepted version {version} at {at} (package {sha}…)"),
    "receipt.refused_line": ("Tỉnh từ chối phiên bản {version}: {reasons}",
                             "The province refused version {version}: {reasons}"),
    "receipt.provisional": ("CHẤP NHẬN TẠM THỜI: không xác định được trạng thái thu hồi của chứng thư số người ký "
                            "({reasons}); tỉnh nhận gói theo quy định cho trường hợp này",
                            "accepted PROVISIONALLY: the signer certificate's revocation status could not be "
                            "determined ({reasons}); the province accepts such packages by its policy"),
    "receipt.provisional_no_detail": ("không có chi tiết", "no detail"),
})

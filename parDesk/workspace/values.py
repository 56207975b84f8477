"""The plain values the service layer hands out, and the small helpers they need.

Why a module of their own: the window's models, the package builder and the
snapshot import these (``Change``, ``DocumentView``, ``UnitInfo``, ``fold``…)
without needing the service's session handling; and every part of
:class:`~parDesk.workspace.Workspace` (answers, evidence, undo, results)
builds them, so they sit below all of those parts. Everything here is frozen
or a pure function: a view handed to another thread cannot change under it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parDesk.evidence import nfc
from parDesk.i18n import ParDeskError, register
from parDesk.models.tables import Document
from parDesk.scoring import LostPoints, Totals
from parDesk.validation import LeafStatus

DB_NAME = "pardesk.sqlite"
IDENTITY_DIR = "identity"

register({
    "ws.not_found": ("không phải thư mục làm việc parDesk (không có {db})", "not a parDesk workspace (no {db})"),
    "ws.exists": ("thư mục đã có một không gian làm việc parDesk", "the folder already holds a parDesk workspace"),
    "ws.locked": ("bản tự đánh giá đã ký và khóa (phiên bản {version}); hãy mở phiên bản mới để sửa",
                  "the assessment is signed and locked (version {version}); open a new version to edit"),
    "ws.field_empty": ("không được để trống", "must not be empty"),
    "ws.admin_code": ("mã đơn vị hành chính phải gồm 5 chữ số, không phải {value!r}",
                      "the administrative code must be 5 digits, not {value!r}"),
    "ws.not_na": ("mục {code} không được khai báo là không áp dụng", "item {code} cannot be declared not applicable"),
    "ws.no_document": ("không có tài liệu số {id}", "no document number {id}"),
    "ws.not_linked": ("tài liệu {id} không gắn với mục {code}", "document {id} is not linked to item {code}"),
    "ws.bad_date": ("ngày không hợp lệ (cần YYYY-MM-DD hoặc DD/MM/YYYY): {value!r}",
                    "invalid date (expected YYYY-MM-DD or DD/MM/YYYY): {value!r}"),
    "ws.unknown_field": ("trường không rõ: {name}", "unknown field: {name}"),
    "ws.too_long": ("quá dài ({length} ký tự, tối đa {limit})", "too long ({length} character(s), at most {limit})"),
    "ws.nothing_to_undo": ("không có gì để hoàn tác", "nothing to undo"),
    "ws.nothing_to_redo": ("không có gì để làm lại", "nothing to redo"),
    "ws.survey": ("mục {code} do tỉnh chấm, xã không tự chấm",
                  "item {code} is scored by the province, not the commune"),
    "ws.not_locked": ("bản tự đánh giá chưa được ký nộp nên không cần mở phiên bản mới",
                      "the assessment has not been signed, so there is no new version to open"),
})

DOC_FIELDS = ("number", "issued_date", "issuer", "subject", "page_ref")
MAX_TEXT = 20_000


def default_workspace() -> Path:
    """The folder the window and the CLI open when none is given: ``$PARDESK_WORKSPACE``, else the user data folder."""
    env = os.environ.get("PARDESK_WORKSPACE")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("parDesk", appauthor=False)) / "workspace"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")

@dataclass(frozen=True)
class UnitInfo:
    admin_code: str
    name: str
    province: str
    leader_name: str = ""
    leader_title: str = "Chủ tịch"
    governing_body: str = ""
    place: str = ""
    officer_name: str = ""

    def validated(self) -> UnitInfo:
        clean = {k: nfc(str(getattr(self, k) or "")).strip() for k in self.__dataclass_fields__}
        for required in ("admin_code", "name", "province"):
            if not clean[required]:
                raise ParDeskError("ws.field_empty", where=required)
        if not (clean["admin_code"].isdigit() and len(clean["admin_code"]) == 5):
            raise ParDeskError("ws.admin_code", where="admin_code", value=clean["admin_code"])
        return UnitInfo(**clean)

    @property
    def short_name(self) -> str:
        lowered = self.name
        for prefix in ("Ủy ban nhân dân ", "UBND ", "Uỷ ban nhân dân "):
            if lowered.startswith(prefix):
                return lowered[len(prefix):]
        return lowered


@dataclass(frozen=True)
class Change:
    """What an operation changed, for views to decide what to refresh."""

    codes: frozenset[str] = frozenset()
    totals: bool = False
    documents: bool = False
    unit: bool = False
    assessment: bool = False


@dataclass(frozen=True)
class AnswerView:
    code: str
    inputs: dict[str, Any]
    score: Decimal | None
    not_applicable: bool
    explanation: str
    updated_by: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class DocumentView:
    id: int
    sha256: str
    size: int
    original_name: str
    media_type: str
    ext: str
    number: str
    issued_date: str
    issuer: str
    subject: str
    page_ref: str
    added_at: str
    codes: tuple[str, ...] = ()

    @property
    def missing_metadata(self) -> bool:
        return not (self.number and self.issued_date and self.issuer and self.subject)


@dataclass
class Summary:
    totals: Totals
    statuses: dict[str, LeafStatus]
    losing: list[LostPoints]
    evidence_count: dict[str, int]
    documents: int

    @property
    def problems(self) -> list[ParDeskError]:
        return [p for st in self.statuses.values() for p in st.problems]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _doc_view(d: Document, codes: tuple[str, ...]) -> DocumentView:
    return DocumentView(d.id or 0, d.sha256, d.size, d.original_name, d.media_type, d.ext, d.number,
                        d.issued_date, d.issuer, d.subject, d.page_ref, d.added_at, codes)


def _doc_dict(doc: Document) -> dict[str, Any]:
    return {k: getattr(doc, k) for k in ("sha256", "size", "original_name", "media_type") + DOC_FIELDS}


def parse_date(text: str) -> str:
    """Accept ISO dates and the Vietnamese DD/MM/YYYY; store ISO."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ParDeskError("ws.bad_date", where="issued_date", value=text)


def fold(text: str) -> str:
    """Lower case without diacritics, so "thu tuc" finds "thủ tục"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")

"""The names a person sees for the places an error points to.

Errors carry ``where`` for scripts and logs: a field name ("issued_date"), a leaf code with an input
("1.2.3.score"), a file of the workspace ("key.pem"). A person must read the label on the screen
instead: "Ngày ban hành", "Mục 1.2.3 › Điểm", "khóa ký số". :func:`where_label` makes that
translation for the window and the command line; None means "say nothing about where".
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from parDesk.i18n import get_language, register, t

register({
    # the unit (the wizard's and the Unit dialog's labels)
    "where.admin_code": ("Mã đơn vị hành chính", "Administrative code"),
    "where.name": ("Tên đơn vị", "Unit name"),
    "where.province": ("Tỉnh", "Province"),
    "where.leader_name": ("Họ tên lãnh đạo", "Leader's name"),
    "where.leader_title": ("Chức vụ lãnh đạo", "Leader's title"),
    "where.place": ("Địa danh ghi ngày tháng", "Place name for dates"),
    "where.officer_name": ("Cán bộ phụ trách", "Officer in charge"),
    # a document's details (the evidence panel's labels)
    "where.number": ("Số, ký hiệu", "Number"),
    "where.issued_date": ("Ngày ban hành", "Date issued"),
    "where.issuer": ("Cơ quan ban hành", "Issued by"),
    "where.subject": ("Trích yếu", "Subject"),
    "where.page_ref": ("Trang / mục", "Page / section"),
    # an item's inputs
    "where.item": ("Mục {code}", "Item {code}"),
    "where.explanation": ("Giải trình", "Explanation"),
    "where.done": ("Kết quả thực hiện", "Done"),
    "where.level": ("Mức", "Level"),
    "where.score": ("Điểm", "Score"),
    "where.violations": ("Số trường hợp vi phạm", "Number of cases"),
    "where.numerator": ("Số đạt yêu cầu", "Number meeting the requirement"),
    "where.denominator": ("Tổng số", "Total number"),
    # the workspace's own files, by what they hold
    "where.key_file": ("Khóa ký số", "The signing key"),
    "where.cert_file": ("Chứng thư số", "The certificate"),
    "where.csr_file": ("Yêu cầu cấp chứng thư số", "The certificate request"),
    "where.framework_file": ("Bộ chỉ số", "The framework"),
    "where.database": ("Dữ liệu của đơn vị", "The unit's data"),
})

FIELDS = ("admin_code", "name", "province", "leader_name", "leader_title", "place", "officer_name", "number",
          "issued_date", "issuer", "subject", "page_ref", "explanation", "done", "level", "score", "violations",
          "numerator", "denominator")
FILES = {"key.pem": "where.key_file", "public.pem": "where.key_file", "cert.pem": "where.cert_file",
         "chain.pem": "where.cert_file", "csr.pem": "where.csr_file", "framework.json": "where.framework_file",
         "pardesk.sqlite": "where.database", "workspace.sqlite": "where.database"}
_CODE = re.compile(r"^[A-Za-zĐđ]{0,4}\d+(?:\.\d+)*$")
_INTERNAL = re.compile(r"[a-z]+_[a-z_]+|\.(?:pem|sqlite|csr|der)$|^\$|\[\d+\]")


def field_label(field: str, leaf: Any = None, lang: str | None = None) -> str:
    """The label of an input or a detail; the framework's own words for ratio and deduction inputs."""
    rule = getattr(leaf, "rule", None)
    own = {"numerator": getattr(rule, "numerator_label", ""), "denominator": getattr(rule, "denominator_label", ""),
           "violations": getattr(rule, "violation_label", "")}.get(field, "")
    if own and own not in ("Tử số", "Mẫu số"):
        return own
    return t("where." + field, lang) if field in FIELDS else field


def where_label(where: str | None, lang: str | None = None, framework: Any = None) -> str | None:
    """``where`` as a person reads it, or None when it names nothing a person knows."""
    if not where:
        return None
    lang = lang or get_language()
    if where in FIELDS:
        return field_label(where, lang=lang)
    name = PurePath(where).name
    if name in FILES:
        return t(FILES[name], lang)
    code, _, field = where.rpartition(".")
    if code and field in FIELDS and _CODE.match(code):
        leaf = _leaf(framework, code)
        return t("where.item", lang, code=code) + " › " + field_label(field, leaf, lang)
    if _CODE.match(where) and any(ch.isdigit() for ch in where):
        return t("where.item", lang, code=where)
    if "/" in where or "\\" in where:
        return where  # a path the person typed or chose
    if _INTERNAL.search(where) or re.fullmatch(r"[a-z]+(?:\.[a-z]+)*", where):
        return None  # a JSON key or path ("format", "framework.hash"): nothing a person knows by that name
    return where  # a file the person chose, a spreadsheet cell: their own words


def _leaf(framework: Any, code: str) -> Any:
    try:
        return framework.leaf(code) if framework is not None else None
    except Exception:
        return None


def leaf_of(where: str | None, framework: Any) -> Any:
    """The leaf an error's ``where`` ("1.2.3" or "1.2.3.score") is about, if the framework has it."""
    if not where or framework is None:
        return None
    code, _, field = where.rpartition(".")
    return _leaf(framework, code if field in FIELDS and code else where)


def person_message(exc: Any, lang: str | None = None, framework: Any = None) -> str:
    """A core error for a person: the message, after the label of where it is (never a field or file name)."""
    from parDesk.i18n import ParDeskError, ValidationErrors

    lang = lang or get_language()
    if isinstance(exc, ValidationErrors):
        head = t("errors.many", lang, count=len(exc.errors))
        return head + "\n" + "\n".join("  - " + person_message(e, lang, framework) for e in exc.errors)
    if isinstance(exc, ParDeskError):
        params = dict(exc.params)
        if isinstance(params.get("field"), str):
            params["field"] = field_label(params["field"], leaf_of(exc.where, framework), lang)
        body = t(exc.key, lang, **params)
        body = body[:1].upper() + body[1:]
        label = where_label(exc.where, lang, framework)
        if label and " › " in label and label.rsplit(" › ", 1)[1] in body:
            label = label.rsplit(" › ", 1)[0]
        return f"{label}: {body}" if label else body
    return str(exc)

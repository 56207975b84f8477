"""What every report shares: the snapshot reader, durable writes, cancellation.

Reports render from the *snapshot* (the dict frozen as ``data/assessment.json``
in a submission package), never from the database, so the provincial server
can print exactly what the commune printed. The snapshot comes from another
program and perhaps another version of parDesk: it is read defensively, with
defaults for optional fields, and refused with a message only when its format
is not one this code understands.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parDesk.errors import Cancelled as Cancelled  # re-exported: the one cancel (parDesk.errors)
from parDesk.fsutil import atomic_write_bytes
from parDesk.i18n import ParDeskError, register
from parDesk.numfmt import fmt_percent
from parDesk.resources import resources_dir as resources_dir  # re-exported: one resources folder

SNAPSHOT_FORMAT = "pardesk-assessment/1"

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called from the rendering thread, done ≤ total."""

Cancel = Callable[[], bool]
"""``cancel()`` returns True to stop; a ``threading.Event`` works too."""

register({
    "rep.snapshot_format": ("dữ liệu đánh giá không đúng định dạng: {value!r} (cần {expected!r})",
                            "the assessment snapshot has an unsupported format: {value!r} (expected {expected!r})"),
    "rep.snapshot_type": ("dữ liệu đánh giá phải là một đối tượng JSON",
                          "the assessment snapshot must be a JSON object"),
    "rep.write_failed": ("không ghi được tệp: {reason}", "cannot write the file: {reason}"),
    "rep.font_missing": ("thiếu phông chữ {name} trong thư mục {folder}",
                         "font {name} is missing from {folder}"),
})


# ---------------------------------------------------------------------------
# Cancellation and progress


def make_cancel_check(cancel: Any) -> Callable[[], None]:
    """Turn a callable or an Event-like object into a function that raises."""
    if cancel is None:
        return lambda: None
    test = cancel.is_set if hasattr(cancel, "is_set") else cancel

    def check() -> None:
        if test():
            raise Cancelled()

    return check


# ---------------------------------------------------------------------------
# Durable output


def atomic_write(dest: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``dest`` so a crash leaves the old file or the new one.

    Temp file in the same folder, fsync, rename, fsync the folder: a printed
    form is often written straight into the submission folder, and a torn
    PDF there would be signed and sent.
    """
    dest = Path(dest)
    try:
        atomic_write_bytes(dest, data)  # the one durable write (parDesk.fsutil)
    except OSError as exc:
        raise ParDeskError("rep.write_failed", where=str(dest), reason=exc.strerror or str(exc)) from None
    return dest


def normalize_zip(data: bytes, rewrite: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Rewrite a zip (an .xlsx) with fixed timestamps and order, for reproducible bytes.

    openpyxl stamps every member with the current time; the same workbook
    saved twice then differs, which breaks package hashes and the committed
    template's review diff.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            body = src.read(info.filename)
            if rewrite is not None:
                body = rewrite(info.filename, body)
            dst.writestr(zi, body)
    return out.getvalue()


@dataclass(frozen=True)
class ReportResult:
    """What a renderer wrote: the file, its page count (PDF) and its size."""

    path: Path
    pages: int
    size: int
    #: where the signature block's room to sign landed: (page index, x0, y0, x1, y1) in PDF points, or None
    signature_box: tuple[int, float, float, float, float] | None = None


# ---------------------------------------------------------------------------
# Reading the snapshot


@dataclass
class Item:
    """One node of the snapshot's tree with its children attached."""

    raw: Mapping[str, Any]
    children: list[Item] = field(default_factory=list)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.raw.get(key, default)
        return default if value is None else value

    @property
    def code(self) -> str:
        return str(self.raw.get("code", ""))

    @property
    def title(self) -> str:
        return str(self.raw.get("title", "") or "")

    @property
    def kind(self) -> str:
        return str(self.raw.get("kind", "leaf"))

    @property
    def is_leaf(self) -> bool:
        return self.kind == "leaf"

    @property
    def block(self) -> str:
        return str(self.raw.get("block", "main") or "main")

    @property
    def evidence(self) -> list[Mapping[str, Any]]:
        ev = self.raw.get("evidence") or []
        return [e for e in ev if isinstance(e, Mapping)]

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class SnapshotView:
    """The snapshot as a tree: main areas, then the bonus and penalty items."""

    raw: Mapping[str, Any]
    areas: list[Item]
    bonus: list[Item]
    penalty: list[Item]
    by_code: dict[str, Item]

    @property
    def unit(self) -> Mapping[str, Any]:
        return self.raw.get("unit") or {}

    @property
    def framework(self) -> Mapping[str, Any]:
        return self.raw.get("framework") or {}

    @property
    def assessment(self) -> Mapping[str, Any]:
        return self.raw.get("assessment") or {}

    @property
    def totals(self) -> Mapping[str, Any]:
        return self.raw.get("totals") or {}

    @property
    def year(self) -> int | None:
        y = self.assessment.get("year") or self.framework.get("year")
        try:
            return int(y) if y is not None else None
        except (TypeError, ValueError):
            return None

    @property
    def print_year(self) -> int | None:
        """The year on an undated form ("ngày … tháng … năm 2026"): when the snapshot was frozen."""
        frozen = str(self.raw.get("frozen_at") or "")
        if len(frozen) >= 4 and frozen[:4].isdigit():
            return int(frozen[:4])
        return self.year

    @property
    def is_draft(self) -> bool:
        return self.assessment.get("status", "draft") != "locked"

    def leaves(self) -> Iterator[Item]:
        for area in self.areas:
            for it in area.walk():
                if it.is_leaf:
                    yield it
        yield from self.bonus
        yield from self.penalty

    def visit(self, *, node: Callable[[Item], None], leaf: Callable[[Item], None],
              block: Callable[[str, list[Item]], None]) -> None:
        """Walk the tree in document order: each area's nodes and leaves, then the bonus and penalty items.

        ``block(kind, items)`` is called before a non-empty bonus or penalty block ("bonus" / "penalty"),
        so a form can print its heading. The one walk every tabular form uses.
        """
        def walk(item: Item) -> None:
            if item.is_leaf:
                leaf(item)
                return
            node(item)
            for child in item.children:
                walk(child)

        for area in self.areas:
            walk(area)
        for kind, items in (("bonus", self.bonus), ("penalty", self.penalty)):
            if items:
                block(kind, items)
                for item in items:
                    walk(item)

    def evidence_count(self) -> int:
        return sum(len(it.evidence) for it in self.leaves())


def read_snapshot(snapshot: Any) -> SnapshotView:
    """Check the snapshot's format and index its items into a tree.

    Items are in document order with ``parent`` codes; a parent that is
    missing (an older or hand-edited snapshot) puts the item at the top of its
    block rather than dropping it — a form must never silently lose a line.
    """
    if not isinstance(snapshot, Mapping):
        raise ParDeskError("rep.snapshot_type")
    fmt = snapshot.get("format")
    if fmt != SNAPSHOT_FORMAT:
        raise ParDeskError("rep.snapshot_format", where="format", value=fmt, expected=SNAPSHOT_FORMAT)
    areas: list[Item] = []
    bonus: list[Item] = []
    penalty: list[Item] = []
    by_code: dict[str, Item] = {}
    for raw in snapshot.get("items") or []:
        if not isinstance(raw, Mapping):
            continue
        item = Item(raw)
        code = item.code
        parent = raw.get("parent")
        if code and code not in by_code:
            by_code[code] = item
        if item.block == "bonus" and (not parent or parent not in by_code):
            bonus.append(item)
        elif item.block == "penalty" and (not parent or parent not in by_code):
            penalty.append(item)
        elif parent and parent in by_code and by_code[parent] is not item:
            by_code[parent].children.append(item)
        else:
            areas.append(item)
    return SnapshotView(raw=snapshot, areas=areas, bonus=bonus, penalty=penalty, by_code=by_code)


NBSP = "\u00a0"
"""Between a number and its unit ("94,17 %", "12 điểm"): the forms' line breaker never splits there."""


def percent_text(value: Any, lang: str = "vi", blank: str = "") -> str:
    """A percentage on a form: "94,17 %" in Vietnamese (a non-breaking space), "94.17%" in English."""
    text = fmt_percent(value, lang=lang, blank="")
    if not text:
        return blank
    return text[:-1] + NBSP + "%" if lang != "en" else text


def na_word(lang: str = "vi") -> str:
    """How a not-applicable item's score is printed: a word, never 0."""
    return "N/A" if lang == "en" else "Không áp dụng"


def all_not_applicable(item: Item) -> bool:
    """True for a leaf marked not applicable, or a node all of whose leaves are."""
    if item.is_leaf:
        return bool(item.get("not_applicable")) or item.get("status") == "not_applicable"
    return bool(item.children) and all(all_not_applicable(c) for c in item.children)


def decision_title(title: str) -> str:
    """The framework's own name for "… ban hành Bộ Chỉ số …": without a "MẪU –" style prefix or suffix.

    A framework's title may carry a label before or after a dash ("MẪU – Bộ Chỉ số … (không phải văn bản
    chính thức)") and a parenthetical note; the letter names only what the decision issued.
    """
    parts = [p.strip() for p in re.split(r"\s+[–—-]\s+", title.strip()) if p.strip()]
    name = next((p for p in parts if p.lower().startswith("bộ ")), parts[0] if parts else "")
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or title.strip()


def issuing_body(unit: Mapping[str, Any]) -> str:
    """The unit's full name ("Ủy ban nhân dân xã Tân Lập"), never empty."""
    return str(unit.get("name") or unit.get("short_name") or unit.get("code") or "").strip()


def province_phrase(province: str) -> str:
    """``"Tỉnh Mẫu"`` → ``"tỉnh Mẫu"`` for use mid-sentence ("Sở Nội vụ tỉnh Mẫu")."""
    p = (province or "").strip()
    for prefix in ("Tỉnh ", "Thành phố ", "TP. "):
        if p.startswith(prefix):
            return prefix.lower() + p[len(prefix):] if prefix != "TP. " else "thành phố " + p[len(prefix):]
    return p

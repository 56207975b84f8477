"""A realistic demo workspace: a commune halfway through its self-assessment.

Everything in it goes through the service layer, exactly as an officer's work
would: the sample framework, real (small) PDF evidence documents with
Vietnamese text and metadata, scores on about two thirds of the items, a few
explanations, an item declared not applicable, and gaps left on purpose so the
"where are we losing points" list has something to say. Deterministic: the same
seed builds the same workspace.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from parDesk.models.framework import Leaf, load_framework
from parDesk.resources import font_path, framework_path
from parDesk.workspace import DB_NAME, UnitInfo, Workspace

DEMO_UNIT = UnitInfo(admin_code="10105", name="Ủy ban nhân dân xã Tân Lập", province="Tỉnh Mẫu",
                     leader_name="Nguyễn Văn An", leader_title="Chủ tịch", place="Tân Lập",
                     officer_name="Trần Thị Bình")

DOC_KINDS = [
    ("KH-UBND", "Kế hoạch", "Kế hoạch cải cách hành chính năm 2025"),
    ("BC-UBND", "Báo cáo", "Báo cáo kết quả thực hiện công tác cải cách hành chính"),
    ("QĐ-UBND", "Quyết định", "Quyết định kiện toàn Bộ phận Một cửa"),
    ("TB-UBND", "Thông báo", "Thông báo kết luận kiểm tra công tác cải cách hành chính"),
    ("KH-UBND", "Kế hoạch", "Kế hoạch tuyên truyền cải cách hành chính"),
    ("BC-UBND", "Báo cáo", "Báo cáo tình hình giải quyết thủ tục hành chính quý IV"),
]


def default_demo_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("parDesk", appauthor=False)) / "demo"


def ensure_demo_workspace(folder: Path | None = None, rebuild: bool = False) -> Path:
    """Return the demo workspace folder, building it first if needed."""
    folder = folder or default_demo_folder()
    if (folder / DB_NAME).is_file() and not rebuild:
        return folder
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    build_demo(folder)
    return folder


def make_pdf(path: Path, title: str, number: str, date: str, unit_name: str, body: str) -> None:
    """A one-page PDF that reads like a commune's document."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DemoSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DemoSerif", str(font_path("LiberationSerif-Regular.ttf"))))
        pdfmetrics.registerFont(TTFont("DemoSerif-Bold", str(font_path("LiberationSerif-Bold.ttf"))))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    w, h = A4
    c.setFont("DemoSerif-Bold", 12)
    c.drawCentredString(55 * mm, h - 25 * mm, unit_name.upper())
    c.drawCentredString(140 * mm, h - 25 * mm, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawCentredString(140 * mm, h - 31 * mm, "Độc lập - Tự do - Hạnh phúc")
    c.setFont("DemoSerif", 12)
    c.drawCentredString(55 * mm, h - 33 * mm, f"Số: {number}")
    c.drawCentredString(140 * mm, h - 40 * mm, date)
    c.setFont("DemoSerif-Bold", 14)
    c.drawCentredString(w / 2, h - 60 * mm, title.upper())
    c.setFont("DemoSerif", 13)
    y = h - 75 * mm
    for line in body.split("\n"):
        c.drawString(30 * mm, y, line)
        y -= 7 * mm
    c.showPage()
    c.save()


def build_demo(folder: Path, seed: int = 2025) -> Workspace:
    rng = random.Random(seed)
    fw = load_framework(framework_path("sample-xa-2025.json"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="pardesk-demo-"))
    try:
        ws = Workspace.create(folder, DEMO_UNIT, fw, actor=DEMO_UNIT.officer_name)
        docs_dir = staging / "docs"
        docs_dir.mkdir()
        leaves = [leaf for leaf in fw.leaves() if leaf.self_scored]
        made: list[int] = []
        for i, leaf in enumerate(leaves):
            roll = rng.random()
            if roll < 0.25:
                continue  # not started yet
            if leaf.can_be_na and roll < 0.32:
                ws.set_not_applicable(leaf.code)
                ws.set_explanation(leaf.code, "Trên địa bàn xã không phát sinh nội dung này trong năm đánh giá.")
                continue
            ws.set_inputs(leaf.code, _demo_inputs(leaf, rng))
            if roll < 0.85:
                if made and rng.random() < 0.2:
                    ws.link(leaf.code, rng.choice(made), page_ref=f"tr. {rng.randint(1, 9)}")
                else:
                    suffix, kind, subject = DOC_KINDS[i % len(DOC_KINDS)]
                    number = f"{rng.randint(3, 180)}/{suffix}"
                    day, month = rng.randint(1, 28), rng.randint(1, 12)
                    name = f"{kind} {number.replace('/', '-')} ({leaf.code}).pdf"
                    pdf = docs_dir / name
                    make_pdf(pdf, kind, number, f"Tân Lập, ngày {day:02d} tháng {month:02d} năm 2025",
                             DEMO_UNIT.name, f"{subject}.\nNội dung liên quan: {leaf.title[:70]}")
                    doc = ws.attach(leaf.code, pdf, number=number, issued_date=f"2025-{month:02d}-{day:02d}",
                                    issuer=DEMO_UNIT.name, subject=subject,
                                    page_ref=f"Mục {rng.choice(['I', 'II', 'III'])}, tr. {rng.randint(1, 5)}")
                    made.append(doc.id)
            else:
                ws.set_explanation(leaf.code, "Đơn vị đã thực hiện nhưng văn bản đang trình ký, sẽ bổ sung "
                                              "tài liệu kiểm chứng trước khi nộp.")
        return ws
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _demo_inputs(leaf: Leaf, rng: random.Random) -> dict[str, Any]:
    rule = leaf.rule
    if rule.kind == "yes_no":
        return {"done": rng.random() < 0.85}
    if rule.kind in ("ratio_tiers", "proportional"):
        den = rng.randint(40, 900)
        return {"numerator": den - rng.choice([0, 0, 0, 1, 3, den // 8]), "denominator": den}
    if rule.kind == "levels":
        return {"level": rng.choice(rule.levels[: max(1, len(rule.levels) - 1)]).id}
    if rule.kind == "manual":
        steps = int(leaf.max / rule.step)
        return {"score": str(rule.step * rng.randint(steps // 2, steps))}
    if rule.kind == "deductions":
        return {"violations": rng.choice([0, 0, 1, 2])}
    raise ValueError(rule.kind)

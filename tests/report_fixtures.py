"""Realistic assessment snapshots for the report tests and the benchmark.

The workspace service builds the real snapshot (``data/assessment.json``);
this module builds the same shape from a framework plus answers, through the
real scoring and validation code, so the reports are tested against numbers
the core would actually produce. It uses ``resources/frameworks/tiny-test.json``
or ``sample-xa-2025.json`` when another module ships them and otherwise its own
small framework covering every rule kind, a sub-group level, a not-applicable
item, survey items and the bonus / penalty blocks.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import random
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from parDesk.i18n import ParDeskError
from parDesk.models.framework import (
    Framework,
    Leaf,
    Node,
    load_framework,
    parse_framework,
)
from parDesk.scoring import LeafState, compute_totals, normalize_inputs
from parDesk.validation import leaf_status

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORKS = ROOT / "resources" / "frameworks"

LONG_TITLE = ("Tỷ lệ thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã được "
              "công khai đầy đủ, đúng quy định trên Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết "
              "thủ tục hành chính cấp tỉnh và tại Bộ phận Một cửa, bao gồm cả các thủ tục được sửa đổi, bổ sung, "
              "thay thế hoặc bãi bỏ trong năm đánh giá theo quyết định công bố của Chủ tịch Ủy ban nhân dân tỉnh")

FRAMEWORK_DICT: dict[str, Any] = {
    "format": "pardesk-framework/1",
    "id": "mau-xa-2025-test",
    "title": "Bộ Chỉ số cải cách hành chính cấp xã (bộ thử nghiệm)",
    "year": 2025,
    "unit_level": "xa",
    "province": "Tỉnh Mẫu",
    "decision": {"number": "2712/QĐ-UBND", "date": "2025-10-31", "issuer": "Ủy ban nhân dân tỉnh Mẫu"},
    "scale": "30",
    "rounding": {"places": 2, "mode": "half_up"},
    "rating_bands": [
        {"min_percent": 80, "label": "Tốt", "label_en": "Good"},
        {"min_percent": 70, "label": "Khá", "label_en": "Fair"},
        {"min_percent": 60, "label": "Trung bình", "label_en": "Average"},
        {"min_percent": 0, "label": "Yếu", "label_en": "Weak"},
    ],
    "areas": [
        {"code": "1", "title": "Công tác chỉ đạo, điều hành cải cách hành chính", "max": 10, "children": [
            {"code": "1.1", "title": "Kế hoạch cải cách hành chính năm", "max": 4, "children": [
                {"code": "1.1.1", "title": "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn", "max": 1,
                 "rule": {"kind": "yes_no", "description": "Ban hành trước ngày 15/01: 1 điểm; sau: 0 điểm"},
                 "evidence_hints": ["Kế hoạch CCHC năm"]},
                {"code": "1.1.2", "title": "Mức độ hoàn thành kế hoạch", "max": 2,
                 "rule": {"kind": "ratio_tiers", "numerator_label": "Số nhiệm vụ hoàn thành",
                          "denominator_label": "Tổng số nhiệm vụ",
                          "tiers": [{"min_percent": 100, "points": 2}, {"min_percent": 80, "points": 1}],
                          "else_points": 0}},
                {"code": "1.1.3", "title": "Điều chỉnh kế hoạch kịp thời", "max": 1,
                 "rule": {"kind": "levels", "levels": [
                     {"id": "a", "label": "Điều chỉnh kịp thời, đầy đủ", "points": 1},
                     {"id": "b", "label": "Có điều chỉnh nhưng chậm", "points": "0.5"},
                     {"id": "c", "label": "Không điều chỉnh", "points": 0}]}},
            ]},
            {"code": "1.2", "title": "Báo cáo cải cách hành chính", "max": 3, "children": [
                {"code": "1.2.1", "title": "Chất lượng báo cáo CCHC định kỳ", "max": "1.5",
                 "rule": {"kind": "manual", "step": "0.5"}},
                {"code": "1.2.2", "title": "Báo cáo đúng hạn", "max": "1.5",
                 "rule": {"kind": "deductions", "per_violation": "0.5", "floor": 0,
                          "violation_label": "Số báo cáo chậm"}},
            ]},
            {"code": "1.3", "title": "Kiểm tra cải cách hành chính", "max": 3, "children": [
                {"code": "1.3.1", "title": "Kiểm tra tại các bộ phận chuyên môn", "max": 2, "children": [
                    {"code": "1.3.1.1", "title": "Ban hành kế hoạch kiểm tra", "max": 1,
                     "rule": {"kind": "yes_no"}},
                    {"code": "1.3.1.2", "title": "Tỷ lệ bộ phận được kiểm tra", "max": 1,
                     "rule": {"kind": "proportional", "numerator_label": "Số bộ phận được kiểm tra",
                              "denominator_label": "Tổng số bộ phận", "rounding": {"places": 1, "mode": "down"}}},
                ]},
                {"code": "1.3.2", "title": "Xử lý vấn đề phát hiện qua kiểm tra", "max": 1, "can_be_na": True,
                 "rule": {"kind": "yes_no"}},
            ]},
        ]},
        {"code": "2", "title": "Cải cách thủ tục hành chính", "max": 12, "children": [
            {"code": "2.1", "title": "Giải quyết thủ tục hành chính", "max": 8, "children": [
                {"code": "2.1.1", "title": "Tỷ lệ hồ sơ giải quyết đúng hạn", "max": 4,
                 "rule": {"kind": "ratio_tiers", "numerator_label": "Số hồ sơ đúng hạn",
                          "denominator_label": "Tổng số hồ sơ đã giải quyết",
                          "tiers": [{"min_percent": 100, "points": 4}, {"min_percent": 95, "points": 3},
                                    {"min_percent": 90, "points": 2}], "else_points": 0}},
                {"code": "2.1.2", "title": "Tỷ lệ hồ sơ trực tuyến toàn trình", "max": 4,
                 "rule": {"kind": "proportional", "numerator_label": "Số hồ sơ trực tuyến",
                          "denominator_label": "Tổng số hồ sơ", "rounding": {"places": 2, "mode": "half_even"}}},
            ]},
            {"code": "2.2", "title": "Công khai thủ tục hành chính", "max": 4, "children": [
                {"code": "2.2.1", "title": LONG_TITLE, "max": 2, "can_be_na": True,
                 "rule": {"kind": "yes_no"}},
                {"code": "2.2.2", "title": "Niêm yết địa chỉ tiếp nhận phản ánh, kiến nghị", "max": 2,
                 "rule": {"kind": "manual", "step": "0.25"}},
            ]},
        ]},
        {"code": "3", "title": "Tác động của cải cách hành chính (điều tra xã hội học)", "max": 8, "children": [
            {"code": "3.1", "title": "Sự hài lòng của người dân", "max": 8, "children": [
                {"code": "3.1.1", "title": "Hài lòng về tiếp cận dịch vụ", "max": 4, "self_scored": False,
                 "rule": {"kind": "survey"}},
                {"code": "3.1.2", "title": "Hài lòng về kết quả giải quyết", "max": 4, "self_scored": False,
                 "rule": {"kind": "survey"}},
            ]},
        ]},
    ],
    "bonus": {"title": "Điểm thưởng", "cap": 2, "items": [
        {"code": "T1", "title": "Sáng kiến cải cách hành chính được công nhận", "max": 1,
         "rule": {"kind": "manual", "step": "0.5"}},
        {"code": "T2", "title": "Được khen thưởng về cải cách hành chính", "max": 1,
         "rule": {"kind": "yes_no"}, "requires_evidence": True},
    ]},
    "penalty": {"title": "Điểm trừ", "cap": 3, "items": [
        {"code": "TR1", "title": "Để xảy ra phản ánh, kiến nghị về thủ tục hành chính", "max": 1,
         "rule": {"kind": "manual", "step": "0.5"}, "requires_evidence": False},
        {"code": "TR2", "title": "Bị cơ quan có thẩm quyền phê bình về CCHC", "max": 1,
         "rule": {"kind": "yes_no"}, "requires_evidence": False},
    ]},
}

# A plausible set of answers for the small framework.
ANSWERS: dict[str, dict[str, Any]] = {
    "1.1.1": {"inputs": {"done": True}},
    "1.1.2": {"inputs": {"numerator": 9, "denominator": 10}},
    "1.1.3": {"inputs": {"level": "b"}, "explanation": "Kế hoạch được điều chỉnh ngày 20/7/2025, chậm 10 ngày."},
    "1.2.1": {"inputs": {"score": "1"}},
    "1.2.2": {"inputs": {"violations": 1}, "explanation": "Báo cáo quý III gửi chậm 2 ngày do mất điện kéo dài."},
    "1.3.1.1": {"inputs": {"done": True}},
    "1.3.1.2": {"inputs": {"numerator": 3, "denominator": 4}},
    "1.3.2": {"not_applicable": True},
    "2.1.1": {"inputs": {"numerator": 1225, "denominator": 1234}},
    "2.1.2": {"inputs": {"numerator": 431, "denominator": 1234}},
    "2.2.1": {"inputs": {"done": True}},
    "2.2.2": {"inputs": {"score": "1.75"},
              "explanation": "Đã niêm yết tại Bộ phận Một cửa; chưa đăng trên trang thông tin điện tử của xã "
                             "(giải trình: trang đang nâng cấp)."},
    "3.1.1": {"appraised": "3.5"},
    "T1": {"inputs": {"score": "0.5"}},
    "TR2": {"inputs": {"done": True}, "explanation": "Văn bản phê bình số 45/UBND-NV ngày 02/6/2025."},
}

ISSUERS = ["UBND xã Tân Lập", "Ủy ban nhân dân tỉnh Mẫu", "Sở Nội vụ tỉnh Mẫu", "Văn phòng HĐND và UBND xã"]
KINDS = [("KH", "Kế hoạch"), ("QĐ", "Quyết định"), ("BC", "Báo cáo"), ("TB", "Thông báo"), ("CV", "Công văn")]


def framework_dict() -> dict[str, Any]:
    return copy.deepcopy(FRAMEWORK_DICT)


def small_framework() -> Framework:
    return parse_framework(framework_dict(), "report-test.json")


def shipped_framework(name: str) -> Framework | None:
    """A framework another module ships in resources/frameworks, if it has landed."""
    path = FRAMEWORKS / name
    if path.exists():
        try:
            return load_framework(path)
        except ParDeskError:  # a half-written file from a concurrent change
            return None
    return None


def synthetic_framework(areas: int = 8, criteria: int = 5, leaves: int = 3) -> Framework:
    """A full-size framework (default 8 areas / 40 criteria / 120 leaves) for the benchmark."""
    kinds = ["yes_no", "ratio_tiers", "proportional", "levels", "manual", "deductions"]
    area_list = []
    n = 0
    for a in range(1, areas + 1):
        crits = []
        for c in range(1, criteria + 1):
            kids = []
            for k in range(1, leaves + 1):
                kind = kinds[n % len(kinds)]
                n += 1
                rule: dict[str, Any] = {"kind": kind}
                if kind == "ratio_tiers":
                    rule.update(tiers=[{"min_percent": 100, "points": 1}, {"min_percent": 90, "points": "0.5"}])
                elif kind == "levels":
                    rule.update(levels=[{"id": "a", "label": "Đạt", "points": 1},
                                        {"id": "b", "label": "Đạt một phần", "points": "0.5"},
                                        {"id": "c", "label": "Không đạt", "points": 0}])
                elif kind == "manual":
                    rule.update(step="0.25")
                elif kind == "deductions":
                    rule.update(per_violation="0.25", floor=0)
                kids.append({"code": f"{a}.{c}.{k}", "title": f"Tiêu chí thành phần {a}.{c}.{k} về nội dung "
                             f"cải cách hành chính lĩnh vực {a}", "max": 1, "rule": rule})
            crits.append({"code": f"{a}.{c}", "title": f"Tiêu chí {a}.{c}", "max": leaves, "children": kids})
        area_list.append({"code": str(a), "title": f"Lĩnh vực {a}", "max": criteria * leaves, "children": crits})
    raw = framework_dict()
    raw.update(id="synthetic", areas=area_list, scale=areas * criteria * leaves)
    return parse_framework(raw, "synthetic.json")


def default_answers(fw: Framework, seed: int = 7) -> dict[str, dict[str, Any]]:
    """Answers for any framework: the fixed ones where codes match, else random valid inputs."""
    if fw.id == FRAMEWORK_DICT["id"]:
        return copy.deepcopy(ANSWERS)
    rnd = random.Random(seed)
    out: dict[str, dict[str, Any]] = {}
    for leaf in fw.all_leaves():
        kind = leaf.rule.kind
        if kind == "survey" or rnd.random() < 0.1:
            continue
        if kind == "yes_no":
            inputs: dict[str, Any] = {"done": rnd.random() < 0.8}
        elif kind in ("ratio_tiers", "proportional"):
            den = rnd.randint(1, 500)
            inputs = {"numerator": rnd.randint(den * 8 // 10, den), "denominator": den}
        elif kind == "levels":
            inputs = {"level": rnd.choice(leaf.rule.levels).id}
        elif kind == "manual":
            steps = int(leaf.max / leaf.rule.step)
            inputs = {"score": str(leaf.rule.step * rnd.randint(0, steps))}
        else:
            inputs = {"violations": rnd.randint(0, 2)}
        out[leaf.code] = {"inputs": inputs}
        if rnd.random() < 0.3:
            out[leaf.code]["explanation"] = "Giải trình: số liệu lấy từ Hệ thống thông tin giải quyết TTHC tỉnh."
    return out


def make_evidence(code: str, i: int, rnd: random.Random, long_text: bool = False) -> dict[str, Any]:
    abbr, kind = KINDS[rnd.randrange(len(KINDS))]
    num = rnd.randint(1, 250)
    sha = hashlib.sha256(f"{code}-{i}-{num}".encode()).hexdigest()
    subject = f"{kind} về việc thực hiện nhiệm vụ cải cách hành chính năm 2025 (mục {code})"
    name = f"{kind} {num}-{abbr} CCHC.pdf"
    if long_text:
        subject = (subject + " — ") * 6
        name = "Tai_lieu_kiem_chung_scan_200dpi_" + "rat_dai_" * 12 + f"{i}.pdf"
    return {
        "sha256": sha, "file": f"data/evidence/{sha}.pdf", "original_name": name,
        "media_type": "application/pdf", "size": rnd.randint(50_000, 9_000_000),
        "number": f"{num}/{abbr}-UBND", "date": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
        "issuer": ISSUERS[rnd.randrange(len(ISSUERS))], "subject": subject,
        "page_ref": f"Mục {rnd.choice(['I', 'II', 'III'])}, tr. {rnd.randint(1, 12)}",
    }


def build_snapshot(fw: Framework | None = None, answers: Mapping[str, Mapping[str, Any]] | None = None, *,
                   docs_per_leaf: int | Iterable[int] = 2, total_docs: int | None = None,
                   status: str = "draft", long_text: bool = False, seed: int = 1,
                   appraisal: bool = False) -> dict[str, Any]:
    """A snapshot exactly as ``data/assessment.json`` will hold it.

    ``total_docs`` spreads that many evidence documents over the leaves that
    need evidence (for the 2,000-document benchmark); otherwise each leaf with
    inputs gets ``docs_per_leaf`` documents, except a few left without, so the
    "Chưa có tài liệu kiểm chứng" rows are exercised.
    """
    fw = fw or small_framework()
    answers = dict(answers if answers is not None else default_answers(fw))
    rnd = random.Random(seed)
    states: dict[str, LeafState] = {}
    for code, a in answers.items():
        appraised = a.get("appraised")
        states[code] = LeafState(inputs=a.get("inputs"), not_applicable=bool(a.get("not_applicable")),
                                 appraised=Decimal(appraised) if appraised is not None else None)
    totals = compute_totals(fw, states)

    leaves_needing = [lf for lf in fw.all_leaves()
                      if lf.requires_evidence and lf.self_scored and (answers.get(lf.code) or {}).get("inputs")]
    evidence: dict[str, list[dict[str, Any]]] = {}
    if total_docs is not None:
        for i in range(total_docs):
            leaf = leaves_needing[i % len(leaves_needing)]
            evidence.setdefault(leaf.code, []).append(make_evidence(leaf.code, i, rnd, long_text))
    else:
        for n, leaf in enumerate(leaves_needing):
            if n % 5 == 2:  # a gap every few leaves
                continue
            count = docs_per_leaf if isinstance(docs_per_leaf, int) else next(iter(docs_per_leaf))
            evidence[leaf.code] = [make_evidence(leaf.code, i, rnd, long_text) for i in range(count)]
    # The same document supporting two items: the checklist points back to it.
    if evidence.get("1.1.1") and "1.1.2" in evidence:
        evidence["1.1.2"].append(dict(evidence["1.1.1"][0]))

    items: list[dict[str, Any]] = []

    def dec(v: Decimal | None) -> str | None:
        if v is None:
            return None
        return str(v.quantize(Decimal(1))) if v == v.to_integral_value() else format(v.normalize(), "f")

    def add_leaf(leaf: Leaf, depth: int, parent: str | None, block: str) -> None:
        a = answers.get(leaf.code) or {}
        na = bool(a.get("not_applicable")) and leaf.can_be_na
        inputs = a.get("inputs")
        if inputs:
            with contextlib.suppress(ParDeskError):  # invalid inputs stay as given, as the database keeps them
                inputs = normalize_inputs(leaf, inputs)
        docs = evidence.get(leaf.code, [])
        explanation = a.get("explanation", "")
        if long_text and leaf.code in ("2.2.1", "1.1.2", "1.2.2"):
            explanation = ("Đơn vị giải trình chi tiết: " + LONG_TITLE + ". ") * 4
        st = leaf_status(leaf, inputs, na, len(docs), explanation)
        score = totals.leaf_scores.get(leaf.code)
        if na:
            max_app = Decimal(0)
        elif leaf.rule.kind == "survey" or not leaf.self_scored:
            max_app = leaf.max if score is not None else Decimal(0)
        else:
            max_app = leaf.max
        item = {"code": leaf.code, "title": leaf.title, "kind": "leaf", "block": block, "depth": depth,
                "parent": parent, "max": dec(leaf.max), "score": dec(score), "max_applicable": dec(max_app),
                "rule_kind": leaf.rule.kind, "self_scored": leaf.self_scored, "not_applicable": na,
                "inputs": inputs or {}, "explanation": explanation, "status": st.status,
                "requires_evidence": leaf.requires_evidence, "evidence": docs,
                "appraisal": ([{"round": 1, "score": dec(score), "comment": "Thống nhất",
                                "request_explanation": False}] if appraisal and score is not None else [])}
        items.append(item)

    def walk(node: Node | Leaf, depth: int, parent: str | None) -> None:
        if isinstance(node, Leaf):
            add_leaf(node, depth, parent, "main")
            return
        nt = totals.nodes[node.code]
        kind = "area" if depth == 0 else "criterion" if depth == 1 else "group"
        items.append({"code": node.code, "title": node.title, "kind": kind, "block": "main", "depth": depth,
                      "parent": parent, "max": dec(node.max), "score": dec(nt.score),
                      "max_applicable": dec(nt.max_applicable)})
        for child in node.children:
            walk(child, depth + 1, node.code)

    for area in fw.areas:
        walk(area, 0, None)
    for item in fw.bonus.items:
        add_leaf(item, 0, None, "bonus")
    for item in fw.penalty.items:
        add_leaf(item, 0, None, "penalty")

    return {
        "format": "pardesk-assessment/1",
        "unit": {"code": "12345", "name": "Ủy ban nhân dân xã Tân Lập", "short_name": "xã Tân Lập",
                 "province": "Tỉnh Mẫu", "governing_body": "", "place": "Tân Lập",
                 "leader_name": "Nguyễn Văn A", "leader_title": "Chủ tịch"},
        "framework": {"id": fw.id, "title": fw.title, "year": fw.year, "hash": fw.hash,
                      "decision": {"number": fw.decision.number, "date": fw.decision.date,
                                   "issuer": fw.decision.issuer}},
        "assessment": {"id": 1, "year": fw.year, "version": 1, "status": status, "previous_package_hash": None},
        "items": items,
        "totals": {"base": dec(totals.base), "bonus": dec(totals.bonus), "penalty": dec(totals.penalty),
                   "total": dec(totals.total), "max": dec(totals.max), "max_applicable": dec(totals.max_applicable),
                   "percent": str(totals.percent), "rating": totals.rating, "rating_en": totals.rating_en,
                   "completed": totals.completed, "to_score": totals.to_score},
        "frozen_at": "2026-01-05T08:00:00+07:00",
    }


# ---------------------------------------------------------------------------
# Random frameworks and answers: many shapes, for the workbook's parity with the core

_LABELS = ["Đạt đầy đủ, đúng hạn", "Đạt nhưng chậm", "Không đạt", "Ban hành kịp thời", "Có, một phần",
           "Thực hiện tốt", "Chưa thực hiện", "Hoàn thành 100%", "Trên 30 ngày"]
_BAND_LABELS = [("Xuất sắc", "Excellent"), ("Tốt", "Good"), ("Khá", "Fair"), ("Trung bình", "Average"),
                ("Yếu", "Weak")]


def _q(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))


def _random_rule(rnd: random.Random, mx: Decimal, code: str) -> dict[str, Any]:
    kind = rnd.choice(["yes_no", "ratio_tiers", "proportional", "levels", "manual", "deductions", "survey"])
    rule: dict[str, Any] = {"kind": kind}
    if kind in ("ratio_tiers", "proportional"):
        rule["numerator_label"] = "Số hồ sơ đúng hạn"
        rule["denominator_label"] = "Tổng số hồ sơ"
        rule["zero_denominator"] = rnd.choice(["max", "zero"])
    if kind == "ratio_tiers":
        cuts = sorted(rnd.sample(["100", "95", "90", "87.5", "80", "72.25", "66.67", "50"], rnd.randint(1, 4)),
                      key=Decimal, reverse=True)
        points = sorted((mx * Decimal(rnd.randint(0, 4)) / 4 for _ in cuts), reverse=True)
        rule["tiers"] = [{"min_percent": c, "points": _q(p)} for c, p in zip(cuts, points, strict=True)]
        rule["else_points"] = _q(min(points[-1], mx / 4 if rnd.random() < 0.3 else Decimal(0)))
    elif kind == "proportional" and rnd.random() < 0.7:
        rule["rounding"] = {"places": rnd.randint(0, 3), "mode": rnd.choice(["half_up", "half_even", "down", "up"])}
    elif kind == "levels":
        n = rnd.randint(2, 4)
        numeric = rnd.random() < 0.3
        ids = [str(i + 1) for i in range(n)] if numeric else rnd.sample(["a", "b", "c", "d", "tren30", "Duoi30"], n)
        labels = rnd.sample(_LABELS, n)
        rule["levels"] = [{"id": i, "label": lb, "points": _q(mx * Decimal(rnd.randint(0, 4)) / 4)}
                          for i, lb in zip(ids, labels, strict=True)]
    elif kind == "manual":
        rule["step"] = rnd.choice([s for s in ("0.05", "0.1", "0.25", "0.5", "1") if mx % Decimal(s) == 0])
    elif kind == "deductions":
        rule["per_violation"] = rnd.choice(["0.1", "0.25", "0.5", "1"])
        rule["floor"] = _q(rnd.choice([Decimal(0), Decimal(0), mx / 4, mx / 2]))
        rule["violation_label"] = "Số báo cáo chậm"
    return rule


def _random_leaf(rnd: random.Random, code: str) -> dict[str, Any]:
    mx = Decimal(rnd.choice(["0.5", "0.75", "1", "1", "1.25", "1.5", "2", "3", "4"]))
    rule = _random_rule(rnd, mx, code)
    leaf: dict[str, Any] = {"code": code, "title": f"Tiêu chí thành phần {code}", "max": _q(mx), "rule": rule,
                            "can_be_na": rnd.random() < 0.3}
    if rule["kind"] == "survey" or rnd.random() < 0.05:
        leaf["self_scored"] = False
    return leaf


def _random_node(rnd: random.Random, code: str, depth: int) -> dict[str, Any]:
    kids: list[dict[str, Any]] = []
    for i in range(1, rnd.randint(1, 4) + 1):
        child = f"{code}.{i}"
        if depth < 3 and (depth == 1 or rnd.random() < 0.35):
            kids.append(_random_node(rnd, child, depth + 1))
        else:
            kids.append(_random_leaf(rnd, child))
    total = sum((Decimal(str(k["max"])) for k in kids), Decimal(0))
    return {"code": code, "title": f"{'Lĩnh vực' if depth == 1 else 'Tiêu chí'} {code}", "max": _q(total),
            "children": kids}


def random_framework(seed: int) -> Framework:
    """A valid framework of random shape: 1-4 areas, trees up to 4 levels, every rule kind,
    not-applicable items, survey items, decimal maxima, thresholds and bands, bonus and
    penalty blocks whose caps are below the sum of their items."""
    rnd = random.Random(seed)
    areas = [_random_node(rnd, str(a), 1) for a in range(1, rnd.randint(1, 4) + 1)]
    scale = sum((Decimal(a["max"]) for a in areas), Decimal(0))

    def block(prefix: str) -> dict[str, Any]:
        items = []
        for i in range(1, rnd.randint(0, 3) + 1):
            leaf = _random_leaf(rnd, f"{prefix}{i}")
            if rnd.random() < 0.5 and leaf["rule"]["kind"] == "survey":
                leaf = {**leaf, "rule": {"kind": "yes_no"}, "self_scored": True}
            items.append(leaf)
        total = sum((Decimal(it["max"]) for it in items), Decimal(0))
        cap = total if rnd.random() < 0.3 else total / 2
        return {"title": "", "cap": _q(cap), "items": items}

    n_bands = rnd.randint(2, 5)
    cuts = sorted(rnd.sample(["95", "90", "80.5", "80", "72.25", "70", "60", "50"], n_bands - 1),
                  key=Decimal, reverse=True) + ["0"]
    bands = [{"min_percent": c, "label": vi, "label_en": en}
             for c, (vi, en) in zip(cuts, _BAND_LABELS[-n_bands:] if rnd.random() < 0.5 else _BAND_LABELS,
                                    strict=False)]
    raw = framework_dict()
    raw.update(id=f"random-{seed}", title=f"Bộ chỉ số ngẫu nhiên {seed}", scale=_q(scale), areas=areas,
               rounding={"places": rnd.randint(0, 3), "mode": rnd.choice(["half_up", "half_even", "down", "up"])},
               rating_bands=bands, bonus=block("T"), penalty=block("TR"))
    return parse_framework(raw, f"random-{seed}.json")


def random_answers(fw: Framework, rnd: random.Random) -> dict[str, dict[str, Any]]:
    """Random answers in the core's canonical form, heavy on the edges: a zero denominator,
    a numerator on a threshold, halfway proportional scores, deductions down to the floor,
    not-applicable items and survey items filled or not."""
    out: dict[str, dict[str, Any]] = {}
    for leaf in fw.all_leaves():
        kind = leaf.rule.kind
        a: dict[str, Any] = {}
        if leaf.can_be_na and rnd.random() < 0.25:
            a["not_applicable"] = True
        if kind == "survey" or not leaf.self_scored:
            if rnd.random() < 0.5:
                a["appraised"] = _q(leaf.max * Decimal(rnd.randint(0, 20)) / 20)
            out[leaf.code] = a
            continue
        if rnd.random() < 0.15:
            out[leaf.code] = a
            continue
        a["inputs"] = random_inputs(leaf, rnd)
        out[leaf.code] = a
    return out


def random_inputs(leaf: Leaf, rnd: random.Random) -> dict[str, Any]:
    kind = leaf.rule.kind
    if kind == "yes_no":
        return {"done": rnd.random() < 0.6}
    if kind in ("ratio_tiers", "proportional"):
        den = rnd.choice([0, 1, 3, 4, 7, 8, 16, 40, 200, 400, 1234, rnd.randint(1, 5000)])
        num = rnd.randint(0, den)
        if kind == "ratio_tiers" and leaf.rule.tiers and den and rnd.random() < 0.5:
            cut = rnd.choice(leaf.rule.tiers).min_percent  # on the threshold, or one below
            num = min(den, max(0, int(-(-cut * den // 100)) - rnd.randint(0, 1)))
        elif rnd.random() < 0.2:
            num = den
        return {"numerator": num, "denominator": den}
    if kind == "levels":
        return {"level": rnd.choice(leaf.rule.levels).id}
    if kind == "manual":
        steps = int(leaf.max / leaf.rule.step)
        return {"score": _q(leaf.rule.step * rnd.randint(0, steps))}
    return {"violations": rnd.randint(0, 12)}

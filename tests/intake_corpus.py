"""A corpus of Decree 30 documents with known fields, made with parDesk's own forms code.

Used by the intake tests (a fixed small sample) and by bench/bench_intake.py
(200+ documents). Every document is born-digital; :func:`rasterise` turns one
into a scan: rendered at 200 or 300 dpi, with noise, a slight skew and JPEG
compression, saved as an image-only PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Paragraph, Spacer

from parDesk.reports.decree30 import (
    build_pdf,
    closing_block,
    esc,
    national_header,
    styles,
    title_block,
)

ISSUERS = [  # (governing body, issuing body, place, code suffix)
    ("", "Ủy ban nhân dân xã Tân Lập", "Tân Lập", "UBND"),
    ("", "Ủy ban nhân dân phường Hòa Bình", "Hòa Bình", "UBND"),
    ("", "Ủy ban nhân dân xã Đông Sơn", "Đông Sơn", "UBND"),
    ("", "Ủy ban nhân dân thị trấn Phú Minh", "Phú Minh", "UBND"),
    ("", "Ủy ban nhân dân đặc khu Côn Đảo", "Côn Đảo", "UBND"),
    ("Ủy ban nhân dân tỉnh Mẫu", "Sở Nội vụ", "Mẫu", "SNV"),
    ("Ủy ban nhân dân tỉnh Mẫu", "Sở Tư pháp", "Mẫu", "STP"),
    ("Ủy ban nhân dân tỉnh Mẫu", "Sở Tài chính", "Mẫu", "STC"),
    ("Ủy ban nhân dân tỉnh Mẫu", "Sở Khoa học và Công nghệ", "Mẫu", "SKHCN"),
    ("Ủy ban nhân dân tỉnh Mẫu", "Văn phòng Ủy ban nhân dân", "Mẫu", "VP"),
    ("Ủy ban nhân dân xã Tân Lập", "Ban Chỉ đạo", "Tân Lập", "BCĐ"),
    ("Ủy ban nhân dân phường Hòa Bình", "Công an", "Hòa Bình", "CAP"),
    ("Ủy ban nhân dân huyện Đông Anh", "Phòng Nội vụ", "Đông Anh", "PNV"),
    ("Ủy ban nhân dân thành phố Long Xuyên", "Ủy ban nhân dân phường Mỹ Bình", "Mỹ Bình", "UBND"),
]

TYPES = [  # (type printed, code prefix)
    ("KẾ HOẠCH", "KH"), ("QUYẾT ĐỊNH", "QĐ"), ("BÁO CÁO", "BC"), ("THÔNG BÁO", "TB"), ("TỜ TRÌNH", "TTr"),
    ("CÔNG VĂN", ""), ("BIÊN BẢN", "BB"), ("CHƯƠNG TRÌNH", "CTr"),
]

SUBJECTS = [
    "Cải cách hành chính năm 2025",
    "Tuyên truyền cải cách hành chính năm 2025",
    "Kiểm tra công tác cải cách hành chính năm 2025 đối với các bộ phận chuyên môn và thôn, tổ dân phố",
    "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025",
    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2025",
    "Theo dõi tình hình thi hành pháp luật trên địa bàn năm 2025",
    "Kiểm soát thủ tục hành chính năm 2025",
    "Chuyển đổi số và phát triển chính quyền số năm 2025",
    "Thành lập Tổ kiểm tra công vụ năm 2025",
    "Ban hành Quy chế làm việc của Ủy ban nhân dân",
    "Công khai ngân sách nhà nước năm 2025",
    "Đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính",
    "Triển khai Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính",
    "Bồi dưỡng kỹ năng cho cán bộ, công chức cấp xã năm 2025",
]

LETTER_SUBJECTS = [
    "V/v báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính năm 2025",
    "V/v đề nghị thẩm định kết quả tự đánh giá Chỉ số CCHC năm 2025",
    "V/v tăng cường kỷ luật, kỷ cương hành chính",
    "V/v cung cấp tài liệu kiểm chứng",
    "V/v triển khai dịch vụ công trực tuyến toàn trình",
]

BODY = ("Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ các văn bản hướng dẫn của cấp trên, "
        "đơn vị xây dựng văn bản này với các nội dung sau đây để tổ chức thực hiện trên địa bàn. "
        "Các bộ phận chuyên môn, thôn, tổ dân phố có trách nhiệm triển khai thực hiện nghiêm túc.")


@dataclass
class Spec:
    name: str
    number: str  # "" when printed blank for the clerk
    code: str
    date: dt.date | None
    year: int
    governing: str
    issuer: str
    place: str
    doc_type: str  # "Kế hoạch" … or "Công văn"
    subject: str

    def truth(self) -> dict[str, str]:
        return {"number": self.number, "issued_date": self.date.isoformat() if self.date else "",
                "issuer": self.issuer, "doc_type": self.doc_type, "subject": self.subject}


def specs(n: int, seed: int = 30) -> list[Spec]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        gov, issuer, place, suffix = rng.choice(ISSUERS)
        type_upper, prefix = rng.choice(TYPES)
        year = rng.choice([2024, 2025, 2025, 2026])
        letter = type_upper == "CÔNG VĂN"
        code = f"{suffix}-VP" if letter and suffix == "UBND" else (suffix if letter else f"{prefix}-{suffix}")
        blank_number = rng.random() < 0.08
        number = "" if blank_number else f"{rng.randint(1, 350):02d}/{code}" if rng.random() < 0.4 \
            else f"{rng.randint(1, 350)}/{code}"
        if not blank_number and prefix == "QĐ" and rng.random() < 0.3:
            number = f"{rng.randint(1, 99):02d}/{year}/{code}"
        date = None if rng.random() < 0.08 else dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        if letter:
            subject = rng.choice(LETTER_SUBJECTS).replace("2025", str(year))
            doc_type = "Công văn"
        else:
            subject = rng.choice(SUBJECTS).replace("2025", str(year))
            doc_type = type_upper[:1] + type_upper[1:].lower()
        out.append(Spec(f"doc{i:03d}", number, code, date, year, gov, issuer, place, doc_type, subject))
    return out


def render(spec: Spec, out: Path) -> Path:
    """The document as a born-digital PDF; one in three drawn the way an e-office export places it."""
    if int(spec.name[-3:] or 0) % 3 == 2:
        return render_canvas(spec, out)
    return render_flow(spec, out)


def render_canvas(spec: Spec, out: Path) -> Path:
    """The Decree 30 layout drawn line by line, as e-office systems export it: other sizes, other offsets."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from parDesk.numfmt import place_date_line
    from parDesk.reports.decree30 import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

    register_fonts()
    rng = random.Random(spec.name)
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    w, h = A4
    left_c, right_c = (rng.uniform(52, 62) * mm, rng.uniform(132, 145) * mm)
    y = h - rng.uniform(15, 24) * mm
    size = rng.choice([12, 12.5, 13])
    lines_left: list[tuple[str, str]] = []
    if spec.governing:
        gov = spec.governing.upper()
        if (c.stringWidth(gov, FONT, size) > 75 * mm and " TỈNH " in gov) or " HUYỆN " in gov or " THÀNH PHỐ " in gov:
            head, _, tail = gov.partition(" ") if False else gov.rpartition(" TỈNH ") if " TỈNH " in gov else \
                gov.rpartition(" HUYỆN ") if " HUYỆN " in gov else gov.rpartition(" THÀNH PHỐ ")
            kind = gov[len(head) + 1:len(gov) - len(tail) - 1]
            lines_left += [(head, FONT), (f"{kind} {tail}", FONT)]
        else:
            lines_left.append((gov, FONT))
    name = spec.issuer.upper()
    if name.startswith("ỦY BAN NHÂN DÂN ") and (rng.random() < 0.6 or c.stringWidth(name, FONT_BOLD, size) > 68 * mm):
        lines_left += [("ỦY BAN NHÂN DÂN", FONT_BOLD), (name[len("ỦY BAN NHÂN DÂN "):], FONT_BOLD)]
    else:
        lines_left.append((name, FONT_BOLD))
    yy = y
    for text, font in lines_left:
        c.setFont(font, size)
        c.drawCentredString(left_c, yy, text)
        yy -= size * 1.25
    c.setFont(FONT_BOLD, size - 0.5)
    c.drawCentredString(right_c, y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.setFont(FONT_BOLD, size)
    c.drawCentredString(right_c, y - size * 1.25, "Độc lập - Tự do - Hạnh phúc")
    yy -= 4 * mm
    number = spec.number or ("\u00a0" * 7 + "/" + spec.code)
    c.setFont(FONT, size)
    c.drawCentredString(left_c, yy, f"Số: {number}")
    c.setFont(FONT_ITALIC, size)
    c.drawCentredString(right_c, yy, place_date_line(spec.place, spec.date, year=spec.year))
    yy -= size * 1.4
    if spec.doc_type == "Công văn":
        c.setFont(FONT, 12)
        words, line = spec.subject.split(), ""
        for word in words:
            if c.stringWidth(line + " " + word, FONT, 12) > 70 * mm:
                c.drawCentredString(left_c, yy, line.strip())
                yy -= 14
                line = ""
            line += " " + word
        c.drawCentredString(left_c, yy, line.strip())
        yy -= 24
        c.setFont(FONT, 14)
        c.drawCentredString(w / 2, yy, "Kính gửi: Sở Nội vụ tỉnh Mẫu.")
    else:
        yy -= 10 * mm
        c.setFont(FONT_BOLD, 14)
        c.drawCentredString(w / 2, yy, spec.doc_type.upper())
        yy -= 18
        c.setFont(FONT_BOLD, 14)
        words, line = spec.subject.split(), ""
        for word in words:
            if c.stringWidth(line + " " + word, FONT_BOLD, 14) > 150 * mm:
                c.drawCentredString(w / 2, yy, line.strip())
                yy -= 17
                line = ""
            line += " " + word
        c.drawCentredString(w / 2, yy, line.strip())
    yy -= 30
    c.setFont(FONT, 13)
    for k in range(0, len(BODY), 95):
        c.drawString(25 * mm, yy, BODY[k:k + 95])
        yy -= 18
    c.showPage()
    c.save()
    return out


def render_flow(spec: Spec, out: Path) -> Path:
    """The document laid out by parDesk's Decree 30 forms code."""
    st = styles()
    unit = {"governing_body": spec.governing, "name": spec.issuer, "place": spec.place,
            "leader_title": "Chủ tịch", "leader_name": "Nguyễn Văn An"}
    letter = spec.doc_type == "Công văn"
    header = national_header(unit, number=spec.number or None, number_suffix=spec.code, date=spec.date,
                             year=spec.year, subject=spec.subject if letter else None)
    story: list = [header]
    if letter:
        story += [Spacer(1, 8), Paragraph(esc("Kính gửi: Sở Nội vụ tỉnh Mẫu."), st.body)]
    else:
        story += title_block(st, spec.doc_type.upper(), [spec.subject])
    story += [Paragraph(esc(BODY), st.body), Paragraph(esc(BODY), st.body)]
    story.append(closing_block(unit, ["Như trên", "Lưu: VT"]))
    build_pdf(out, story, landscape=False, title=spec.subject)
    return out


def rasterise(pdf_path: Path, out: Path, dpi: int, seed: int = 0, skew: float | None = None,
              jpeg_quality: int = 70) -> Path:
    """Page 1 (and the rest) as a scan: ``dpi``, grain, a slight skew, JPEG, in an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(str(pdf_path))
    pages = []
    for i in range(len(pdf)):
        img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = skew if skew is not None else rng.uniform(-0.8, 0.8)
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        noise = Image.effect_noise(img.size, 18).point(lambda v: 255 if v > 110 else 225)
        img = Image.composite(img, noise, img.point(lambda v: 255 if v < 200 else 0))
        img = img.filter(ImageFilter.GaussianBlur(0.3))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=jpeg_quality)
        pages.append(Image.open(io.BytesIO(buf.getvalue())))
    pdf.close()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return out


def score(found: dict[str, str], truth: dict[str, str]) -> dict[str, str]:
    """Per field: "right", "wrong" (a value that is not the truth) or "miss" (no value where one was due).

    A field with no truth (a blank number or date) is "right" only when nothing was proposed.
    """
    out = {}
    for key, want in truth.items():
        got = found.get(key, "")
        if got == want:
            out[key] = "right"
        elif not got:
            out[key] = "miss"
        else:
            out[key] = "wrong"
    return out

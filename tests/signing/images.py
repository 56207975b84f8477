"""The two images a unit chooses: a blue signature on transparent PNG, a red round seal (Pillow, made here)."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

FONT = "resources/fonts/LiberationSerif-Bold.ttf"


def leader_signature_png() -> bytes:
    img = Image.new("RGBA", (900, 360), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    blue = (20, 40, 190, 255)
    pts = [(60 + x, 200 + 90 * math.sin(x / 55.0) * math.exp(-x / 700)) for x in range(0, 760, 4)]
    d.line(pts, fill=blue, width=11, joint="curve")
    d.line([(120, 290), (760, 110)], fill=blue, width=7)
    d.ellipse([560, 60, 700, 200], outline=blue, width=8)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def seal_png(text: str = "ỦY BAN NHÂN DÂN XÃ TÂN LẬP") -> bytes:
    size = 720
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (210, 20, 30, 235)
    d.ellipse([8, 8, size - 8, size - 8], outline=red, width=18)
    d.ellipse([70, 70, size - 70, size - 70], outline=red, width=6)
    font = ImageFont.truetype(FONT, 54)
    for i, ch in enumerate(text):
        angle = math.pi * (1.15 - 1.3 * i / max(1, len(text) - 1))
        x = size / 2 + (size / 2 - 40) * 0.86 * math.cos(angle)
        y = size / 2 - (size / 2 - 40) * 0.86 * math.sin(angle)
        d.text((x, y), ch, fill=red, font=font, anchor="mm")
    d.regular_polygon((size / 2, size / 2, 90), 5, fill=red)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()

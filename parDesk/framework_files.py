"""Reading a framework from whatever file a province hands out: JSON, or its filled XLSX template.

One entry point for the window's wizard, ``pardesk init`` and ``pardesk framework show``, so all of
them accept the same files and say the same thing about a wrong one (never a raw decoding error).
Also: whether a framework is another province's than the unit's, so both can warn.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from parDesk.i18n import ParDeskError, register
from parDesk.models.framework import Framework, load_framework

register({
    "fwfile.not_framework": ("Tệp này không phải tệp bộ chỉ số: hãy chọn tệp JSON hoặc tệp Excel (XLSX) theo "
                             "mẫu của tỉnh.",
                             "This is not a framework file: choose the province's JSON file or its filled Excel "
                             "(XLSX) template."),
    "fwfile.other_province": ("Bộ chỉ số này của {fw_province}, còn đơn vị thuộc {unit_province}. Văn bản gửi đi "
                              "sẽ dẫn quyết định của {fw_province} nhưng gửi Sở Nội vụ {unit_province}. Hãy kiểm "
                              "tra lại tỉnh của đơn vị hoặc chọn đúng bộ chỉ số của tỉnh mình.",
                              "This framework is {fw_province}'s, and the unit is in {unit_province}. The letter "
                              "would cite {fw_province}'s decision but go to {unit_province}'s Department of Home "
                              "Affairs. Check the unit's province, or choose your own province's framework."),
})

_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"


def is_spreadsheet(path: Path) -> bool:
    """An XLSX by its name or by its first bytes (a workbook renamed .json is still a workbook)."""
    if path.suffix.lower() in _XLSX_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == _ZIP_MAGIC
    except OSError:
        return False


def read_framework_file(path: str | Path) -> Framework:
    """The framework in ``path``: a parDesk JSON framework or the province's filled XLSX template."""
    path = Path(path)
    if is_spreadsheet(path):
        from parDesk.reports.xlsx import framework_from_xlsx

        if path.suffix.lower() in _XLSX_SUFFIXES:
            return framework_from_xlsx(path)
        import shutil
        import tempfile

        with tempfile.TemporaryDirectory(prefix="pardesk-fw-") as tmp:  # a workbook renamed .json
            copy = Path(tmp) / (path.stem + ".xlsx")
            shutil.copyfile(path, copy)
            return framework_from_xlsx(copy)
    try:
        head = path.read_bytes()[:65536]
    except OSError:
        return load_framework(path)  # its own message says the file cannot be read
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the 64 KiB boundary
            raise ParDeskError("fwfile.not_framework", where=path.name) from None
    return load_framework(path)


def _province_key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).strip().casefold()
    text = re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", text)
    return re.sub(r"\s+", " ", text)


def other_province(fw: Framework, unit_province: str) -> ParDeskError | None:
    """A warning when the framework names a province and it is not the unit's; None when they agree."""
    if fw.sample or not fw.province or not unit_province.strip():
        return None  # the shipped sample is for learning, from no real province
    if _province_key(fw.province) == _province_key(unit_province):
        return None
    return ParDeskError("fwfile.other_province", fw_province=fw.province.strip(), unit_province=unit_province.strip())

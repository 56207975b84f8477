"""The signed submission package: a zipped BagIt bag with a detached CMS signature.

* :mod:`parDesk.package.bag` writes it (streaming, deterministic, durable);
* :mod:`parDesk.package.verify` checks it (zip safety first, then bag, then signature);
* :mod:`parDesk.package.zipsafe` decides whether a zip may be read at all.

Qt-free: the app, the CLI and the provincial server run this same code.
"""

from parDesk.package.bag import (
                                 STORED_EXTENSIONS,
                                 BuildResult,
                                 Cancelled,
                                 PayloadEntry,
                                 build_package,
                                 compress_type_for,
)
from parDesk.package.verify import VerifyContext, VerifyReport, check_unit_code, verify_package
from parDesk.package.zipsafe import ZipLimits, inspect_zip, name_problem, open_safe

__all__ = [
    "STORED_EXTENSIONS", "BuildResult", "Cancelled", "PayloadEntry", "VerifyContext", "VerifyReport",
    "ZipLimits", "build_package", "check_unit_code", "compress_type_for", "inspect_zip", "name_problem",
    "open_safe", "verify_package",
]

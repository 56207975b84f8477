"""The checks a parDesk submission must pass beyond a valid signed bag.

:func:`verify_submission` is the one verification the app, `pardesk verify`
and the provincial server all run: zip safety, bag validity, the CMS signature
over the tag manifest, the signer's unit code against bag-info (all in
:func:`parDesk.package.verify.verify_package`), plus the recomputation of every
score from the package's own framework and inputs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Sequence, Union

from cryptography import x509

from parDesk.i18n import ParDeskError, register
from parDesk.package.recompute import recompute_problems
from parDesk.package.verify import ExtraCheck, VerifyContext, VerifyReport, verify_package

ASSESSMENT = "data/assessment.json"
FRAMEWORK = "data/framework.json"
JSON_LIMIT = 64 * 1024 * 1024

register({
    "sub.missing_entry": ("thiếu {name} trong gói", "{name} is missing from the package"),
})


def check_scores(ctx: VerifyContext) -> Iterable[ParDeskError]:
    """Recomputed scores from framework + inputs must equal the claimed ones."""
    names = set(ctx.payload_names)
    missing = [n for n in (ASSESSMENT, FRAMEWORK) if n not in names]
    if missing:
        return [ParDeskError("sub.missing_entry", where=n, name=n) for n in missing]
    return recompute_problems(ctx.read(FRAMEWORK, JSON_LIMIT), ctx.read(ASSESSMENT, JSON_LIMIT),
                              ctx.report.bag_info)


def verify_submission(source: Union[Path, str, BinaryIO], *, trusted: Sequence[x509.Certificate] | None = None,
                      extra_checks: Sequence[ExtraCheck] = (), now: dt.datetime | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> VerifyReport:
    from parDesk.package.signed_forms import check_signed_forms
    return verify_package(source, trusted=trusted, extra_checks=[check_scores, check_signed_forms, *extra_checks],
                          now=now,
                          progress=progress, cancelled=cancelled)

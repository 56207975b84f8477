"""A token whose driver shows its own PIN window (protected authentication path), in the window.

The token is SoftHSM2 behind the test PKCS#11 module tests/signing/pkcs11_shim.c (compiled here with gcc):
it reports CKF_PROTECTED_AUTHENTICATION_PATH and its C_Login(NULL) blocks for seconds, as a driver does
while its PIN window is open, then logs in with the PIN "typed" there. Checked: the token dialog asks no PIN,
parDesk sends none (the shim counts C_Login calls with a NULL PIN), the window's event loop keeps ticking
while the worker is blocked in the driver (a QTimer's longest gap), the progress shows, and the signed
package lands — or, with a wrong PIN typed in the driver's window, the error does.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

sys.path.insert(0, str(Path(__file__).parents[1] / "signing"))

import pki
import shim as shimlib
import softhsm

LABEL = "Token cua so PIN rieng"
DELAY_MS = 2500
TICK_MS = 10


@pytest.fixture(scope="module")
def protected_token(tmp_path_factory):
    reason = shimlib.why_not()
    if reason:
        pytest.skip(reason)
    if not os.environ.get("SOFTHSM2_CONF"):
        softhsm.configure(tmp_path_factory.mktemp("softhsm-protected"))
    softhsm.init_token(LABEL)
    key = softhsm.generate_key(LABEL, "ky so", b"\x0b", "ec")
    root = pki.root_authority()
    mid = root.sub_authority("CA trung gian", "mid-protected")
    cert = mid.issue(pki.unit_name(), key.public_key)
    softhsm.store_certificate(LABEL, cert, b"\x0b", "chung thu")
    softhsm.store_certificate(LABEL, mid.cert, b"\xb0", "CA trung gian")
    return shimlib.make(tmp_path_factory.mktemp("shim-ui")), root, cert


@pytest.fixture()
def submit(ctx, qtbot, tmp_path):
    from test_wizard_submit import complete_tiny
    from uitools import wait_idle

    from parDesk.ui.features import Features
    from parDesk.ui.main_window import MainWindow

    ctx.features = Features.detect()
    complete_tiny(ctx.workspace, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    ctx.refresh()
    wait_idle(qtbot, ctx)
    win.tabs.setCurrentIndex(3)
    return win.submit


def _pick(dialog, qtbot):
    """Select this test's token certificate in the token dialog (the token folder holds other tests' too)."""
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=30_000)
    tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    top = next(t for t in tops if t.text(0).startswith(LABEL))
    signing = [top.child(i) for i in range(top.childCount())
               if top.child(i).flags() & Qt.ItemFlag.ItemIsSelectable]  # the unit's certificate, not the CA's
    assert len(signing) == 1
    dialog.tree.setCurrentItem(signing[0])
    return dialog.choice()


class Ticks:
    """A QTimer on the window's thread: when each tick ran, and whether the progress bar showed."""

    def __init__(self, submit) -> None:
        self.at: list[float] = []
        self.progress_seen = False
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: (self.at.append(time.monotonic()),
                                            setattr(self, "progress_seen", self.progress_seen or
                                                    submit.progress.isVisible())))
        self.timer.start(TICK_MS)

    def stop(self) -> None:
        self.timer.stop()

    def longest_gap_ms(self, start: float, end: float) -> float:
        inside = [t for t in self.at if start <= t <= end]
        points = [start, *inside, end]
        return 1000 * max(b - a for a, b in itertools.pairwise(points))


def test_protected_path_asks_no_pin_and_the_window_keeps_running_while_the_driver_waits(
        submit, qtbot, ctx, protected_token, monkeypatch):
    from uitools import wait_idle

    from parDesk.package.checks import verify_submission
    from parDesk.ui.dialogs.token_dialog import TokenDialog

    sh, root, cert = protected_token
    sh.configure(monkeypatch, protected=True, delay_ms=DELAY_MS, pad_pin=softhsm.PIN)
    dialog = TokenDialog(submit._list_tokens, sh.module, parent=submit)
    qtbot.addWidget(dialog)
    module, serial, fingerprint = _pick(dialog, qtbot)
    assert dialog.protected_path() and not dialog.pin.isEnabled()  # parDesk asks for no PIN
    assert "own window" in dialog.pin_note.text() or "cửa sổ" in dialog.pin_note.text()
    pin = dialog.take_pin()
    assert pin is None

    ticks = Ticks(submit)
    start = time.monotonic()
    with qtbot.waitSignal(submit.finished, timeout=180_000):
        submit.sign_with_token(module, serial, fingerprint, pin)
    end = time.monotonic()
    ticks.stop()
    wait_idle(qtbot, ctx)
    assert not submit.error.isVisible(), submit.error.text()
    assert sh.counts() == (0, 1, 1)  # one C_Login, with a NULL PIN: the driver asked, not parDesk
    assert end - start >= DELAY_MS / 1000  # the worker really waited in the driver
    blocked_until = start + DELAY_MS / 1000  # the driver's window: no CPU used, only waiting
    gap = ticks.longest_gap_ms(start, blocked_until)
    in_window = [t for t in ticks.at if start <= t <= blocked_until]
    print(f"driver blocked {DELAY_MS} ms: {len(in_window)} ticks of {TICK_MS} ms, longest gap {gap:.0f} ms; "
          f"whole signing {1000 * (end - start):.0f} ms, longest gap {ticks.longest_gap_ms(start, end):.0f} ms")
    assert gap < 250, f"the window's event loop stalled {gap:.0f} ms while the driver waited"
    assert len(in_window) >= DELAY_MS / TICK_MS / 4
    assert ticks.progress_seen  # the window showed progress while waiting
    assert ctx.workspace.assessment().status == "locked"
    report = verify_submission(Path(submit.sub.packages[-1].path), trusted=[root.cert])
    assert report.valid and report.signer == cert, [p.message("en") for p in report.problems]


def test_a_wrong_pin_in_the_drivers_window_shows_in_the_window_and_nothing_is_signed(
        submit, qtbot, ctx, protected_token, monkeypatch):
    from uitools import wait_idle

    from parDesk.signing.pkcs11_token import list_tokens

    sh, _root, _cert = protected_token
    sh.configure(monkeypatch, protected=True, delay_ms=800, pad_pin="000000")
    tok = next(t for t in list_tokens(sh.module) if t.label == LABEL)
    fp = next(c.info.fingerprint_sha256 for c in tok.certificates if c.can_sign)
    ticks = Ticks(submit)
    start = time.monotonic()
    with qtbot.waitSignal(submit.finished, timeout=60_000):
        submit.sign_with_token(sh.module, tok.serial, fp, None)
    ticks.stop()
    wait_idle(qtbot, ctx)
    assert ticks.longest_gap_ms(start, start + 0.8) < 250
    assert submit.error.isVisible() and "PIN" in submit.error.text(), submit.error.text()
    assert sh.counts() == (1, 1, 1)  # the one try the person made, not retried
    assert ctx.workspace.assessment().status == "draft"

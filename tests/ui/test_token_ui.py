"""The window's token signing: pick the token and certificate, type the PIN, sign off the GUI thread.

A real SoftHSM2 token (keys made on it, certificates from a test CA), the real submit view, clicks
and typing through pytest-qt; the package and its signed forms are checked by the core's verifier.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

sys.path.insert(0, str(Path(__file__).parents[1] / "signing"))

import images
import pki
import softhsm

LABEL = "Token UI"


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    if not softhsm.available():
        pytest.skip("softhsm2 is not installed")
    if not os.environ.get("SOFTHSM2_CONF"):
        softhsm.configure(tmp_path_factory.mktemp("softhsm-ui"))
    softhsm.init_token(LABEL)
    key = softhsm.generate_key(LABEL, "ky so", b"\x07", "ec")
    root = pki.root_authority()
    mid = root.sub_authority("CA trung gian", "mid-ui")
    cert = mid.issue(pki.unit_name(), key.public_key)
    softhsm.store_certificate(LABEL, cert, b"\x07", "chung thu")
    softhsm.store_certificate(LABEL, mid.cert, b"\x70", "CA trung gian")  # the chain rides on the token
    return root, cert


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


def test_token_dialog_lists_the_token_and_hands_over_the_pin_once(submit, qtbot, token):
    from parDesk.ui.dialogs.token_dialog import TokenDialog

    dialog = TokenDialog(submit._list_tokens, softhsm.MODULE, parent=submit)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.choice() is not None, timeout=30_000)
    tops = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any(LABEL in t and "SoftHSM" in t for t in tops)
    item = dialog.tree.selectedItems()[0]
    assert "Tân Lập" in item.text(0) and "CA trung gian" in item.text(1) and "–" in item.text(2)
    qtbot.keyClicks(dialog.pin, softhsm.PIN)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    module, serial, fingerprint = dialog.choice()
    assert module == softhsm.MODULE and serial and fingerprint
    assert dialog.take_pin() == softhsm.PIN and dialog.pin.text() == ""  # not kept by the dialog


def test_sign_on_the_token_off_the_gui_thread(submit, qtbot, ctx, token):
    from uitools import wait_idle

    from parDesk.package.checks import verify_submission
    from parDesk.signing import pades
    from parDesk.signing.pkcs11_token import list_tokens

    root, cert = token
    tok = next(t for t in list_tokens(softhsm.MODULE) if t.label == LABEL)
    fp = next(c.info.fingerprint_sha256 for c in tok.certificates if c.can_sign)
    assert submit.token_btn.isEnabled()

    with qtbot.waitSignal(submit.finished, timeout=60_000):
        submit.sign_with_token(softhsm.MODULE, tok.serial, fp, "000000")
    wait_idle(qtbot, ctx)
    assert submit.error.isVisible() and "PIN" in submit.error.text()
    assert ctx.workspace.assessment().status == "draft"  # nothing signed, nothing locked

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(submit.finished, timeout=120_000):
        submit.sign_with_token(softhsm.MODULE, tok.serial, fp, softhsm.PIN)
        assert submit.progress.isVisible() or submit._task is not None
    timer.stop()
    wait_idle(qtbot, ctx)
    assert not submit.error.isVisible(), submit.error.text()
    assert len(ticks) > 3  # the window kept running its event loop while the token signed
    assert ctx.workspace.assessment().status == "locked"
    path = Path(submit.sub.packages[-1].path)
    report = verify_submission(path, trusted=[root.cert])
    assert report.valid and report.signer == cert, [p.message("en") for p in report.problems]
    with zipfile.ZipFile(path) as zf:
        assert pades.check_pdf_signatures(zf.read("data/reports/van-ban-de-nghi-tham-dinh.pdf"), cert) == []


def test_signature_images_chosen_once_and_kept(submit, qtbot, ctx, tmp_path):
    from uitools import wait_idle

    from parDesk.package.signed_forms import SignatureImages
    from parDesk.ui.dialogs.images_dialog import SignatureImagesDialog

    (tmp_path / "ky.png").write_bytes(images.leader_signature_png())
    (tmp_path / "dau.png").write_bytes(images.seal_png())
    dialog = SignatureImagesDialog(parent=submit)
    qtbot.addWidget(dialog)
    dialog.set_image("leader", tmp_path / "ky.png")
    dialog.set_image("seal", tmp_path / "dau.png")
    assert dialog.leader_view.pixmap() is not None and not dialog.leader_view.pixmap().isNull()
    dialog.seal_mm.setValue(34.0)
    with qtbot.waitSignal(submit.finished, timeout=30_000):
        submit.save_images(dialog.leader_path, dialog.seal_path, dialog.seal_mm.value())
    wait_idle(qtbot, ctx)
    kept = SignatureImages(ctx.workspace.folder / "identity").load()
    assert kept.leader_signature == images.leader_signature_png() and kept.seal_mm == 34.0
    (tmp_path / "bad.png").write_bytes(b"not a png")
    with qtbot.waitSignal(submit.finished, timeout=30_000):
        submit.save_images(tmp_path / "bad.png", None, 36.0)
    wait_idle(qtbot, ctx)
    assert submit.error.isVisible() and "PNG" in submit.error.text()
    _ = Qt

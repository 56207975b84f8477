"""Build and drive tests/signing/pkcs11_shim.c: SoftHSM2 with a PIN retry counter and a protected path.

Compiled in the test with gcc against p11-kit's pkcs11.h (Debian ``gcc`` and ``libp11-kit-dev``, both in
scripts/install-and-test.sh's APT_PACKAGES). The shim forwards to a private *copy* of libsofthsm2.so, so it is
a separate SoftHSM2 instance from the one other tests load (python-pkcs11 keeps one module per path per
process), reading the same token folder (SOFTHSM2_CONF).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import softhsm

SOURCE = Path(__file__).with_name("pkcs11_shim.c")
HEADER_DIRS = ("/usr/include/p11-kit-1",)


def why_not() -> str | None:
    """Why the shim cannot be built here (None: it can)."""
    if not softhsm.available():
        return "softhsm2 is not installed"
    if shutil.which("gcc") is None:
        return "gcc is not installed (Debian gcc; scripts/install-and-test.sh installs it)"
    if not any(Path(d, "p11-kit", "pkcs11.h").is_file() for d in HEADER_DIRS):
        return "p11-kit's pkcs11.h is not installed (Debian libp11-kit-dev)"
    return None


def build(folder: Path) -> Path:
    out = folder / "libpardesk-test-shim.so"
    flags = [f"-I{d}" for d in HEADER_DIRS]
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-Werror", *flags, "-o", str(out),
                    str(SOURCE), "-ldl"], check=True, capture_output=True, text=True)
    return out


@dataclass
class Shim:
    module: str
    state: Path

    def reset(self) -> None:
        self.state.write_text("0 0 0\n")

    def counts(self) -> tuple[int, int, int]:
        """(wrong PINs in a row, C_Login calls, C_Login calls with a NULL PIN) since the last reset."""
        wrong, logins, null_logins = (int(x) for x in self.state.read_text().split())
        return wrong, logins, null_logins

    def configure(self, monkeypatch, *, max_tries: int = 3, protected: bool = False, delay_ms: int = 0,
                  pad_pin: str = "", hide_locked: bool = False) -> None:
        """The shim reads its environment at every call: set it for one test."""
        monkeypatch.setenv("SHIM_MAX_TRIES", str(max_tries))
        monkeypatch.setenv("SHIM_PROTECTED", "1" if protected else "0")
        monkeypatch.setenv("SHIM_PIN_DELAY_MS", str(delay_ms))
        monkeypatch.setenv("SHIM_PAD_PIN", pad_pin)
        monkeypatch.setenv("SHIM_HIDE_LOCKED", "1" if hide_locked else "0")
        self.reset()


def make(folder: Path) -> Shim:
    """Compile the shim, copy SoftHSM2 beside it, point the shim at the copy; returns it reset."""
    module = build(folder)
    real = folder / "libsofthsm2-copy.so"
    shutil.copy2(softhsm.MODULE, real)
    state = folder / "shim-state.txt"
    os.environ["SHIM_REAL_MODULE"] = str(real)
    os.environ["SHIM_STATE"] = str(state)
    shim = Shim(str(module), state)
    shim.reset()
    return shim

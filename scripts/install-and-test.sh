#!/usr/bin/env bash
# Install everything parDesk needs on a fresh Debian/Ubuntu machine, then run every test.
# This is the README's test command and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries: poppler (tests read the PDFs we produce), LibreOffice Calc
# (a test recalculates our exported workbook headlessly), zip, the libraries
# Qt needs to run offscreen, openssl (tests check our CMS signatures with it),
# postgresql (the sync server's tests start a throwaway cluster with initdb/pg_ctl),
# curl (bench/bench_sync.py compares our upload with a plain curl PUT),
# nginx (the deployment test puts the real server behind it), softhsm2 and
# opensc (a real PKCS#11 token for the signing tests), gcc and libp11-kit-dev (the
# tests compile a small PKCS#11 module in front of SoftHSM2 that counts PIN tries and
# has a protected PIN path, tests/signing/pkcs11_shim.c), tesseract with its
# Vietnamese data (OCR of scanned evidence), chromium and chromium-driver
# (the appraisal desk is driven in a real browser).
APT_PACKAGES="poppler-utils libreoffice-calc-nogui zip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 openssl postgresql curl nginx softhsm2 opensc gcc libp11-kit-dev tesseract-ocr tesseract-ocr-vie chromium chromium-driver firefox-esr"
source scripts/apt-install.sh
apt_install_missing $APT_PACKAGES

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,build]'

# A maintainer's checks, configured in pyproject.toml: lint and import order
# (ruff) on everything, types (mypy, strict on the core) on the package.
# PARDESK_SKIP_LINT=1 skips them for a quick local test run.
if [ -z "${PARDESK_SKIP_LINT:-}" ]; then
    echo "ruff check parDesk tests bench scripts"
    .venv/bin/ruff check parDesk tests bench scripts
    echo "mypy (pyproject.toml [tool.mypy])"
    .venv/bin/mypy
fi

export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Install parDesk in a local virtual environment and start it on the demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

# The system libraries Qt needs to open a window (present on most desktops).
APT_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0"
source scripts/apt-install.sh
apt_install_missing $APT_PACKAGES

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/pardesk "$@"

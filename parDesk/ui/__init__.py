"""The PySide6 window over the Qt-free service layer.

Everything here is presentation: it calls :class:`parDesk.workspace.Workspace`
through :class:`parDesk.ui.context.AppContext` (one database worker, one pool
for slow work) and redraws when a :class:`parDesk.workspace.Change` arrives.
It never builds SQL, hashes a file or computes a score.
"""

from parDesk.ui.compat import immortalize_bools

immortalize_bools()  # before any signal is delivered: see parDesk/ui/compat.py

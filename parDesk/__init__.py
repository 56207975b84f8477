"""parDesk: offline PAR Index self-assessment for Vietnamese communes.

Everything under this package except ``parDesk.ui`` (and the GUI entry point)
is Qt-free, so the CLI, the provincial server and the tests run the very same
code the window runs.
"""

__version__ = "0.1.0"

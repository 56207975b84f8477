"""The provincial server: units and keys, tus uploads, verification, receipts, the event feed.

A FastAPI application (:mod:`.app`) over one service object (:mod:`.service`)
that the HTTP endpoints, the ``pardesk-server`` command (:mod:`.cli`) and the
tests all call. Metadata in SQLite by default or PostgreSQL by URL
(:mod:`.models`, :mod:`.database`); package files behind a storage interface
(:mod:`.storage`) with a local-folder implementation.
"""

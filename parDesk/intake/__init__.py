"""Evidence intake: read what is printed on a document so the officer need not type it.

Decree 30/2020 fixes where an administrative document prints its number and
code, its place and date, its issuing body, its type and its subject. This
package reads page 1 of an attached file (the PDF text layer when there is
one, Tesseract OCR for scans) into positioned lines (:mod:`.layout`), finds
those fields by their Decree 30 positions and wording (:mod:`.fields`),
ranks the framework items the document may prove (:mod:`.suggest`), and
checks the file's quality (:mod:`.quality`). Nothing here writes to a
workspace: a reading is a *proposal* that the officer accepts or edits.

Qt-free, like the rest of the core.
"""

from parDesk.intake.fields import Proposal, propose
from parDesk.intake.reader import Reading, read_document

__all__ = ["Proposal", "Reading", "propose", "read_document"]

"""The local database's tables, as SQLModel classes.

The schema itself is created and upgraded by the versioned SQL migrations in
:mod:`parDesk.db` (so a database saved by any earlier version upgrades in
place); these classes map onto those tables for the service layer's queries.
A test checks that the two never drift apart.

Decimals are stored as TEXT ("0.5") so no float ever touches a score. The
closed sets of words (statuses, states) are TEXT too and typed with the
``Literal`` types of :mod:`parDesk.models.kinds` (SQLModel cannot map a
``Literal`` by itself, hence ``sa_type=AutoString``, the type it gives ``str``).
"""

from __future__ import annotations

from sqlmodel import AutoString, Field, SQLModel

from parDesk.models.kinds import AssessmentStatus, LeafStatusName, OutboxState


class Unit(SQLModel, table=True):
    """The commune (or ward / special zone) this workspace belongs to. One row."""

    __tablename__ = "unit"
    id: int = Field(default=1, primary_key=True)
    admin_code: str
    name: str
    province: str
    leader_name: str = ""
    leader_title: str = "Chủ tịch"
    governing_body: str = ""
    place: str = ""
    officer_name: str = ""


class FrameworkRow(SQLModel, table=True):
    __tablename__ = "framework"
    hash: str = Field(primary_key=True)
    fw_id: str
    title: str
    year: int
    canonical: bytes
    imported_at: str
    source_name: str = ""


class Assessment(SQLModel, table=True):
    __tablename__ = "assessment"
    id: int | None = Field(default=None, primary_key=True)
    framework_hash: str = Field(foreign_key="framework.hash")
    year: int
    version: int = 1
    status: AssessmentStatus = Field(default="draft", sa_type=AutoString)
    previous_id: int | None = Field(default=None, foreign_key="assessment.id")
    created_at: str
    locked_at: str | None = None


class Answer(SQLModel, table=True):
    __tablename__ = "answer"
    assessment_id: int = Field(foreign_key="assessment.id", primary_key=True)
    code: str = Field(primary_key=True)
    inputs: str = ""  # canonical JSON of the rule's inputs, "" when none
    score: str | None = None  # computed score at the time of the edit (Decimal as text)
    not_applicable: bool = False
    explanation: str = ""
    status: LeafStatusName = Field(default="not_started", sa_type=AutoString)
    updated_by: str = ""
    updated_at: str = ""


class Document(SQLModel, table=True):
    """One evidence file in the content-addressed store, with its metadata."""

    __tablename__ = "document"
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True)
    size: int
    original_name: str
    media_type: str = "application/octet-stream"
    ext: str = ""
    number: str = ""  # số, ký hiệu
    issued_date: str = ""  # YYYY-MM-DD
    issuer: str = ""  # cơ quan ban hành
    subject: str = ""  # trích yếu
    page_ref: str = ""  # trang / mục
    added_at: str = ""
    added_by: str = ""


class Link(SQLModel, table=True):
    """A document proving a leaf; one document may prove several leaves."""

    __tablename__ = "link"
    assessment_id: int = Field(foreign_key="assessment.id", primary_key=True)
    code: str = Field(primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True)
    page_ref: str = ""  # where in the document the proof for this leaf sits
    created_at: str = ""


class Appraisal(SQLModel, table=True):
    """A province's appraisal of one leaf, received after submission."""

    __tablename__ = "appraisal"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id")
    code: str
    round: int
    score: str | None = None
    comment: str = ""
    request_explanation: bool = False
    received_at: str = ""
    source: str = ""


class AuditEntry(SQLModel, table=True):
    """Append-only: triggers in the schema refuse UPDATE and DELETE."""

    __tablename__ = "audit"
    id: int | None = Field(default=None, primary_key=True)
    at: str
    actor: str
    action: str
    entity: str
    entity_key: str = ""
    assessment_id: int | None = None
    old: str = ""
    new: str = ""


class Package(SQLModel, table=True):
    """A signed submission package; every version stays on disk and here."""

    __tablename__ = "package"
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id")
    version: int
    path: str  # relative to the workspace folder
    sha256: str = Field(unique=True)
    size: int
    previous_sha256: str | None = None
    submission_id: str
    signer_fingerprint: str = ""
    created_at: str


class Outbox(SQLModel, table=True):
    """A package waiting to reach the province, and where its upload stands."""

    __tablename__ = "outbox"
    id: int | None = Field(default=None, primary_key=True)
    package_id: int = Field(foreign_key="package.id", unique=True)
    state: OutboxState = Field(default="waiting", sa_type=AutoString)
    upload_url: str = ""
    offset: int = 0
    attempts: int = 0
    last_error: str = ""
    receipt: str = ""  # the server's signed receipt (JSON), once accepted
    refused_reason: str = ""
    updated_at: str = ""


class OutboxHistory(SQLModel, table=True):
    __tablename__ = "outbox_history"
    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = Field(foreign_key="outbox.id")
    at: str
    state: OutboxState = Field(sa_type=AutoString)
    detail: str = ""


class Setting(SQLModel, table=True):
    """The workspace's one key/value table: the officer's settings and sync's small facts
    (server URL, pinned server certificate, feed cursor). Migration 4 folded the old
    ``sync_state`` table into it."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str

"""The server's tables (SQLModel), in their own metadata.

The workspace's tables live in ``SQLModel.metadata``; the server's live in a
separate registry so ``create_all`` on the server database creates only these.
Timestamps are integers (Unix seconds, UTC) where the server compares them,
ISO text where a person reads them. Package hashes are lowercase hex.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 1


class ServerModel(SQLModel, registry=registry()):
    pass


metadata = ServerModel.metadata


class Meta(ServerModel, table=True):
    __tablename__ = "srv_meta"
    key: str = Field(primary_key=True)
    value: str


class Registration(ServerModel, table=True):
    """A unit's request to be known: its certificate or CSR and its sync key."""

    __tablename__ = "srv_registration"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(index=True)
    unit_name: str
    province: str = ""
    status: str = "pending"  # pending | approved | rejected | superseded
    cert_pem: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    csr_pem: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    signing_key_fp: str = ""
    sync_key_pem: str = Field(sa_column=Column(Text, nullable=False))
    sync_key_fp: str = Field(index=True)
    contact: str = ""
    created_at: str
    decided_at: str = ""
    decided_by: str = ""
    issued_cert_pem: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Unit(ServerModel, table=True):
    """An approved unit: its pinned signing certificate and sync key."""

    __tablename__ = "srv_unit"
    code: str = Field(primary_key=True)
    name: str
    province: str = ""
    status: str = "approved"  # approved | revoked
    cert_pem: str = Field(sa_column=Column(Text, nullable=False))
    signing_key_fp: str = Field(index=True)
    sync_key_pem: str = Field(sa_column=Column(Text, nullable=False))
    sync_key_fp: str = Field(index=True, unique=True)
    registration_id: int
    approved_at: str
    approved_by: str = ""


class Nonce(ServerModel, table=True):
    """Nonces seen within the clock window: a second use is a replay."""

    __tablename__ = "srv_nonce"
    unit_code: str = Field(primary_key=True)
    nonce: str = Field(primary_key=True)
    seen: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))


class SessionToken(ServerModel, table=True):
    """Short-lived bearer tokens for plain tus clients (upload endpoints only)."""

    __tablename__ = "srv_session"
    token_sha256: str = Field(primary_key=True)
    unit_code: str = Field(index=True)
    expires: int = Field(sa_column=Column(BigInteger, nullable=False))


class AdminToken(ServerModel, table=True):
    __tablename__ = "srv_admin_token"
    token_sha256: str = Field(primary_key=True)
    name: str
    created_at: str


class Upload(ServerModel, table=True):
    """One tus upload resource."""

    __tablename__ = "srv_upload"
    id: str = Field(primary_key=True)
    unit_code: str = Field(index=True)
    length: int = Field(sa_column=Column(BigInteger, nullable=False))
    offset: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    metadata_json: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    created: int = Field(sa_column=Column(BigInteger, nullable=False))
    expires: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    # open | complete | verifying | accepted | refused
    status: str = "open"
    package_sha256: str = ""
    result_json: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))


class Submission(ServerModel, table=True):
    """An accepted package. Stored once: the package hash is unique."""

    __tablename__ = "srv_submission"
    __table_args__ = (UniqueConstraint("package_sha256"), Index("srv_submission_unit", "unit_code", "year"))
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str
    package_sha256: str
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    year: int
    version: int
    submission_id: str = ""
    previous_sha256: str = ""
    framework_hash: str = ""
    channel: str = "tus"  # tus | usb
    received_at: str
    storage_key: str
    totals_json: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    receipt_json: str = Field(sa_column=Column(Text, nullable=False))


class Framework(ServerModel, table=True):
    """A framework the province published; packages must use one of these."""

    __tablename__ = "srv_framework"
    hash: str = Field(primary_key=True)
    fw_id: str
    year: int
    title: str
    canonical: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    published_at: str


class Appraisal(ServerModel, table=True):
    """One leaf's appraisal result, as imported by the province."""

    __tablename__ = "srv_appraisal"
    __table_args__ = (Index("srv_appraisal_unit", "unit_code", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str
    year: int
    code: str
    round: int
    score: str | None = None
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    request_explanation: bool = False
    package_sha256: str = ""
    created_at: str
    event_id: int = 0


class Event(ServerModel, table=True):
    """The feed: what a unit should learn, in order. unit_code '*' = every unit."""

    __tablename__ = "srv_event"
    __table_args__ = (Index("srv_event_unit", "unit_code", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str
    kind: str  # receipt | appraisal | framework | certificate
    data_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: str


# ---------------------------------------------------------------------------
# The appraisal desk (parDesk.sync.server.desk). Appended tables: created by the
# same ``create_all`` on SQLite and PostgreSQL; no existing table changes.


class DeskUser(ServerModel, table=True):
    """A desk account. role: admin | appraiser | viewer; an appraiser belongs to an agency."""

    __tablename__ = "desk_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True)
    display_name: str = ""
    role: str
    agency: str = ""
    password_hash: str = Field(sa_column=Column(Text, nullable=False))
    failed_logins: int = 0
    locked_until: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    disabled: bool = False
    created_at: str = ""


class DeskSession(ServerModel, table=True):
    """A logged-in browser: the cookie holds the token, the row only its hash."""

    __tablename__ = "desk_session"
    token_sha256: str = Field(primary_key=True)
    user_id: int = Field(index=True)
    csrf: str
    created: int = Field(sa_column=Column(BigInteger, nullable=False))
    expires: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))


class DeskArea(ServerModel, table=True):
    """Which agency appraises an area of the framework ("1", "2" …, "bonus", "penalty")."""

    __tablename__ = "desk_area"
    area_code: str = Field(primary_key=True)
    agency: str = Field(index=True)


class DeskEntry(ServerModel, table=True):
    """An appraiser's entry for one item of one unit in one round; ``version`` guards concurrent writes."""

    __tablename__ = "desk_entry"
    __table_args__ = (UniqueConstraint("unit_code", "year", "code", "round"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str
    year: int
    code: str
    round: int
    score: str | None = None
    inputs_json: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    request_explanation: bool = False
    package_sha256: str = ""
    version: int = 1
    updated_by: str = ""
    updated_at: str = ""


class DeskLock(ServerModel, table=True):
    """A closed round: per unit and agency (round 1, 2), or the unit's final lock (agency '*', round 3)."""

    __tablename__ = "desk_lock"
    __table_args__ = (UniqueConstraint("unit_code", "year", "agency", "round"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str
    year: int
    agency: str
    round: int
    package_sha256: str = ""
    version: int = 0
    locked_at: str
    locked_by: str
    event_id: int = 0


class DeskAudit(ServerModel, table=True):
    """Every desk action, append-only (the service never updates or deletes a row)."""

    __tablename__ = "desk_audit"
    __table_args__ = (Index("desk_audit_item", "unit_code", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    at: str
    username: str
    action: str
    unit_code: str = ""
    code: str = ""
    round: int = 0
    old_json: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    new_json: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class DeskSetting(ServerModel, table=True):
    """The year's round: deadline, field-inspection share, published results (JSON values)."""

    __tablename__ = "desk_setting"
    key: str = Field(primary_key=True)
    value: str = Field(sa_column=Column(Text, nullable=False))


class DeskUnitYear(ServerModel, table=True):
    """Per unit and year: deadline extension, field inspection (sample, date, team, findings)."""

    __tablename__ = "desk_unit_year"
    unit_code: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    extension_until: str = ""
    inspect: bool = False
    inspect_seed: str = ""
    inspect_date: str = ""
    inspect_team: str = ""
    inspect_findings: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class DeskSurvey(ServerModel, table=True):
    """Survey / province data points (SIPAS, ĐTXHH) for a unit's survey items."""

    __tablename__ = "desk_survey"
    unit_code: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    code: str = Field(primary_key=True)
    score: str
    updated_by: str = ""
    updated_at: str = ""


# CA-issued certificates bound to units (issue 11) live in parDesk.sync.server.certtrust;
# imported here so that ``metadata.create_all`` creates their table with the others.
from parDesk.sync.server import certtrust as _certtrust  # noqa: E402,F401

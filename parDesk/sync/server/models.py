"""The server's tables (SQLModel), in their own metadata.

The workspace's tables live in ``SQLModel.metadata``; the server's live in a
separate registry so ``create_all`` on the server database creates only these.
Timestamps are integers (Unix seconds, UTC) where the server compares them,
ISO text where a person reads them. Package hashes are lowercase hex.
"""

from __future__ import annotations

from typing import Optional

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
    id: Optional[int] = Field(default=None, primary_key=True)
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
    id: Optional[int] = Field(default=None, primary_key=True)
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
    id: Optional[int] = Field(default=None, primary_key=True)
    unit_code: str
    year: int
    code: str
    round: int
    score: Optional[str] = None
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    request_explanation: bool = False
    package_sha256: str = ""
    created_at: str
    event_id: int = 0


class Event(ServerModel, table=True):
    """The feed: what a unit should learn, in order. unit_code '*' = every unit."""

    __tablename__ = "srv_event"
    __table_args__ = (Index("srv_event_unit", "unit_code", "id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    unit_code: str
    kind: str  # receipt | appraisal | framework | certificate
    data_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: str

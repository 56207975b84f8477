"""Server settings: one dataclass, defaults that suit a province, overridable by CLI or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass
class ServerConfig:
    data_dir: Path
    database_url: str = ""           # default: sqlite:///<data_dir>/server.sqlite
    province: str = ""
    max_package_bytes: int = 2 * GiB  # tus Upload-Length cap (Tus-Max-Size)
    max_chunk_bytes: int = 64 * MiB   # one PATCH body
    max_json_bytes: int = 1 * MiB     # any other request body
    max_open_uploads_per_unit: int = 4
    upload_expiry_s: int = 14 * 24 * 3600  # communes are offline for days
    clock_skew_s: int = 300
    session_ttl_s: int = 3600
    rate_per_unit: float = 20.0       # requests per second, sustained
    burst_per_unit: int = 200
    # unauthenticated requests only (hello, register, registration status), per address: generous,
    # because a whole province's communes may arrive through one gateway address
    rate_per_ip: float = 10.0
    burst_per_ip: int = 300
    body_idle_timeout_s: float = 60.0  # a PATCH that sends nothing for this long is cut
    verify_workers: int = 2           # packages verified at once (CPU and disk bound)
    finalise_wait_s: float = 2.0      # how long finalise waits before answering 202
    write_buffer_bytes: int = 256 * 1024
    zip_max_total: int = 0            # 0: same as max_package_bytes x 2
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if not self.database_url:
            self.database_url = os.environ.get("PARDESK_SERVER_DB", "") or \
                f"sqlite:///{(self.data_dir / 'server.sqlite').as_posix()}"

    @property
    def key_path(self) -> Path:
        return self.data_dir / "server-key.pem"

    @property
    def cert_path(self) -> Path:
        return self.data_dir / "server-cert.pem"

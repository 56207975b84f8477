"""Request rate limits: per authenticated unit key, and per address only before authentication.

The whole province's communes may reach the server through one gateway
address (the government's dedicated network), so an address says little about
who is asking. Authenticated requests are limited per unit (the pinned key
that signed them); the per-address limit applies only to what comes before
authentication (hello, register, registration status, and requests that fail
authentication) and is generous (issue 13 §11).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from parDesk.sync.server.config import ServerConfig


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float) -> None:
        self.tokens = tokens
        self.stamp = time.monotonic()


class RateLimiter:
    """Token buckets in memory, per key. Bounded: idle buckets are dropped."""

    MAX_KEYS = 50_000

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            b = self._buckets.get(key)
            if b is None:
                if len(self._buckets) > self.MAX_KEYS:
                    self._buckets = {k: v for k, v in self._buckets.items() if now - v.stamp < 60}
                b = self._buckets[key] = _Bucket(self.burst)
            b.tokens = min(self.burst, b.tokens + (now - b.stamp) * self.rate)
            b.stamp = now
            if b.tokens >= 1:
                b.tokens -= 1
                return 0.0
            return (1 - b.tokens) / self.rate


@dataclass
class RateLimits:
    """The server's two limiters: ``unit`` (by unit code, after authentication) and ``address``."""

    unit: RateLimiter
    address: RateLimiter

    @classmethod
    def from_config(cls, config: ServerConfig) -> RateLimits:
        return cls(RateLimiter(config.rate_per_unit, config.burst_per_unit),
                   RateLimiter(config.rate_per_ip, config.burst_per_ip))

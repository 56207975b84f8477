"""A test PKI made with ``cryptography``: root → intermediate → unit certificates, CRLs, OCSP.

Shared by the token, trust and PAdES tests. Everything is real X.509; the
CRL and OCSP answers are served on 127.0.0.1 by :mod:`tests.signing.revocation`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

UTC = dt.UTC


def now() -> dt.datetime:
    return dt.datetime.now(UTC).replace(microsecond=0)


def name(cn: str, *, o: str | None = None, st: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if st:
        attrs.append(x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, st))
    if o:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, o))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def _ku(*, ca: bool, signing: bool = True, non_repudiation: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=signing and not ca, content_commitment=non_repudiation and not ca,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False)


@dataclass
class Authority:
    """A CA that can issue certificates, a CRL, and OCSP answers."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    base_url: str | None = None          # where its CRL / OCSP are served (http://127.0.0.1:port/<slug>)
    slug: str = "ca"
    revoked: dict[int, dt.datetime] = field(default_factory=dict)

    @property
    def crl_url(self) -> str | None:
        return f"{self.base_url}/{self.slug}.crl" if self.base_url else None

    @property
    def ocsp_url(self) -> str | None:
        return f"{self.base_url}/{self.slug}/ocsp" if self.base_url else None

    def issue(self, subject: x509.Name, public_key, *, ca: bool = False, days: int = 365,
              not_before: dt.datetime | None = None, not_after: dt.datetime | None = None,
              signing: bool = True, non_repudiation: bool = True, crl: bool = True, ocsp: bool = False,
              serial: int | None = None) -> x509.Certificate:
        start = not_before or now() - dt.timedelta(days=1)
        end = not_after or start + dt.timedelta(days=days)
        b = (x509.CertificateBuilder().subject_name(subject).issuer_name(self.cert.subject)
             .public_key(public_key).serial_number(serial or x509.random_serial_number())
             .not_valid_before(start).not_valid_after(end)
             .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
             .add_extension(_ku(ca=ca, signing=signing, non_repudiation=non_repudiation), critical=True)
             .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
             .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.cert.public_key()),
                            critical=False))
        if not ca:
            b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                       ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        if crl and self.crl_url:
            b = b.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(self.crl_url)], None, None, None)]), critical=False)
        if ocsp and self.ocsp_url:
            b = b.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                x509.oid.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(self.ocsp_url))]),
                critical=False)
        return b.sign(self.key, hashes.SHA256())

    def sub_authority(self, cn: str, slug: str, *, base_url: str | None = None) -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = self.issue(name(cn, o="CA thử nghiệm"), key.public_key(), ca=True, days=3650,
                          not_before=now() - dt.timedelta(days=365))
        return Authority(cert, key, base_url or self.base_url, slug)

    def revoke(self, cert: x509.Certificate, when: dt.datetime | None = None) -> None:
        self.revoked[cert.serial_number] = when or now() - dt.timedelta(hours=1)

    def crl(self) -> bytes:
        b = (x509.CertificateRevocationListBuilder().issuer_name(self.cert.subject)
             .last_update(now() - dt.timedelta(minutes=5)).next_update(now() + dt.timedelta(days=1))
             .add_extension(x509.CRLNumber(1), critical=False)
             .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.cert.public_key()),
                            critical=False))
        for serial, when in self.revoked.items():
            b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(serial)
                                          .revocation_date(when).build())
        return b.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def ocsp_response(self, request_der: bytes, issued: dict[int, x509.Certificate]) -> bytes:
        from cryptography.x509 import ocsp
        req = ocsp.load_der_ocsp_request(request_der)
        cert = issued.get(req.serial_number)
        if cert is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.UNAUTHORIZED).public_bytes(
                serialization.Encoding.DER)
        if req.serial_number in self.revoked:
            status, rev_time = ocsp.OCSPCertStatus.REVOKED, self.revoked[req.serial_number]
        else:
            status, rev_time = ocsp.OCSPCertStatus.GOOD, None
        b = ocsp.OCSPResponseBuilder().add_response(
            cert=cert, issuer=self.cert, algorithm=hashes.SHA1(), cert_status=status,
            this_update=now() - dt.timedelta(minutes=5), next_update=now() + dt.timedelta(hours=12),
            revocation_time=rev_time, revocation_reason=None).responder_id(ocsp.OCSPResponderEncoding.HASH,
                                                                          self.cert)
        for ext in req.extensions:
            if isinstance(ext.value, x509.OCSPNonce):
                b = b.add_extension(ext.value, critical=False)
        return b.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def root_authority(cn: str = "Root CA thử nghiệm", slug: str = "root", base_url: str | None = None) -> Authority:
    key = ec.generate_private_key(ec.SECP384R1())
    subject = name(cn, o="CA thử nghiệm")
    start = now() - dt.timedelta(days=730)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=7300))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_ku(ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    return Authority(cert, key, base_url, slug)


def unit_name(unit_name_: str = "Ủy ban nhân dân xã Tân Lập", code: str = "12345",
              province: str = "Tỉnh Lào Cai") -> x509.Name:
    """A CA-issued organisation certificate's subject: no administrative code (as the issue says)."""
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit_name_),
                      x509.NameAttribute(NameOID.COMMON_NAME, unit_name_)])


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)

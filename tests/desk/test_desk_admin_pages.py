"""The administrator's desk pages for accounts and certificate bindings: authorization and CSRF over real
HTTP, every change audited, and the pages driven in Debian's Chromium."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from browser import chromium, login
from desk_harness import PASSWORD, Client

from parDesk.sync.server.desk import accounts

sys.path.insert(0, str(Path(__file__).parents[1] / "signing"))

NEW_PW = "một mật khẩu mới 456"
WRITES = [("/desk/admin/accounts/create", {"username": "moi", "password": NEW_PW, "role": "viewer"}),
          ("/desk/admin/accounts/stp/disable", {}), ("/desk/admin/accounts/stp/enable", {}),
          ("/desk/admin/accounts/stp/password", {"password": NEW_PW}),
          ("/desk/admin/accounts/stp/role", {"role": "admin", "agency": ""}),
          ("/desk/admin/certificates/1/bind", {"unit": "11111"})]
READS = ["/desk/admin/accounts", "/desk/admin/certificates"]


def actions(desk) -> list[str]:
    return [a.action for a in desk.desk.audit()]


@pytest.mark.parametrize("username", ["snv", "stp", "lanhdao"])
def test_appraisers_and_viewers_are_refused_every_page_and_write(desk, username):
    c = desk.client(username)
    for path in READS:
        assert c.http.get(path).status_code == 403, path
    before = actions(desk)
    for path, data in WRITES:
        assert c.post(path, data).status_code == 403, path
    assert actions(desk) == before  # nothing written
    assert accounts.principal_for(desk.service.session, "") is None
    users = {u.username: u for u in accounts.list_users(desk.service.session)}
    assert "moi" not in users and users["stp"].role == "appraiser" and not users["stp"].disabled


def test_no_session_and_no_csrf_are_refused(desk):
    anon = desk.client()
    for path in READS:
        r = anon.http.get(path)
        assert r.status_code == 303 and r.headers["location"] == "/desk/login"
    admin = desk.client("admin")
    for path, data in WRITES:
        assert admin.post(path, data, csrf=False).status_code == 403, path
        bad = dict(data, csrf="x" * 43)
        assert admin.http.post(path, data=bad).status_code == 403, path
    assert "moi" not in {u.username for u in accounts.list_users(desk.service.session)}


def test_admin_manages_accounts_over_http_and_each_change_is_audited(desk):
    admin = desk.client("admin")
    assert admin.http.get("/desk/admin/accounts").status_code == 200
    r = admin.post("/desk/admin/accounts/create", {"username": "TaiChinh", "display_name": "Lê Văn Tài",
                                                   "password": NEW_PW, "role": "appraiser", "agency": "Sở Tài chính"})
    assert r.status_code == 303, r.text
    page = admin.http.get("/desk/admin/accounts").text
    assert "taichinh" in page and "Lê Văn Tài" in page and "Sở Tài chính" in page
    # refused inputs name the reason, nothing written
    for bad in ({"username": "x", "password": "ngắn", "role": "viewer"},
                {"username": "y", "password": NEW_PW, "role": "appraiser", "agency": ""},
                {"username": "z", "password": NEW_PW, "role": "root"},
                {"username": "taichinh", "password": NEW_PW, "role": "viewer"}):
        assert admin.post("/desk/admin/accounts/create", bad).status_code == 422, bad
    user = Client(desk.url)
    desk.clients.append(user)
    assert user.login("taichinh", NEW_PW).status_code == 303
    # role and agency: the old session ends, the new login has the new rights
    assert admin.post("/desk/admin/accounts/taichinh/role", {"role": "viewer", "agency": ""}).status_code == 303
    assert user.http.get("/desk/").status_code == 303  # back to the login page
    assert user.login("taichinh", NEW_PW).status_code == 303
    assert "Lãnh đạo (xem)" in user.http.get("/desk/").text
    # password reset: the old one no longer opens, the new one does
    assert admin.post("/desk/admin/accounts/taichinh/password", {"password": "đặt lại lần hai 789"}).status_code == 303
    assert user.login("taichinh", NEW_PW).status_code != 303
    assert user.login("taichinh", "đặt lại lần hai 789").status_code == 303
    # disable and enable
    assert admin.post("/desk/admin/accounts/taichinh/disable").status_code == 303
    assert user.http.get("/desk/").status_code == 303
    assert user.login("taichinh", "đặt lại lần hai 789").status_code != 303
    assert admin.post("/desk/admin/accounts/taichinh/enable").status_code == 303
    assert user.login("taichinh", "đặt lại lần hai 789").status_code == 303
    # the administrator cannot lock themself out
    assert admin.post("/desk/admin/accounts/admin/disable").status_code == 422
    assert admin.post("/desk/admin/accounts/admin/role", {"role": "viewer"}).status_code == 422
    assert admin.post("/desk/admin/accounts/nobody/disable").status_code == 422
    rows = [a for a in desk.desk.audit() if a.action.startswith("account_")]
    assert [a.action for a in reversed(rows)] == ["account_create", "account_role", "account_password",
                                                  "account_disable", "account_enable"]
    assert all(a.username == "admin" for a in rows)
    role = next(a for a in rows if a.action == "account_role")
    assert json.loads(role.old_json)["role"] == "appraiser" and json.loads(role.new_json)["role"] == "viewer"
    assert not any(pw in a.old_json + a.new_json for a in rows for pw in (NEW_PW, "đặt lại lần hai 789"))


@pytest.fixture()
def waiting_certificate(desk):
    """The first package from a new CA-issued certificate for unit 11111: refused, waiting for binding."""
    import secrets

    import pki
    from cryptography.hazmat.primitives.asymmetric import ec
    from harness import build_fast_package, make_fast_unit, register_fast, template_snapshot
    from revocation import RevocationServer

    from parDesk.signing.signer import KeySigner
    from parDesk.sync.server.certtrust import Bindings, TrustStore

    server = RevocationServer()
    server.start()
    try:
        slug = secrets.token_hex(3)
        root = pki.root_authority(base_url=server.url, slug="dr" + slug)
        ca = root.sub_authority("VNPT-CA thử nghiệm", "dv" + slug)
        server.add(root)
        server.add(ca)
        service = desk.service
        TrustStore(service.config.data_dir / "trust").add(pki.pem(root.cert))
        snap, fw = template_snapshot(desk.tmp)
        unit = make_fast_unit("33333")
        register_fast(service, unit)
        key = ec.generate_private_key(ec.SECP256R1())
        signer = KeySigner(key, ca.issue(pki.unit_name(unit.name), key.public_key()), [ca.cert], kind="token")
        sent = [0]

        def send():
            sent[0] += 1
            pkg = build_fast_package(desk.tmp / f"ca{sent[0]}.zip", unit, snap, fw, signer=signer, version=sent[0])
            return service.intake.process_package(unit.code, pkg.path, channel="tus")

        first = send()
        assert first.status == "refused"
        (pending,) = Bindings(service).list(unit.code, "pending")
        yield pending, send
    finally:
        server.stop()


def test_admin_binds_a_waiting_certificate_in_the_browser(desk, waiting_certificate):
    pending, send = waiting_certificate
    for username in ("snv", "lanhdao"):  # the page and the bind are the administrator's alone
        c = desk.client(username)
        assert c.http.get("/desk/admin/certificates").status_code == 403
        assert c.post(f"/desk/admin/certificates/{pending.id}/bind", {"unit": "33333"}).status_code == 403
    with chromium() as browser:
        page = login(browser, desk.url, "admin", PASSWORD)
        page.click("nav >> text=Quản trị")
        page.click("#certificates-link")
        row = page.locator(f'#certificates tr[data-id="{pending.id}"]')
        text = row.inner_text()
        assert "Chờ gắn" in text and "VNPT-CA" in text and pending.serial in text and "33333" in text
        assert "CN=" in text  # the full subject, as the administrator checks it
        with page.expect_navigation():
            row.locator("button").click()
        bound = page.locator("#certificates tr.bound").inner_text()  # the binding replaces the waiting row
        assert "Đã gắn" in bound and "admin" in bound and pending.serial in bound
        page.close()
    assert send().status == "accepted"
    audit = next(a for a in desk.desk.audit() if a.action == "cert_bind")
    assert audit.username == "admin" and audit.unit_code == "33333" and pending.serial in audit.new_json


def test_admin_creates_and_resets_an_account_in_the_browser(desk):
    with chromium() as browser:
        page = login(browser, desk.url, "admin", PASSWORD)
        page.goto(desk.url + "/desk/admin")
        page.click("#accounts-link")
        form = page.locator("#account-create")
        form.locator("input[name=username]").fill("kh_cn")
        form.locator("input[name=display_name]").fill("Phạm Thị Khoa")
        form.locator("input[name=password]").fill(NEW_PW)
        form.locator("select[name=role]").select_option("appraiser")
        form.locator("input[name=agency]").fill("Sở Khoa học và Công nghệ")
        with page.expect_navigation():
            form.locator("button").click()
        row = page.locator('#accounts tr[data-user="kh_cn"]')
        assert "Phạm Thị Khoa" in row.inner_text()
        row.locator("form.password input[name=password]").fill("mật khẩu thứ hai 000")
        with page.expect_navigation():
            row.locator("form.password button").click()
        with page.expect_navigation():
            page.locator('#accounts tr[data-user="kh_cn"] form.toggle button').click()
        assert "Đã khóa" in page.locator('#accounts tr[data-user="kh_cn"]').inner_text()
        page.close()
    c = Client(desk.url)
    desk.clients.append(c)
    assert c.login("kh_cn", "mật khẩu thứ hai 000").status_code != 303  # disabled
    accounts.set_disabled(desk.service.session, "kh_cn", False)
    assert c.login("kh_cn", "mật khẩu thứ hai 000").status_code == 303
    assert c.http.get("/desk/").text.count("Sở Khoa học và Công nghệ") >= 1



def _labels(template: str) -> list[str]:
    """The plain message keys a desk template shows (no placeholders: those are checked with their values)."""
    import re

    from parDesk.i18n import _catalog

    text = (Path(accounts.__file__).parent / "templates" / template).read_text()
    keys = sorted(set(re.findall(r"_\('(dk\.[a-z_.]+)'\)", text)))
    return [k for k in keys if k in _catalog and "{" not in _catalog[k]["vi"] + _catalog[k]["en"]]


@pytest.mark.parametrize("template,link", [("accounts.html", "#accounts-link"),
                                           ("certificates.html", "#certificates-link")])
def test_the_admin_pages_in_english_in_the_browser(desk, waiting_certificate, template, link):
    """Switched to English by the page's own link: every label the Vietnamese page shows is shown in English,
    and no Vietnamese is left but the people's own data (names, agencies, units, certificate subjects)."""
    import re

    from parDesk.i18n import _catalog

    vi_only = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
    pending, _send = waiting_certificate
    data = [u.display_name for u in accounts.list_users(desk.service.session)]
    data += [u.agency for u in accounts.list_users(desk.service.session)]
    data += [pending.subject, pending.issuer, "Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Tân Phú",
             "Tiếng Việt"]  # the switch back names its language in that language, as language menus do
    with chromium() as browser:
        page = login(browser, desk.url, "admin", PASSWORD)
        page.goto(desk.url + "/desk/admin")
        page.click(link)
        vi_text = page.locator("body").inner_text()
        with page.expect_navigation():
            page.click("a.lang")  # the page's own language switch, kept in a cookie
        page.goto(desk.url + "/desk/admin")
        page.click(link)
        en_text = page.locator("body").inner_text()
        assert page.locator("html").get_attribute("lang") == "en"
        page.close()
    rest = en_text  # the English page less the people's own data
    for value in sorted({d for d in data if d}, key=len, reverse=True):
        rest = rest.replace(value, "")
    shown = [k for k in _labels(template) if _catalog[k]["vi"] in vi_text]
    assert len(shown) >= 8, shown
    for key in shown:
        vi, en = _catalog[key]["vi"], _catalog[key]["en"]
        assert en in rest, (key, en)
        if vi != en and vi not in en:
            assert vi not in rest, (key, vi)
    for line in rest.splitlines():
        assert not vi_only.search(line), (template, line)

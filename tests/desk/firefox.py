"""Debian's Firefox ESR driven through its built-in Marionette protocol (``marionette-driver``, no geckodriver).

geckodriver is not packaged by Debian and driver/browser downloads cannot be
fetched here; Firefox speaks Marionette itself when started with
``-marionette``. The profile asks for port 0, Firefox writes the port it took
to ``MarionetteActivePort`` in the profile, and the driver connects there.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

PREFS = {
    "marionette.port": 0,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "network.captive-portal-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "browser.download.folderList": 2,
    "browser.download.useDownloadDir": True,
    "browser.download.always_ask_before_handling_new_types": False,
    "pdfjs.disabled": False,
}


def firefox_binary() -> str | None:
    return shutil.which("firefox-esr") or shutil.which("firefox")


def _pref(name: str, value: Any) -> str:
    v = ("true" if value else "false") if isinstance(value, bool) else \
        str(value) if isinstance(value, int) else '"' + str(value).replace('"', '\\"') + '"'
    return f'user_pref("{name}", {v});\n'


@contextlib.contextmanager
def firefox(downloads: Path) -> Iterator[Any]:
    """A headless Firefox with a fresh profile and a Marionette session; downloads go to ``downloads``."""
    from marionette_driver.marionette import Marionette

    binary = firefox_binary()
    assert binary, "firefox is not installed"
    profile = Path(tempfile.mkdtemp(prefix="pardesk-firefox-"))
    prefs = {**PREFS, "browser.download.dir": str(downloads)}
    (profile / "user.js").write_text("".join(_pref(k, v) for k, v in prefs.items()), "utf-8")
    proc = subprocess.Popen([binary, "-headless", "-marionette", "-no-remote", "-profile", str(profile)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = None
    try:
        port_file = profile / "MarionetteActivePort"
        wait_for(lambda: port_file.exists() and port_file.read_text().strip(), 90, "Firefox's Marionette port")
        client = Marionette(host="127.0.0.1", port=int(port_file.read_text().strip()))
        client.start_session()
        client.timeout.implicit = 5
        yield client
    finally:
        with contextlib.suppress(Exception):
            if client is not None:
                client.delete_session()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(check: Callable[[], Any], timeout: float = 10, what: str = "the page") -> Any:
    end = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def press(client: Any, keys: str) -> None:
    """Type ``keys`` on the keyboard into whatever has the focus (WebDriver key actions)."""
    client.actions.sequence("key", "keyboard").send_keys(keys).perform()

"""Debian's Chromium driven by Playwright (the system browser; Playwright's own builds cannot be fetched here)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def login(browser: Any, url: str, username: str, password: str, **ctx: Any) -> Any:
    context = browser.new_context(accept_downloads=True, **ctx)
    page = context.new_page()
    page.goto(url + "/desk/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(url + "/desk/")
    return page


def item(page: Any, code: str, round_: int = 1) -> Any:
    return page.locator(f'[id="item-{code}"] form[data-round="{round_}"]')


def appraise(page: Any, code: str, score: str, comment: str = "", request: bool = False, round_: int = 1) -> None:
    """Type a score like an appraiser: score, comment, the request box, Enter saves; wait for "saved"."""
    form = item(page, code, round_)
    form.locator("input[name=score]").fill(score)
    if comment:
        form.locator("input[name=comment]").fill(comment)
    if request:
        form.locator("input[name=request_explanation]").check()
    form.locator("input[name=comment]").press("Enter")
    form.locator("output.msg.ok").wait_for(timeout=10_000)


def off_loop(fn: Any, *args: Any, **kw: Any) -> Any:
    """Run ``fn`` in a thread of its own: Playwright's sync API keeps an asyncio loop running in this
    thread, and the core's PAdES signing calls ``asyncio.run`` (which refuses to nest)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args, **kw).result()

"""A small headless-Chromium driver over the DevTools protocol (``--remote-debugging-pipe``).

No extra dependency and no browser download: it runs Debian's ``chromium`` and speaks CDP on
file descriptors 3 and 4 (NUL-separated JSON). It records console messages, uncaught
exceptions, log entries and every network request the page attempts, so tests can assert that
a report opened from disk is quiet and makes no request. Used by the browser tests and by
``bench/bench_report.py``.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--remote-debugging-pipe")


_LAUNCHER = """
import fcntl, os, sys
r, w = int(sys.argv[1]), int(sys.argv[2])
r, w = fcntl.fcntl(r, fcntl.F_DUPFD, 10), fcntl.fcntl(w, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4
os.dup2(r, 3)
os.dup2(w, 4)
for fd in {int(sys.argv[1]), int(sys.argv[2]), r, w} - {3, 4}:
    os.close(fd)
os.execv(sys.argv[3], sys.argv[3:])
"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class CDPError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str | None = None, width: int = 1280, height: int = 900) -> None:
        self.executable = executable or find_chromium()
        if not self.executable:
            raise FileNotFoundError("chromium is not installed")
        self.size = (width, height)
        self.console: list[dict] = []
        self.exceptions: list[str] = []
        self.log: list[dict] = []
        self.requests: list[str] = []
        self._next = 0
        self._buffer = b""
        self._events: list[dict] = []

    # -------------------------------------------------------------- process and pipe

    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="dateline-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # a tiny launcher puts the pipes on fds 3 and 4 and execs chromium (no preexec_fn,
        # which is unsafe in a process with threads such as Prefect's)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(to_child_r), str(from_child_w), self.executable, *FLAGS,
             f"--user-data-dir={self._profile}", f"--window-size={self.size[0]},{self.size[1]}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(to_child_r, from_child_w))
        os.close(to_child_r)
        os.close(from_child_w)
        target = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.page(f"{domain}.enable")
        self.page("Emulation.setDeviceMetricsOverride", width=self.size[0], height=self.size[1],
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (CDPError, OSError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def _send(self, message: dict) -> None:
        os.write(self._to_child, json.dumps(message).encode() + b"\0")

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise CDPError("chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _record(self, msg: dict) -> None:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.console.append({"type": params.get("type"), "text": text})
        elif method == "Runtime.exceptionThrown":
            d = params.get("exceptionDetails", {})
            self.exceptions.append(d.get("exception", {}).get("description") or d.get("text", ""))
        elif method == "Log.entryAdded":
            self.log.append(params.get("entry", {}))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))
        self._events.append(msg)

    def call(self, method: str, session: str | None = None, timeout: float = 60, **params) -> dict:
        self._next += 1
        msg_id = self._next
        message = {"id": msg_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            msg = self._read_message(deadline)
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise CDPError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self._record(msg)

    def page(self, method: str, timeout: float = 60, **params) -> dict:
        return self.call(method, session=self.session, timeout=timeout, **params)

    # -------------------------------------------------------------- what tests use

    def open(self, path: Path, timeout: float = 60) -> float:
        """Navigate to a local file and wait for its load event; returns the seconds it took."""
        self._events.clear()
        start = time.monotonic()
        self.page("Page.navigate", url=Path(path).resolve().as_uri())
        self.wait_for_event("Page.loadEventFired", timeout)
        return time.monotonic() - start

    def wait_for_event(self, method: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        for msg in self._events:
            if msg.get("method") == method:
                return msg
        while True:
            msg = self._read_message(deadline)
            self._record(msg)
            if msg.get("method") == method:
                return msg

    def evaluate(self, expression: str, timeout: float = 60):
        """Value of a JavaScript expression (promises are awaited)."""
        res = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True,
                        timeout=timeout)
        if "exceptionDetails" in res:
            details = res["exceptionDetails"]
            raise CDPError(f"{expression[:60]}: {details.get('exception', {}).get('description') or details.get('text')}")
        return res.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 60, every: float = 0.05):
        """Poll ``expression`` until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {expression}")
            time.sleep(every)

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        params = {"format": "png"}
        if full_page:
            height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": self.size[0], "height": height, "scale": 1})
        data = self.page("Page.captureScreenshot", **params)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        out = [c["text"] for c in self.console if c["type"] in ("error", "assert")]
        out += self.exceptions
        out += [e.get("text", "") for e in self.log if e.get("level") == "error"]
        return out


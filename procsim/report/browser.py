"""Check a rendered HTML report in a real browser (headless Chromium): loads without errors,
every image decodes, no table is wider than the page.

Used by the test suite and by ``docs/make_screenshots.py``; needs the ``chromium`` executable
(Debian package ``chromium``), nothing from PyPI.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["find_chromium", "chromium_check", "chromium_screenshot", "CHROMIUM_FLAGS"]

#: Flags for a quiet, offline, throw-away headless browser.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars")

_PROBE = """<script>
window.__errors = [];
window.addEventListener('error', function (e) {
  var t = e.target || {};
  window.__errors.push(t.tagName ? ('resource failed: ' + t.tagName + ' ' + (t.src || t.href || ''))
                                 : ('script error: ' + e.message));
}, true);
var _ce = console.error;
console.error = function () { window.__errors.push('console.error: ' + Array.from(arguments).join(' '));
                              _ce.apply(console, arguments); };
window.addEventListener('load', function () {
  var width = document.documentElement.clientWidth;
  var imgs = Array.from(document.images).map(function (i) {
    return {alt: i.alt, ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth}; });
  var tables = Array.from(document.querySelectorAll('table')).map(function (t) {
    var r = t.getBoundingClientRect(); return {right: r.right, width: r.width}; });
  var out = document.createElement('pre'); out.id = 'procsim-check';
  out.textContent = JSON.stringify({page_width: width, scroll_width: document.documentElement.scrollWidth,
                                    images: imgs, tables: tables, errors: window.__errors});
  document.body.appendChild(out);
});
</script>"""


def find_chromium() -> str | None:
    """Path of a Chromium executable, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(exe, args, timeout):
    with tempfile.TemporaryDirectory(prefix="procsim-chromium-") as profile:
        return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)


def chromium_check(html_path, width: int = 1280, height: int = 900, exe: str | None = None,
                   timeout: float = 120.0) -> dict:
    """Load ``html_path`` in headless Chromium at ``width`` x ``height`` CSS pixels.

    Returns ``{"page_width", "scroll_width", "images": [{alt, ok, w}], "tables": [{right,
    width}], "errors": [...]}`` measured in the page after its load event. The page is loaded
    from a copy with a probe script inserted at the top of ``<head>`` (the report itself carries
    no script).
    """
    exe = exe or find_chromium()
    if exe is None:
        raise FileNotFoundError("no chromium executable on PATH (Debian: apt-get install chromium)")
    html = Path(html_path).read_text(encoding="utf-8")
    probed = re.sub(r"<head>", "<head>" + _PROBE, html, count=1)
    with tempfile.TemporaryDirectory(prefix="procsim-report-") as tmp:
        page = Path(tmp) / "probe.html"
        page.write_text(probed, encoding="utf-8")
        res = _run(exe, [f"--window-size={width},{height}", "--virtual-time-budget=10000", "--dump-dom",
                         page.as_uri()], timeout)
    m = re.search(r"<pre id=\"procsim-check\">(.*?)</pre>", res.stdout, flags=re.S)
    if m is None:
        raise RuntimeError(f"chromium did not run the page probe (exit {res.returncode}); "
                           f"stderr tail: {res.stderr[-800:]}")
    import html as _html

    return json.loads(_html.unescape(m.group(1)))


def chromium_screenshot(html_path, png_path, width: int = 1100, height: int = 1400,
                        exe: str | None = None, timeout: float = 120.0) -> Path:
    """Screenshot of the top ``width`` x ``height`` pixels of the page."""
    exe = exe or find_chromium()
    if exe is None:
        raise FileNotFoundError("no chromium executable on PATH (Debian: apt-get install chromium)")
    png_path = Path(png_path).resolve()
    _run(exe, [f"--window-size={width},{height}", f"--screenshot={png_path}",
               Path(html_path).resolve().as_uri()], timeout)
    if not png_path.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {png_path}")
    return png_path

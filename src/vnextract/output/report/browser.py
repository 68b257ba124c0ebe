"""Where headless Chromium is and how it starts on these machines (no network, as root).

Used by the report's browser test and its open-time benchmark, so both launch it the same way.
"""

from __future__ import annotations

import os
import shutil

# without the background-networking flags Chromium keeps trying hosts the closed network refuses
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str:
    """$VNEXTRACT_CHROMIUM, else ``chromium`` on PATH, else Debian's path (may not exist)."""
    return os.environ.get("VNEXTRACT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

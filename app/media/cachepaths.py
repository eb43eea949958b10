"""Where derived files (proxies, thumbnails, waveforms) of a source live under ``cache/``.

Names derive from the source's identity: bundle media are named by their SHA-256,
so the name is reused and survives moving the bundle; other files are keyed by
path, size and modification time, so an edited file gets fresh derivatives.
Everything here can be deleted at any time; it is regenerated on demand.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def source_key(source: Path) -> str:
    source = Path(source)
    st = source.stat()
    if _SHA256.match(source.stem):
        return f"{source.stem[:32]}-{st.st_size:x}"
    ident = f"{source.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    return f"{re.sub(r'[^A-Za-z0-9_-]', '_', source.stem)[:24]}-{hashlib.sha1(ident.encode()).hexdigest()[:16]}"


def cache_dir_for(root: Path) -> Path:
    """``root/cache`` for a bundle root (or any folder that has one), else ``root`` itself."""
    root = Path(root)
    if (root / "project.json").exists() or (root / "cache").is_dir():
        return root / "cache"
    return root


def proxy_path(cache_dir: Path, source: Path) -> Path:
    return Path(cache_dir) / "proxies" / f"{source_key(source)}.mp4"


def thumbs_dir(cache_dir: Path, source: Path) -> Path:
    return Path(cache_dir) / "thumbs" / source_key(source)


def waveform_path(cache_dir: Path, source: Path) -> Path:
    return Path(cache_dir) / "waveforms" / f"{source_key(source)}.npy"

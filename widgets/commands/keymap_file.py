"""Keymap files: a preset and the keys of every command, as JSON, to carry a layout between machines."""

from __future__ import annotations

import json
from pathlib import Path

from app.fsutil import atomic_write_bytes
from widgets.commands.catalog import BY_ID
from widgets.commands.keymap import Keys, normalized
from widgets.commands.presets import Preset

FORMAT = "microdrama-keymap"


class KeymapFileError(ValueError):
    """The file is not a keymap this editor wrote."""


def write_keymap(path: Path, preset: Preset, keys: Keys) -> None:
    data = {"format": FORMAT, "version": 1, "preset": preset.value,
            "keys": {cid: list(ks) for cid, ks in sorted(keys.items())}}
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def read_keymap(path: Path) -> tuple[Preset, Keys]:
    """(preset, keys of the commands the file names); unknown commands and unreadable keys are skipped."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeymapFileError(path.name)
        preset = Preset(data.get("preset", Preset.MICRODRAMA.value))
        raw = data.get("keys", {})
        if not isinstance(raw, dict):
            raise KeymapFileError(path.name)
    except (OSError, ValueError) as exc:
        raise KeymapFileError(str(exc)) from exc
    keys = {cid: tuple(k for k in (normalized(str(x)) for x in ks) if k)
            for cid, ks in raw.items() if cid in BY_ID and isinstance(ks, list)}
    return preset, keys

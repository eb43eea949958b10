"""What kind of media a file name says it holds, by its extension.

Its own module so that matching file names (``import_match``) does not load the HTTP
stack (``download`` imports requests: ~0.2 s, once, on the GUI thread of an Import).
"""

from __future__ import annotations

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff")
VIDEO_EXTENSIONS = (".mp4", ".mov", ".webm", ".mkv", ".gif", ".m4v", ".avi")
AUDIO_EXTENSIONS = (".mp3", ".wav", ".flac", ".ogg", ".opus", ".aac", ".m4a")


def media_kind_of_extension(ext: str) -> str:
    """"image", "video", "audio", or "" for an extension (with its dot) we do not take."""
    ext = ext.lower()
    if ext in IMAGE_EXTENSIONS:
        return "image"
    if ext in VIDEO_EXTENSIONS:
        return "video"
    if ext in AUDIO_EXTENSIONS:
        return "audio"
    return ""

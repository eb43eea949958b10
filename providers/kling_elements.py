"""Kling elements: a character's reference images become one reusable Kling element, created once.

``POST /v1/general/advanced-custom-elements`` ``{element_name (<= 20), element_description (<= 100),
reference_type: "image_refer", element_image_list: {frontal_image, refer_images: [{image_url}]}
(1..3 extra angles), tag_list: [{tag_id: "o_102"}] (Character), external_task_id}`` starts a task;
``GET .../advanced-custom-elements/{task_id}`` answers ``task_status`` submitted|processing|succeed|failed
and ``task_result.elements[0].element_id``. Creating one costs nothing (a probe recorded 0 units),
but it takes seconds and clutters the user's library: the id is kept in a small JSON file keyed by
the Kling account, the region's host and the hash of the character's images, so each character is
created once per account and reused by every shot, job and project after that.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from providers import errors as E
from providers.base import CancelToken
from providers.errors import ProviderError

ELEMENTS = "/v1/general/advanced-custom-elements"
CHARACTER_TAG = "o_102"
_LOCK = threading.Lock()
_CREATING: dict[str, threading.Lock] = {}  # one creation per character at a time (shots run in parallel)


def _creation_lock(key: str) -> threading.Lock:
    with _LOCK:
        return _CREATING.setdefault(key, threading.Lock())


def default_cache_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("microdrama-studio", appauthor=False)) / "kling-elements.json"


def subject_key(client: Any, images: list[str]) -> str:
    """Account + region host + image bytes: the same character's element is found again, another's never."""
    digest = hashlib.sha256()
    digest.update(str(client.settings.get("access_key") or "").encode())
    digest.update((urlparse(client.http.base_url).hostname or "").encode())
    for ref in images:
        digest.update(ref.encode() if ref.startswith(("http://", "https://")) else Path(ref).read_bytes())
    return digest.hexdigest()[:32]


class ElementCache:
    """{key: element_id} in a JSON file, written atomically (several jobs may run at once)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> str:
        with _LOCK:
            return str(self._read().get(key) or "")

    def put(self, key: str, element_id: str) -> None:
        with _LOCK:
            data = self._read()
            data[key] = element_id
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, indent=1), "utf-8")
            tmp.replace(self.path)


def cache_for(client: Any) -> ElementCache:
    path = str(client.settings.get("elements_cache") or "")
    return ElementCache(Path(path) if path else default_cache_file())


def ensure_elements(client: Any, subjects: list[dict[str, Any]], cancel: CancelToken | None = None) -> None:
    """Give every subject with images an ``element_id`` (from the cache, else created now), in place."""
    cache = cache_for(client)
    for subject in subjects:
        images = [str(p) for p in subject.get("images") or []][:4]
        if subject.get("element_id") or not images:
            continue
        try:
            key = subject_key(client, images)
        except OSError as exc:  # a reference image was moved or deleted: the shot is made without the element
            subject["element_error"] = str(exc)
            continue
        with _creation_lock(key):
            known = cache.get(key)
            if known:
                subject["element_id"] = known
                continue
            encoded = _encoded(images, subject)
            if encoded:
                subject["element_id"] = _create(client, cache, key, subject, encoded, cancel)


def _encoded(images: list[str], subject: dict[str, Any]) -> list[str]:
    """The images as Kling takes them; [] (and the reason kept in the subject) when one cannot be sent.

    A character whose reference picture is too small for Kling (under 300 px) or unreadable still gets
    the shot made, just without the element: consistency is a help, not a reason to stop a paid batch.
    """
    from providers.kling import encode_image

    try:
        return [encode_image(p) for p in images]
    except (OSError, ValueError) as exc:
        subject["element_error"] = f"the reference images of {subject.get('name') or 'a character'} cannot " \
                                   f"become a Kling element: {exc}"
        return []


def _create(client: Any, cache: ElementCache, key: str, subject: dict[str, Any], encoded: list[str],
            cancel: CancelToken | None) -> str:
    name = str(subject.get("name") or "character")
    body = {"element_name": name[:20], "element_description": (str(subject.get("description") or "") or name)[:100],
            "reference_type": "image_refer",
            "element_image_list": {"frontal_image": encoded[0],
                                   "refer_images": [{"image_url": e} for e in (encoded[1:] or encoded[:1])]},
            "tag_list": [{"tag_id": CHARACTER_TAG}], "external_task_id": f"el-{key[:16]}-{int(time.time())}"}
    data = client._call("POST", ELEMENTS, cancel, json=body, billable=True)
    element_id = wait_for_element(client, str(data.get("task_id") or ""), name, cancel)
    cache.put(key, element_id)
    return element_id


def wait_for_element(client: Any, task_id: str, name: str, cancel: CancelToken | None,
                     timeout: float = 600.0) -> str:
    if not task_id:
        raise client.error("the element answer has no task_id", kind=E.INVALID_RESPONSE)
    interval = float(client.settings.get("element_poll_interval") or 3.0)
    deadline = time.monotonic() + timeout
    while True:
        data = client._call("GET", f"{ELEMENTS}/{task_id}", cancel)
        status = str(data.get("task_status") or "")
        if status == "succeed":
            elements = (data.get("task_result") or {}).get("elements") or []
            if elements and elements[0].get("element_id") not in (None, ""):
                return str(elements[0]["element_id"])
            raise client.error("Kling made the element but sent no element_id", kind=E.INVALID_RESPONSE)
        if status == "failed":
            raise ProviderError(f"{client.name}: Kling could not make the element for {name}: "
                                f"{data.get('task_status_msg') or 'no reason given'}", retryable=False,
                                kind=E.TASK_FAILED, provider=client.name)
        if time.monotonic() > deadline:
            raise client.error(f"the element for {name} was not ready after {timeout:.0f} s", kind=E.TIMEOUT,
                               retryable=True)
        if cancel is not None:
            if cancel.wait(interval):
                cancel.raise_if_cancelled()
        else:
            time.sleep(interval)

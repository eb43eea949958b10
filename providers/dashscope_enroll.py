"""DashScope CosyVoice voice enrolment (cloning) and its temporary upload of the sample.

Wire format (dashscope SDK ``audio/tts_v2/enrollment.py`` and ``utils/oss_utils.py``;
../shared/PROVIDERS-MORE.md 2c):

- Temporary upload (free, files kept 48 h, Beijing region): ``GET /uploads?action=getPolicy&model=
  voice-enrollment`` (Bearer key) -> ``{"data": {policy, signature, upload_dir, upload_host,
  oss_access_key_id, x_oss_object_acl, x_oss_forbid_overwrite, max_file_size_mb, ...}}``; then a
  multipart form POST to ``upload_host`` (no key) with ``OSSAccessKeyId, Signature, policy, key,
  x-oss-object-acl, x-oss-forbid-overwrite, success_action_status=200`` and ``file`` last. The
  sample is then ``oss://<key>``, usable only by DashScope models and only when the call carries
  ``X-DashScope-OssResourceResolve: enable``.
- ``POST /services/audio/tts/customization`` ``{"model": "voice-enrollment", "input": {"action":
  "create_voice", "target_model", "prefix" (<=10 letters/digits), "url"}}`` -> ``output.voice_id``
  (it names its target model: ``cosyvoice-v3-plus-<prefix>-<id>``). ``query_voice`` (``voice_id``)
  -> ``output.status`` ``DEPLOYING`` / ``OK`` / ``UNDEPLOYED``; ``list_voice`` (``prefix``,
  ``page_index``, ``page_size``) -> ``output.voice_list``; ``delete_voice`` (``voice_id``).

The voice may only be used with its target model: synthesis picks the model from the id.
"""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path
from typing import Any

from providers import errors as E
from providers.base import CancelToken
from providers.errors import ProviderError
from providers.http import HttpClient

ENROLL_PATH = "/services/audio/tts/customization"
ENROLL_MODEL = "voice-enrollment"
COSYVOICE_TARGETS = ("cosyvoice-v3-plus", "cosyvoice-v3-flash", "cosyvoice-v2", "cosyvoice-v1")
DEFAULT_TARGET = "cosyvoice-v3-plus"
OSS_RESOLVE = {"X-DashScope-OssResourceResolve": "enable"}
READY_TIMEOUT_S = 180.0


def enrolled_model(voice_id: str) -> str:
    """The CosyVoice model an enrolled voice belongs to ("" for a stock voice)."""
    return next((m for m in COSYVOICE_TARGETS if voice_id.startswith(m + "-")), "")


def voice_prefix(name: str) -> str:
    """DashScope's ``prefix``: at most 10 ASCII letters and digits (a name in Chinese gives "voice")."""
    cleaned = re.sub(r"[^A-Za-z0-9]", "", name)[:10].lower()
    return cleaned or "voice"


def temporary_upload(http: HttpClient, path: Path, cancel: CancelToken | None = None,
                     model: str = ENROLL_MODEL) -> str:
    """Put ``path`` on DashScope's temporary storage; its ``oss://`` URL (for DashScope models only)."""
    answer = http.json("GET", "/uploads", params={"action": "getPolicy", "model": model}, cancel=cancel)
    data = answer.get("data") if isinstance(answer, dict) else None
    policy: dict[str, Any] = data if isinstance(data, dict) else {}  # a malformed answer: "incomplete" below
    needed = ("policy", "signature", "upload_dir", "upload_host", "oss_access_key_id")
    if any(not policy.get(k) for k in needed):
        raise ProviderError(f"{http.provider}: the upload policy is incomplete: {str(answer)[:200]}",
                            retryable=True, kind=E.INVALID_RESPONSE, provider=http.provider)
    data = path.read_bytes()
    limit_mb = float(policy.get("max_file_size_mb") or 100)
    if len(data) > limit_mb * 1024 * 1024:
        raise ProviderError(f"{http.provider}: the sample is larger than {limit_mb:g} MB", retryable=False,
                            kind=E.BAD_REQUEST, provider=http.provider)
    key = f"{policy['upload_dir']}/{uuid.uuid4().hex[:8]}-{path.name}"
    form = {"OSSAccessKeyId": policy["oss_access_key_id"], "Signature": policy["signature"],
            "policy": policy["policy"], "key": key,
            "x-oss-object-acl": str(policy.get("x_oss_object_acl") or "private"),
            "x-oss-forbid-overwrite": str(policy.get("x_oss_forbid_overwrite") or "true"),
            "success_action_status": "200"}
    http.request("POST", str(policy["upload_host"]), cancel=cancel, auth=False, data=form,
                 files={"file": (path.name, data, "audio/wav")})
    return f"oss://{key}"


class CosyVoiceEnrolment:
    """create / query / list / delete of cloned CosyVoice voices on one DashScope account."""

    def __init__(self, http: HttpClient, name: str) -> None:
        self.http, self.name = http, name

    def _call(self, action: str, cancel: CancelToken | None, billable: bool = False,
              **fields: Any) -> dict[str, Any]:
        body = {"model": ENROLL_MODEL, "input": {"action": action, **fields}}
        answer = self.http.json("POST", ENROLL_PATH, json=body, cancel=cancel, billable=billable,
                                headers=OSS_RESOLVE if str(fields.get("url", "")).startswith("oss://") else None)
        output = answer.get("output") if isinstance(answer, dict) else None
        if not isinstance(output, dict):
            raise ProviderError(f"{self.name}: the enrolment answer has no output: {str(answer)[:200]}",
                                retryable=False, kind=E.INVALID_RESPONSE, provider=self.name)
        return output

    def create(self, sample: Path, prefix: str, target_model: str = DEFAULT_TARGET,
               cancel: CancelToken | None = None) -> str:
        """Upload ``sample``, enrol it, wait until the voice is ready; the new voice id."""
        url = temporary_upload(self.http, sample, cancel)
        output = self._call("create_voice", cancel, billable=True, target_model=target_model,
                            prefix=voice_prefix(prefix), url=url)
        voice_id = str(output.get("voice_id") or "")
        if not voice_id:
            raise ProviderError(f"{self.name}: the enrolment answer has no voice_id: {output}", retryable=False,
                                kind=E.INVALID_RESPONSE, provider=self.name)
        self.wait_ready(voice_id, cancel)
        return voice_id

    def wait_ready(self, voice_id: str, cancel: CancelToken | None = None, interval: float = 2.0) -> None:
        """Poll ``query_voice`` until OK; a voice that fails to deploy is deleted and reported."""
        started = time.monotonic()
        while True:
            status = str(self.query(voice_id, cancel).get("status") or "")
            if status == "OK":
                return
            if status not in ("DEPLOYING", ""):
                self.delete(voice_id, cancel)
                raise ProviderError(f"{self.name}: DashScope could not make the voice ({status})", retryable=False,
                                    kind=E.BAD_REQUEST, provider=self.name)
            if time.monotonic() - started > READY_TIMEOUT_S:
                raise ProviderError(f"{self.name}: the cloned voice was not ready after {READY_TIMEOUT_S:g} s",
                                    retryable=False, kind=E.TIMEOUT, provider=self.name)
            if cancel is not None:
                if cancel.wait(interval):
                    cancel.raise_if_cancelled()
            else:
                time.sleep(interval)

    def query(self, voice_id: str, cancel: CancelToken | None = None) -> dict[str, Any]:
        return self._call("query_voice", cancel, voice_id=voice_id)

    def list(self, prefix: str = "", cancel: CancelToken | None = None) -> list[dict[str, Any]]:
        fields: dict[str, Any] = {"page_index": 0, "page_size": 100}
        if prefix:
            fields["prefix"] = voice_prefix(prefix)
        return [v for v in self._call("list_voice", cancel, **fields).get("voice_list") or [] if isinstance(v, dict)]

    def delete(self, voice_id: str, cancel: CancelToken | None = None) -> None:
        self._call("delete_voice", cancel, voice_id=voice_id)

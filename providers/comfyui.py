"""ComfyUI (a server the user runs, local or remote) driven by workflow templates.

A template is a workflow in ComfyUI's API format whose values may be placeholders:
``{{prompt}} {{negative_prompt}} {{seed}} {{width}} {{height}} {{n}} {{image}}
{{last_image}} {{model}} {{steps}} {{frames}} {{fps}} {{filename_prefix}}``. A string that
is exactly one placeholder becomes the typed value (``"{{seed}}"`` -> 1234); placeholders
inside longer strings are interpolated. Shipped templates live in resources/workflows/.

Wire format (ComfyUI server routes, also under ``/api``):
- ``POST /upload/image`` multipart (``image``, ``overwrite``, ``type``, ``subfolder``) ->
  ``{"name", "subfolder", "type"}``;
- ``POST /prompt`` ``{"prompt": workflow, "client_id"}`` -> ``{"prompt_id", "number",
  "node_errors"}``; a 400 carries ``{"error": {"type", "message", "details"},
  "node_errors": {node_id: {"errors": [...], "class_type"}}}``;
- ``GET /history/{prompt_id}`` -> ``{}`` until done, then ``{prompt_id: {"outputs": {node:
  {"images"|"gifs"|"videos"|"audio": [{"filename", "subfolder", "type"}]}}, "status":
  {"status_str", "completed", "messages"}}}``; ``GET /queue`` -> ``{"queue_running",
  "queue_pending"}`` (entries ``[number, prompt_id, ...]``);
- ``GET /view?filename=&subfolder=&type=`` -> file bytes; ``POST /interrupt``; ``POST /queue
  {"delete": [ids]}``; ``GET /system_stats``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

import requests

from providers import errors as E
from providers.base import (
    FAILED,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    VIDEO,
    CancelToken,
    GenerationRequest,
    ImageRequest,
    OutputRef,
    TaskHandle,
    TaskStatus,
    VideoRequest,
)
from providers.comfyui_media import ANIMATED_STILL_SUFFIXES, animation_to_mp4
from providers.comfyui_progress import ProgressListener, step_weights
from providers.common import ProviderClient
from providers.download import verify_media
from providers.errors import ProviderError
from providers.media_kinds import media_kind_of_extension

WORKFLOW_DIR = Path(__file__).resolve().parent.parent / "resources" / "workflows"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_OUTPUT_KEYS = ("images", "gifs", "videos", "video", "audio")
_ASPECTS = {"9:16": (9, 16), "16:9": (16, 9), "1:1": (1, 1), "3:4": (3, 4), "4:3": (4, 3)}


def load_template(name_or_path: str) -> dict[str, Any]:
    """A shipped template by name (``text_to_image``) or a workflow JSON file by path."""
    path = Path(name_or_path).expanduser()
    if not path.suffix:
        from providers.comfyui_byo import user_workflow_dir

        shipped, imported = WORKFLOW_DIR / f"{name_or_path}.json", user_workflow_dir() / f"{name_or_path}.json"
        path = shipped if shipped.is_file() or not imported.is_file() else imported
    workflow = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(workflow, dict):
        raise ValueError(f"{path.name} is not a workflow object")
    workflow = {k: v for k, v in workflow.items() if not k.startswith("_")}
    if "nodes" in workflow and "links" in workflow:
        raise ValueError(f"{path.name} is in the UI format; export it with 'Save (API Format)'")
    return workflow


def content_name(path: Path, data: bytes) -> str:
    """An upload name that depends on the bytes: two different ``frame.png`` never share a name.

    ComfyUI's ``/upload/image`` with ``overwrite=true`` silently replaces a file of the same
    name, which on a shared server (or with several queued jobs) swaps one job's first frame
    for another's. Without ``overwrite`` it reuses an identical file, so a content name is
    uploaded once per server however often it is used.
    """
    stem = re.sub(r"[^\w.-]+", "_", path.stem)[:40] or "image"
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{path.suffix.lower()}"


def trimmed(text: Any, limit: int = 400) -> str:
    """A vendor message on one line, without ComfyUI's trailing newline, at most ``limit`` characters."""
    one_line = " ".join(str(text or "").split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def node_error_lines(node_errors: dict[str, Any]) -> list[str]:
    """One plain line per validation error: "node 4 (ImageScale): Value not in list: upscale_method: ..."."""
    lines = []
    for node_id, node in (node_errors or {}).items():
        if not isinstance(node, dict):
            continue
        for e in node.get("errors", []):
            extra = e.get("extra_info") or {}
            detail = e.get("details") or extra.get("exception_message") or ""
            lines.append(trimmed(f"node {node_id} ({node.get('class_type', '?')}): {e.get('message', '')}"
                                 f"{': ' + str(detail) if detail else ''}", 300))
    return lines


def placeholders(workflow: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(workflow, dict):
        for v in workflow.values():
            found |= placeholders(v)
    elif isinstance(workflow, list):
        for v in workflow:
            found |= placeholders(v)
    elif isinstance(workflow, str):
        found.update(_PLACEHOLDER.findall(workflow))
    return found


def fill(workflow: Any, values: dict[str, Any]) -> Any:
    """A copy of ``workflow`` with placeholders replaced; unknown placeholders raise KeyError."""
    if isinstance(workflow, dict):
        return {k: fill(v, values) for k, v in workflow.items()}
    if isinstance(workflow, list):
        return [fill(v, values) for v in workflow]
    if isinstance(workflow, str):
        whole = _PLACEHOLDER.fullmatch(workflow)
        if whole:
            return values[whole.group(1)]
        return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), workflow)
    return workflow


def frame_size(request: ImageRequest | VideoRequest, long_side: int) -> tuple[int, int]:
    """Width and height (multiples of 16) for the request's size or aspect ratio."""
    if request.width and request.height:
        return request.width // 16 * 16, request.height // 16 * 16
    a, b = _ASPECTS.get(request.aspect_ratio, (9, 16))
    w: float
    h: float
    if a >= b:
        w, h = long_side, long_side * b / a
    else:
        w, h = long_side * a / b, long_side
    return int(w) // 16 * 16, int(h) // 16 * 16


class ComfyUIProvider(ProviderClient):
    default_poll_interval = 1.0

    def __init__(self, settings: Any, *, name: str, staging_dir: Path | None = None) -> None:
        super().__init__(settings, name=name, staging_dir=staging_dir)
        self._listeners: dict[str, ProgressListener] = {}

    def listener(self, client_id: str) -> ProgressListener:
        """The progress listener for ``client_id`` (ComfyUI sends a prompt's events to its client id)."""
        current = self._listeners.get(client_id)
        if current is None or not current.alive:
            current = ProgressListener(self.http.base_url, client_id, self.auth_headers())
            self._listeners[client_id] = current
        return current

    def close(self) -> None:
        for listener in self._listeners.values():
            listener.stop()
        self._listeners.clear()
        super().close()

    def map_error(self, response: requests.Response, body: Any) -> ProviderError | None:
        if isinstance(body, dict) and ("node_errors" in body or isinstance(body.get("error"), dict)):
            err = body.get("error") or {}
            parts = [trimmed(err.get("message") or "the workflow was refused")]
            if err.get("details"):
                parts.append(trimmed(err["details"]))
            parts += node_error_lines(body.get("node_errors") or {})
            return E.for_status(response.status_code, "; ".join(parts), provider=self.name,
                                vendor_code=err.get("type"), secrets=self.secret_values())
        return None

    def download_headers(self, output: OutputRef) -> dict[str, str]:
        if urlparse(output.url).netloc == urlparse(self.http.base_url).netloc:
            return self.auth_headers()
        return {}

    # --- submit -------------------------------------------------------------------------------------
    def upload(self, path: str, cancel: CancelToken | None = None) -> str:
        """Upload an input image; returns the name LoadImage expects (``subfolder/name``)."""
        p = Path(path)
        mime = "image/png" if p.suffix.lower() == ".png" else "image/jpeg"
        content = p.read_bytes()
        data = self.http.json("POST", "/upload/image", cancel=cancel,
                              files={"image": (content_name(p, content), content, mime)},
                              data={"type": "input", "subfolder": "microdrama"})
        if not isinstance(data, dict) or not data.get("name"):
            raise self.error(f"the upload answer has no name: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        return f"{data['subfolder']}/{data['name']}" if data.get("subfolder") else str(data["name"])

    def submit(self, request: GenerationRequest, cancel: CancelToken | None = None) -> TaskHandle:
        workflow, meta = self.build(request, lambda path: self.upload(path, cancel))
        return self.queue_prompt(request, workflow, meta, cancel)

    def build(self, request: GenerationRequest, upload: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        """The filled workflow for ``request`` and what the handle remembers of it.

        ``upload(path) -> name`` puts an input image where LoadImage finds it (a farm checks a
        server's nodes and models with a stand-in before uploading anything).
        """
        if not isinstance(request, ImageRequest | VideoRequest):
            raise self.error(f"{request.capability} generation is not set up for ComfyUI", kind=E.CONFIG)
        key = "image_workflow" if isinstance(request, ImageRequest) else "video_workflow"
        template_name = str(request.parameters.get("workflow") or self.settings.get(key) or "")
        try:
            template = load_template(template_name)
        except (OSError, ValueError) as exc:
            raise self.error(f"cannot load the workflow {template_name!r}: {exc}", kind=E.CONFIG) from None
        wanted = placeholders(template)
        seed = request.seed if request.seed is not None else random.randrange(2**32)
        values: dict[str, Any] = {
            "prompt": request.prompt, "negative_prompt": request.negative_prompt, "seed": seed,
            "model": self.model_for(request), "steps": int(self.settings.get("steps") or 25),
            "filename_prefix": f"microdrama/{uuid.uuid4().hex[:12]}",
        }
        references: list[str] = []
        if isinstance(request, ImageRequest):
            values["width"], values["height"] = frame_size(request, 1344)
            values["n"] = max(1, request.n)
            references = request.reference_images[:1]
            if references and "image" not in wanted:
                raise self.error("this image workflow has no {{image}} input for a reference image",
                                 kind=E.BAD_REQUEST)
            if references:
                values["image"] = upload(references[0])
        else:
            values["width"], values["height"] = frame_size(request, 832)
            values["fps"] = int(request.parameters.get("fps") or request.fps or 16)
            # Wan-style models want 4k+1 frames.
            frames = max(5, round(request.duration * values["fps"]))
            values["frames"] = frames - (frames - 1) % 4
            if "image" in wanted:
                if not request.first_frame:
                    raise self.error("this workflow makes video from a first frame: give one", kind=E.BAD_REQUEST)
                values["image"] = upload(request.first_frame)
            if request.last_frame:
                if "last_image" not in wanted:
                    raise self.error("this video workflow has no {{last_image}} input for an end frame",
                                     kind=E.BAD_REQUEST)
                values["last_image"] = upload(request.last_frame)
        missing = wanted - values.keys()
        if missing:
            raise self.error(f"the workflow needs values nobody gives: {', '.join(sorted(missing))}", kind=E.CONFIG)
        meta = {"seed": seed, "workflow": template_name, "width": values["width"], "height": values["height"],
                "model": values["model"]}
        for key in ("frames", "fps"):  # an animated WebP/PNG clip is rebuilt at these (see comfyui_media)
            if key in wanted and key in values:
                meta[key] = values[key]
        return fill(template, values), meta

    def queue_prompt(self, request: GenerationRequest, workflow: dict[str, Any], meta: dict[str, Any],
                     cancel: CancelToken | None = None) -> TaskHandle:
        """``POST /prompt``; a 200 with node errors still gives a handle (ComfyUI runs the valid branches)."""
        # The job queue's id for this create (stable across restarts) doubles as ComfyUI's client id,
        # which ComfyUI keeps in the queue and history: find_task can find a prompt whose answer was lost.
        client_id = str(getattr(request, "client_ref", "") or "") or uuid.uuid4().hex
        self.listener(client_id)  # listen before queueing, so the first steps are heard
        data = self.http.json("POST", "/prompt", json={"prompt": workflow, "client_id": client_id}, cancel=cancel,
                              **self._billable())
        if not isinstance(data, dict) or not data.get("prompt_id"):
            raise self.error(f"the answer has no prompt_id: {str(data)[:200]}", kind=E.INVALID_RESPONSE)
        weights = step_weights(workflow)
        self.listener(client_id).expect(str(data["prompt_id"]), weights)
        endpoint: dict[str, Any] = {"client_id": client_id, "number": data.get("number"), "seed": meta["seed"],
                    "workflow": meta["workflow"], "width": meta["width"], "height": meta["height"],
                    "weights": weights, **{k: meta[k] for k in ("frames", "fps") if k in meta}}
        if data.get("node_errors"):
            # ComfyUI queued the valid branches and runs them (it may cost): keep the handle so the
            # job can be followed and cancelled, and show what it skipped.
            endpoint["node_errors"] = node_error_lines(data["node_errors"])[:8]
        return TaskHandle(provider=self.name, capability=request.capability, task_id=str(data["prompt_id"]),
                          model=meta["model"], endpoint=endpoint)

    def _billable(self) -> dict[str, bool]:
        """``billable=True`` for the create call once the shared HttpClient takes it (the never-pay-twice
        contract: a rented server bills by the hour, so a lost answer is looked up, never resent)."""
        import inspect

        return {"billable": True} if "billable" in inspect.signature(self.http.request).parameters else {}

    def find_task(self, request: GenerationRequest, client_ref: str, submitted_after: float,
                  cancel: CancelToken | None = None) -> TaskHandle | None:
        """The prompt queued with ``client_ref`` as its client id (queue first, then history), or None."""
        if not client_ref:
            return None
        queue = self.http.json("GET", "/queue", cancel=cancel)
        entries = [q for key in ("queue_running", "queue_pending") for q in (queue or {}).get(key) or []]
        history = self.http.json("GET", "/history", params={"max_items": 256}, cancel=cancel)
        entries += [h.get("prompt") for h in (history or {}).values() if isinstance(h, dict)]
        for entry in entries:
            if not (isinstance(entry, list) and len(entry) > 3 and isinstance(entry[3], dict)):
                continue
            if entry[3].get("client_id") == client_ref:
                workflow = entry[2] if isinstance(entry[2], dict) else {}
                return TaskHandle(provider=self.name, capability=request.capability, task_id=str(entry[1]),
                                  model=self.model_for(request),
                                  endpoint={"client_id": client_ref, "number": entry[0], "seed": request.seed,
                                            "weights": step_weights(workflow), "found": True})
        return None

    # --- poll ----------------------------------------------------------------------------------------
    def poll(self, handle: TaskHandle, cancel: CancelToken | None = None) -> TaskStatus:
        history = self.http.json("GET", f"/history/{handle.task_id}", cancel=cancel)
        entry = history.get(handle.task_id) if isinstance(history, dict) else None
        if not entry:
            queue = self.http.json("GET", "/queue", cancel=cancel)
            running = [q[1] for q in (queue.get("queue_running") or []) if len(q) > 1]
            pending = [q[1] for q in (queue.get("queue_pending") or []) if len(q) > 1]
            if handle.task_id in running:
                return TaskStatus(state=RUNNING, vendor_status="running", progress=self._progress(handle),
                                  vendor_message=self._warnings(handle))
            if handle.task_id in pending:
                ahead = sorted(q[0] for q in queue.get("queue_pending") or [] if len(q) > 1)
                number = next((q[0] for q in queue["queue_pending"] if len(q) > 1 and q[1] == handle.task_id), 0)
                return TaskStatus(state=QUEUED, vendor_status="pending", queue_position=ahead.index(number),
                                  vendor_message=self._warnings(handle))
            # Finished between the two calls? Ask once more before giving up.
            history = self.http.json("GET", f"/history/{handle.task_id}", cancel=cancel)
            entry = history.get(handle.task_id) if isinstance(history, dict) else None
            if not entry:
                return TaskStatus(state=FAILED, vendor_status="unknown",
                                  error="ComfyUI no longer knows this job (the server was restarted or its "
                                        "history cleared); generate it again")
        self._forget(handle)  # in the history = finished: no more progress to hear
        status_info = entry.get("status") or {}
        status_str = str(status_info.get("status_str") or "")
        if status_str == "error" and _interrupted(status_info.get("messages") or []):
            return TaskStatus(state=FAILED, vendor_status="interrupted",
                              error="interrupted on the ComfyUI server (by a cancel here or in ComfyUI's own "
                                    "window); nothing was saved. Retry to generate it again.")
        if status_str == "error":
            message = _execution_error(status_info.get("messages") or [])
            return TaskStatus(state=FAILED, vendor_status="error", vendor_message=message,
                              error=f"ComfyUI stopped with an error: {message or 'see the server log'}")
        if status_info and not status_info.get("completed", True):
            return TaskStatus(state=RUNNING, vendor_status=status_str or "running")
        outputs = self._outputs(entry.get("outputs") or {}, handle)
        if not outputs:
            return TaskStatus(state=FAILED, vendor_status=status_str or "success",
                              error="the workflow finished without saving any file (does it end in a Save node?)")
        return TaskStatus(state=SUCCEEDED, vendor_status=status_str or "success", progress=1.0, outputs=outputs,
                          vendor_message=self._warnings(handle))

    @staticmethod
    def _warnings(handle: TaskHandle) -> str:
        """The validation errors of branches ComfyUI skipped (it ran the rest)."""
        lines = handle.endpoint.get("node_errors") or []
        return ("skipped: " + "; ".join(lines)) if lines else ""

    def _progress(self, handle: TaskHandle) -> float | None:
        client_id = str(handle.endpoint.get("client_id") or "")
        return self.listener(client_id).progress(handle.task_id) if client_id else None

    def _forget(self, handle: TaskHandle) -> None:
        listener = self._listeners.pop(str(handle.endpoint.get("client_id") or ""), None)
        if listener is not None:
            listener.stop()

    def _outputs(self, node_outputs: dict[str, Any], handle: TaskHandle) -> list[OutputRef]:
        refs: list[OutputRef] = []
        want = "video" if handle.capability == VIDEO else "image"
        for node_id in sorted(node_outputs, key=str):
            node_output = node_outputs[node_id] if isinstance(node_outputs[node_id], dict) else {}
            # SaveVideo/SaveWEBM/SaveAnimatedWEBP/SaveAnimatedPNG list their file under "images" with
            # "animated": [true]: for a video job an animated .webp or .png is the clip.
            animated = any(node_output.get("animated") or [])
            for key in _OUTPUT_KEYS:
                for item in node_output.get(key) or []:
                    if not isinstance(item, dict) or not item.get("filename") or item.get("type") == "temp":
                        continue
                    kind = media_kind_of_extension(Path(item["filename"]).suffix) or want
                    if animated and handle.capability == VIDEO:
                        kind = "video"
                    if handle.capability == VIDEO and kind == "image":
                        continue  # stills saved along the way (e.g. a preview frame)
                    query = urlencode({"filename": item["filename"], "subfolder": item.get("subfolder", ""),
                                       "type": item.get("type", "output")})
                    refs.append(OutputRef(url=f"{self.http.base_url}/view?{query}", media_type=kind,
                                          filename=Path(item["filename"]).name, index=len(refs),
                                          extra={"node": node_id, "subfolder": item.get("subfolder", ""),
                                                 "animated": animated, "frames": handle.endpoint.get("frames", 0),
                                                 "fps": handle.endpoint.get("fps", 0)}))
        return refs

    def download(self, output: OutputRef, dest_dir: Path, cancel: CancelToken | None = None,
                 progress: Any = None) -> Path:
        """Download; an animated WebP/PNG clip is converted to MP4 (our media engine cannot play those)."""
        suffix = Path(output.filename).suffix.lower()
        if not (output.media_type == "video" and suffix in ANIMATED_STILL_SUFFIXES):
            return super().download(output, dest_dir, cancel, progress)
        as_image = OutputRef.from_dict({**output.to_dict(), "media_type": "image"})
        still = super().download(as_image, dest_dir, cancel, progress)
        clip = still.with_suffix(".mp4")
        try:
            animation_to_mp4(still, clip, frames_expected=int(output.extra.get("frames") or 0),
                             fps_expected=float(output.extra.get("fps") or 0))
            verify_media(clip, "video")
        except (ValueError, OSError) as exc:
            clip.unlink(missing_ok=True)
            raise self.error(f"the animated {suffix} from ComfyUI could not be turned into a clip: {exc}",
                             kind=E.INVALID_RESPONSE) from None
        finally:
            still.unlink(missing_ok=True)
        return clip

    def cancel(self, handle: TaskHandle) -> None:
        self.http.request("POST", "/queue", json={"delete": [handle.task_id]})
        queue = self.http.json("GET", "/queue")
        if any(len(q) > 1 and q[1] == handle.task_id for q in queue.get("queue_running") or []):
            self.http.request("POST", "/interrupt", json={"prompt_id": handle.task_id})

    def check_connection(self, cancel: CancelToken | None = None) -> str:
        data = self.http.json("GET", "/system_stats", cancel=cancel)
        system = data.get("system", {}) if isinstance(data, dict) else {}
        devices = data.get("devices", []) if isinstance(data, dict) else []
        version = system.get("comfyui_version", "")
        device = devices[0].get("name", "") if devices else ""
        return f"Connected to ComfyUI {version}".strip() + (f" on {device}" if device else "")


def _execution_error(messages: list[Any]) -> str:
    for message in messages:
        if isinstance(message, list | tuple) and len(message) == 2 and message[0] == "execution_error":
            info = message[1] or {}
            return trimmed(f"{info.get('node_type', '')}: {trimmed(info.get('exception_message', ''))}".strip(": "))
    return ""


def _interrupted(messages: list[Any]) -> bool:
    """An interrupted prompt ends its history messages with ``execution_interrupted``."""
    names = [m[0] for m in messages if isinstance(m, list | tuple) and m]
    return "execution_interrupted" in names and "execution_error" not in names

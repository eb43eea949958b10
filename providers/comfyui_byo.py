"""Bring your own ComfyUI workflow: find its prompt, image, seed and size inputs, save it as a template.

A creator exports any workflow from ComfyUI in the API format (``{node_id: {"class_type",
"inputs"}}``). ``guess_bindings`` reads the graph the way a person would: the text that
feeds a sampler's ``positive`` is the prompt and the one feeding ``negative`` the negative
prompt (followed back through conditioning nodes), ``LoadImage`` is the first frame (a
second one, or one feeding an ``end``/``last`` input, the end frame), ``seed``/``noise_seed``
the seed, the latent's ``width``/``height``/``batch_size`` the size and count, ``length``/
``frames``/``fps`` the video timing, the save nodes' ``filename_prefix`` ours. The user can
correct any binding once (the import dialog); ``make_template`` writes the placeholders
(``{{prompt}}`` ...) into a copy, which ``providers.comfyui`` fills for every job.
Templates are saved in the user's config folder (``user_workflow_dir``), or next to a project.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import platformdirs

VIDEO_OUTPUT_CLASSES = ("SaveVideo", "SaveWEBM", "SaveAnimatedWEBP", "SaveAnimatedPNG", "VHS_VideoCombine")
_TEXT_INPUTS = ("text", "prompt", "positive_prompt", "text_g")
_SEED_INPUTS = ("seed", "noise_seed")
_FRAME_INPUTS = ("length", "frames", "num_frames", "video_frames", "frame_count")
_FPS_INPUTS = ("fps", "frame_rate")


class Role(Enum):
    """What a workflow input is to us; the value is the template placeholder."""

    PROMPT = "prompt"
    NEGATIVE_PROMPT = "negative_prompt"
    IMAGE = "image"
    LAST_IMAGE = "last_image"
    SEED = "seed"
    WIDTH = "width"
    HEIGHT = "height"
    COUNT = "n"
    FRAMES = "frames"
    FPS = "fps"
    FILENAME_PREFIX = "filename_prefix"


class WorkflowFormatError(ValueError):
    """The file is not an API-format ComfyUI workflow (the message says how to get one)."""


UI_FORMAT_ADVICE = ("This is ComfyUI's UI (editor) format, not the API format. In ComfyUI open the workflow and "
                    "use Workflow > Export (API) (older versions: enable Dev mode in the settings, then "
                    "'Save (API Format)'), and import that file.")


@dataclass(frozen=True)
class Binding:
    role: Role
    node_id: str
    input_name: str


def parse_workflow(text: str) -> dict[str, Any]:
    """The API-format workflow in ``text``; WorkflowFormatError with advice otherwise."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise WorkflowFormatError(f"The file is not JSON ({exc}).") from None
    if isinstance(data, dict) and isinstance(data.get("prompt"), dict) and "nodes" not in data:
        data = data["prompt"]  # a /prompt request body saved as is
    if isinstance(data, dict) and "nodes" in data and ("links" in data or "last_node_id" in data):
        raise WorkflowFormatError(UI_FORMAT_ADVICE)
    if not isinstance(data, dict):
        raise WorkflowFormatError("The file holds no workflow object.")
    nodes = {str(k): v for k, v in data.items() if not str(k).startswith("_")}
    bad = [k for k, v in nodes.items() if not (isinstance(v, dict) and isinstance(v.get("class_type"), str)
                                                and isinstance(v.get("inputs", {}), dict))]
    if not nodes or bad:
        raise WorkflowFormatError("The file is not an API-format ComfyUI workflow (every node needs class_type "
                                  "and inputs). " + UI_FORMAT_ADVICE)
    return nodes


def _links(inputs: dict[str, Any]) -> list[tuple[str, str]]:
    return [(name, str(v[0])) for name, v in inputs.items() if isinstance(v, list) and len(v) == 2]


def _text_upstream(workflow: dict[str, Any], start: str, side: str) -> tuple[str, str] | None:
    """The nearest node above ``start`` (itself included) with a text input: (node id, input name).

    Through a conditioning node that itself has ``positive``/``negative`` inputs (WanImageToVideo,
    ControlNetApply...), only the same ``side`` is followed.
    """
    queue, seen = [start], set()
    while queue:
        nid = queue.pop(0)
        if nid in seen or nid not in workflow:
            continue
        seen.add(nid)
        inputs = workflow[nid].get("inputs", {})
        for name in _TEXT_INPUTS:
            if isinstance(inputs.get(name), str):
                return nid, name
        links = _links(inputs)
        same_side = [src for name, src in links if name == side]
        queue += same_side or [src for _name, src in links]
    return None


def is_video_workflow(workflow: dict[str, Any]) -> bool:
    return any(n.get("class_type") in VIDEO_OUTPUT_CLASSES for n in workflow.values())


def guess_bindings(workflow: dict[str, Any]) -> dict[Role, Binding]:
    """The inputs we can fill, found from class types and the links between nodes."""
    found: dict[Role, Binding] = {}

    def put(role: Role, nid: str, name: str) -> None:
        if role not in found:
            found[role] = Binding(role, nid, name)

    ordered = sorted(workflow, key=lambda k: (len(k), k))
    for nid in ordered:  # samplers: what feeds positive / negative
        inputs = workflow[nid].get("inputs", {})
        links = dict(_links(inputs))
        for role, key in ((Role.PROMPT, "positive"), (Role.NEGATIVE_PROMPT, "negative")):
            if key in links:
                hit = _text_upstream(workflow, links[key], key)
                if hit and all(b.node_id != hit[0] for b in found.values()):
                    put(role, *hit)
    for nid in ordered:
        node = workflow[nid]
        cls, inputs = node.get("class_type", ""), node.get("inputs", {})
        if Role.PROMPT not in found and "TextEncode" in cls and isinstance(inputs.get("text"), str):
            put(Role.PROMPT, nid, "text")
        if cls.startswith("LoadImage") and isinstance(inputs.get("image"), str):
            consumers = [name for other in workflow.values() for name, src in _links(other.get("inputs", {}))
                         if src == nid]
            last = any(re.search(r"end|last", c) for c in consumers)
            put(Role.LAST_IMAGE if last or Role.IMAGE in found else Role.IMAGE, nid, "image")
        for name in _SEED_INPUTS:
            if isinstance(inputs.get(name), int | float):
                put(Role.SEED, nid, name)
        if isinstance(inputs.get("width"), int | float) and isinstance(inputs.get("height"), int | float):
            put(Role.WIDTH, nid, "width")
            put(Role.HEIGHT, nid, "height")
            if "Latent" in cls and isinstance(inputs.get("batch_size"), int) and not is_video_workflow(workflow):
                put(Role.COUNT, nid, "batch_size")
        for name in _FRAME_INPUTS:
            if isinstance(inputs.get(name), int | float):
                put(Role.FRAMES, nid, name)
        if cls == "RepeatImageBatch" and isinstance(inputs.get("amount"), int):
            put(Role.FRAMES, nid, "amount")
        for name in _FPS_INPUTS:
            if isinstance(inputs.get(name), int | float):
                put(Role.FPS, nid, name)
        if isinstance(inputs.get("filename_prefix"), str):
            put(Role.FILENAME_PREFIX, nid, "filename_prefix")
    return found


def candidate_inputs(workflow: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every literal input a user could bind: (node id, class type, input name)."""
    out = []
    for nid in sorted(workflow, key=lambda k: (len(k), k)):
        for name, value in workflow[nid].get("inputs", {}).items():
            if not isinstance(value, list):
                out.append((nid, workflow[nid].get("class_type", ""), name))
    return out


def missing_roles(bindings: dict[Role, Binding], video: bool) -> list[Role]:
    """What a template must have to be usable: a prompt; a video one also a first frame or a prompt."""
    return [] if Role.PROMPT in bindings else [Role.PROMPT]


def make_template(workflow: dict[str, Any], bindings: dict[Role, Binding], *, title: str) -> dict[str, Any]:
    """A copy of ``workflow`` with the bound inputs replaced by placeholders, and a ``_meta`` note."""
    template: dict[str, Any] = json.loads(json.dumps(workflow))
    for binding in bindings.values():
        node = template.get(binding.node_id)
        if node is None or binding.input_name not in node.get("inputs", {}):
            raise ValueError(f"node {binding.node_id} has no input {binding.input_name!r}")
        node["inputs"][binding.input_name] = "{{" + binding.role.value + "}}"
    for node in template.values():  # every save node writes under our prefix, so outputs are found
        if isinstance(node.get("inputs", {}).get("filename_prefix"), str):
            node["inputs"]["filename_prefix"] = "{{filename_prefix}}"
    template["_meta"] = {"title": title, "kind": "video" if is_video_workflow(workflow) else "image",
                         "placeholders": " ".join("{{" + r.value + "}}" for r in bindings)}
    return template


def user_workflow_dir() -> Path:
    """Where imported templates live: ``<user config>/microdrama-studio/workflows`` (beside the settings)."""
    return Path(platformdirs.user_config_dir("microdrama-studio", appauthor=False)) / "workflows"


def template_file_name(title: str) -> str:
    stem = re.sub(r"[^\w-]+", "_", title.strip(), flags=re.UNICODE).strip("_")[:60] or "workflow"
    return f"{stem}.json"


def save_template(template: dict[str, Any], title: str, folder: Path | None = None) -> Path:
    """Write ``template`` (atomically) as ``<folder>/<title>.json``; returns the path."""
    folder = folder or user_workflow_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / template_file_name(title)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(template, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path

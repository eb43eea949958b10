"""The JSON Schema of a provider file (checked with ``jsonschema``; docs/guide/provfiles.md explains it).

``additionalProperties: false`` everywhere: a misspelt key ("bdoy") is an error with its
line, not a silently ignored part of a paid request.
"""

from __future__ import annotations

from typing import Any

ERROR_KINDS = ["rate_limit", "quota", "auth", "content_policy", "bad_request", "server", "timeout",
               "not_found", "connection", "invalid_response", "config"]
STATES = ["queued", "running", "succeeded", "failed", "cancelled"]
CAPABILITIES = ["image", "video", "music", "speech"]
FIELD_KINDS = ["text", "url", "secret", "choice", "int", "float", "bool", "path"]
UNITS = ["image", "second", "clip", "1k_tokens", "1k_chars", "track"]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"]

_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
_PATH = {"type": "string", "minLength": 1}  # a JMESPath expression
_TEMPLATE: dict[str, Any] = {}  # any JSON value; strings may hold placeholders
_URLS = {"oneOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": _STR, "minItems": 1}]}
_SCALAR_OR_LIST = {"oneOf": [{"type": ["string", "integer"]}, {"type": "array", "items": {"type": ["string", "integer"]}}]}


def _request(extra: dict[str, Any] | None = None, required: tuple[str, ...] = ("path",)) -> dict[str, Any]:
    props = {"method": {"enum": METHODS}, "path": _URLS, "query": {"type": "object"}, "headers": {"type": "object"},
             "body": _TEMPLATE, "form": {"type": "object"}}
    props.update(extra or {})
    return {"type": "object", "additionalProperties": False, "required": list(required), "properties": props}


_OUTPUTS = {"type": "object", "additionalProperties": False, "properties": {
    "urls": _PATH, "base64": _PATH, "filenames": _PATH, "mimes": _PATH, "media_type": {"enum": ["image", "video", "audio"]},
    "extra": {"type": "object", "additionalProperties": _PATH}, "suffix": _STR,
    "when_empty": {"enum": ["fail", "retry"]},
}}

_TASK = {"type": "object", "additionalProperties": False, "required": ["create"], "properties": {
    "model_setting": _STR,
    "default_model": _STR,
    "create": {"oneOf": [
        _request({"when": {"type": "object"}, "task_id": _PATH, "sync": {"type": "boolean"},
                  "keep": {"type": "object", "additionalProperties": _PATH}, "cost_units": _STR,
                  "pass_parameters": {"type": "boolean"}, "model_setting": _STR}),
        {"type": "array", "minItems": 1, "items": _request(
            {"when": {"type": "object"}, "task_id": _PATH, "sync": {"type": "boolean"},
             "keep": {"type": "object", "additionalProperties": _PATH}, "cost_units": _STR,
             "pass_parameters": {"type": "boolean"}, "model_setting": _STR})},
    ]},
    "poll": _request({
        "state": _PATH, "states": {"type": "object", "additionalProperties": {"enum": STATES}},
        "progress": _PATH, "progress_scale": {"type": "number", "exclusiveMinimum": 0},
        "queue_position": _PATH, "message": _PATH, "error": _PATH, "failure_reason": _PATH,
    }),
    "result": _request({"requires": _PATH, "fail_on_client_error": {"type": "boolean"}}),
    "outputs": _OUTPUTS,
    "cancel": _request({"ok_status": {"type": "array", "items": {"type": "integer"}}}),
    "lookup": _request({"task_id": _PATH, "items": _PATH, "item_task_id": _PATH, "item_model": _PATH,
                        "item_created": _PATH, "created_scale": {"type": "number", "exclusiveMinimum": 0},
                        "item_prompt": _PATH, "item_client_ref": _PATH}),
}}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["format", "name", "label", "capabilities", "fields"],
    "properties": {
        "format": {"const": 1},
        "name": {"type": "string", "pattern": "^[a-z][a-z0-9_]{1,40}$"},
        "label": {"type": "string", "minLength": 1},
        "description": _STR,
        "docs_url": _STR,
        "capabilities": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": CAPABILITIES}},
        "priority": {"type": "integer"},
        "max_concurrency": {"type": "integer", "minimum": 1, "maximum": 32},
        "poll_interval": {"type": "number", "minimum": 0.5, "maximum": 600},
        "user_service": {"type": "boolean"},
        "fields": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["key", "label"],
            "properties": {"key": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "label": {"type": "string"},
                           "kind": {"enum": FIELD_KINDS}, "default": {}, "secret": {"type": "boolean"},
                           "required": {"type": "boolean"}, "choices": _STRS, "help": _STR,
                           "capability": {"enum": CAPABILITIES}}}},
        "presets": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["name", "label", "values"],
            "properties": {"name": _STR, "label": _STR, "values": {"type": "object"}}}},
        "prices": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["capability", "unit", "price"],
            "properties": {"capability": {"enum": CAPABILITIES}, "model": _STR, "unit": {"enum": UNITS},
                           "price": {"type": "number", "minimum": 0}, "currency": {"type": "string", "minLength": 3}}}},
        "models": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["id", "capability"],
            "properties": {"id": {"type": "string", "minLength": 1}, "capability": {"enum": CAPABILITIES},
                           "label": _STR, "durations": {"type": "array", "items": {"type": "number"}},
                           "ratios": _STRS, "resolutions": _STRS, "first_frame": {"type": "boolean"},
                           "last_frame": {"type": "boolean"}, "reference_images": {"type": "integer", "minimum": 0},
                           "max_n": {"type": "integer", "minimum": 1}, "notes": _STR}}},
        "tables": {"type": "object", "additionalProperties": {"type": "object"}},
        "translations": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False,
            "properties": {"label": _STR, "description": _STR,
                           "fields": {"type": "object", "additionalProperties": _STR},
                           "presets": {"type": "object", "additionalProperties": _STR}}}},
        "auth": {"type": "object", "additionalProperties": False, "required": ["type"], "properties": {
            "type": {"enum": ["bearer", "header", "query", "jwt_hs256", "none"]},
            "key": _STR, "header": _STR, "prefix": _STR, "param": _STR,
            "access_key": _STR, "secret_key": _STR, "ttl": {"type": "integer", "minimum": 60, "maximum": 86400}}},
        "errors": {"type": "object", "additionalProperties": False, "properties": {
            "code": _PATH, "message": _PATH, "ok_codes": {"type": "array"},
            "rules": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["kind"],
                "properties": {"code": _SCALAR_OR_LIST,
                               "http_status": {"oneOf": [{"type": "integer"},
                                                         {"type": "array", "items": {"type": "integer"}}]},
                               "message_contains": {"oneOf": [_STR, _STRS]},
                               "kind": {"enum": ERROR_KINDS}, "text": _STR}}}}},
        "check": _request({"message": _STR}),
        **{cap: _TASK for cap in CAPABILITIES},
    },
}

"""The list of providers: what each can do, which settings it needs, what it costs, how to build it.

The UI builds its settings pages and provider choices from this table; the job queue
builds clients with :func:`create` and prices jobs with :mod:`providers.pricing`.
Secrets (fields with ``secret=True``) are resolved by the caller (OS keyring or a
``MICRODRAMA_<PROVIDER>_<FIELD>`` environment variable) and passed in ``settings``;
nothing here reads or stores them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from providers.base import IMAGE, MUSIC, SPEECH, TEXT, VIDEO
from providers.lipsync import LIPSYNC


@dataclass(frozen=True)
class SettingField:
    """One setting. ``kind``: text, url, secret, choice, int, float, bool, path (a folder)."""

    key: str
    label: str
    kind: str = "text"
    default: Any = ""
    secret: bool = False
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""
    capability: str = ""  # the capability it configures, "" = the whole provider
    keys_from: str = ""  # a secret entered elsewhere: "provider.field" (e.g. "fal.api_key"), never asked twice


@dataclass(frozen=True)
class Preset:
    """A named set of values the settings page can apply in one click (e.g. a region's base URL)."""

    name: str
    label: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class PriceRule:
    """A default price: ``price`` per ``unit`` for ``capability`` on models matching ``model`` (fnmatch).

    Units: "image", "second" (of output video/audio), "clip", "1k_tokens", "1k_chars", "track".
    The defaults are the vendors' list prices as known when written; users edit them.
    """

    capability: str
    model: str
    unit: str
    price: float
    currency: str = "USD"


@dataclass(frozen=True)
class ProviderInfo:
    name: str
    label: str
    capabilities: tuple[str, ...]
    factory: str  # "module:Class"
    fields: tuple[SettingField, ...] = ()
    presets: tuple[Preset, ...] = ()
    pricing: tuple[PriceRule, ...] = ()
    priority: int = 100  # lower = offered first
    offline: bool = False  # works with no network and no key
    user_service: bool = False  # a service the user runs or rents themselves, not a vendor we speak for
    description: str = ""
    docs_url: str = ""
    max_concurrency: int = 2  # jobs at once against this provider (vendors refuse more: Kling 1303)
    keys_from: str = ""  # another provider of the same vendor account whose keys this one uses (no second entry)

    def defaults(self) -> dict[str, Any]:
        return {f.key: f.default for f in self.fields}

    def secret_fields(self) -> list[SettingField]:
        return [f for f in self.fields if f.secret]

    def field(self, key: str) -> SettingField:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def model_field(self, capability: str) -> str:
        """The settings key holding the model for ``capability`` ("" if none)."""
        for f in self.fields:
            if f.capability == capability and f.key.endswith("model"):
                return f.key
        return ""

    def provider_class(self) -> type:
        module, _, cls = self.factory.partition(":")
        found = getattr(importlib.import_module(module), cls)
        if not isinstance(found, type):
            raise TypeError(f"{self.factory} is not a class")
        return found

    def create(self, settings: Mapping[str, Any] | None = None, *, staging_dir: Path | None = None) -> Any:
        """Build the client with the defaults overlaid by ``settings`` (secrets already resolved)."""
        merged = self.defaults()
        merged.update({k: v for k, v in (settings or {}).items() if v is not None})
        client = self.provider_class()(merged, name=self.name, staging_dir=staging_dir)
        client.label = self.label
        return client


# --- field helpers ----------------------------------------------------------------------------

def _url(default: str, help: str = "") -> SettingField:
    return SettingField("base_url", "Base URL", "url", default, required=True, help=help)


def _key(key: str = "api_key", label: str = "API key", required: bool = True) -> SettingField:
    return SettingField(key, label, "secret", "", secret=True, required=required)


def _model(capability: str, default: str, label: str = "", choices: tuple[str, ...] = (), key: str = "") -> SettingField:
    return SettingField(key or f"{capability}_model", label or f"{capability.capitalize()} model", "text", default,
                        choices=choices, capability=capability)


def _compat(name: str, label: str, base: str, chat_model: str, *, key_required: bool, priority: int,
            capabilities: tuple[str, ...] = (TEXT,), presets: tuple[Preset, ...] = (),
            pricing: tuple[PriceRule, ...] = (), extra: tuple[SettingField, ...] = (), description: str = "",
            docs_url: str = "", offline: bool = False) -> ProviderInfo:
    return ProviderInfo(
        name=name, label=label, capabilities=capabilities, factory="providers.openai_compat:OpenAICompatProvider",
        fields=(_url(base), _key(required=key_required), _model(TEXT, chat_model, "Chat model"), *extra,
                SettingField("timeout", "Timeout (s)", "float", 120.0)),
        presets=presets, pricing=pricing, priority=priority, description=description, docs_url=docs_url,
        offline=offline, max_concurrency=1 if offline else 4,  # a local server runs one answer at a time
    )


ARK_VIDEO_MODELS = ("doubao-seedance-1-0-pro-250528", "doubao-seedance-1-0-pro-fast-251015",
                    "doubao-seedance-1-0-lite-t2v-250428", "doubao-seedance-1-0-lite-i2v-250428",
                    "doubao-seedance-1-5-pro-251215", "doubao-seedance-2-0-260128", "doubao-seedance-2-0-fast-260128",
                    "seedance-1-0-pro-250528", "seedance-1-0-pro-fast-251015", "seedance-1-5-pro-251215",
                    "dreamina-seedance-2-0-260128", "dreamina-seedance-2-0-fast-260128")
ARK_IMAGE_MODELS = ("doubao-seedream-4-0-250828", "doubao-seedream-4-5-251128", "seedream-4-0-250828",
                    "seedream-4-5-251128", "seedream-5-0-260128")
DASHSCOPE_I2V_MODELS = ("wan2.6-i2v-flash", "wan2.6-i2v", "wan2.5-i2v-preview", "wan2.2-i2v-flash", "wan2.2-i2v-plus",
                        "wanx2.1-i2v-turbo")
DASHSCOPE_T2V_MODELS = ("wan2.6-t2v", "wan2.5-t2v-preview", "wan2.2-t2v-plus", "wanx2.1-t2v-turbo")

KLING_MODELS = ("kling-v1", "kling-v1-5", "kling-v1-6", "kling-v2-master", "kling-v2-1", "kling-v2-1-master",
                "kling-v2-5-turbo", "kling-v2-6", "kling-v3")

PROVIDERS: tuple[ProviderInfo, ...] = (
    _compat(
        "openai", "OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", key_required=True, priority=10,
        capabilities=(TEXT, IMAGE, SPEECH),
        extra=(
            _model(IMAGE, "gpt-image-1", "Image model", ("gpt-image-1", "dall-e-3", "dall-e-2")),
            _model(SPEECH, "gpt-4o-mini-tts", "Speech model", ("gpt-4o-mini-tts", "tts-1", "tts-1-hd")),
            SettingField("voice", "Voice", "choice", "alloy",
                         choices=("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage",
                                  "shimmer", "verse"), capability=SPEECH),
        ),
        pricing=(
            PriceRule(TEXT, "gpt-4o-mini*", "1k_tokens", 0.0006),
            PriceRule(TEXT, "gpt-4o*", "1k_tokens", 0.01),
            PriceRule(TEXT, "*", "1k_tokens", 0.01),
            PriceRule(IMAGE, "gpt-image-1*", "image", 0.063),
            PriceRule(IMAGE, "dall-e-3", "image", 0.08),
            PriceRule(IMAGE, "*", "image", 0.04),
            PriceRule(SPEECH, "tts-1-hd", "1k_chars", 0.03),
            PriceRule(SPEECH, "*", "1k_chars", 0.015),
        ),
        description="OpenAI's API: chat, image generation and text to speech.",
        docs_url="https://platform.openai.com/docs/api-reference",
    ),
    _compat(
        "qwen", "Alibaba Qwen (DashScope)", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus",
        key_required=True, priority=20,
        presets=(Preset("cn", "Mainland China", {"base_url": "https://dashscope.aliyuncs.com/compatible-mode/v1"}),
                 Preset("intl", "International (Singapore)",
                        {"base_url": "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"})),
        pricing=(PriceRule(TEXT, "qwen-max*", "1k_tokens", 0.0024), PriceRule(TEXT, "*", "1k_tokens", 0.0008)),
        description="Qwen chat models through DashScope's OpenAI-compatible mode.",
        docs_url="https://help.aliyun.com/zh/model-studio/compatibility-of-openai-with-dashscope",
    ),
    _compat(
        "deepseek", "DeepSeek", "https://api.deepseek.com", "deepseek-chat", key_required=True, priority=25,
        pricing=(PriceRule(TEXT, "deepseek-reasoner", "1k_tokens", 0.0022),
                 PriceRule(TEXT, "*", "1k_tokens", 0.0011)),
        description="DeepSeek chat models (OpenAI-compatible API).",
        docs_url="https://api-docs.deepseek.com/",
    ),
    _compat("ollama", "Ollama (local)", "http://localhost:11434/v1", "llama3.2", key_required=False, priority=40,
            description="A local Ollama server; free, private, no key.", offline=True,
            docs_url="https://github.com/ollama/ollama/blob/main/docs/openai.md"),
    _compat("lmstudio", "LM Studio (local)", "http://localhost:1234/v1", "", key_required=False, priority=41,
            description="LM Studio's local server; uses the model loaded there when the model is empty.",
            offline=True, docs_url="https://lmstudio.ai/docs/app/api/endpoints/openai"),
    _compat("llamacpp", "llama.cpp server (local)", "http://127.0.0.1:8080/v1", "", key_required=False,
            priority=42, description="llama.cpp's llama-server; serves the model it was started with.",
            offline=True,
            docs_url="https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md"),
    ProviderInfo(
        name="kling", label="Kling AI", capabilities=(VIDEO, IMAGE), factory="providers.kling:KlingProvider",
        fields=(
            _url("https://api-singapore.klingai.com"),
            _key("access_key", "Access key"),
            _key("secret_key", "Secret key"),
            _model(VIDEO, "kling-v1-6", "Video model", KLING_MODELS),
            SettingField("mode", "Video mode", "choice", "std", choices=("std", "pro"), capability=VIDEO,
                         help="pro costs more; end frames (image_tail) need pro on most models"),
            _model(IMAGE, "kling-v2", "Image model", ("kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1",
                                                     "kling-v3")),
            SettingField("image_resolution", "Image resolution", "choice", "1k", choices=("1k", "2k"),
                         capability=IMAGE),
        ),
        presets=(Preset("global", "Global (Singapore)", {"base_url": "https://api-singapore.klingai.com"}),
                 Preset("cn", "Mainland China (Beijing)", {"base_url": "https://api-beijing.klingai.com"})),
        pricing=(
            PriceRule(VIDEO, "kling-v2-master", "second", 0.28),
            PriceRule(VIDEO, "kling-v2-1-master", "second", 0.28),
            PriceRule(VIDEO, "kling-v2-5-turbo", "second", 0.07),
            PriceRule(VIDEO, "kling-v2-6", "second", 0.07),
            PriceRule(VIDEO, "kling-v3", "second", 0.084),
            PriceRule(VIDEO, "*", "second", 0.056),
            PriceRule(IMAGE, "*", "image", 0.014),
        ),
        priority=10,
        description="Kling's official API: text-to-video, image-to-video with end frame, images.",
        docs_url="https://app.klingai.com/global/dev/document-api",
    ),
    ProviderInfo(
        name="ark", label="Volcengine Ark / BytePlus (Seedance, Seedream)", capabilities=(VIDEO, IMAGE),
        factory="providers.ark:ArkProvider",
        fields=(
            _url("https://ark.cn-beijing.volces.com/api/v3",
                 "China: ark.cn-beijing.volces.com; international: ark.ap-southeast.bytepluses.com"),
            _key("api_key", "API key"),
            _model(VIDEO, "doubao-seedance-1-0-pro-250528", "Video model", ARK_VIDEO_MODELS),
            SettingField("resolution", "Resolution", "choice", "720p", choices=("480p", "720p", "1080p"),
                         capability=VIDEO),
            _model(IMAGE, "doubao-seedream-4-0-250828", "Image model", ARK_IMAGE_MODELS),
            SettingField("response_format", "Image answer", "choice", "url", choices=("url", "b64_json"),
                         capability=IMAGE, help="url: a link valid 24 hours; b64_json: the image inside the answer"),
            SettingField("region", "Region", "choice", "auto", choices=("auto", "cn", "intl"),
                         help="Which platform's model names to use; auto: read from the base URL"),
            SettingField("timeout", "Timeout (s)", "float", 180.0),
        ),
        presets=(Preset("cn", "Mainland China (Volcengine Ark)",
                        {"base_url": "https://ark.cn-beijing.volces.com/api/v3",
                         "video_model": "doubao-seedance-1-0-pro-250528", "image_model": "doubao-seedream-4-0-250828",
                         "region": "cn"}),
                 Preset("intl", "International (BytePlus ModelArk)",
                        {"base_url": "https://ark.ap-southeast.bytepluses.com/api/v3",
                         "video_model": "seedance-1-0-pro-250528", "image_model": "seedream-4-0-250828",
                         "region": "intl"})),
        # China list prices (CNY, see providers.model_cards_data) at 7.2 CNY per USD: budgets add up in one currency.
        pricing=(
            PriceRule(VIDEO, "doubao-seedance-1-0-pro-fast*", "second", 0.03),
            PriceRule(VIDEO, "doubao-seedance-1-0-pro*", "second", 0.1),
            PriceRule(VIDEO, "doubao-seedance-1-0-lite*", "second", 0.03),
            PriceRule(VIDEO, "doubao-seedance-1-5-pro*", "second", 0.05),
            PriceRule(VIDEO, "doubao-seedance-2-0-fast*", "second", 0.083),
            PriceRule(VIDEO, "doubao-seedance-2-0*", "second", 0.14),
            PriceRule(VIDEO, "seedance-1-0-pro-fast*", "second", 0.05),
            PriceRule(VIDEO, "seedance-1-0-pro*", "second", 0.12),
            PriceRule(VIDEO, "seedance-1-0-lite*", "second", 0.04),
            PriceRule(VIDEO, "seedance-1-5-pro*", "second", 0.052),
            PriceRule(VIDEO, "dreamina-seedance-2-0-fast*", "second", 0.08),
            PriceRule(VIDEO, "dreamina-seedance-2-0*", "second", 0.15),
            PriceRule(IMAGE, "doubao-seedream-4-5*", "image", 0.035),
            PriceRule(IMAGE, "doubao-seedream*", "image", 0.028),
            PriceRule(IMAGE, "seedream-4-5*", "image", 0.04),
            PriceRule(IMAGE, "seedream-5*", "image", 0.035),
            PriceRule(IMAGE, "seedream*", "image", 0.03),
        ),
        priority=11, max_concurrency=4,
        description="ByteDance's Seedance video (text, start frame, start and end frame, reference images) "
                    "and Seedream images, in China (Volcengine Ark) or internationally (BytePlus ModelArk).",
        docs_url="https://www.volcengine.com/docs/82379/1520757",
    ),
    ProviderInfo(
        name="dashscope", label="Alibaba DashScope (Wan, Qwen-Image)", capabilities=(VIDEO, IMAGE),
        factory="providers.dashscope:DashScopeProvider",
        fields=(
            _url("https://dashscope.aliyuncs.com/api/v1",
                 "Beijing: dashscope.aliyuncs.com; Singapore: dashscope-intl.aliyuncs.com; "
                 "Virginia: dashscope-us.aliyuncs.com"),
            _key("api_key", "API key"),
            _model(VIDEO, "wan2.6-i2v-flash", "Image-to-video model", DASHSCOPE_I2V_MODELS),
            SettingField("text_video_model", "Text-to-video model", "choice", "wan2.6-t2v",
                         choices=DASHSCOPE_T2V_MODELS, capability=VIDEO),
            SettingField("keyframe_model", "Start-and-end-frame model", "choice", "wan2.2-kf2v-flash",
                         choices=("wan2.2-kf2v-flash", "wanx2.1-kf2v-plus"), capability=VIDEO),
            SettingField("resolution", "Resolution", "choice", "720P", choices=("480P", "720P", "1080P"),
                         capability=VIDEO),
            _model(IMAGE, "qwen-image", "Image model",
                   ("qwen-image", "qwen-image-plus", "wan2.2-t2i-flash", "wan2.2-t2i-plus", "wan2.5-t2i-preview")),
            SettingField("workspace", "Workspace ID (optional)", "text", ""),
        ),
        presets=(Preset("cn", "Mainland China (Beijing)", {"base_url": "https://dashscope.aliyuncs.com/api/v1"}),
                 Preset("intl", "International (Singapore)", {"base_url": "https://dashscope-intl.aliyuncs.com/api/v1"}),
                 Preset("us", "United States (Virginia)", {"base_url": "https://dashscope-us.aliyuncs.com/api/v1"})),
        # Beijing list prices (CNY, see providers.model_cards_data) at 7.2 CNY per USD.
        pricing=(
            PriceRule(VIDEO, "wan2.6-i2v-flash", "second", 0.07),
            PriceRule(VIDEO, "wan2.6-*", "second", 0.14),
            PriceRule(VIDEO, "wan2.5-*", "second", 0.14),
            PriceRule(VIDEO, "wan2.2-*-plus", "second", 0.097),
            PriceRule(VIDEO, "wan2.2-*", "second", 0.028),
            PriceRule(VIDEO, "wanx2.1-*-turbo", "second", 0.033),
            PriceRule(VIDEO, "*", "second", 0.097),
            PriceRule(IMAGE, "qwen-image", "image", 0.035),
            PriceRule(IMAGE, "*", "image", 0.028),
        ),
        priority=12, max_concurrency=4,
        description="Alibaba's Wan video (text, start frame, start and end frame) and Qwen-Image / Wan images "
                    "through Model Studio's async task API; Beijing, Singapore or Virginia.",
        docs_url="https://help.aliyun.com/zh/model-studio/image-to-video-api-reference",
    ),
    ProviderInfo(
        name="comfyui", label="ComfyUI", capabilities=(IMAGE, VIDEO), factory="providers.comfyui_farm:ComfyUIFarmProvider",
        fields=(
            _url("http://127.0.0.1:8188", "A ComfyUI server you run (local or remote)."),
            _key("api_key", "Auth token (if behind a proxy)", required=False),
            SettingField("image_workflow", "Text-to-image workflow", "path", "text_to_image",
                         capability=IMAGE, help="A shipped template name or a path to a workflow JSON (API format)"),
            SettingField("video_workflow", "Image-to-video workflow", "path", "image_to_video",
                         capability=VIDEO, help="A shipped template name or a path to a workflow JSON (API format)"),
            _model(IMAGE, "sd_xl_base_1.0.safetensors", "Checkpoint", key="image_model"),
            _model(VIDEO, "wan2.1_i2v_480p_14B_fp16.safetensors", "Video model", key="video_model"),
            SettingField("steps", "Steps", "int", 25),
            SettingField("servers", "More servers (farm)", "text", "",
                         help="Other ComfyUI servers, separated by commas: URL [free|paid]. Jobs go to the least "
                              "busy server that has the workflow's nodes and models. Local/LAN addresses are free. "
                              "Raise Parallel jobs to about twice the number of servers."),
            SettingField("rerun_paid", "Re-run started jobs of a lost paid server", "bool", False,
                         help="When a paid server dies mid-job, run the job again elsewhere (it may be billed twice)"),
            SettingField("failover_seconds", "Move jobs after (s) without answer", "int", 30),
        ),
        pricing=(PriceRule(IMAGE, "*", "image", 0.0), PriceRule(VIDEO, "*", "second", 0.0)),
        priority=30, user_service=True, max_concurrency=1,
        description="Your own ComfyUI server running workflow templates with placeholders.",
        docs_url="https://docs.comfy.org/development/comfyui-server/comms_routes",
    ),
    ProviderInfo(
        name="replicate", label="Replicate", capabilities=(IMAGE, VIDEO, MUSIC),
        factory="providers.replicate:ReplicateProvider",
        fields=(
            _url("https://api.replicate.com/v1"),
            _key("api_key", "API token"),
            _model(IMAGE, "black-forest-labs/flux-schnell", "Image model"),
            _model(VIDEO, "kwaivgi/kling-v2.1", "Video model"),
            _model(MUSIC, "meta/musicgen", "Music model"),
            SettingField("wait", "Wait for result (s, 0-60)", "int", 0,
                         help="Prefer: wait — hold the submit request open up to this long"),
        ),
        pricing=(PriceRule(IMAGE, "black-forest-labs/flux-schnell", "image", 0.003),
                 PriceRule(IMAGE, "*", "image", 0.04),
                 PriceRule(VIDEO, "*", "second", 0.05),
                 PriceRule(MUSIC, "*", "track", 0.05)),
        priority=50, max_concurrency=4,
        description="Hosted models on Replicate (predictions API).",
        docs_url="https://replicate.com/docs/reference/http",
    ),
    ProviderInfo(
        name="fal", label="fal.ai", capabilities=(IMAGE, VIDEO), factory="providers.fal:FalProvider",
        fields=(
            _url("https://queue.fal.run"),
            _key("api_key", "API key"),
            _model(IMAGE, "fal-ai/flux/schnell", "Image model"),
            _model(VIDEO, "fal-ai/kling-video/v2.1/standard/image-to-video", "Image-to-video model"),
            SettingField("text_video_model", "Text-to-video model", "text",
                         "fal-ai/kling-video/v2.1/master/text-to-video", capability=VIDEO),
        ),
        pricing=(PriceRule(IMAGE, "fal-ai/flux/schnell", "image", 0.003),
                 PriceRule(IMAGE, "*", "image", 0.025),
                 PriceRule(VIDEO, "*master*", "second", 0.28),
                 PriceRule(VIDEO, "*", "second", 0.056)),
        priority=51, max_concurrency=4,
        description="Hosted models on fal.ai (queue API).",
        docs_url="https://docs.fal.ai/model-apis/model-endpoints/queue",
    ),
    ProviderInfo(
        name="minimax", label="MiniMax Hailuo", capabilities=(VIDEO,), factory="providers.minimax:MiniMaxProvider",
        fields=(
            _url("https://api.minimax.io"),
            _key("api_key", "API key"),
            _model(VIDEO, "MiniMax-Hailuo-02", "Video model",
                   ("MiniMax-Hailuo-02", "T2V-01-Director", "I2V-01-Director", "I2V-01", "T2V-01")),
            SettingField("resolution", "Resolution", "choice", "768P", choices=("512P", "768P", "1080P"),
                         capability=VIDEO),
        ),
        presets=(Preset("global", "Global", {"base_url": "https://api.minimax.io"}),
                 Preset("cn", "Mainland China", {"base_url": "https://api.minimaxi.com"})),
        pricing=(PriceRule(VIDEO, "*", "second", 0.045),),
        priority=20,
        description="MiniMax's Hailuo video models: text-to-video and first-frame image-to-video.",
        docs_url="https://platform.minimax.io/docs/api-reference/video-generation-intro",
    ),
    ProviderInfo(
        name="minimax_music", label="MiniMax Music", capabilities=(MUSIC,),
        factory="providers.minimax_music:MiniMaxMusicProvider",
        fields=(
            _url("https://api.minimax.io"),
            _key("api_key", "API key"),
            _model(MUSIC, "music-2.6", "Music model", ("music-2.6", "music-2.5", "music-2.0", "music-1.5")),
            SettingField("output_format", "Music answer", "choice", "url", choices=("url", "hex"), capability=MUSIC,
                         help="url: a link valid for hours; hex: the track inside the answer"),
            SettingField("timeout", "Timeout (s)", "float", 300.0),
        ),
        presets=(Preset("global", "Global", {"base_url": "https://api.minimax.io"}),
                 Preset("cn", "Mainland China", {"base_url": "https://api.minimaxi.com"})),
        pricing=(PriceRule(MUSIC, "music-2.0", "track", 0.04), PriceRule(MUSIC, "*", "track", 0.15)),
        priority=30, max_concurrency=2,
        description="MiniMax's music models: an instrumental bed or a song from a text prompt, in one call.",
        docs_url="https://platform.minimax.io/docs/api-reference/music-generation",
    ),
    ProviderInfo(
        name="music_endpoint", label="My music service (Suno-style endpoint)", capabilities=(MUSIC,),
        factory="providers.music_endpoint:MusicEndpointProvider",
        fields=(
            _url("http://127.0.0.1:8000/music",
                 "The URL of a music service you run or rent yourself. It must follow the contract in "
                 "providers/music_endpoint.py. Not a Suno product."),
            _key("api_key", "Bearer token (optional)", required=False),
            _model(MUSIC, "", "Model (optional)"),
        ),
        pricing=(PriceRule(MUSIC, "*", "track", 0.0),),
        priority=60, user_service=True, max_concurrency=1,
        description="Your own music generation service behind a small documented JSON contract.",
    ),
    ProviderInfo(
        name="motion", label="Still to clip (offline pan/zoom)", capabilities=(VIDEO,),
        factory="providers.motion:MotionProvider",
        fields=(
            SettingField("motion", "Default motion", "choice", "zoom_in",
                         choices=("zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down", "ken_burns")),
            SettingField("strength", "Strength", "float", 0.12, help="How far it zooms or pans (0.02-0.5)"),
            SettingField("width", "Width", "int", 1080),
            SettingField("height", "Height", "int", 1920),
        ),
        pricing=(PriceRule(VIDEO, "*", "second", 0.0),),
        priority=90, offline=True, max_concurrency=1,
        description="Turns a still into an H.264 clip with a smooth pan or zoom. No network, no key.",
    ),
    ProviderInfo(
        name="minimax_speech", label="MiniMax Speech", capabilities=(SPEECH,),
        factory="providers.minimax_speech:MiniMaxSpeechProvider",
        fields=(
            _url("https://api.minimax.io"),
            _key("api_key", "API key"),
            _model(SPEECH, "speech-02-hd", "Speech model",
                   ("speech-2.6-hd", "speech-2.6-turbo", "speech-02-hd", "speech-02-turbo", "speech-01-hd",
                    "speech-01-turbo")),
            SettingField("voice", "Voice", "text", "male-qn-qingse", capability=SPEECH,
                         help="A system voice id or a voice you cloned"),
            SettingField("output_format", "Answer format", "choice", "hex", choices=("hex", "url"),
                         capability=SPEECH),
        ),
        presets=(Preset("global", "Global", {"base_url": "https://api.minimax.io"}),
                 Preset("cn", "Mainland China", {"base_url": "https://api.minimaxi.com"})),
        pricing=(PriceRule(SPEECH, "*turbo*", "1k_chars", 0.06), PriceRule(SPEECH, "*", "1k_chars", 0.1)),
        priority=30, max_concurrency=4,
        description="MiniMax's T2A v2 speech: Mandarin and English voices with emotions, and cloned voices.",
        docs_url="https://platform.minimax.io/docs/api-reference/speech-t2a-http",
    ),
    ProviderInfo(
        name="elevenlabs", label="ElevenLabs", capabilities=(SPEECH,), factory="providers.elevenlabs:ElevenLabsProvider",
        fields=(
            _url("https://api.elevenlabs.io"),
            _key("api_key", "API key"),
            _model(SPEECH, "eleven_multilingual_v2", "Speech model",
                   ("eleven_multilingual_v2", "eleven_v3", "eleven_flash_v2_5", "eleven_turbo_v2_5")),
            SettingField("voice", "Voice", "text", "21m00Tcm4TlvDq8ikWAM", capability=SPEECH,
                         help="A voice id from your ElevenLabs voice library, or a voice you cloned"),
            SettingField("output_format", "Answer format", "choice", "mp3_44100_128",
                         choices=("mp3_44100_128", "mp3_22050_32", "pcm_24000", "pcm_16000"), capability=SPEECH),
        ),
        presets=(Preset("global", "Global", {"base_url": "https://api.elevenlabs.io"}),
                 Preset("eu", "EU data residency", {"base_url": "https://api.eu.residency.elevenlabs.io"})),
        pricing=(PriceRule(SPEECH, "eleven_flash*", "1k_chars", 0.11), PriceRule(SPEECH, "eleven_turbo*", "1k_chars", 0.11),
                 PriceRule(SPEECH, "*", "1k_chars", 0.22)),
        priority=35, max_concurrency=2,  # the Free plan allows 2 concurrent requests
        description="ElevenLabs text to speech in many languages, with your cloned voices.",
        docs_url="https://elevenlabs.io/docs/api-reference/text-to-speech/convert",
    ),
    ProviderInfo(
        name="dashscope_speech", label="Alibaba Qwen-TTS / CosyVoice (DashScope)", capabilities=(SPEECH,),
        factory="providers.dashscope_speech:DashScopeSpeechProvider",
        fields=(
            _url("https://dashscope.aliyuncs.com/api/v1"),
            _key("api_key", "API key"),
            _model(SPEECH, "qwen3-tts-flash", "Speech model",
                   ("qwen3-tts-flash", "qwen3-tts-instruct-flash", "qwen-tts", "cosyvoice-v3-flash",
                    "cosyvoice-v3-plus", "cosyvoice-v2")),
            SettingField("clone_model", "Voice cloning model", "choice", "cosyvoice-v3-plus", capability=SPEECH,
                         choices=("cosyvoice-v3-plus", "cosyvoice-v3-flash", "cosyvoice-v2"),
                         help="A cloned voice speaks only with the CosyVoice model it was made for"),
            SettingField("voice", "Voice", "text", "Cherry", capability=SPEECH,
                         help="Qwen-TTS: Cherry, Serena, Ethan, Chelsie...; CosyVoice: e.g. longxiaochun_v2"),
        ),
        presets=(Preset("cn", "Mainland China (Beijing)", {"base_url": "https://dashscope.aliyuncs.com/api/v1"}),
                 Preset("intl", "International (Singapore)",
                        {"base_url": "https://dashscope-intl.aliyuncs.com/api/v1"})),
        pricing=(PriceRule(SPEECH, "cosyvoice*", "1k_chars", 0.03), PriceRule(SPEECH, "*", "1k_chars", 0.012)),
        priority=32, max_concurrency=4,
        description="Alibaba's Qwen-TTS and CosyVoice voices (Mandarin, dialects, English) through DashScope.",
        docs_url="https://help.aliyun.com/zh/model-studio/qwen-tts-api",
    ),
    ProviderInfo(
        name="espeak", label="Scratch voice (offline espeak-ng)", capabilities=(SPEECH,),
        factory="providers.espeak:EspeakProvider",
        fields=(SettingField("binary", "espeak-ng program", "path", "espeak-ng"),),
        pricing=(PriceRule(SPEECH, "*", "1k_chars", 0.0),),
        priority=92, offline=True, max_concurrency=2,
        description="A robotic scratch voice for every character, Mandarin and English, made on this computer "
                    "with espeak-ng. No network, no key; replace it with a vendor voice or a recording.",
    ),
    ProviderInfo(
        name="kling_lipsync", label="Kling lip sync", capabilities=(LIPSYNC,),
        factory="providers.lipsync_kling:KlingLipSyncProvider", keys_from="kling",
        fields=(_url("https://api-singapore.klingai.com"), _key("access_key", "Access key"),
                _key("secret_key", "Secret key"),
                SettingField("flow", "Lip-sync call", "choice", "advanced", choices=("advanced", "legacy"),
                             capability=LIPSYNC, help="advanced: identify-face + advanced-lip-sync (2-60 s); "
                             "legacy: the older single call (2-10 s, 720-1920 px)"),
                SettingField("media_host", "Host for clips Kling did not make", "choice", "fal",
                             choices=("fal", "none"), capability=LIPSYNC,
                             help="fal: a clip made elsewhere is uploaded to fal.ai's file storage (with your "
                             "fal.ai key) so Kling can fetch it; none: only clips Kling made are sent"),
                SettingField("host_api_key", "fal.ai key (clip host)", "secret", "", secret=True,
                             keys_from="fal.api_key"),
                SettingField("host_url", "Clip host address", "url", "https://rest.alpha.fal.ai", capability=LIPSYNC)),
        presets=(Preset("global", "Global (Singapore)", {"base_url": "https://api-singapore.klingai.com"}),
                 Preset("cn", "Mainland China (Beijing)", {"base_url": "https://api-beijing.klingai.com"})),
        pricing=(),  # Kling publishes no per-second API list price for lip sync (checked 2026-12-07): unknown
        priority=40, max_concurrency=2,
        description="Kling's lip sync (identify-face + advanced-lip-sync); a clip Kling did not make is first put "
                    "on fal.ai's file storage; 2-60 s clips, 512-2160 px, one face.",
        docs_url="https://app.klingai.com/global/dev/document-api",
    ),
    ProviderInfo(
        name="fal_lipsync", label="fal.ai lip sync (sync-lipsync, LatentSync...)", capabilities=(LIPSYNC,),
        factory="providers.lipsync_fal:FalLipSyncProvider", keys_from="fal",
        fields=(_url("https://queue.fal.run"), _key("api_key", "API key"),
                _model(LIPSYNC, "fal-ai/sync-lipsync", "Lip-sync model",
                       ("fal-ai/sync-lipsync", "fal-ai/sync-lipsync/v2", "fal-ai/sync-lipsync/v3", "fal-ai/latentsync",
                        "veed/lipsync/v2", "creatify/lipsync"))),
        # fal's model pages (fal.ai/models/<id>/llms.txt, read 2026-12-07): veed/lipsync/v2 $0.07 per output
        # second, creatify/lipsync $1 per minute, fal-ai/sync-lipsync/v3 $8 per minute. The others publish no
        # price there: no rule, so an estimate says "price unknown" rather than a guess.
        pricing=(PriceRule(LIPSYNC, "veed/lipsync/v2", "second", 0.07),
                 PriceRule(LIPSYNC, "creatify/lipsync", "second", round(1 / 60, 4)),
                 PriceRule(LIPSYNC, "fal-ai/sync-lipsync/v3", "second", round(8 / 60, 4))),
        priority=41, max_concurrency=4,
        description="Lip-sync models hosted on fal.ai; sends any local clip and sound.",
        docs_url="https://fal.ai/models/fal-ai/sync-lipsync",
    ),
    ProviderInfo(
        name="import", label="Import made elsewhere (Midjourney, Kling web, Suno web)",
        capabilities=(IMAGE, VIDEO, MUSIC), factory="providers.import_match:ImportProvider",
        fields=(SettingField("watch_folder", "Watched folder", "path", "",
                             help="Files whose names contain a shot code (E01S02-03, E01_003) attach to that shot"),),
        pricing=(),
        priority=95, offline=True, max_concurrency=4,
        description="Files you made by hand in tools without an API, matched to shots by a shot code in the name.",
    ),
)

_BY_NAME = {p.name: p for p in PROVIDERS}


def file_providers() -> dict[str, ProviderInfo]:
    """Providers declared in files in the user's config folder (providers.provider_files); bad files are left out."""
    from providers import provider_files

    return dict(provider_files.registered())


def providers() -> list[ProviderInfo]:
    """Every provider, highest priority first."""
    return sorted((*PROVIDERS, *file_providers().values()), key=lambda p: (p.priority, p.name))


def get(name: str) -> ProviderInfo:
    try:
        return _BY_NAME[name]
    except KeyError:
        pass
    try:
        return file_providers()[name]
    except KeyError:
        known = ", ".join(sorted({*_BY_NAME, *file_providers()}))
        raise KeyError(f"unknown provider {name!r} (known: {known})") from None


def names() -> list[str]:
    return [p.name for p in providers()]


def for_capability(capability: str, *, include_import: bool = False) -> list[ProviderInfo]:
    """Providers offering ``capability`` by priority (the import provider only on request: it has no submit)."""
    return [p for p in providers() if capability in p.capabilities and (include_import or p.name != "import")]


def create(name: str, settings: Mapping[str, Any] | None = None, *, staging_dir: Path | None = None) -> Any:
    """Build the client for ``name`` with ``settings`` (secrets already resolved by the caller)."""
    return get(name).create(settings, staging_dir=staging_dir)


def env_var(provider: str, key: str) -> str:
    """The environment variable that overrides a setting: ``MICRODRAMA_<PROVIDER>_<FIELD>``."""
    return f"MICRODRAMA_{provider.upper()}_{key.upper()}"

"""Translatable texts of the built-in providers (the registry itself knows no Qt).

Generated from providers/registry.py; ``provider_text`` shows a registry text in the UI language.
tests/jobs/test_provider_texts.py fails when a built-in provider brings a text with no translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n_marks import QT_TRANSLATE_NOOP

PROVIDER_TEXTS = (
    QT_TRANSLATE_NOOP("ProviderTexts", 'Kling AI'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Kling's official API: text-to-video, image-to-video with end frame, images."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Global (Singapore)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Mainland China (Beijing)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'pro costs more; end frames (image_tail) need pro on most models'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'OpenAI'),
    QT_TRANSLATE_NOOP("ProviderTexts", "OpenAI's API: chat, image generation and text to speech."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Volcengine Ark / BytePlus (Seedance, Seedream)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "ByteDance's Seedance video (text, start frame, start and end frame, reference images) and Seedream images, in China (Volcengine Ark) or internationally (BytePlus ModelArk)."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Mainland China (Volcengine Ark)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'International (BytePlus ModelArk)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'China: ark.cn-beijing.volces.com; international: ark.ap-southeast.bytepluses.com'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'url: a link valid 24 hours; b64_json: the image inside the answer'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Which platform's model names to use; auto: read from the base URL"),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Alibaba DashScope (Wan, Qwen-Image)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Alibaba's Wan video (text, start frame, start and end frame) and Qwen-Image / Wan images through Model Studio's async task API; Beijing, Singapore or Virginia."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'International (Singapore)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'United States (Virginia)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Beijing: dashscope.aliyuncs.com; Singapore: dashscope-intl.aliyuncs.com; Virginia: dashscope-us.aliyuncs.com'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'MiniMax Hailuo'),
    QT_TRANSLATE_NOOP("ProviderTexts", "MiniMax's Hailuo video models: text-to-video and first-frame image-to-video."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Global'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Mainland China'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Alibaba Qwen (DashScope)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Qwen chat models through DashScope's OpenAI-compatible mode."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'DeepSeek'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'DeepSeek chat models (OpenAI-compatible API).'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'ComfyUI'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Your own ComfyUI server running workflow templates with placeholders.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A ComfyUI server you run (local or remote).'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A shipped template name or a path to a workflow JSON (API format)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Other ComfyUI servers, separated by commas: URL [free|paid]. Jobs go to the least busy server that has the workflow's nodes and models. Local/LAN addresses are free. Raise Parallel jobs to about twice the number of servers."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'When a paid server dies mid-job, run the job again elsewhere (it may be billed twice)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'MiniMax Music'),
    QT_TRANSLATE_NOOP("ProviderTexts", "MiniMax's music models: an instrumental bed or a song from a text prompt, in one call."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'url: a link valid for hours; hex: the track inside the answer'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'MiniMax Speech'),
    QT_TRANSLATE_NOOP("ProviderTexts", "MiniMax's T2A v2 speech: Mandarin and English voices with emotions, and cloned voices."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A system voice id or a voice you cloned'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Alibaba Qwen-TTS / CosyVoice (DashScope)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Alibaba's Qwen-TTS and CosyVoice voices (Mandarin, dialects, English) through DashScope."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Qwen-TTS: Cherry, Serena, Ethan, Chelsie...; CosyVoice: e.g. longxiaochun_v2'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'ElevenLabs'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'ElevenLabs text to speech in many languages, with your cloned voices.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'EU data residency'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A voice id from your ElevenLabs voice library, or a voice you cloned'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Ollama (local)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A local Ollama server; free, private, no key.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'LM Studio (local)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "LM Studio's local server; uses the model loaded there when the model is empty."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'llama.cpp server (local)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "llama.cpp's llama-server; serves the model it was started with."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Replicate'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Hosted models on Replicate (predictions API).'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Prefer: wait — hold the submit request open up to this long'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'fal.ai'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Hosted models on fal.ai (queue API).'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'My music service (Suno-style endpoint)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Your own music generation service behind a small documented JSON contract.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'The URL of a music service you run or rent yourself. It must follow the contract in providers/music_endpoint.py. Not a Suno product.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Still to clip (offline pan/zoom)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Turns a still into an H.264 clip with a smooth pan or zoom. No network, no key.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'How far it zooms or pans (0.02-0.5)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Scratch voice (offline espeak-ng)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A robotic scratch voice for every character, Mandarin and English, made on this computer with espeak-ng. No network, no key; replace it with a vendor voice or a recording.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Import made elsewhere (Midjourney, Kling web, Suno web)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Files you made by hand in tools without an API, matched to shots by a shot code in the name.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Files whose names contain a shot code (E01S02-03, E01_003) attach to that shot'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'image'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'second'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'clip'),
    QT_TRANSLATE_NOOP("ProviderTexts", '1k_tokens'),
    QT_TRANSLATE_NOOP("ProviderTexts", '1k_chars'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'track'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'minute'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'request'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'character'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'text'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'video'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'music'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'speech'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'lipsync'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'voice_clone'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'voice_convert'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Kling lip sync'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Kling's lip sync (identify-face + advanced-lip-sync) on a clip Kling made or a public link; 2-60 s clips, 512-2160 px, one face."),
    QT_TRANSLATE_NOOP("ProviderTexts", 'fal.ai lip sync (sync-lipsync, LatentSync...)'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'Lip-sync models hosted on fal.ai; sends any local clip and sound.'),
    QT_TRANSLATE_NOOP("ProviderTexts", 'advanced: identify-face + advanced-lip-sync (2-60 s); legacy: the older single call (2-10 s, 720-1920 px)'),
    QT_TRANSLATE_NOOP("ProviderTexts", "Kling's lip sync (identify-face + advanced-lip-sync); a clip Kling did not make is first put on fal.ai's file storage; 2-60 s clips, 512-2160 px, one face."),
    QT_TRANSLATE_NOOP("ProviderTexts", "fal: a clip made elsewhere is uploaded to fal.ai's file storage (with your fal.ai key) so Kling can fetch it; none: only clips Kling made are sent"),
    QT_TRANSLATE_NOOP("ProviderTexts", 'A cloned voice speaks only with the CosyVoice model it was made for'),
)


def provider_text(text: str) -> str:
    """A label, description, preset, help text, unit or capability of the registry, translated."""
    return QCoreApplication.translate("ProviderTexts", text) if text else ""


def provider_label(name: str) -> str:
    """Provider ``name``'s label as the Providers dialog shows it ("可灵 AI", not the registry key
    "kling"); the name itself when the registry does not know it."""
    from providers import registry

    try:
        return provider_text(str(registry.get(name).label))
    except KeyError:
        return name

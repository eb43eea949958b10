"""The built-in model cards (see :mod:`providers.model_cards`): facts from the vendors' documentation.

Sources: Volcengine Ark / BytePlus ModelArk (Seedance, Seedream), Alibaba Model Studio (Wan,
Qwen-Image), Kling's API capability map, MiniMax's video docs; summarised with confidence tags in
the shared PROVIDERS-MORE.md. Prices are list prices as known when written, per second of output
video at the model's default resolution (or per image); users edit them in Settings. Ark and
DashScope bill the China region in CNY and the international one in USD.
"""

from __future__ import annotations

from providers.base import IMAGE, MUSIC, VIDEO
from providers.model_cards import ModelCard, RegionPrice
from providers.registry import PriceRule

SEEDANCE_RATIOS = ("16:9", "4:3", "1:1", "3:4", "9:16", "21:9")
WAN_RATIOS = ("16:9", "9:16", "1:1", "4:3", "3:4")
KLING_RATIOS = ("16:9", "9:16", "1:1")


def _cny(capability: str, model: str, unit: str, price: float) -> RegionPrice:
    return RegionPrice("cn", PriceRule(capability, model, unit, price, "CNY"))


def _usd(region: str, capability: str, model: str, unit: str, price: float) -> RegionPrice:
    return RegionPrice(region, PriceRule(capability, model, unit, price, "USD"))


def _seedance(cn: str, intl: str, label: str, *, durations: tuple[float, float], resolutions: tuple[str, ...],
              t2v: bool = True, first: bool = True, last: bool = True, refs: int = 0, audio: bool = False,
              multi_shot: bool = False, cny: float, usd: float, regions: tuple[str, ...] = ("cn", "intl"),
              notes: str = "") -> ModelCard:
    return ModelCard(
        "ark", cn, VIDEO, label, duration_range=durations, aspect_ratios=SEEDANCE_RATIOS, resolutions=resolutions,
        text_to_video=t2v, first_frame=first, last_frame=last, reference_images=refs, multi_shot=multi_shot,
        audio=audio, max_prompt=2000 if not multi_shot else 3000, regions=regions,
        region_models=(("cn", cn), ("intl", intl)) if intl else (("cn", cn),),
        prices=(_cny(VIDEO, cn, "second", cny),) + ((_usd("intl", VIDEO, intl, "second", usd),) if intl else ()),
        notes=notes)


ARK = (
    _seedance("doubao-seedance-1-0-pro-250528", "seedance-1-0-pro-250528", "Seedance 1.0 Pro",
              durations=(2, 12), resolutions=("480p", "720p", "1080p"), cny=0.73, usd=0.12,
              notes="Default 1080p. Start frame, or start and end frame."),
    _seedance("doubao-seedance-1-0-pro-fast-251015", "seedance-1-0-pro-fast-251015", "Seedance 1.0 Pro Fast",
              durations=(2, 12), resolutions=("480p", "720p", "1080p"), last=False, cny=0.21, usd=0.05),
    _seedance("doubao-seedance-1-0-lite-t2v-250428", "seedance-1-0-lite-t2v-250428", "Seedance 1.0 Lite t2v",
              durations=(2, 12), resolutions=("480p", "720p", "1080p"), first=False, last=False, cny=0.22, usd=0.04),
    _seedance("doubao-seedance-1-0-lite-i2v-250428", "seedance-1-0-lite-i2v-250428", "Seedance 1.0 Lite i2v",
              durations=(2, 12), resolutions=("480p", "720p", "1080p"), t2v=False, refs=4, cny=0.22, usd=0.04,
              notes="1-4 reference images keep a character; they cannot be mixed with start/end frames."),
    _seedance("doubao-seedance-1-5-pro-251215", "seedance-1-5-pro-251215", "Seedance 1.5 Pro",
              durations=(4, 12), resolutions=("480p", "720p", "1080p"), audio=True, cny=0.35, usd=0.052,
              notes="Makes sound with the picture (generate_audio)."),
    _seedance("doubao-seedance-2-0-260128", "dreamina-seedance-2-0-260128", "Seedance 2.0",
              durations=(4, 15), resolutions=("480p", "720p", "1080p"), refs=9, audio=True, multi_shot=True,
              cny=1.0, usd=0.15, notes="Several shots in one clip from one prompt; up to 9 reference images."),
    _seedance("doubao-seedance-2-0-fast-260128", "dreamina-seedance-2-0-fast-260128", "Seedance 2.0 Fast",
              durations=(4, 15), resolutions=("480p", "720p"), refs=9, audio=True, multi_shot=True,
              cny=0.6, usd=0.08),
    ModelCard("ark", "doubao-seedream-4-0-250828", IMAGE, "Seedream 4.0", reference_images=10,
              region_models=(("cn", "doubao-seedream-4-0-250828"), ("intl", "seedream-4-0-250828")),
              resolutions=("1K", "2K", "4K"), regions=("cn", "intl"),
              prices=(_cny(IMAGE, "doubao-seedream-4-0-250828", "image", 0.2),
                      _usd("intl", IMAGE, "seedream-4-0-250828", "image", 0.03))),
    ModelCard("ark", "doubao-seedream-4-5-251128", IMAGE, "Seedream 4.5", reference_images=14,
              region_models=(("cn", "doubao-seedream-4-5-251128"), ("intl", "seedream-4-5-251128")),
              resolutions=("2K", "4K"), regions=("cn", "intl"),
              prices=(_cny(IMAGE, "doubao-seedream-4-5-251128", "image", 0.25),
                      _usd("intl", IMAGE, "seedream-4-5-251128", "image", 0.04))),
    ModelCard("ark", "seedream-5-0-260128", IMAGE, "Seedream 5.0", reference_images=14, regions=("intl",),
              resolutions=("2K", "4K"), prices=(_usd("intl", IMAGE, "seedream-5-0-260128", "image", 0.035),)),
)


def _wan(model: str, label: str, *, t2v: bool, first: bool = False, last: bool = False,
         durations: tuple[float, ...] = (), duration_range: tuple[float, float] | None = None,
         resolutions: tuple[str, ...], audio: bool = False, prompt: int = 800, cny: float, usd: float | None,
         notes: str = "") -> ModelCard:
    regions = ("cn", "intl", "us") if usd is not None else ("cn",)
    prices = (_cny(VIDEO, model, "second", cny),) + (
        (_usd("intl", VIDEO, model, "second", usd), _usd("us", VIDEO, model, "second", usd)) if usd is not None else ())
    return ModelCard("dashscope", model, VIDEO, label, durations=durations, duration_range=duration_range,
                     aspect_ratios=WAN_RATIOS if t2v and not first else (), resolutions=resolutions,
                     text_to_video=t2v, first_frame=first, last_frame=last, audio=audio, max_prompt=prompt,
                     regions=regions, prices=prices, notes=notes)


DASHSCOPE = (
    _wan("wan2.6-t2v", "Wan 2.6 t2v", t2v=True, duration_range=(2, 15), resolutions=("720P", "1080P"),
         audio=True, prompt=1500, cny=1.0, usd=0.15),
    _wan("wan2.6-i2v", "Wan 2.6 i2v", t2v=False, first=True, durations=(5, 10, 15),
         resolutions=("720P", "1080P"), audio=True, prompt=1500, cny=1.0, usd=0.15),
    _wan("wan2.6-i2v-flash", "Wan 2.6 Flash i2v", t2v=False, first=True, duration_range=(2, 15),
         resolutions=("720P", "1080P"), audio=True, prompt=1500, cny=0.5, usd=0.075),
    _wan("wan2.5-t2v-preview", "Wan 2.5 t2v", t2v=True, durations=(5, 10), resolutions=("480P", "720P", "1080P"),
         audio=True, prompt=1500, cny=1.0, usd=0.15),
    _wan("wan2.5-i2v-preview", "Wan 2.5 i2v", t2v=False, first=True, durations=(5, 10),
         resolutions=("480P", "720P", "1080P"), audio=True, prompt=1500, cny=1.0, usd=0.15),
    _wan("wan2.2-t2v-plus", "Wan 2.2 Plus t2v", t2v=True, durations=(5,), resolutions=("480P", "1080P"),
         cny=0.7, usd=0.1),
    _wan("wan2.2-i2v-plus", "Wan 2.2 Plus i2v", t2v=False, first=True, durations=(5,),
         resolutions=("480P", "1080P"), cny=0.7, usd=0.1),
    _wan("wan2.2-i2v-flash", "Wan 2.2 Flash i2v", t2v=False, first=True, durations=(5,),
         resolutions=("480P", "720P", "1080P"), cny=0.2, usd=0.03),
    _wan("wanx2.1-t2v-turbo", "Wan 2.1 Turbo t2v", t2v=True, durations=(5,), resolutions=("480P", "720P"),
         cny=0.24, usd=0.036),
    _wan("wanx2.1-i2v-turbo", "Wan 2.1 Turbo i2v", t2v=False, first=True, durations=(3, 4, 5),
         resolutions=("480P", "720P"), cny=0.24, usd=0.036),
    _wan("wan2.2-kf2v-flash", "Wan 2.2 Flash kf2v", t2v=False, first=True, last=True,
         durations=(5,), resolutions=("480P", "720P", "1080P"), cny=0.2, usd=None,
         notes="Needs both a start and an end frame."),
    _wan("wanx2.1-kf2v-plus", "Wan 2.1 Plus kf2v", t2v=False, first=True, last=True,
         durations=(5,), resolutions=("720P",), cny=0.7, usd=None, notes="Needs both a start and an end frame."),
    ModelCard("dashscope", "qwen-image", IMAGE, "Qwen-Image", aspect_ratios=("16:9", "4:3", "1:1", "3:4", "9:16"),
              max_prompt=800, regions=("cn", "intl"),
              prices=(_cny(IMAGE, "qwen-image", "image", 0.25), _usd("intl", IMAGE, "qwen-image", "image", 0.035))),
    ModelCard("dashscope", "qwen-image-plus", IMAGE, "Qwen-Image Plus",
              aspect_ratios=("16:9", "4:3", "1:1", "3:4", "9:16"), max_prompt=800, regions=("cn", "intl"),
              prices=(_cny(IMAGE, "qwen-image-plus", "image", 0.2),
                      _usd("intl", IMAGE, "qwen-image-plus", "image", 0.03))),
    ModelCard("dashscope", "wan2.2-t2i-*", IMAGE, "Wan 2.2 t2i", aspect_ratios=WAN_RATIOS, max_prompt=800,
              prices=(_cny(IMAGE, "wan2.2-t2i-*", "image", 0.2), _usd("intl", IMAGE, "wan2.2-t2i-*", "image", 0.03))),
    ModelCard("dashscope", "wan2.5-t2i-preview", IMAGE, "Wan 2.5 t2i", aspect_ratios=WAN_RATIOS, max_prompt=2000,
              prices=(_cny(IMAGE, "wan2.5-t2i-preview", "image", 0.2),
                      _usd("intl", IMAGE, "wan2.5-t2i-preview", "image", 0.03))),
)


def _kling(model: str, label: str, *, t2v: bool = True, last: bool = True, durations: tuple[float, ...] = (5, 10),
           duration_range: tuple[float, float] | None = None, audio: bool = False, elements: int = 0,
           multi_shot: bool = False, usd: float, notes: str = "") -> ModelCard:
    return ModelCard("kling", model, VIDEO, label, durations=() if duration_range else durations,
                     duration_range=duration_range, aspect_ratios=KLING_RATIOS, resolutions=("std", "pro"),
                     text_to_video=t2v, first_frame=True, last_frame=last, reference_images=elements,
                     multi_shot=multi_shot, max_shots=6 if multi_shot else 0, audio=audio, max_prompt=2500,
                     prices=(_usd("global", VIDEO, model, "second", usd), _usd("cn", VIDEO, model, "second", usd)),
                     notes=notes)


KLING = (
    _kling("kling-v3", "Kling 3.0", duration_range=(3, 15), audio=True, elements=3, multi_shot=True, usd=0.084,
           notes="Elements keep a character across shots; up to 6 shots in one clip."),
    _kling("kling-v2-6", "Kling 2.6", audio=True, usd=0.07, notes="Sound needs pro mode; end frame only silent."),
    _kling("kling-v2-5-turbo", "Kling 2.5 Turbo", usd=0.07),
    _kling("kling-v2-1-master", "Kling 2.1 Master", last=False, usd=0.28),
    _kling("kling-v2-1", "Kling 2.1 i2v", t2v=False, usd=0.056, notes="End frame in pro mode only."),
    _kling("kling-v2-master", "Kling 2.0 Master", last=False, usd=0.28),
    _kling("kling-v1-6", "Kling 1.6", usd=0.056, notes="End frame in pro mode only."),
    _kling("kling-v1-5", "Kling 1.5 i2v", t2v=False, usd=0.056),
    _kling("kling-v1", "Kling 1.0", usd=0.056),
)

MINIMAX = (
    ModelCard("minimax", "MiniMax-Hailuo-02", VIDEO, "Hailuo 02", durations=(6, 10),
              resolutions=("512P", "768P", "1080P"), first_frame=True, last_frame=True, max_prompt=2000,
              prices=(_usd("global", VIDEO, "MiniMax-Hailuo-02", "second", 0.045),)),
    ModelCard("minimax", "*-01*", VIDEO, "Hailuo 01", durations=(6,), first_frame=True, max_prompt=2000,
              prices=(_usd("global", VIDEO, "*-01*", "second", 0.043),)),
    ModelCard("minimax_music", "music-*", MUSIC, "MiniMax Music", max_prompt=2000,
              prices=(_usd("global", MUSIC, "music-*", "track", 0.035), _cny(MUSIC, "music-*", "track", 0.25))),
)

BUILT_IN: tuple[ModelCard, ...] = ARK + DASHSCOPE + KLING + MINIMAX

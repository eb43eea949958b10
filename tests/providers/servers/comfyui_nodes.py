"""What the test ComfyUI server "has installed" (node classes with their required inputs, models),
as ComfyUI 0.3.64's ``/object_info`` describes them, and the media its save nodes write."""

from __future__ import annotations

from functools import cache

# Nodes this server "has installed": input name -> "INT" | "STRING" | "FLOAT" | "BOOLEAN" | "LINK" | "COMBO"
# (a V3 combo) | a models folder (the loader's choices).
NODES: dict[str, dict[str, str]] = {
    "CheckpointLoaderSimple": {"ckpt_name": "checkpoints"}, "EmptyLatentImage": {
        "width": "INT", "height": "INT", "batch_size": "INT"},
    "CLIPTextEncode": {"text": "STRING", "clip": "LINK"},
    "KSampler": {"seed": "INT", "steps": "INT", "cfg": "FLOAT", "sampler_name": "STRING", "scheduler": "STRING",
                 "model": "LINK", "positive": "LINK", "negative": "LINK", "latent_image": "LINK", "denoise": "FLOAT"},
    "VAEDecode": {"samples": "LINK", "vae": "LINK"}, "SaveImage": {"images": "LINK"},
    "PreviewImage": {"images": "LINK"}, "UNETLoader": {"unet_name": "diffusion_models"},
    "ModelSamplingSD3": {"model": "LINK", "shift": "FLOAT"}, "CLIPLoader": {"clip_name": "text_encoders", "type": "STRING"},
    "VAELoader": {"vae_name": "vae"}, "CLIPVisionLoader": {"clip_name": "clip_vision"}, "LoadImage": {"image": "STRING"},
    "CLIPVisionEncode": {"clip_vision": "LINK", "image": "LINK"},
    "WanImageToVideo": {"positive": "LINK", "negative": "LINK", "vae": "LINK", "width": "INT", "height": "INT",
                        "length": "INT", "batch_size": "INT"},
    "WanFirstLastFrameToVideo": {"positive": "LINK", "negative": "LINK", "vae": "LINK", "width": "INT",
                                 "height": "INT", "length": "INT", "batch_size": "INT"},
    "CreateVideo": {"images": "LINK", "fps": "FLOAT"},
    "SaveVideo": {"video": "LINK", "filename_prefix": "STRING", "format": "COMBO", "codec": "COMBO"},
    "EmptyImage": {"width": "INT", "height": "INT", "batch_size": "INT", "color": "INT"},
    "ImageScale": {"image": "LINK", "upscale_method": "STRING", "width": "INT", "height": "INT", "crop": "STRING"},
    "RepeatImageBatch": {"image": "LINK", "amount": "INT"},
    "SaveWEBM": {"images": "LINK", "filename_prefix": "STRING", "codec": "STRING", "fps": "FLOAT", "crf": "FLOAT"},
    "SaveAnimatedWEBP": {"images": "LINK", "filename_prefix": "STRING", "fps": "FLOAT", "lossless": "BOOLEAN",
                         "quality": "INT", "method": "STRING"},
    "SaveAnimatedPNG": {"images": "LINK", "filename_prefix": "STRING", "fps": "FLOAT", "compress_level": "INT"},
}
OUTPUT_NODES = {"SaveImage", "PreviewImage", "SaveVideo", "SaveWEBM", "SaveAnimatedWEBP", "SaveAnimatedPNG"}
UPSCALE_METHODS = ["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]
# V3 nodes describe their combos as ["COMBO", {"options": [...]}] in /object_info (seen on 0.3.64).
COMBOS = {("SaveVideo", "format"): ["auto", "mp4"], ("SaveVideo", "codec"): ["auto", "h264"],
          ("SaveWEBM", "codec"): ["vp9", "av1"]}
MODELS = {"checkpoints": ["sd_xl_base_1.0.safetensors"], "diffusion_models": ["wan2.1_i2v_480p_14B_fp16.safetensors"],
          "text_encoders": ["umt5_xxl_fp8_e4m3fn_scaled.safetensors"], "vae": ["wan_2.1_vae.safetensors"],
          "clip_vision": ["clip_vision_h.safetensors"]}


@cache
def animated_webp_bytes(frames: int = 6, width: int = 64, height: int = 96, still: bool = False) -> bytes:
    """A real animated WebP (what SaveAnimatedWEBP writes); ``still``: one picture repeated, which
    ComfyUI 0.3.64 (Pillow + libwebp) saves as a plain still WebP."""
    import cv2
    import numpy as np

    if still:  # what Pillow's WebP writer produces for identical frames: a plain still, no timing
        ok, buf = cv2.imencode(".webp", np.zeros((height, width, 3), np.uint8))
        assert ok
        return bytes(buf)
    animation = cv2.Animation()
    animation.frames = [np.full((height, width, 3), (i * 40) % 255, np.uint8) for i in range(frames)]
    animation.durations = [125] * frames
    ok, buf = cv2.imencodeanimation(".webp", animation)
    assert ok
    return bytes(buf)


@cache
def big_preview_png() -> bytes:
    """A noise PNG over 64 KiB: previews that need a 64-bit WebSocket length."""
    import cv2
    import numpy as np

    img = np.random.default_rng(1).integers(0, 255, (200, 200, 3), dtype=np.uint8)
    ok, buf = cv2.imencode(".png", img)
    assert ok and len(buf) > 65535
    return buf.tobytes()


def int_error(value: object) -> str | None:
    """None if ComfyUI's int() accepts ``value`` ("160" and 160.7 are fine), else the exception text."""
    try:
        int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        return str(exc)
    return None

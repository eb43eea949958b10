"""The disguises a match reveals, named in English and Chinese (the evidence pack shows both)."""

from __future__ import annotations

from enum import Enum

from app.fingerprint.layout import Rect


class Transformation(Enum):
    MIRRORED = "mirrored"
    REVERSED = "reversed"
    FASTER = "faster"
    SLOWER = "slower"
    EXCERPT = "excerpt"
    PICTURE_IN_PICTURE = "picture_in_picture"
    SPLIT_SCREEN = "split_screen"
    LANDSCAPE_CANVAS = "landscape_canvas"
    CROPPED_OR_FRAMED = "cropped_or_framed"
    NEW_SOUND = "new_sound"
    SOUND_ONLY = "sound_only"
    PITCH_SHIFTED = "pitch_shifted"
    CAPTIONS_STICKERS = "captions_stickers"

    @property
    def english(self) -> str:
        return LABELS[self][0]

    @property
    def chinese(self) -> str:
        return LABELS[self][1]


LABELS = {
    Transformation.MIRRORED: ("mirrored left-right", "左右镜像"),
    Transformation.REVERSED: ("played backwards", "倒放"),
    Transformation.FASTER: ("sped up", "加速"),
    Transformation.SLOWER: ("slowed down", "减速"),
    Transformation.EXCERPT: ("excerpt of the episode", "剪取片段"),
    Transformation.PICTURE_IN_PICTURE: ("shrunk into a picture-in-picture window", "缩小为画中画"),
    Transformation.SPLIT_SCREEN: ("placed in a split-screen / reaction layout", "分屏或反应视频布局"),
    Transformation.LANDSCAPE_CANVAS: ("placed on a wider canvas (bars or blurred background)",
                                      "放在更宽的画布上（黑边或模糊背景）"),
    Transformation.CROPPED_OR_FRAMED: ("cropped, framed or bordered", "裁剪、加边框"),
    Transformation.NEW_SOUND: ("our picture with different sound", "保留画面、替换声音"),
    Transformation.SOUND_ONLY: ("our soundtrack over other pictures", "使用我们的声音、配其他画面"),
    Transformation.PITCH_SHIFTED: ("sound resampled: its pitch moved with the speed", "声音变速且变调"),
    Transformation.CAPTIONS_STICKERS: ("captions or stickers over part of the picture", "画面上加了字幕或贴纸"),
}


def layout_transformation(region: Rect | None) -> Transformation | None:
    if region is not None and region.overlaid:
        return Transformation.CAPTIONS_STICKERS
    if region is None or region.is_full:
        return None
    area = region.w * region.h
    if region.h > 0.9 and region.w < 0.7:
        # full height: a third or half of a split screen, or a centred strip on a wide canvas
        centred = abs(region.x + region.w / 2 - 0.5) < 0.05
        return Transformation.LANDSCAPE_CANVAS if centred else Transformation.SPLIT_SCREEN
    if area < 0.45:
        return Transformation.PICTURE_IN_PICTURE
    return Transformation.CROPPED_OR_FRAMED


def describe_region(region: Rect | None) -> str:
    return "" if region is None or region.is_full else region.describe()

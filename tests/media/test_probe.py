"""Probing judged against ffprobe, and every kind of bad input refused with a clear message."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.errors import UserError
from app.media.errors import MediaError
from app.media.probe import probe_file
from tests.media.conftest import ffprobe_streams


def _video(streams):
    return next(s for s in streams if s["codec_type"] == "video")


def _rate(text: str) -> float:
    return float(Fraction(text))


def test_hd_clip_matches_ffprobe(hd_clip):
    probe = probe_file(hd_clip)
    ref = ffprobe_streams(hd_clip)
    v = _video(ref)
    a = next(s for s in ref if s["codec_type"] == "audio")
    assert probe["kind"] == "video"
    assert (probe["width"], probe["height"]) == (v["width"], v["height"]) == (1080, 1920)
    assert probe["fps"] == pytest.approx(_rate(v["r_frame_rate"])) == 30
    assert probe["frames"] == int(v["nb_read_packets"]) == 60
    assert probe["duration"] == pytest.approx(float(v["duration"]), abs=1e-3)
    assert probe["video_codec"] == v["codec_name"] == "h264"
    assert probe["vfr"] is False and probe["rotation"] == 0
    assert probe["has_audio"] is True
    assert probe["audio_rate"] == int(a["sample_rate"]) == 48000
    assert probe["audio_channels"] == a["channels"] == 2
    assert probe["audio_codec"] == a["codec_name"] == "aac"


@pytest.mark.parametrize("name", ["h264.mkv", "hevc.mp4", "vp9.webm", "prores.mov", "h264.mp4"])
def test_codec_variants_match_ffprobe(variants, name):
    probe = probe_file(variants[name])
    v = _video(ffprobe_streams(variants[name]))
    assert probe["kind"] == "video"
    assert probe["video_codec"] == v["codec_name"]
    assert (probe["width"], probe["height"]) == (v["width"], v["height"])
    assert probe["frames"] == int(v["nb_read_packets"]) == 30
    assert probe["fps"] == pytest.approx(_rate(v["avg_frame_rate"]), rel=0.02)
    assert probe["duration"] == pytest.approx(1.0, abs=0.04)
    assert probe["vfr"] is False
    assert probe["has_audio"] is False and probe["audio_rate"] == 0 and probe["audio_codec"] == ""


def test_variable_frame_rate_is_detected(vfr_clip, hd_clip):
    probe = probe_file(vfr_clip)
    v = _video(ffprobe_streams(vfr_clip))
    # ffprobe's own tell: the nominal rate differs from the average rate
    assert _rate(v["r_frame_rate"]) != pytest.approx(_rate(v["avg_frame_rate"]))
    assert probe["vfr"] is True
    assert probe["fps"] == pytest.approx(_rate(v["avg_frame_rate"]), rel=0.01)
    assert probe["duration"] == pytest.approx(float(v["duration"]), abs=1e-3)
    assert probe_file(hd_clip)["vfr"] is False


def test_rotation_metadata(rotated_clip):
    probe = probe_file(rotated_clip)
    v = _video(ffprobe_streams(rotated_clip))
    ff_rotation = next(sd["rotation"] for sd in v["side_data_list"] if "rotation" in sd)
    assert probe["rotation"] == (-ff_rotation) % 360 == 90
    # stored 320x180, shown 180x320
    assert (v["width"], v["height"]) == (320, 180)
    assert (probe["width"], probe["height"]) == (180, 320)


def test_audio_files_match_ffprobe(audio_files):
    for ext, path in audio_files.items():
        probe = probe_file(path)
        ref = ffprobe_streams(path)[0]
        assert probe["kind"] == "audio", ext
        assert probe["has_audio"] is True
        assert probe["audio_rate"] == int(ref["sample_rate"]), ext
        assert probe["audio_channels"] == ref["channels"] == 2
        assert probe["audio_codec"].startswith(ref["codec_name"][:3]), ext
        assert probe["duration"] == pytest.approx(1.5, abs=0.06), ext
        assert probe["width"] == probe["frames"] == 0 and probe["video_codec"] == ""


def test_stills(stills):
    assert probe_file(stills["png"]) | {} == probe_file(stills["png"])
    p = probe_file(stills["png"])
    assert (p["kind"], p["width"], p["height"], p["frames"]) == ("image", 300, 400, 1)
    assert probe_file(stills["webp"])["width"] == 300
    assert probe_file(stills["jpeg"])["height"] == 400
    # sideways pixels + EXIF orientation 6 are displayed upright
    exif = probe_file(stills["jpeg_exif6"])
    assert (exif["width"], exif["height"]) == (300, 400)


def test_wrong_extension_is_probed_by_content(stills, audio_files, tmp_path):
    assert probe_file(stills["png_as_mp4"])["kind"] == "image"
    wav_named_mp4 = tmp_path / "voice.mp4"
    wav_named_mp4.write_bytes(audio_files[".wav"].read_bytes())
    assert probe_file(wav_named_mp4)["kind"] == "audio"


@pytest.mark.parametrize("name, words", [
    ("truncated", "damaged or incomplete"),
    ("truncated_faststart", "truncated"),
    ("garbage", "damaged or incomplete"),
    ("empty", "empty"),
    ("zero_wav", "zero length"),
    ("huge_png", "20000x20000"),
    ("text", "damaged or incomplete"),
])
def test_bad_input_gives_a_clear_user_error(bad_files, name, words):
    with pytest.raises(MediaError) as info:
        probe_file(bad_files[name])
    assert isinstance(info.value, UserError)
    message = str(info.value)
    assert bad_files[name].name in message
    assert words in message


def test_missing_file(tmp_path):
    with pytest.raises(MediaError, match="missing"):
        probe_file(tmp_path / "gone.mp4")


def test_mp3_with_cover_art_is_audio(audio_files, stills, tmp_path):
    import subprocess
    out = tmp_path / "with_cover.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(audio_files[".mp3"]), "-i", str(stills["jpeg"]),
                    "-map", "0", "-map", "1", "-c", "copy", "-disposition:v", "attached_pic", str(out)], check=True)
    assert any(s["codec_type"] == "video" for s in ffprobe_streams(out))  # the picture is a "video" stream
    probe = probe_file(out)
    assert probe["kind"] == "audio" and probe["width"] == 0 and probe["duration"] == pytest.approx(1.5, abs=0.06)

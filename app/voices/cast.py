"""Which voice a character speaks with: the stored choice, or a scratch voice picked from the character.

The scratch voice (offline espeak-ng) is deterministic: the character's place in the cast
picks a variant (female or male from the description), and its name a pitch and speed, so
a character sounds the same in every episode and on every machine, and the first five
women and six men of a cast never share a variant.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.model import Character, DialogueLine, Series

SCRATCH_PROVIDER = "espeak"
_FEMALE = ("f2", "f3", "f4", "f1", "f5")
_MALE = ("m3", "m1", "m2", "m4", "m6", "m7")
_FEMALE_HINTS = ("she", "her", "woman", "girl", "mother", "daughter", "sister", "wife", "女", "她", "母", "姐", "妹")


@dataclass(frozen=True)
class VoiceSpec:
    """Everything a speech request needs about the speaker (provider-neutral)."""

    provider: str
    voice: str
    speed: float = 1.0
    pitch: float = 0.0  # -1..1
    note: str = ""
    scratch: bool = False


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big")


def _looks_female(character: Character) -> bool:
    text = f" {character.description.casefold()} "
    return any(h in text for h in _FEMALE_HINTS if not h.isascii()) or any(
        f" {h} " in text.replace(",", " ").replace(".", " ") for h in _FEMALE_HINTS if h.isascii())


def language_of(character: Character | None, text: str) -> str:
    """"zh" or "en": the character's voice language, its legacy ``speech_voice`` tag, else the text."""
    from providers.espeak import MANDARIN, language_for

    if character is not None:
        lang = character.voice.language or character.speech_voice.split("-", 1)[0].lower()
        if lang in ("zh", "cmn"):
            return "zh"
        if lang == "en":
            return "en"
    return "zh" if language_for(text) == MANDARIN else "en"


def scratch_voice(series: Series, character: Character | None, text: str) -> VoiceSpec:
    """The offline voice for ``character`` (a narrator voice for lines without one)."""
    lang = "cmn" if language_of(character, text) == "zh" else "en-us"
    if character is None:
        return VoiceSpec(SCRATCH_PROVIDER, f"{lang}+m1", 1.0, 0.0, scratch=True)
    female = _looks_female(character)
    pool = _FEMALE if female else _MALE
    same = [c for c in series.characters if _looks_female(c) == female]
    index = next((i for i, c in enumerate(same) if c.id == character.id), _digest(character.id))
    variant = pool[index % len(pool)]
    digest = _digest(character.name.strip() or character.id)  # by name: the same on every machine
    pitch = ((digest % 41) - 20) / 40.0  # -0.5..0.5 around the variant's own pitch
    speed = 0.92 + (digest // 41 % 17) / 100.0  # 0.92..1.08
    voice = character.voice
    return VoiceSpec(SCRATCH_PROVIDER, f"{lang}+{variant}", round(speed * (voice.speed or 1.0), 3),
                     max(-1.0, min(1.0, pitch + voice.pitch)), voice.note, scratch=True)


def voice_for(series: Series, line: DialogueLine, provider_override: str | None = None) -> VoiceSpec:
    """The voice ``line`` is spoken with: ``provider_override``, else the character's stored voice,
    else the scratch voice. A vendor without a stored voice id uses the vendor's default voice."""
    character = series.character(line.character_id) or series.character_named(line.character_name)
    provider = provider_override or (character.voice.provider if character else "") or SCRATCH_PROVIDER
    if provider == SCRATCH_PROVIDER:
        spec = scratch_voice(series, character, line.text)
        if character is not None and character.voice.provider == SCRATCH_PROVIDER and character.voice.voice_id:
            spec = VoiceSpec(spec.provider, character.voice.voice_id, spec.speed, spec.pitch, spec.note, True)
        return spec
    if character is None:
        return VoiceSpec(provider, "")
    voice = character.voice
    # a voice id chosen for another provider means nothing to this one
    voice_id = voice.voice_id if voice.provider == provider else ""
    return VoiceSpec(provider, voice_id, voice.speed or 1.0, voice.pitch, voice.note)


def espeak_pitch(pitch: float) -> int:
    """-1..1 to espeak-ng's 0..99 (50 = the variant's normal pitch)."""
    return int(round(50 + 40 * max(-1.0, min(1.0, pitch))))

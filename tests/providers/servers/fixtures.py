"""pytest fixtures for the vendor test servers. Use from any conftest:

    from tests.providers.servers.fixtures import *  # noqa: F401,F403

Each fixture starts a fresh server on 127.0.0.1 for one test and stops it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .ark import ArkServer
from .comfyui import ComfyUIServer
from .dashscope import DashScopeServer
from .dashscope_speech import DashScopeSpeechServer
from .elevenlabs import ElevenLabsServer
from .fal import FalServer
from .kling import KlingServer
from .minimax import MiniMaxServer
from .minimax_music import MiniMaxMusicServer
from .minimax_speech import MiniMaxSpeechServer
from .music import MusicServer
from .openai import OpenAIServer
from .replicate import ReplicateServer

__all__ = ["ark_server", "comfyui_server", "dashscope_server", "dashscope_speech_server", "elevenlabs_server", "fal_server", "kling_server", "minimax_music_server", "minimax_server", "minimax_speech_server", "music_server", "openai_server", "replicate_server"]


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as server:
        yield server


@pytest.fixture
def kling_server() -> Iterator[KlingServer]:
    with KlingServer() as server:
        yield server


@pytest.fixture
def minimax_server() -> Iterator[MiniMaxServer]:
    with MiniMaxServer() as server:
        yield server


@pytest.fixture
def replicate_server() -> Iterator[ReplicateServer]:
    with ReplicateServer() as server:
        yield server


@pytest.fixture
def fal_server() -> Iterator[FalServer]:
    with FalServer() as server:
        yield server


@pytest.fixture
def comfyui_server() -> Iterator[ComfyUIServer]:
    with ComfyUIServer() as server:
        yield server


@pytest.fixture
def music_server() -> Iterator[MusicServer]:
    with MusicServer() as server:
        yield server


@pytest.fixture
def ark_server() -> Iterator[ArkServer]:
    with ArkServer() as server:
        yield server


@pytest.fixture
def dashscope_server() -> Iterator[DashScopeServer]:
    with DashScopeServer() as server:
        yield server


@pytest.fixture
def minimax_music_server() -> Iterator[MiniMaxMusicServer]:
    with MiniMaxMusicServer() as server:
        yield server


@pytest.fixture
def minimax_speech_server() -> Iterator[MiniMaxSpeechServer]:
    with MiniMaxSpeechServer() as server:
        yield server


@pytest.fixture
def elevenlabs_server() -> Iterator[ElevenLabsServer]:
    with ElevenLabsServer() as server:
        yield server


@pytest.fixture
def dashscope_speech_server() -> Iterator[DashScopeSpeechServer]:
    with DashScopeSpeechServer() as server:
        yield server

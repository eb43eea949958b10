"""Session-wide test setup: offscreen Qt, isolated settings, a real PulseAudio server.

Everything here is real: the audio server is PulseAudio with a null sink whose
monitor is the default input, so a tone played to the output can be recorded back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the developer's real settings, recent files and keyring out of the tests.
_SANDBOX = Path(tempfile.mkdtemp(prefix="microdrama-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["XDG_CACHE_HOME"] = str(_SANDBOX / "cache")
os.environ["XDG_RUNTIME_DIR"] = str(_SANDBOX / "runtime")
os.environ["MICRODRAMA_SETTINGS_DIR"] = str(_SANDBOX / "settings")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
(_SANDBOX / "runtime").mkdir(mode=0o700, exist_ok=True)

REPO = Path(__file__).resolve().parent.parent


def _patient_waits() -> None:
    """Give pytest-qt's waits a 15 s default instead of 5 s.

    CI runs on a fresh, busy 2-core machine: a condition that holds after 0.2 s here can take
    seconds there. A wait only takes that long when something is wrong, so a generous default
    costs nothing on a passing run and keeps slow machines from failing correct code.
    """
    from pytestqt.qtbot import QtBot

    wait_until, wait_signal = QtBot.waitUntil, QtBot.waitSignal

    def patient_wait_until(self, callback, *, timeout: int = 15000):  # type: ignore[no-untyped-def]
        return wait_until(self, callback, timeout=max(timeout, 15000))

    def patient_wait_signal(self, signal=None, *, timeout: int = 15000, **kwargs):  # type: ignore[no-untyped-def]
        return wait_signal(self, signal, timeout=timeout if timeout <= 0 else max(timeout, 15000), **kwargs)

    QtBot.waitUntil = patient_wait_until  # type: ignore[method-assign]
    QtBot.waitSignal = patient_wait_signal  # type: ignore[method-assign]


_patient_waits()


def _pulse_running(env: dict[str, str]) -> bool:
    return subprocess.run(["pactl", "info"], env=env, capture_output=True, timeout=10).returncode == 0


@pytest.fixture(scope="session")
def pulse_server():
    """Start a private PulseAudio server with a null sink; yields its environment.

    The sink ``vsink`` is the default output and its monitor the default input,
    so tests can play and record through real devices.
    """
    if shutil.which("pulseaudio") is None:
        pytest.fail("pulseaudio is not installed; run packaging/setup-debian.sh test")
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    env = dict(os.environ)
    env["PULSE_RUNTIME_PATH"] = str(runtime / "pulse")
    env["PULSE_STATE_PATH"] = str(runtime / "pulse-state")
    env["HOME"] = str(_SANDBOX)
    os.environ.update({k: env[k] for k in ("PULSE_RUNTIME_PATH", "PULSE_STATE_PATH")})
    proc = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "-n",
         "--load=module-native-protocol-unix",
         "--load=module-null-sink sink_name=vsink sink_properties=device.description=VirtualSink",
         "--load=module-always-sink", "--log-target=stderr"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not _pulse_running(env):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("could not start the PulseAudio test server")
        time.sleep(0.2)
    subprocess.run(["pactl", "set-default-sink", "vsink"], env=env, check=True)
    subprocess.run(["pactl", "set-default-source", "vsink.monitor"], env=env, check=True)
    yield env
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A folder path for a new bundle (not created)."""
    return tmp_path / "Test.mdrama"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config._microdrama_exitstatus = int(exitstatus)  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without running interpreter teardown once pytest has reported.

    PySide6 can crash while Python destroys Qt objects that worker threads and
    the test QApplication still reference, after every test has passed; the exit
    code would then say the run failed. The results are already printed here.
    """
    status = getattr(config, "_microdrama_exitstatus", None)
    if status is None or os.environ.get("MICRODRAMA_NORMAL_EXIT"):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)

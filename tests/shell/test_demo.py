"""Open Demo from the welcome view: the demo is written on a worker, then opened."""

from __future__ import annotations

from widgets.shell.preferences import PROJECTS_KEY
from widgets.shell.settings import app_settings


def test_open_demo_writes_the_demo_in_the_background_and_opens_it(window_factory, tmp_path, qtbot, prompter):
    app_settings().setValue(PROJECTS_KEY, str(tmp_path / "Projects"))
    window = window_factory()
    window.show()
    button = window.welcome.buttons["action_open_demo"]
    assert button.isEnabled()
    button.click()
    # the GUI thread is free while the demo is painted: the actions say so
    assert window.controller.busy
    assert not window.shell_actions["action_open"].isEnabled()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=90000)
    assert prompter.asked("error") == []
    assert window.session.bundle.root == tmp_path / "Projects" / "Demo.mdrama"
    assert window.session.series.episodes and any(True for _ in window.session.series.episodes[0].shots())
    assert window.shell_actions["action_open"].isEnabled()

    window.controller.close_project()
    window.shell_actions["action_open_demo"].trigger()  # already there: opened straight away
    assert window.session.is_open

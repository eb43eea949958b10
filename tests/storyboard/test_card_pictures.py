"""Card pictures arrive at the size they are drawn, and a card's paint only blits them.

The thumbnail is scaled (to cover the card's 9:16 frame) on the worker that reads it;
a picture of another size (the board was resized, or list mode) is scaled once and kept.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from app.demo import create_demo
from app.jobs.manager import job_manager
from app.session import Session
from widgets.storyboard.card import cover, picture_size
from widgets.storyboard.panel import StoryboardPanel


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("demo") / "Demo.mdrama").root


@pytest.fixture
def panel(demo_copy, tmp_path, qtbot):
    root = tmp_path / "Demo.mdrama"
    shutil.copytree(demo_copy, root)
    session = Session()
    session.open(root)
    widget = StoryboardPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    yield widget
    job_manager(session).shutdown()
    session.close()


def rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine()).copy()


def test_thumbnails_arrive_fitted_to_the_cards_and_are_drawn_unscaled(panel, qtbot) -> None:
    still = next(shot.chosen_still for shot in panel.session.current_episode.shots() if shot.chosen_still)
    frame = picture_size(panel.delegate.card_size)
    assert panel.thumbs.fit_size == frame
    qtbot.waitUntil(lambda: panel.thumbs.pixmap(still) is not None, timeout=30000)
    pixmap = panel.thumbs.pixmap(still)
    assert pixmap.size() == frame  # scaled on the worker
    assert panel.delegate._fit(pixmap, frame) is pixmap  # painted as it is, nothing kept

    # the board gets narrower: the cards shrink, the picture already read is scaled once and kept
    panel.resize(700, 760)
    qtbot.waitUntil(lambda: picture_size(panel.delegate.card_size) != frame, timeout=10000)
    smaller = picture_size(panel.delegate.card_size)
    assert panel.thumbs.fit_size == smaller  # pictures read from now on come at the new size
    fitted = panel.delegate._fit(pixmap, smaller)
    assert fitted.size() == smaller
    assert panel.delegate._fit(pixmap, smaller) is fitted
    # what the worker would have made from the same picture, up to the rounding of a second scale
    redone = cover(pixmap.toImage(), smaller)
    assert np.abs(rgb(fitted.toImage()).astype(int) - rgb(redone).astype(int)).mean() < 1.0

    panel.delegate.list_mode = True
    assert panel.thumbs.fit_size is None  # list rows scale their small pictures when painted

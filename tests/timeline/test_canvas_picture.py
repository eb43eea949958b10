"""The player's canvas draws a frame once and copies it on later repaints, and never shows a stale picture."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from widgets.player.canvas import FrameCanvas


def frame(colour: str) -> QImage:
    img = QImage(540, 960, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    return img


def centre(canvas: FrameCanvas) -> QColor:
    r = canvas.frame_rect()
    return canvas.grab().toImage().pixelColor(int(r.center().x()), int(r.center().y()))


def test_a_repaint_copies_the_picture_and_any_change_draws_anew(qtbot):
    canvas = FrameCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(420, 760)
    canvas.set_image(frame("#3070c0"))
    canvas.show()
    qtbot.waitExposed(canvas)

    first = canvas._drawn()
    assert canvas._drawn() is first  # nothing changed: the same picture, no drawing
    assert centre(canvas) == QColor("#3070c0")

    canvas.set_image(frame("#c03030"))  # a new frame
    assert canvas._drawn() is not first and centre(canvas) == QColor("#c03030")

    before = canvas.grab().toImage()
    canvas.show_title_safe = not canvas.show_title_safe  # a setting
    canvas.update()
    assert canvas.grab().toImage() != before
    canvas.show_title_safe = not canvas.show_title_safe
    assert canvas.grab().toImage() == before  # back: the very same pixels

    canvas.resize(300, 560)  # another size: drawn at it, frame still centred and current
    qtbot.waitUntil(lambda: canvas._drawn().width() == round(300 * canvas.devicePixelRatioF()))
    assert centre(canvas) == QColor("#c03030")


def test_the_picture_matches_drawing_straight_onto_the_widget(qtbot):
    """What the cache shows is what the canvas drew before it had one (the same painter calls)."""
    canvas = FrameCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(420, 760)
    canvas.message = "Rendering"
    canvas.show_title_safe = True
    canvas.set_image(frame("#208040"))
    canvas.show()
    qtbot.waitExposed(canvas)
    direct = QImage(canvas.size(), QImage.Format.Format_RGB32)
    p = QPainter(direct)
    canvas._draw(p, canvas._zone_names())
    p.end()
    shown = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert shown == direct

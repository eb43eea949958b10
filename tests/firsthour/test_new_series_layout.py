"""The New Series dialog's "will be created as <path>" line is never cut, however long the path."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from widgets.shell import i18n
from widgets.shell.new_series import NewSeriesDialog


def test_a_long_project_path_wraps_and_is_shown_whole(qtbot, tmp_path) -> None:
    i18n.install_language("zh_CN")
    try:
        deep = tmp_path / ("microdrama-first-hour-" + "x" * 40) / "projects"
        dialog = NewSeriesDialog(deep)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.title_edit.setFocus()
        dialog.title_edit.insert("雨夜来信")  # typed through the input method
        label = dialog.path_label

        def button_top() -> int:
            return dialog.create_button.mapTo(dialog, QPoint(0, 0)).y()

        def label_bottom() -> int:
            return label.mapTo(dialog, QPoint(0, label.height())).y()

        # the label follows the title and the dialog's layout settles in the event loop: wait for it, not a fixed time
        qtbot.waitUntil(lambda: "雨夜来信" in label.text() and label.height() >= label.heightForWidth(label.width())
                        and button_top() >= label_bottom() - 2)
        assert "雨夜来信" in label.text()
        assert label.height() >= label.heightForWidth(label.width()), (label.height(), label.heightForWidth(label.width()))
        assert button_top() >= label_bottom() - 2  # nothing overlaps it
        dialog.grab().save(str(tmp_path / "new-series.png"))
    finally:
        i18n.install_language("en")

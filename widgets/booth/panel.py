"""The voice booth dock: pick devices, watch the level, read the line, record take after take.

Space or R records the current line (with the optional count-in) and stops it;
the line's shot plays in the small picture while recording, and the take is
aligned to it. Everything slow (opening devices aside) happens off the GUI
thread: the recorder writes from its own thread and finishes takes on another.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.audio import cleanup as take_cleanup
from app.audio import takes as take_ops
from app.audio.booth import COUNT_IN, FINISHING, IDLE, RECORDING, BoothController
from app.model import DialogueLine, MediaKind, Shot
from app.preview.snapshot import episode_snapshots
from app.session import Session
from widgets.booth.flow import FlowLayout
from widgets.booth.meter_widget import LevelMeterWidget
from widgets.booth.picture import PicturePreview
from widgets.booth.takes_list import TakesList
from widgets.booth.teleprompter import Teleprompter
from widgets.commands.keymap import keymap

ALL = "__all__"
PICTURE_FIELDS = {"stills", "clips", "chosen_still", "chosen_clip"}  # a shot's versions: not the booth's business
NARROW = 760  # below this width the panes stack vertically (the booth shares a side dock)


def hbox(parent: QWidget, *widgets: QWidget) -> QWidget:
    box = QWidget(parent)
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(4)
    for w in widgets:
        lay.addWidget(w)
    return box


class BoothPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.booth: BoothController = session.services.booth
        self.line_id = ""
        self._items: list[tuple[Shot, DialogueLine]] = []
        self._pending = False
        self._stale = False  # a refresh was skipped while out of sight: done when next seen
        self._build()
        self._connect()
        self.retranslate()
        self.refresh_devices()
        self.schedule_refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(8)

        bar = FlowLayout(spacing=8)
        self.input_label = QLabel(self)
        self.input_combo = QComboBox(self)
        self.output_label = QLabel(self)
        self.output_combo = QComboBox(self)
        for combo in (self.input_combo, self.output_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button = QToolButton(self)
        self.monitor_box = QCheckBox(self)
        self.count_label = QLabel(self)
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(0, 4)
        self.picture_box = QCheckBox(self)
        for w in (self.refresh_button, self.monitor_box, self.count_spin, self.picture_box):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for group in ((self.input_label, self.input_combo), (self.output_label, self.output_combo, self.refresh_button),
                      (self.monitor_box,), (self.count_label, self.count_spin), (self.picture_box,)):
            bar.addWidget(hbox(self, *group))
        # in a narrow side dock the device settings fold behind one button: record, meter and takes need the room
        self.devices_button = QToolButton(self)
        self.devices_button.setCheckable(True)
        self.devices_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.devices_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.devices_button.setArrowType(Qt.ArrowType.RightArrow)
        self.devices_button.toggled.connect(lambda _on: self._apply_layout_mode(self._narrow))
        self.devices_button.hide()
        self.top_row = QHBoxLayout()
        self.top_row.setContentsMargins(0, 0, 0, 0)
        self.top_row.addWidget(self.devices_button)
        outer.addLayout(self.top_row)
        self.device_bar = QWidget(self)
        self.device_bar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.device_bar)
        self._narrow: bool = False

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #3a3020; color: #f0d9a8; border: 1px solid #5c4a26; "
                                  "border-radius: 4px; padding: 6px 8px;")
        self.notice.hide()
        outer.addWidget(self.notice)

        # the booth often shares a narrow side dock: its panes scroll rather than force the window wider
        self.scroll_area = QScrollArea(self)  # not "scroll": that would hide QWidget.scroll()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setMinimumSize(200, 160)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.scroll_area.setWidget(split)
        outer.addWidget(self.scroll_area, 1)

        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(6)
        self.filter_combo = QComboBox(left)
        self.filter_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.progress = QProgressBar(left)
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(16)
        self.lines = QListWidget(left)
        self.lines.setAlternatingRowColors(True)
        self.lines.setWordWrap(False)
        lv.addWidget(self.filter_combo)
        self._lines_layout = lv
        lv.addWidget(self.progress)
        lv.addWidget(self.lines, 1)

        center = QWidget(split)
        cv = QVBoxLayout(center)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(8)
        self.prompter = Teleprompter(center)
        cv.addWidget(self.prompter, 1)
        # record row and meter: under the prompter, or pinned under the panes when the booth is narrow
        self.controls = QWidget(center)
        self.controls_layout = QVBoxLayout(self.controls)
        self.controls_layout.setContentsMargins(0, 0, 0, 0)
        self.controls_layout.setSpacing(8)
        cv.addWidget(self.controls)
        self._center_layout = cv
        self._outer_layout = outer
        transport = QHBoxLayout()
        self.prev_button = QPushButton(self.controls)
        self.record_button = QPushButton(self.controls)
        self.record_button.setMinimumHeight(38)
        self.record_button.setMinimumWidth(140)
        self.next_button = QPushButton(self.controls)
        self.status = QLabel(self.controls)
        self.status.setMinimumWidth(0)
        f = self.status.font()
        f.setPointSizeF(f.pointSizeF() + 2)
        f.setBold(True)
        self.status.setFont(f)
        # long states ("Count-in…") must not widen a narrow dock: the label takes what is left
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for b in (self.prev_button, self.record_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        transport.addWidget(self.prev_button)
        transport.addWidget(self.record_button)
        transport.addWidget(self.next_button)
        transport.addSpacing(12)
        transport.addWidget(self.status, 1)
        self.controls_layout.addLayout(transport)
        self.meter = LevelMeterWidget(self.controls)
        self.controls_layout.addWidget(self.meter)
        self.no_input = QLabel(self.controls)
        self.no_input.setWordWrap(True)
        self.no_input.setStyleSheet("color: #f0b34a;")
        self.no_input.hide()
        self.controls_layout.addWidget(self.no_input)

        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.setSpacing(6)
        self.picture = PicturePreview(self.session, right)
        self.takes = TakesList(self.session, right)
        rv.addWidget(self.picture, 2)
        line = QFrame(right)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #34363c;")
        rv.addWidget(line)
        self.takes_label = QLabel(right)
        self.takes_label.setStyleSheet("color: #8c9099;")
        from widgets.voices.actions import VoiceActions

        self.voice_actions = VoiceActions(self.session, right)
        self.voice_actions.reported.connect(self.status.setText)
        self.ai_take_button = QToolButton(right)
        self.ai_take_button.setDefaultAction(self.voice_actions.act_line)
        rv.addWidget(self.takes_label)
        self.convert_button = QToolButton(right)
        self.convert_button.setDefaultAction(self.voice_actions.act_convert)
        self.voice_actions.current_take = lambda: self.takes.current_take_id()
        self.voice_row = QWidget(right)  # a widget, so hiding it also gives back the row's spacing
        voice_row = QHBoxLayout(self.voice_row)
        voice_row.setContentsMargins(0, 0, 0, 0)
        voice_row.addWidget(self.ai_take_button)
        voice_row.addWidget(self.convert_button)
        voice_row.addStretch(1)
        rv.addWidget(self.voice_row)
        # narrow dock: the two AI actions fold into one menu button on the record row (no row of their own)
        self.ai_menu_button = QToolButton(self)
        self.ai_menu_button.setText("AI")
        self.ai_menu_button.setToolTip(self.voice_actions.act_line.text())
        self.ai_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        ai_menu = QMenu(self.ai_menu_button)
        ai_menu.addActions([self.voice_actions.act_line, self.voice_actions.act_convert])
        self.ai_menu_button.setMenu(ai_menu)
        self.ai_menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.top_row.addWidget(self.ai_menu_button)
        self.ai_menu_button.hide()
        rv.addWidget(self.takes, 3)

        for pane, stretch in ((left, 2), (center, 5), (right, 3)):
            split.setStretchFactor(split.indexOf(pane), stretch)
        left.setMinimumWidth(120)
        right.setMinimumWidth(150)
        self.split = split
        center.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.record_action = QAction(self)
        self.record_action.setObjectName("booth.record")
        keymap().bind_action(self.record_action, "booth.record")  # Space, R unless the user changed them
        self.record_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.record_action.triggered.connect(self.toggle_recording)
        self.addAction(self.record_action)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._meter_timer = QTimer(self)
        self._meter_timer.setInterval(33)
        self._meter_timer.timeout.connect(self._update_meter)
        self._meter_timer.start()
        self._device_watch = QFileSystemWatcher(self)
        if os.path.isdir("/dev/snd"):
            self._device_watch.addPath("/dev/snd")
        self._device_watch.directoryChanged.connect(lambda _p: QTimer.singleShot(800, self.rescan_devices))

    def _connect(self) -> None:
        s, doc, b = self.session, self.session.document, self.booth
        for signal in (s.projectOpened, s.projectClosed, doc.reset):
            signal.connect(self._project_changed)
        s.currentEpisodeChanged.connect(self.schedule_refresh)
        doc.listChanged.connect(self._document_changed)
        doc.objectChanged.connect(self._document_changed)
        doc.mediaChanged.connect(self._media_changed)
        b.stateChanged.connect(self._state_changed)
        b.message.connect(self.show_message)
        b.devicesChanged.connect(self.refresh_devices)
        b.pictureStarted.connect(self._picture_started)
        b.takeRecorded.connect(self._take_recorded)
        self.refresh_button.clicked.connect(self.rescan_devices)
        self.input_combo.activated.connect(lambda _i: self.booth.set_input(self.input_combo.currentData() or ""))
        self.output_combo.activated.connect(lambda _i: self.booth.set_output(self.output_combo.currentData() or ""))
        self.monitor_box.toggled.connect(self.booth.set_monitor)
        self.count_spin.valueChanged.connect(self._count_changed)
        self.picture_box.toggled.connect(self._picture_pref_changed)
        self.filter_combo.activated.connect(lambda _i: self.refresh())
        self.lines.currentItemChanged.connect(self._line_selected)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.record_button.clicked.connect(self.toggle_recording)
        self.takes.playRequested.connect(self.play_take)
        self.takes.cleanupFailed.connect(self.show_message)

    def retranslate(self) -> None:
        self.input_label.setText(self.tr("Input"))
        self.output_label.setText(self.tr("Output"))
        self.devices_button.setText(self.tr("Audio settings"))
        self.devices_button.setToolTip(self.tr("Input and output devices, monitor, count-in and record to picture"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Look for audio devices connected or removed since the list was made"))
        self.monitor_box.setText(self.tr("Monitor"))
        self.monitor_box.setToolTip(self.tr("Hear the microphone on the output (use headphones)"))
        self.count_label.setText(self.tr("Count-in"))
        self.count_spin.setSuffix(self.tr(" beeps"))
        self.picture_box.setText(self.tr("Record to picture"))
        self.picture_box.setToolTip(self.tr("Play the line's shot while recording; the take is aligned to it"))
        self._label_transport()
        self.record_action.setText(self.tr("Record / stop take"))
        self.no_input.setText(self.tr(
            "No microphone or other audio input was found, so nothing can be recorded. Connect one (a USB "
            "microphone or headset works) and press Refresh. Everything else in the project works as usual, "
            "and existing takes can still be played and chosen."))
        self.takes.retranslate()
        self._state_changed(self.booth.state)
        self.refresh()

    def _label_transport(self) -> None:
        """Arrows only in a narrow dock (the full words become tooltips), so the record row fits."""
        narrow = getattr(self, "_narrow", False)
        for button, text, glyph in ((self.prev_button, self.tr("◀ Previous"), "◀"),
                                    (self.next_button, self.tr("Next ▶"), "▶")):
            button.setText(glyph if narrow else text)
            button.setToolTip(text if narrow else "")
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance(glyph) + 28 if narrow else 16777215)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- devices
    def refresh_devices(self) -> None:
        b = self.booth
        for combo, devices, chosen in (
            (self.input_combo, [d for d in b.devices if d.is_input], b.input),
            (self.output_combo, [d for d in b.devices if d.is_output], b.output),
        ):
            combo.blockSignals(True)
            combo.clear()
            for dev in devices:
                label = dev.name + (self.tr(" (default)") if dev.is_default_input and combo is self.input_combo
                                    or dev.is_default_output and combo is self.output_combo else "")
                combo.addItem(label, dev.name)
                combo.setItemData(combo.count() - 1,
                                  f"{dev.hostapi} · {dev.default_samplerate:.0f} Hz · "
                                  f"{dev.input_channels} in / {dev.output_channels} out",
                                  Qt.ItemDataRole.ToolTipRole)
            if not devices:
                combo.addItem(self.tr("(none found)"), "")
            if chosen is not None:
                combo.setCurrentIndex(max(0, combo.findData(chosen.name)))
            combo.setEnabled(bool(devices) and b.state == IDLE)
            combo.blockSignals(False)
        self.monitor_box.blockSignals(True)
        self.monitor_box.setChecked(b.prefs.monitor)
        self.monitor_box.blockSignals(False)
        self.count_spin.blockSignals(True)
        self.count_spin.setValue(b.prefs.count_in)
        self.count_spin.blockSignals(False)
        self.picture_box.blockSignals(True)
        self.picture_box.setChecked(b.prefs.record_to_picture)
        self.picture_box.blockSignals(False)
        self.no_input.setVisible(b.input is None)
        self.meter.set_active(b.input is not None)
        self._sync_record_button()
        if self.isVisible() and b.state == IDLE and self.session.is_open:
            b.start_live()

    def rescan_devices(self) -> None:
        if self.booth.state == IDLE:
            self.booth.load_devices(rescan=True)

    def _count_changed(self, value: int) -> None:
        self.booth.prefs.count_in = value
        self.booth.prefs.save()

    def _picture_pref_changed(self, on: bool) -> None:
        self.booth.prefs.record_to_picture = on
        self.booth.prefs.save()

    # ----------------------------------------------------------------- content
    def _project_changed(self) -> None:
        self.line_id = ""
        self.picture.reset_source()
        self.schedule_refresh()
        if self.isVisible() and self.session.is_open and self.booth.state == IDLE:
            self.booth.start_live()

    def _document_changed(self, obj_id: str, what: object) -> None:
        """An edit of another episode, or a shot's new picture versions (a batch landing stills),
        leaves this booth as it is: it shows lines, takes and the shot picture of a line."""
        if isinstance(what, list) and what and set(what) <= PICTURE_FIELDS:
            return
        episode = self.session.current_episode
        if episode is None or episode_snapshots(self.session.document).touches(obj_id, episode.id):
            self.schedule_refresh()

    def _media_changed(self, asset_id: str) -> None:
        """Takes are sound: a still or clip landing (a batch of 60) leaves the booth as it is."""
        asset = self.session.document.media(asset_id)
        if asset is None or asset.kind is MediaKind.AUDIO:
            self.schedule_refresh()

    def schedule_refresh(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_when_seen)

    def _out_of_sight(self) -> bool:
        """In a shown window but not on screen: the dock is tabbed behind another or closed."""
        return self.window().isVisible() and (not self.isVisible() or self.visibleRegion().isEmpty())

    def _refresh_when_seen(self) -> None:
        """A booth out of sight refreshes when it is next seen (painted or shown): an episode switch
        or a batch's events cost it nothing meanwhile (its lines list was rebuilt per event)."""
        if self._out_of_sight():
            self._pending = False
            self._stale = True
            return
        self.refresh()

    def _catch_up(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def _character_filter(self) -> str:
        return self.filter_combo.currentData() or ALL

    def refresh(self) -> None:
        self._pending = False
        self._stale = False
        episode = self.session.current_episode
        all_items = list(episode.dialogue_lines()) if episode is not None else []
        # character filter
        current_filter = self._character_filter()
        names = []
        for _, line in all_items:
            if line.character_name and line.character_name not in names:
                names.append(line.character_name)
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("All characters"), ALL)
        for name in names:
            count = sum(1 for _, ln in all_items if ln.character_name == name)
            self.filter_combo.addItem(self.tr("%1's lines (%2)").replace("%1", name).replace("%2", str(count)), name)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(current_filter)))
        self.filter_combo.blockSignals(False)
        wanted = self._character_filter()
        self._items = [(s, ln) for s, ln in all_items if wanted == ALL or ln.character_name == wanted]
        done = sum(1 for _, ln in self._items if ln.chosen_take() is not None)
        self.progress.setRange(0, max(1, len(self._items)))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%1 / %2 lines have a chosen take").replace("%1", str(done))
                                .replace("%2", str(len(self._items))))
        # lines list
        self.lines.blockSignals(True)
        self.lines.clear()
        select_row = 0
        for row, (shot, line) in enumerate(self._items):
            takes = take_ops.visible_takes(line)
            mark = "★" if line.chosen_take() is not None else ("●" if takes else "○")
            item = QListWidgetItem(f"{mark}  {shot.code or shot.number} · {line.character_name}: {line.text}")
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setToolTip(self.tr("%1 take(s)").replace("%1", str(len(takes))))
            self.lines.addItem(item)
            if line.id == self.line_id:
                select_row = row
        if self._items:
            self.lines.setCurrentRow(select_row)
        self.lines.blockSignals(False)
        new_id = self._items[select_row][1].id if self._items else ""
        changed = new_id != self.line_id
        self.line_id = new_id
        self.voice_actions.line_id = new_id
        self._show_current(changed)

    def current(self) -> tuple[Shot, DialogueLine] | None:
        return next(((s, ln) for s, ln in self._items if ln.id == self.line_id), None)

    def _show_current(self, line_changed: bool) -> None:
        cur = self.current()
        index = next((i for i, (_, ln) in enumerate(self._items) if ln.id == self.line_id), -1)
        nxt = self._items[index + 1] if 0 <= index < len(self._items) - 1 else None
        shot, line = cur if cur else (None, None)
        character = None
        if line is not None:
            character = (self.session.series.character(line.character_id)
                         or self.session.series.character_named(line.character_name))
        self.prompter.show_line(shot, line, character, nxt)
        self.takes.set_line(line)
        count = len(take_ops.visible_takes(line)) if line is not None else 0
        self.takes_label.setText(self.tr("Takes of this line: %1").replace("%1", str(count)))
        self.prev_button.setEnabled(index > 0 and self.booth.state == IDLE)
        self.next_button.setEnabled(0 <= index < len(self._items) - 1 and self.booth.state == IDLE)
        if line_changed and self.booth.state == IDLE:
            episode = self.session.current_episode
            start = take_ops.shot_start(episode, shot) if episode is not None and shot is not None else 0
            self.picture.show_shot(episode, shot, start)
        self._sync_record_button()

    def _line_selected(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is None or self.booth.state != IDLE:
            return
        line_id = item.data(Qt.ItemDataRole.UserRole)
        if line_id != self.line_id:
            self.line_id = line_id
            self._show_current(True)

    def step(self, delta: int) -> None:
        self._catch_up()
        row = self.lines.currentRow() + delta
        if 0 <= row < self.lines.count() and self.booth.state == IDLE:
            self.lines.setCurrentRow(row)

    # --------------------------------------------------------------- recording
    def toggle_recording(self) -> None:
        self._catch_up()  # the record key never records a line of the episode shown before a switch
        state = self.booth.state
        if state in (COUNT_IN, RECORDING):
            self.booth.stop_recording()
        elif state == IDLE and self.line_id:
            self.booth.stop_playback()
            self.booth.start_recording(self.line_id)

    def _state_changed(self, state: str) -> None:
        recording = state in (COUNT_IN, RECORDING)
        self.prompter.set_recording(recording)
        if state == COUNT_IN:
            self.status.setText(self.tr("Count-in…"))
            self.status.setStyleSheet("color: #f0b34a;")
        elif state == RECORDING:
            self.status.setStyleSheet("color: #f0605a;")
        elif state == FINISHING:
            self.status.setText(self.tr("Saving take…"))
            self.status.setStyleSheet("color: #8c9099;")
        else:
            self.status.setText("")
            self.picture.stop()
        for w in (self.input_combo, self.output_combo, self.refresh_button, self.lines, self.filter_combo,
                  self.monitor_box, self.count_spin):
            w.setEnabled(state == IDLE)
        self._sync_record_button()
        if state == IDLE:
            self._show_current(False)

    def _sync_record_button(self) -> None:
        state = self.booth.state
        if state in (COUNT_IN, RECORDING):
            self.record_button.setText(self.tr("■ Stop  (Space)"))
            self.record_button.setStyleSheet("QPushButton { background: #3a3c43; color: #ffffff; "
                                             "border: 1px solid #f0605a; border-radius: 5px; font-weight: bold; }")
        else:
            self.record_button.setText(self.tr("● Record  (Space)"))
            self.record_button.setStyleSheet(
                "QPushButton { background: #c8413c; color: #ffffff; border: none; border-radius: 5px; "
                "font-weight: bold; padding: 0 10px; } QPushButton:hover { background: #da4d47; }"
                "QPushButton:disabled { background: #4a3232; color: #8c7a7a; }")
        self.record_button.setEnabled(state != FINISHING and (state != IDLE or (
            self.booth.input is not None and bool(self.line_id) and self.session.is_open)))

    def _picture_started(self) -> None:
        cur = self.current()
        episode = self.session.current_episode
        if cur is None or episode is None or not self.booth.prefs.record_to_picture:
            return
        shot = cur[0]
        start = take_ops.shot_start(episode, shot)
        self.picture.play(start, start + shot.duration)

    def _take_recorded(self, line_id: str, take_id: str) -> None:
        self.schedule_refresh()

    def _update_meter(self) -> None:
        b = self.booth
        if b.state in (COUNT_IN, RECORDING):
            self.meter.set_reading(b.meter.snapshot())
            if b.state == RECORDING:
                secs = b.elapsed
                self.status.setText(self.tr("● REC %1").replace("%1", f"{int(secs // 60)}:{secs % 60:04.1f}"))
        elif b.state == IDLE and b._live is not None:
            self.meter.set_reading(b.meter.snapshot())

    # ---------------------------------------------------------------- playback
    def play_take(self, take_id: str) -> None:
        cur = self.current()
        if cur is None:
            return
        take = next((t for t in cur[1].takes if t.id == take_id), None)
        if take is None:
            return
        path: Path | None = take_ops.take_file(self.session, take)
        if path is not None and take_cleanup.is_active(take.cleanup) and self.session.bundle is not None:
            processed = self.session.bundle.root / take_ops.processed_rel(take)
            if processed.is_file():
                path = processed
        if path is None:
            self.show_message(self.tr("The file of %1 is missing (deleted outside the app?).").replace("%1", take.name))
            return
        self.booth.play_file(path)

    # ---------------------------------------------------------------- messages
    def show_message(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        QTimer.singleShot(12000, lambda t=text: self.notice.setVisible(self.notice.text() != t and
                                                                       self.notice.isVisible()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        narrow = self.width() - 16 < NARROW
        if narrow != self._narrow:
            self._apply_layout_mode(narrow)
        elif narrow:
            self._fit_stacked_panes()

    def _apply_layout_mode(self, narrow: bool) -> None:
        """Wide: lines | prompter + record row | picture + takes. Narrow (a side dock such as the
        default layout's, 280-340 px): device settings folded behind a button, the record row and
        meter pinned at the bottom, and lines, prompter and takes stacked in the height that is
        left (the prompter shrinks first), the shot picture hidden: it would be a thumbnail."""
        self._narrow = narrow
        self.devices_button.setVisible(narrow)
        self.device_bar.setVisible(not narrow or self.devices_button.isChecked())
        self.devices_button.setArrowType(Qt.ArrowType.DownArrow if self.devices_button.isChecked()
                                         else Qt.ArrowType.RightArrow)
        self.picture.setVisible(not narrow)
        self.takes_label.setVisible(not narrow)
        self.voice_row.setVisible(not narrow)
        self.ai_menu_button.setVisible(narrow)
        self.takes.set_compact(narrow)
        self.prompter.set_compact(narrow)
        # the character filter joins the settings button's row; the lists may shrink to two rows
        if narrow and self.filter_combo.parent() is self.split.widget(0):
            self._lines_layout.removeWidget(self.filter_combo)
            self.top_row.addWidget(self.filter_combo, 1)
        elif not narrow and self.filter_combo.parent() is not self.split.widget(0):
            self.top_row.removeWidget(self.filter_combo)
            self._lines_layout.insertWidget(0, self.filter_combo)
        self.filter_combo.show()
        self.record_button.setMinimumHeight(32 if narrow else 38)
        for view in (self.lines, self.takes.tree):
            view.setMinimumHeight(44 if narrow else 0)
        self._label_transport()
        margin = 4 if narrow else 8
        self._outer_layout.setContentsMargins(margin, margin, margin, margin)
        self._outer_layout.setSpacing(margin)
        if narrow and self.controls.parent() is not self:
            self._center_layout.removeWidget(self.controls)
            self._outer_layout.addWidget(self.controls)
        elif not narrow and self.controls.parent() is self:
            self._outer_layout.removeWidget(self.controls)
            self._center_layout.addWidget(self.controls)
        self.controls.show()
        self.split.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        if narrow:
            self._fit_stacked_panes()

    def _fit_stacked_panes(self) -> None:
        height = max(self.scroll_area.viewport().height(), 1)
        self.split.setSizes([int(height * 0.3), int(height * 0.3), int(height * 0.4)])

    # --------------------------------------------------------------- lifetime
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._stale:  # brought on screen (its dock's tab chosen): catch up right after this paint
            QTimer.singleShot(0, self._catch_up)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._catch_up)
        if self.session.is_open and self.booth.state == IDLE:
            self.booth.start_live()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if self.booth.state == IDLE:
            self.booth.stop_live()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.booth.shutdown()
        super().closeEvent(event)

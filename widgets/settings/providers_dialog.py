"""Edit → Providers…: every provider's settings, keys, prices and a "Test connection" button.

Pages are built from ``providers.registry`` (fields, presets, prices), so a new
provider needs no dialog code. Secret fields are masked and go to the OS
keyring; a field set by an environment variable is shown as such and left
alone. "Test connection" runs on a worker thread with the values on screen, so
a key can be checked before it is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import secrets
from app.background import run_in_background
from app.jobs.cancel import CancelToken
from app.jobs.costs import price_rules, set_price_rules
from app.jobs.failures import classify
from app.settings_store import settings_store
from widgets.settings.field_labels import CAPABILITY_NAMES
from widgets.settings.provider_files_ui import (
    ERROR_COLOR,
    BrokenFilePage,
    ImportProviderButton,
    connection_message,
    list_text_for_broken,
    localized,
    problems_by_file,
    rescan,
    source_note,
)
from widgets.settings.provider_texts import provider_label, provider_text


def _field_label(label: str) -> str:
    return QCoreApplication.translate("ProviderFields", label)


def _capabilities(info: Any) -> str:
    return " · ".join(_field_label(CAPABILITY_NAMES.get(c, c)) for c in info.capabilities)


def _test_connection(info: Any, values: dict[str, Any]) -> tuple[bool, str, str]:
    """Worker side of "Test connection": (ok, plain message, the vendor's own words), secrets redacted."""
    hidden = [str(values.get(f.key) or "") for f in info.fields if f.secret]
    try:
        client = info.create(values)
        check = getattr(client, "check_connection", None)
        if check is None:
            return True, QCoreApplication.translate("ProviderPage", "Nothing to test: this provider works offline."), ""
        return True, secrets.redact(str(check(CancelToken()) or "OK"), hidden), ""
    except Exception as exc:  # every failure is shown in plain words, the vendor's own behind "Show original"
        failure = classify(exc)
        return False, secrets.redact(failure.message, hidden), secrets.redact(failure.original, hidden)


class ProviderPage(QWidget):
    """The settings of one provider."""

    def __init__(self, info: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.editors: dict[str, QWidget] = {}
        self._secret_changed: set[str] = set()
        stored = settings_store().provider_settings(info.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = QLabel(provider_text(info.label))
        title.setObjectName("ProviderTitle")
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.addWidget(title)
        about = QLabel("\n".join(t for t in (_capabilities(info), provider_text(info.description), source_note(info))
                                  if t))
        about.setWordWrap(True)
        about.setStyleSheet("color: #8c9099;")
        layout.addWidget(about)
        if getattr(info, "user_service", False):
            note = QLabel(self.tr("This is a service you run or rent yourself; Microdrama Studio only "
                                  "talks to the address you enter."))
            note.setWordWrap(True)
            note.setStyleSheet("color: #f0b34a;")
            layout.addWidget(note)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        if info.presets:
            self.preset = QComboBox()
            self.preset.addItem(self.tr("Choose a preset…"), None)
            for preset in info.presets:
                self.preset.addItem(provider_text(preset.label), preset.name)
            self.preset.activated.connect(self._apply_preset)
            form.addRow(self.tr("Preset"), self.preset)
        for f in info.fields:
            editor = self._editor_for(f, stored.get(f.key, f.default))
            self.editors[f.key] = editor
            label = _field_label(f.label) + (" *" if f.required else "")
            form.addRow(label, editor)
            if f.help:
                editor.setToolTip(provider_text(f.help))
        self.limit = QSpinBox()
        self.limit.setRange(1, 32)
        from app.jobs.manager import DEFAULT_REMOTE_LIMIT
        from app.jobs.provider_config import default_concurrency

        self.limit.setValue(settings_store().concurrency_limits().get(info.name)
                            or default_concurrency(info.name) or DEFAULT_REMOTE_LIMIT)
        form.addRow(self.tr("Parallel jobs"), self.limit)
        defaults_row = QHBoxLayout()
        self.default_for: dict[str, QCheckBox] = {}
        for cap in info.capabilities:
            box = QCheckBox(_field_label(CAPABILITY_NAMES.get(cap, cap)))
            box.setChecked(settings_store().get("defaults", cap) == info.name)
            self.default_for[cap] = box
            defaults_row.addWidget(box)
        defaults_row.addStretch(1)
        form.addRow(self.tr("Default for"), defaults_row)
        if info.name == "comfyui":  # bring your own workflow
            from widgets.settings.comfy_workflow_dialog import add_import_row

            self.import_workflow = add_import_row(self, form)
        layout.addLayout(form)

        self.prices = QTableWidget(0, 4)
        self.prices.setHorizontalHeaderLabels([self.tr("Capability"), self.tr("Model"), self.tr("Unit"),
                                               self.tr("Price")])
        self.prices.verticalHeader().hide()
        self.prices.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._rules = price_rules(info.name)
        for rule in self._rules:
            row = self.prices.rowCount()
            self.prices.insertRow(row)
            for col, text in enumerate((_field_label(CAPABILITY_NAMES.get(rule.capability, rule.capability)),
                                        rule.model, provider_text(rule.unit))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.prices.setItem(row, col, item)
            self.prices.setItem(row, 3, QTableWidgetItem(f"{rule.price:g}"))
        self.prices.setMaximumHeight(34 + 26 * max(1, len(self._rules)))
        if self._rules:
            layout.addWidget(QLabel(self.tr("Prices (used for estimates and budgets; {currency} per unit)")
                                    .format(currency=self._rules[0].currency)))
            layout.addWidget(self.prices)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        from widgets.jobs.original_text import OriginalText

        self.test_original = OriginalText(self)
        layout.addWidget(self.test_original)
        layout.addStretch(1)
        self.test_button.clicked.connect(self.test_connection)

    # ----------------------------------------------------------------- editors
    def _editor_for(self, f: Any, value: Any) -> QWidget:
        if f.secret:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            env = secrets.env_override(self.info.name, f.key)
            owner = (str(getattr(f, "keys_from", "") or "").split(".")[0]
                     or getattr(self.info, "keys_from", ""))
            if env is not None:
                edit.setEnabled(False)
                edit.setPlaceholderText(self.tr("Set by {name}").format(name=secrets.env_name(self.info.name, f.key)))
            elif owner:  # one vendor account, one key: entered on the vendor's own page
                edit.setEnabled(False)
                edit.setPlaceholderText(self.tr("Uses the key entered for {vendor}").format(
                    vendor=provider_label(owner)))
            else:
                try:
                    edit.setText(secrets.get_secret(self.info.name, f.key))
                except secrets.SecretStoreError as exc:
                    edit.setPlaceholderText(str(exc))
                edit.setPlaceholderText(edit.placeholderText()
                                        or (self.tr("Not set (kept in the system keyring once saved)")
                                            if secrets.keyring_usable() else
                                            self.tr("Not set (kept in the encrypted key file once saved)")))
                edit.textEdited.connect(lambda _text, key=f.key: self._secret_changed.add(key))
            return edit
        if f.kind == "choice":
            combo = QComboBox()
            combo.setEditable(False)
            combo.addItems(list(f.choices))
            combo.setCurrentText(str(value))
            return combo
        if f.kind == "int":
            spin = QSpinBox()
            spin.setRange(0, 1_000_000)
            spin.setValue(int(value or 0))
            return spin
        if f.kind == "float":
            dspin = QDoubleSpinBox()
            dspin.setRange(0, 1_000_000)
            dspin.setDecimals(3)
            dspin.setValue(float(value or 0))
            return dspin
        if f.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if f.choices:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(f.choices))
            combo.setCurrentText(str(value))
            return combo
        edit = QLineEdit(str(value or ""))
        if f.kind == "url":
            edit.setPlaceholderText("https://…")
        env = secrets.env_override(self.info.name, f.key)
        if env is not None:
            edit.setText(env)
            edit.setEnabled(False)
            edit.setToolTip(self.tr("Set by {name}").format(name=secrets.env_name(self.info.name, f.key)))
        return edit

    def values(self) -> dict[str, Any]:
        """The values on screen (secrets resolved from the keyring/environment when not typed)."""
        out: dict[str, Any] = {}
        for f in self.info.fields:
            editor = self.editors[f.key]
            if isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if f.secret and not editor.isEnabled():
                    from app.jobs.provider_config import secret_value

                    try:
                        text = secret_value(self.info.name, f.key)
                    except secrets.SecretStoreError:
                        text = ""
                out[f.key] = text
            elif isinstance(editor, QComboBox):
                out[f.key] = editor.currentText()
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                out[f.key] = editor.value()
            elif isinstance(editor, QCheckBox):
                out[f.key] = editor.isChecked()
        return out

    def _apply_preset(self, index: int) -> None:
        name = self.preset.itemData(index)
        preset = next((p for p in self.info.presets if p.name == name), None)
        if preset is None:
            return
        for key, value in preset.values.items():
            editor = self.editors.get(key)
            if isinstance(editor, QLineEdit) and editor.isEnabled():
                editor.setText(str(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentText(str(value))

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        self.save_secrets()
        self.save_settings()

    def save_secrets(self) -> None:
        """Keys first: when one cannot be stored (SecretStoreError), no other setting was saved yet."""
        values = self.values()
        for key in sorted(self._secret_changed):
            secrets.set_secret(self.info.name, key, values.get(key, ""))
            self._secret_changed.discard(key)

    def save_settings(self) -> None:
        values = self.values()
        secret_keys = {f.key for f in self.info.fields if f.secret}
        store = settings_store()
        store.set_provider_settings(self.info.name, {k: v for k, v in values.items()
                                                     if secrets.env_override(self.info.name, k) is None},
                                    secret_fields=secret_keys)
        store.set_concurrency_limit(self.info.name, self.limit.value())
        for cap, box in self.default_for.items():
            current = store.get("defaults", cap)
            if box.isChecked():
                store.set("defaults", cap, self.info.name)
            elif current == self.info.name:
                store.set("defaults", cap, None)
        if self._rules:
            from dataclasses import replace

            rules = []
            for row, rule in enumerate(self._rules):
                try:
                    price = float(cell.text()) if (cell := self.prices.item(row, 3)) is not None else rule.price
                except (TypeError, ValueError, AttributeError):
                    price = rule.price
                rules.append(replace(rule, price=max(0.0, price)))
            if rules != self._rules:
                set_price_rules(self.info.name, rules)
                self._rules = rules

    # ------------------------------------------------------------ connection
    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("color: #8c9099;")
        self.test_result.setText(self.tr("Testing…"))
        self.test_original.set_original("")
        info, values = self.info, dict(self.values())
        run_in_background(lambda: _test_connection(info, values), self._landed_test,
                          lambda exc: self._show_test_result(False, str(exc)), owner=self, name="connection-test")

    def _landed_test(self, result: tuple[bool, str, str]) -> None:
        ok, message, original = result
        self.test_original.set_original(original)
        self._show_test_result(ok, message)

    def _show_test_result(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(f"color: {'#4cc38a' if ok else '#f0605a'};")
        self.test_result.setText(("✓ " if ok else "✗ ") + connection_message(message))


class ProvidersDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, select: str = "") -> None:
        super().__init__(parent)
        from widgets.settings import keyfile_prompt

        keyfile_prompt.install()  # no system keyring: keys go to the encrypted key file, asked here
        self.setObjectName("ProvidersDialog")
        self.setWindowTitle(self.tr("Providers"))
        self.resize(880, 640)
        self.list = QListWidget()
        self.list.setObjectName("ProvidersList")
        self.list.setMinimumWidth(240)
        self.list.setMaximumWidth(300)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("#ProvidersList::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, ProviderPage] = {}
        rescan()
        self._populate()
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.import_button = ImportProviderButton()
        self.import_button.imported.connect(self._imported)
        self.import_button.failed.connect(lambda text: self._notice(text, ok=False))
        self.error = QLabel()
        self.error.setStyleSheet("color: #f0605a;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        names = [i.name for i in self._infos]
        self.list.setCurrentRow(names.index(select) if select in names else 0)
        self._show(self.list.currentRow())

    def _populate(self) -> None:
        """The list and the (lazily filled) page holders: providers, then provider files with mistakes."""
        from providers import registry

        self.list.blockSignals(True)  # no page is shown while the list and the holders disagree
        self.list.clear()
        for index in reversed(range(self.stack.count())):  # pages already built keep their edits
            holder = self.stack.widget(index)
            if not isinstance(holder, QScrollArea):
                continue
            page = holder.takeWidget()
            if page is not None and page not in self.pages.values():
                page.deleteLater()
            self.stack.removeWidget(holder)
            holder.deleteLater()
        self._infos = [localized(info) for info in registry.providers()]
        self._broken = problems_by_file()
        for _ in range(len(self._infos) + len(self._broken)):  # holders first: adding an item selects it
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            self.stack.addWidget(holder)
        for info in self._infos:
            item = QListWidgetItem(f"{provider_text(info.label)}\n{_capabilities(info)}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip("\n".join(t for t in (provider_text(info.description), source_note(info)) if t))
            self.list.addItem(item)
        for file, _problems in self._broken:
            item = QListWidgetItem(list_text_for_broken(file))
            item.setData(Qt.ItemDataRole.UserRole, f"file:{file}")
            item.setForeground(QColor(ERROR_COLOR))
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _imported(self, name: str, message: str) -> None:
        self.pages.pop(name, None)  # a newer version of a file already shown: build its page again
        self._populate()
        names = [i.name for i in self._infos]
        self.list.setCurrentRow(names.index(name) if name in names else 0)
        self._show(self.list.currentRow())
        self._notice(message, ok=True)

    def _notice(self, text: str, *, ok: bool) -> None:
        self.error.setStyleSheet(f"color: {'#4cc38a' if ok else ERROR_COLOR};")
        self.error.setText(text)
        self.error.show()

    def page(self, name: str) -> ProviderPage:
        index = [i.name for i in self._infos].index(name)
        self.list.setCurrentRow(index)
        return self.pages[name]

    def _show(self, row: int) -> None:
        if row < 0:
            return
        holder = self.stack.widget(row)
        if not isinstance(holder, QScrollArea):
            return
        if row >= len(self._infos):
            if holder.widget() is None:
                file, problems = self._broken[row - len(self._infos)]
                holder.setWidget(BrokenFilePage(file, problems))
            self.stack.setCurrentIndex(row)
            return
        info = self._infos[row]
        if info.name not in self.pages:
            self.pages[info.name] = ProviderPage(info)
        if holder.widget() is not self.pages[info.name]:
            holder.setWidget(self.pages[info.name])
        self.stack.setCurrentIndex(row)

    def accept(self) -> None:
        try:
            for page in self.pages.values():
                page.save_secrets()
            for page in self.pages.values():
                page.save_settings()
        except secrets.SecretStoreError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

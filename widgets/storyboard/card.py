"""How a shot card looks: picture, code, duration, dialogue, and the state of still, clip and voice."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from widgets.storyboard.card_text import CardTextBlocks

CARD_SIZE = QSize(176, 372)  # the largest card; narrower boards get smaller ones (card_size_for)
MIN_CARD_WIDTH = 124
CARDS_PER_ROW = 3  # like CapCut's material grid: three across before the cards shrink no further
CARD_TEXT_HEIGHT = 372 - (176 - 16) * 16 // 9 - 16  # code, lines and state pills under the picture


def picture_size(card: QSize) -> QSize:
    """The picture frame of a card of size ``card`` (board mode): 9:16 across its width."""
    width = card.width() - 8 - 16
    return QSize(width, int(width * 16 / 9))


Picture = TypeVar("Picture", QImage, QPixmap)


def cover(picture: Picture, size: QSize) -> Picture:
    """``picture`` scaled to cover ``size``, centred and cut to it (any thread for a QImage)."""
    scaled = picture.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation)
    sx, sy = (scaled.width() - size.width()) // 2, (scaled.height() - size.height()) // 2
    return scaled.copy(QRect(sx, sy, size.width(), size.height()))


def card_size_for(board_width: int) -> QSize:
    """The card size that fits ``CARDS_PER_ROW`` cards across ``board_width`` (between the min and max)."""
    width = max(MIN_CARD_WIDTH, min(CARD_SIZE.width(), board_width // CARDS_PER_ROW - 12))
    return QSize(width, (width - 16) * 16 // 9 + 16 + CARD_TEXT_HEIGHT)
LIST_HEIGHT = 96
MAX_FITTED = 96  # card pictures kept scaled (at most ~180 KB each): more than a board shows at once
SHOT_ROLE = Qt.ItemDataRole.UserRole + 1


class ShotCardDelegate(QStyledItemDelegate):
    """Paints from a dict the panel stores on each item (``SHOT_ROLE``), so painting never touches the model."""

    def __init__(self, thumbs, parent=None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self._list_mode = False
        self._card_size = CARD_SIZE
        self._tell_thumbnails()
        # each card's picture scaled to its frame: a smooth scale costs 0.3-0.8 ms, and the board
        # repaints its cards often (a switch, a job event, hover, a thumbnail arriving)
        self._fitted: OrderedDict[tuple[int, int, int], QPixmap] = OrderedDict()
        self._words = CardTextBlocks()  # each card's words as a picture (card_text.py)

    @property
    def list_mode(self) -> bool:
        return self._list_mode

    @list_mode.setter
    def list_mode(self, on: bool) -> None:
        self._list_mode = on
        self._tell_thumbnails()

    @property
    def card_size(self) -> QSize:
        return self._card_size

    @card_size.setter
    def card_size(self, size: QSize) -> None:
        self._card_size = size
        self._tell_thumbnails()

    def _tell_thumbnails(self) -> None:
        """Thumbnails are read at the size the cards' pictures are drawn (the board's cards; list
        rows scale theirs down when painted)."""
        self.thumbs.fit_size = None if self._list_mode else picture_size(self._card_size)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        if self.list_mode:
            return QSize(max(400, option.rect.width()), LIST_HEIGHT)
        return self.card_size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        info = index.data(SHOT_ROLE)
        if not info:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#4c8dff") if selected else QColor("#30343f"), 2 if selected else 1))
        background = QColor("#232a3a") if selected else QColor("#1f222b")
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        if self.list_mode:
            pic = QRect(rect.left() + 8, rect.top() + 6, int((rect.height() - 12) * 9 / 16), rect.height() - 12)
            text = QRect(pic.right() + 12, rect.top() + 6, rect.width() - pic.width() - 28, rect.height() - 12)
        else:
            pic = QRect(rect.topLeft() + QPoint(8, 8), picture_size(option.rect.size()))
            text = QRect(rect.left() + 8, pic.bottom() + 6, rect.width() - 16, rect.bottom() - pic.bottom() - 10)
        self._picture(painter, pic, info)
        self._words.draw(painter, text, info, background)
        painter.restore()

    def _picture(self, painter: QPainter, pic: QRect, info: dict) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#0d0e12"))
        painter.drawRoundedRect(QRectF(pic), 4, 4)
        if info.get("title_card"):
            # a title card is drawn as it will look: its words on black, centred
            font = QFont(painter.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.save()
            painter.setFont(font)
            painter.setPen(QColor("#f0f3f6"))
            painter.drawText(pic.adjusted(10, 10, -10, -10), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             info["title_card"])
            painter.restore()
            return
        pixmap = self.thumbs.pixmap(info.get("picture"))
        if pixmap is not None and not pixmap.isNull():
            painter.drawPixmap(pic.topLeft(), self._fit(pixmap, pic.size()))
        else:
            painter.setPen(QColor("#6e7681"))
            painter.drawText(pic, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, info.get("empty_text", ""))
        if info.get("locked"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 160))
            badge = QRect(pic.right() - 26, pic.top() + 4, 22, 22)
            painter.drawRoundedRect(QRectF(badge), 4, 4)
            painter.setPen(QColor("#e6edf3"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "🔒")

    def _fit(self, pixmap: QPixmap, size: QSize) -> QPixmap:
        """``pixmap`` filling ``size`` (scaled to cover it, centred, cut), kept for the next paint.
        Thumbnails usually arrive at the size of the board's cards already (``ThumbnailSource.fit_size``)."""
        if pixmap.size() == size:
            return pixmap
        key = (pixmap.cacheKey(), size.width(), size.height())
        fitted = self._fitted.get(key)
        if fitted is None:
            fitted = self._fitted[key] = cover(pixmap, size)
            while len(self._fitted) > MAX_FITTED:
                self._fitted.popitem(last=False)
        else:
            self._fitted.move_to_end(key)
        return fitted

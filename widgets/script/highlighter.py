"""Fountain syntax highlighting, driven by the real parser so colours match the breakdown."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.script.fountain import Kind, Screenplay


def _fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


FORMATS = {
    Kind.SCENE_HEADING: _fmt("#f5a623", bold=True),
    Kind.CHARACTER: _fmt("#7aa2f7", bold=True),
    Kind.DIALOGUE: _fmt("#e6e6e6"),
    Kind.PARENTHETICAL: _fmt("#9aa5ce", italic=True),
    Kind.TRANSITION: _fmt("#bb9af7", bold=True),
    Kind.ACTION: _fmt("#c0caf5"),
    Kind.NOTE: _fmt("#73daca", italic=True),
    Kind.SECTION: _fmt("#ff9e64", bold=True),
    Kind.SYNOPSIS: _fmt("#737aa2", italic=True),
    Kind.TITLE: _fmt("#e0af68"),
    Kind.CENTERED: _fmt("#c0caf5", italic=True),
    Kind.LYRIC: _fmt("#9ece6a", italic=True),
    Kind.PAGE_BREAK: _fmt("#565f89"),
}


class FountainHighlighter(QSyntaxHighlighter):
    """Colours each line by the element the parser found there (set with ``set_screenplay``)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._kinds: dict[int, Kind] = {}

    def set_screenplay(self, play: Screenplay) -> None:
        """Colour the document's lines by ``play`` (re-highlights only when a line's kind changed)."""
        kinds = _kinds_of(play)
        if kinds != self._kinds:
            self._kinds = kinds
            self.rehighlight()

    def prepare(self, play: Screenplay) -> None:
        """Take ``play``'s line kinds before its text is set: setting the text highlights each block once."""
        self._kinds = _kinds_of(play)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        kind = self._kinds.get(self.currentBlock().blockNumber())
        if kind is not None and text:
            self.setFormat(0, len(text), FORMATS[kind])
            colon = max(text.find("："), text.find(":")) if kind is Kind.CHARACTER else -1
            if colon > 0:  # a Chinese one-line speech "林晓：你来了。": the name, then the words
                self.setFormat(colon + 1, len(text) - colon - 1, FORMATS[Kind.DIALOGUE])
        start = text.find("[[")
        while start >= 0:
            end = text.find("]]", start)
            end = len(text) if end < 0 else end + 2
            self.setFormat(start, end - start, FORMATS[Kind.NOTE])
            start = text.find("[[", end)


def _kinds_of(play: Screenplay) -> dict[int, Kind]:
    kinds: dict[int, Kind] = {}
    for element in play.elements:
        for line in range(element.line, element.end_line + 1):
            kinds.setdefault(line, element.kind)
        if element.kind is Kind.CHARACTER and element.line not in kinds:
            kinds[element.line] = Kind.CHARACTER
    return kinds

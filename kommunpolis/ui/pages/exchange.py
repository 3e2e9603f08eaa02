"""Utbyte: where bundles to and from the regional office will be exported and imported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ExchangePage(QWidget):
    """Explain the bundle exchange: what the command line does today, what comes next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        heading = QLabel(self.tr("Utbyte"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        text = QLabel(
            self.tr(
                "Här exporterar du dina poster som en signerad och krypterad paketfil till "
                "regionkontoret, och importerar paket därifrån.\n\n"
                "I den här versionen finns export och kontroll av paket på kommandoraden: "
                "kommunpolis keys export/trust för att utbyta identiteter, kommunpolis export "
                "och kommunpolis verify. Import och guiden här kommer i nästa version.\n\n"
                "Säkerhetskopior av databasen finns under Inställningar."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text)
        layout.addStretch(1)

"""Every editor command declared once (catalog), its current keys (keymap), presets and the dialog."""

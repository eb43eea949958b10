"""Voices in the GUI: the Series Bible's voice page, Generate Voices actions, preview."""

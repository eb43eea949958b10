"""Finish in Jianying / CapCut: the export-as-draft dialog and its menu action."""

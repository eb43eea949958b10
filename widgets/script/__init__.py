"""Script dock: Fountain editor, outline, series bible, AI writing and breakdown."""

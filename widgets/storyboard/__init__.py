"""Storyboard dock: shot cards, per-shot inspector with versions, batch generation."""

"""Screenplay: Fountain parsing, breakdown into scenes/shots/dialogue, checks."""

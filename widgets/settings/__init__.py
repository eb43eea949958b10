"""Application settings dialogs (providers, keys, prices)."""

"""AI provider clients behind small per-capability protocols. Never imports widgets."""

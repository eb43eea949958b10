"""Provenance: what made every asset of an episode, as a ledger, a report and export labels."""

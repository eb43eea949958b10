"""Provenance dock, interchange actions and the theft check dialog."""

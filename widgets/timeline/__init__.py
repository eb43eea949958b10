"""The timeline dock: a custom-painted multi-track editor over ``app.timeline``."""

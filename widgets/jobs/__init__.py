"""The Jobs dock: everything slow the app is doing, with progress, cost and errors."""

"""The editor's shell: application setup, main-window parts, menus, dialogs.

Each module does one job so ``widgets/main_window.py`` stays a short assembly of
these parts. Feature panels never import from here except ``empty_state`` (a
shared widget for "nothing here yet, and this is what you can do") and
``settings`` (the one QSettings store).
"""

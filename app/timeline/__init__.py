"""Timeline editing: Qt-free edit logic over an episode's tracks of clips.

Every edit is one undoable ``TimelineCommand`` pushed on the project's undo
stack (``command.py``); ``edits.TimelineEditor`` is the facade the timeline
widget, the CLI and tests call. Pure helpers (timecode, snapping, warnings)
need no document at all.
"""

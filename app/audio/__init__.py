"""Voice recording: devices, the crash-safe recorder, meters, playback, takes and clean-up.

Qt-free apart from QtCore (signals in the booth controller). PortAudio is reached
through ``sounddevice``; its callbacks only copy audio into queues, every other
piece of work runs on a worker thread.
"""

"""Voices: every character speaks.

A voice per character (``cast``), speech jobs for a line, shot, scene or episode through
the job queue (``plan``), the worker-side conversion of a speech answer into a 48 kHz
take (``takes``), its arrival on the line and the dialogue track (``landing``), fitting
shots to their voices (``fit``) and the headless run behind ``microdrama voices`` (``batch``).
"""

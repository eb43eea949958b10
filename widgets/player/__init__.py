"""The preview player dock: composed episode with sound, audio as the master clock."""

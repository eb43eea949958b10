"""The voice booth dock: devices, meter, teleprompter, takes, record to picture."""

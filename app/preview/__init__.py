"""The preview engine: real-time decode, compose and audio mix of the timeline (no widgets)."""

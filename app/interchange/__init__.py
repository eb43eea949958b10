"""Moving an episode out of (and back into) the app: OpenTimelineIO, subtitles, Fountain."""

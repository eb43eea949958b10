"""Series-level views: the episode navigator, Find in Season and Export Season."""

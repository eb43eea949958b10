"""Series-level work over a whole season: episode state, find across episodes, batch export."""

"""Storyboard operations shared by the Storyboard dock and scripts: importing files to shots, continuity."""

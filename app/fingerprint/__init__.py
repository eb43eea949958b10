"""Perceptual fingerprints of exported episodes, and matching suspect videos against them."""

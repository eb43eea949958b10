"""The Export Episode dialog."""

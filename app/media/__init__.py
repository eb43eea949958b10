"""Media engine: probing, frame-exact decoding, audio I/O, proxies, composition and export."""

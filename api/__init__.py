"""The HTTP API: translates HTTP to graph/ calls, nothing more."""

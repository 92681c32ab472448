"""The `piracy-graph` command line."""

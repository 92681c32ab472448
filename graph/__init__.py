"""piracy-graph library: domain model, ids, store backends, query catalogue."""

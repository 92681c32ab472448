"""Questions the graph answers: neighbourhoods, paths, shared entities, operations, timeline,
search, analytics, named queries, and the in-memory helpers that make them fast."""

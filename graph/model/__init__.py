"""The domain model: the schema, ids, statements, write plans and the country table."""

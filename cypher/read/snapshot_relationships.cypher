// title: Every relationship of one type with its two ends and properties, for the snapshot
// description: One type per query (spliced in from the schema), as for the nodes.
MATCH (a:Entity)-[r:__TYPE__]->(b:Entity)
RETURN a.id AS src, b.id AS dst, r {.*, statements: NULL} AS props

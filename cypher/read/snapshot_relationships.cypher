// title: Every relationship with its two ends and properties, for the in-process snapshot
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

// title: Every relationship with its endpoints and properties, for the content digest
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS src, type(r) AS type, b.id AS dst, properties(r) AS props

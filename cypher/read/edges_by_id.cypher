// title: Relationships by id, with their endpoints
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})-[r]->(b:Entity {id: row.dst})
WHERE r.id = row.id
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

// title: Relationships among a set of nodes
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

// title: Relationships by id, with their endpoints
// description: Both ends are found by index, then the relationship between them (Expand
//   Into): matched as one pattern, FalkorDB expanded every relationship of the first end
//   (thousands for a group's OPERATED servers at 10^5 nodes).
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
WITH row, a, b
MATCH (a)-[r]->(b)
WHERE r.id = row.id
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

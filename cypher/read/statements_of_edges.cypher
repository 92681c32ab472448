// title: Statements of relationships, by id and endpoints
// description: What an export adds to an answer so that importing it restores each
//   relationship as the graph holds it. Both ends by index, then the relationship between
//   them, as in edges_by_id.cypher.
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
WITH row, a, b
MATCH (a)-[r]->(b)
WHERE r.id = row.id
RETURN r.id AS id, r.statements AS statements

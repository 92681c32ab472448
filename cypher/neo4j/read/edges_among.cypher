// title: Relationships among a set of nodes, optionally filtered by type and date
// description: Neo4j reads each node's relationships from its own record, so the plain
//   expansion is the fast form here (FalkorDB's variant splits wide nodes off).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b)
WHERE b.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($until_hi IS NULL OR r.start IS NULL OR r.start <= $until_hi)
  AND ($since_lo IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) + '~' >= $since_lo)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

// title: Relationships among a set of nodes that pass a neighbourhood's filters
// description: The start node is matched alone, then expanded (MATCH ... WITH ... MATCH): written as
//   one pattern, FalkorDB 4.16 plans a scan of every node per id (seconds at 10^5 nodes).
UNWIND $ids AS id
MATCH (a:Entity {id: id})
WITH a
MATCH (a)-[r]->(b)
WHERE b.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($until_hi IS NULL OR r.start IS NULL OR r.start <= $until_hi)
  AND ($since_lo IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) + '~' >= $since_lo)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

// title: Relationships among a set of nodes, optionally filtered by type and date
// description: Each relationship is found from its source node. A node with more than
//   $fanout outgoing relationships (a group that operated thousands of servers) is not
//   expanded: it is probed against each member of the set instead (FalkorDB's Expand Into),
//   one probe per member rather than one step per relationship; outdegree() reads the
//   degree without expanding. The expanded side tests membership with `IN`, which is linear
//   in the size of the set. An empty $types and NULL dates filter nothing.
//   The start node is matched alone, then expanded (MATCH ... WITH ... MATCH): written as
//   one pattern, FalkorDB 4.16 plans a scan of every node per id (seconds at 10^5 nodes).
UNWIND $ids AS id
MATCH (a:Entity {id: id})
WITH a
WHERE outdegree(a) <= $fanout
MATCH (a)-[r]->(b)
WHERE b.id IN $ids
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($until_hi IS NULL OR r.start IS NULL OR r.start <= $until_hi)
  AND ($since_lo IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) + '~' >= $since_lo)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props
UNION ALL
UNWIND $ids AS id
MATCH (a:Entity {id: id})
WITH a
WHERE outdegree(a) > $fanout
WITH collect(a) AS wide
UNWIND $ids AS id
MATCH (b:Entity {id: id})
WITH wide, b
UNWIND wide AS a
MATCH (a)-[r]->(b)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND ($until_hi IS NULL OR r.start IS NULL OR r.start <= $until_hi)
  AND ($since_lo IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) + '~' >= $since_lo)
RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props

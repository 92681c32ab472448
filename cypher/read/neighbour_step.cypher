// title: One step of a neighbourhood expansion
// description: Relationships from the frontier nodes, filtered by type, neighbour label and
//   date range (undated relationships pass), at most $cap rows.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
  AND ($until IS NULL OR r.start IS NULL OR r.start <= $until)
  AND ($since IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) >= $since)
  AND ($until IS NULL OR m.date IS NULL OR m.date <= $until)
  AND ($since IS NULL OR m.date IS NULL OR m.date >= $since)
RETURN startNode(r).id AS src, endNode(r).id AS dst, type(r) AS type, properties(r) AS props,
       m.id AS neighbour
LIMIT $cap

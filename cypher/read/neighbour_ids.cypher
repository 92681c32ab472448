// title: The nodes one step from the frontier, as id lists
// description: One expansion step of a neighbourhood: every neighbour of $ids reached by a
//   relationship that passes the type, label and date filters (at most $cap), and which of
//   them are hubs. Dates compare as text: $since_lo and $until_hi are padded by the caller
//   so that partial dates ("2021-05") compare as the ranges they are.
//   The start node is matched alone, then expanded (MATCH ... WITH ... MATCH): written as
//   one pattern, FalkorDB 4.16 plans a scan of every node per id (seconds at 10^5 nodes).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n
MATCH (n)-[r]-(m)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
  AND ($until_hi IS NULL OR r.start IS NULL OR r.start <= $until_hi)
  AND ($since_lo IS NULL OR coalesce(r.end, r.start) IS NULL OR coalesce(r.end, r.start) + '~' >= $since_lo)
  AND ($until_hi IS NULL OR m.date IS NULL OR m.date <= $until_hi)
  AND ($since_lo IS NULL OR m.date IS NULL OR m.date + '~' >= $since_lo)
WITH DISTINCT m
LIMIT $cap
RETURN collect(m.id) AS ids,
       collect(CASE WHEN any(l IN labels(m) WHERE l IN $hub_labels) THEN m.id END) AS hubs

// title: Sources by publisher, and how much each supports
// description: Every publisher with its documents and the number of facts (nodes and
//   relationships) that cite them.
// param limit: int = 1000 -- at most this many rows
MATCH (s:Source)
WITH s ORDER BY s.publisher, s.id
LIMIT $limit
OPTIONAL MATCH (s)-[:REPORTS]->(o:Operation)
RETURN s.publisher AS publisher, s.id AS source, s.date AS date, s.url AS url,
       collect(DISTINCT o.id) AS operations
ORDER BY publisher, source

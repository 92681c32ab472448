// title: Facts marked low confidence
// description: Relationships and nodes whose dossier marked them as low confidence, with
//   the note explaining why.
// param limit: int = 1000 -- at most this many rows
MATCH (a)-[r]->(b)
WHERE r.confidence = 'low'
RETURN a.id AS from, type(r) AS type, b.id AS to, r.notes AS notes, r.sources AS sources
LIMIT $limit
UNION ALL
MATCH (n)
WHERE n.confidence = 'low'
RETURN n.id AS from, 'NODE' AS type, n.id AS to, n.notes AS notes, n.sources AS sources
LIMIT $limit

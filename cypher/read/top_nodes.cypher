// title: The most connected nodes, for a bounded view of the whole graph
// description: Provenance nodes (sources, claims, events) only when $provenance is true.
MATCH (n:Entity)
WHERE $provenance OR NOT (n:Source OR n:Claim OR n:Event)
WITH n, size([(n)--() | 1]) AS degree
RETURN n.id AS id, degree
ORDER BY degree DESC, id
LIMIT $limit

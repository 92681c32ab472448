// title: Groups targeted by the same operation
// description: Pairs of groups that one operation targeted together.
// param limit: int = 1000 -- at most this many rows
MATCH (g:Group)<-[:TARGETED]-(o:Operation)-[:TARGETED]->(h:Group)
WHERE g.id < h.id
RETURN o.id AS operation, g.name AS group_a, h.name AS group_b
ORDER BY operation, group_a, group_b
LIMIT $limit

// title: The relationships that start at one page of nodes, with their ends, types and properties, for the snapshot (Neo4j)
// description: The next $page entities after the id $after, in id order, and the
//   relationships from each; an entity without any gives one row whose `dst` is null.
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $page
OPTIONAL MATCH (a)-[r]->(b:Entity)
RETURN a.id AS start, a.id AS src, b.id AS dst, type(r) AS type, r {.*, statements: NULL} AS props

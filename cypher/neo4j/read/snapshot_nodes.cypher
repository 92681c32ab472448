// title: One page of the nodes of one label with their labels and properties, for the in-process snapshot (Neo4j)
// description: The next $page nodes after the id $after, in id order (read from the id
//   index, which keeps that order): the engine ids that the FalkorDB statement ranges over
//   are deprecated in Neo4j 5.
MATCH (n:__LABEL__)
WHERE n.id > $after
RETURN labels(n) AS labels, n {.*, statements: NULL} AS props
ORDER BY n.id
LIMIT $page

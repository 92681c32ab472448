// title: The relationships that start at one page of nodes, with their ends, types and properties, for the snapshot
// description: The relationships from the entities whose engine ids lie in [$from, $to),
//   a page at a time as for the nodes. `start` is that node's id, also where it has no
//   relationship (then `dst` is null), which the Neo4j statement pages by.
MATCH (a:Entity)
WHERE ID(a) >= $from AND ID(a) < $to
OPTIONAL MATCH (a)-[r]->(b:Entity)
RETURN a.id AS start, a.id AS src, b.id AS dst, type(r) AS type, r {.*, statements: NULL} AS props

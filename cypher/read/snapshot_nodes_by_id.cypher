// title: Nodes by id with their labels and properties, for the in-process snapshot
// description: What the snapshot reads again after a write made by this process: the nodes
//   it touched, as read/snapshot_nodes.cypher returns them. An id the graph no longer holds
//   returns no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN labels(n) AS labels, n {.*, statements: NULL} AS props

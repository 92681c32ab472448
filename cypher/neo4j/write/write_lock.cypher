// title: Take the graph's write lock (Neo4j)
// description: The first statement of every load's transaction. Writing this one node
//   takes Neo4j's exclusive lock on it until the transaction ends, so two loads never
//   read the same statements and then both write (one would lose the other's). The
//   unique constraint on its id keeps two first loads from each creating one.
MERGE (m:PiracyGraphMeta {id: 'write-lock'})
SET m.writes = coalesce(m.writes, 0) + 1

// title: One node per id for the store's own bookkeeping (Neo4j)
// description: The generation counter and the write lock (write_lock.cypher) are nodes
//   that concurrent first writes MERGE: only a uniqueness constraint keeps it at one.
CREATE CONSTRAINT piracy_graph_meta_id IF NOT EXISTS FOR (m:PiracyGraphMeta) REQUIRE m.id IS UNIQUE

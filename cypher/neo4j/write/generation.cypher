// title: Count one more write (Neo4j)
// description: In-memory projections rebuild when this number moves. FalkorDB keeps it in a
//   Redis key; on Neo4j it is a node outside the graph's content (no Entity label).
MERGE (m:PiracyGraphMeta {id: 'generation'})
SET m.value = coalesce(m.value, 0) + 1
RETURN m.value AS generation

// title: The write generation (Neo4j)
MATCH (m:PiracyGraphMeta {id: 'generation'})
RETURN m.value AS generation

// title: Node counts by label and relationship counts by type
// description: Neo4j answers label and type counts from its count store.
MATCH (n:Entity)
UNWIND labels(n) AS label
WITH label WHERE label <> 'Entity'
RETURN 'node' AS kind, label AS name, count(*) AS count
UNION ALL
MATCH (:Entity)-[r]->(:Entity)
RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count

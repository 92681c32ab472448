// title: Entities whose names or aliases match a full-text query (Neo4j)
// description: The same query as cypher/read/search.cypher, through Neo4j's full-text
//   procedure, which takes the index's name (FalkorDB's takes the label).
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WITH node, score
WHERE ($label IS NULL OR $label IN labels(node))
  AND ($see_names OR NOT coalesce(node.named, false))
  AND ($see_names OR size([word IN $hidden_words WHERE node.search CONTAINS word]) = 0)
RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.named AS named,
       node.role AS role, score
ORDER BY CASE WHEN $exact IN node.keys THEN 0 ELSE 1 END, score DESC, id
SKIP $offset
LIMIT $limit

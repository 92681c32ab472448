// title: Entities whose names or aliases match a full-text query
// description: $query is built by graph/query/search.py from folded words (prefix terms), never
//   from raw input. $label filters by label when not null. Exact name or alias first.
//   Callers who may not see people's names find neither named people nor anything whose
//   names mention them ($hidden_words: their folded names and surnames). Written with
//   size([...]) = 0: FalkorDB 4.16 drops every row for NOT any(...) / none(...) here.
CALL db.idx.fulltext.queryNodes('Entity', $query) YIELD node, score
WITH node, score
WHERE ($label IS NULL OR $label IN labels(node))
  AND ($see_names OR NOT coalesce(node.named, false))
  AND ($see_names OR size([word IN $hidden_words WHERE node.search CONTAINS word]) = 0)
RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.named AS named,
       node.role AS role, score
ORDER BY CASE WHEN $exact IN node.keys THEN 0 ELSE 1 END, score DESC, id
SKIP $offset
LIMIT $limit

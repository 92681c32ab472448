// title: Entities whose names or aliases match a full-text query
// description: $query is built by graph/search.py from folded words (prefix terms), never
//   from raw input. $label filters by label when not null. Exact name or alias first.
CALL db.idx.fulltext.queryNodes('Entity', $query) YIELD node, score
WITH node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.named AS named,
       node.role AS role, score
ORDER BY CASE WHEN $exact IN node.keys THEN 0 ELSE 1 END, score DESC, id
SKIP $offset
LIMIT $limit

// title: One page of nodes in id order (keyset paging on the indexed id)
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $limit

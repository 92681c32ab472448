// title: A node without statements, if any
// description: Every node a current loader writes has statements; a graph written by an
//   older version of piracy-graph has none (graph/store/format.py refuses it).
MATCH (n:Entity)
WHERE n.statements IS NULL
RETURN n.id AS id
LIMIT 1

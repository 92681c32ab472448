// title: Every node with its labels and properties, for the in-process snapshot
// description: One scan, not pages: keyset pages sort every remaining node per page, and
//   the snapshot wants all of them anyway (graph/snapshot.py bounds the size it copies).
MATCH (n:Entity)
RETURN labels(n) AS labels, properties(n) AS props

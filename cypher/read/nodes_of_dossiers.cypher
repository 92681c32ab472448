// title: Nodes that some dossiers made statements about
// description: For a dossier loaded again or unloaded: every node it may have to change.
//   A scan of all nodes, run only when a dossier the graph holds is replaced or removed.
MATCH (n:Entity)
WHERE any(d IN n.dossiers WHERE d IN $dossiers)
RETURN labels(n) AS labels, n.id AS id, n.statements AS statements, keys(n) AS keys

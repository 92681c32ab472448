// title: Relationships that some dossiers made statements about
// description: As nodes_of_dossiers.cypher, for relationships.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(d IN r.dossiers WHERE d IN $dossiers)
RETURN type(r) AS type, r.id AS id, a.id AS src, labels(a) AS src_labels, b.id AS dst,
       labels(b) AS dst_labels, r.statements AS statements, keys(r) AS keys

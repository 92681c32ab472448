// title: The records of some loaded dossiers
// description: What each of $ids made statements about (write/record_dossiers.cypher):
//   the loader reads these nodes and relationships when a dossier is loaded again or
//   unloaded, instead of scanning the graph.
UNWIND $ids AS id
MATCH (d:LoadedDossier {id: id})
RETURN d.id AS id, d.nodes AS nodes, d.edges AS edges, d.fingerprint AS fingerprint,
       d.file_sha256 AS file_sha256, d.loader AS loader, d.low AS low

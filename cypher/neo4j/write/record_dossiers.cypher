// title: Record what each loaded dossier made statements about (Neo4j)
// description: As cypher/write/record_dossiers.cypher; rows are maps {id, nodes, edges,
//   fingerprint, file_sha256, loader}.
UNWIND $__ROWS__ AS row
MERGE (d:LoadedDossier {id: row.id})
SET d.nodes = row.nodes, d.edges = row.edges, d.fingerprint = row.fingerprint,
    d.file_sha256 = row.file_sha256, d.loader = row.loader, d.low = row.low
WITH count(*) AS _

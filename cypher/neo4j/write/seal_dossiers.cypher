// title: Seal the records of dossiers a load wrote in several chunks (Neo4j)
// description: As cypher/write/seal_dossiers.cypher; rows are maps {id, fingerprint,
//   file_sha256}.
UNWIND $__ROWS__ AS row
MATCH (d:LoadedDossier {id: row.id})
SET d.fingerprint = row.fingerprint, d.file_sha256 = row.file_sha256
WITH count(*) AS _

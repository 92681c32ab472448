// title: Seal the records of dossiers a load wrote in several chunks
// description: Last write step of a load whose chunks share nodes: the records the
//   chunks wrote get their fingerprint and file sha256 once the shared nodes hold every
//   statement, so that a load cut off before then is done again by the next one. Rows
//   are lists, [dossier id, fingerprint, file sha256].
UNWIND $__ROWS__ AS row
MATCH (d:LoadedDossier {id: row[0]})
SET d.fingerprint = row[1], d.file_sha256 = row[2]
WITH count(*) AS _

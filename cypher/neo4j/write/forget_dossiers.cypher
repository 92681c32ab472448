// title: Forget unloaded dossiers (Neo4j)
// description: As cypher/write/forget_dossiers.cypher; rows are maps {id}.
UNWIND $__ROWS__ AS row
MATCH (d:LoadedDossier {id: row.id})
DELETE d
WITH count(*) AS _

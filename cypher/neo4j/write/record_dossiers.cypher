// title: Record what each loaded dossier made statements about (Neo4j)
// description: As cypher/write/record_dossiers.cypher; rows are maps {id, nodes, edges}.
UNWIND $__ROWS__ AS row
MERGE (d:LoadedDossier {id: row.id})
SET d.nodes = row.nodes, d.edges = row.edges
WITH count(*) AS _

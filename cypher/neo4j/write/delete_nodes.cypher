// title: Delete nodes of one label, with their relationships (Neo4j)
// description: Write step of the loader, for nodes no statement supports any more.
UNWIND $__ROWS__ AS row
MATCH (n:__LABEL__ {id: row.id})
DETACH DELETE n
WITH count(*) AS _

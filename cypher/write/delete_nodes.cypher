// title: Delete nodes of one label, with their relationships
// description: Write step of the loader, for nodes no statement supports any more. Rows
//   are lists, [id].
UNWIND $__ROWS__ AS row
MATCH (n:__LABEL__ {id: row[0]})
DETACH DELETE n
WITH count(*) AS _

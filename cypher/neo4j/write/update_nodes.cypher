// title: Set every property of nodes of one label anew (Neo4j)
// description: Write step of the loader, for nodes whose statements changed. Rows are
//   maps {id, props}; `SET n = props` replaces every property, so one that no statement
//   supports any more is removed.
UNWIND $__ROWS__ AS row
MATCH (n:__LABEL__ {id: row.id})
SET n = row.props
WITH count(*) AS _

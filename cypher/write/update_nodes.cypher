// title: Set every property of nodes of one label anew
// description: Write step of the loader (FalkorDB), for nodes whose statements changed.
//   Rows are lists, [id, property...]; __PROPERTIES__ sets each column, and a null
//   column removes the property (the loader sends one for every property no statement
//   supports any more).
UNWIND $__ROWS__ AS row
MATCH (n:__LABEL__ {id: row[0]})
SET n.id = row[0]__PROPERTIES__
WITH count(*) AS _

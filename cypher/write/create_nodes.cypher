// title: Create nodes of one label that the graph does not hold
// description: Write step of the loader (FalkorDB). Rows are lists, [id, property...]:
//   the store sends them as one JSON text; __COLUMNS__ adds one map entry per property
//   column (a null leaves the property out). Every property is given in the CREATE
//   itself: setting them one by one after it took FalkorDB about 1.5x as long. A
//   concurrent writer's duplicate fails on the unique constraint on id.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity {id: row[0]__COLUMNS__})
WITH count(*) AS _

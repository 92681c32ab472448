// title: Create nodes of one label that the graph does not hold (Neo4j)
// description: Write step of the loader. Rows are maps {id, props}; props holds every
//   property of the node, id included (a null leaves one out). A concurrent writer's
//   duplicate fails on the unique constraint on id.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity)
SET n = row.props
WITH count(*) AS _

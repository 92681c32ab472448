// title: Create relationships of one type that the graph does not hold (Neo4j)
// description: Write step of the loader. Rows are maps {id, src, dst, props}.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
WITH count(*) AS _

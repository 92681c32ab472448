// title: Delete relationships of one type (Neo4j)
// description: Write step of the loader, for relationships no statement supports any more.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})-[r:__TYPE__ {id: row.id}]->(b:__TO__ {id: row.dst})
DELETE r
WITH count(*) AS _

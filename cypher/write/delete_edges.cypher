// title: Delete relationships of one type
// description: Write step of the loader, for relationships no statement supports any
//   more. Rows are lists, [id, source id, target id].
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})-[r:__TYPE__ {id: row[0]}]->(b:__TO__ {id: row[2]})
DELETE r
WITH count(*) AS _

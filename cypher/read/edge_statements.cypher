// title: Statements of relationships of one type, by id and ends
// description: As node_statements.cypher, for relationships. $rows are maps
//   {id, src, dst}; __FROM__, __TO__ and __TYPE__ from the schema.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.src})-[r:__TYPE__ {id: row.id}]->(b:__TO__ {id: row.dst})
RETURN r.id AS id, r.statements AS statements, keys(r) AS keys

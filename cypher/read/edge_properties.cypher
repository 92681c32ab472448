// title: Properties of relationships of one type between two labels, by id
// description: Lets the loader keep values already in the graph. Names from the schema.
UNWIND $rows AS row
MATCH (:__FROM__ {id: row.src})-[r:__TYPE__ {id: row.id}]->(:__TO__ {id: row.dst})
RETURN r.id AS id, properties(r) AS props

// title: Properties of relationships of one type between two labels, by id
// description: Lets the loader keep values already in the graph. Names from the schema.
//   Both ends are found by index, then the relationship between them (Expand Into): as one
//   pattern, FalkorDB expanded every relationship of the first end (a group's thousands of
//   OPERATED servers).
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
WITH row, a, b
MATCH (a)-[r:__TYPE__]->(b)
WHERE r.id = row.id
RETURN r.id AS id, properties(r) AS props

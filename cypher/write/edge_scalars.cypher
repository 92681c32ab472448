// title: Properties of relationships of one type between two labels, by id, without the provenance lists
// description: The loader's look-up of values already in the graph (it sits with the
//   write statements because only the loader uses it). $lists names the list properties
//   left out: a relationship between two hubs (an agency and its country) is cited by
//   thousands of sources at 10^6 nodes, and reading its lists for every batch made the
//   load grow faster than the data. Both ends are found by index, then the relationship
//   between them (Expand Into): as one pattern, FalkorDB expanded every relationship of
//   the first end (a group's thousands of OPERATED servers). Names from the schema.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
WITH row, a, b
MATCH (a)-[r:__TYPE__]->(b)
WHERE r.id = row.id
RETURN r.id AS id, [k IN keys(r) WHERE NOT k IN $lists | [k, r[k]]] AS props

// title: Properties of nodes of one label, by id
// description: Lets the loader keep values already in the graph. __LABEL__ from the schema.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, properties(n) AS props

// title: Copy nodes of one label as they are
// description: Used by `piracy-graph copy`. Properties are replaced, not merged, so the
//   target ends up identical to the source; __LABEL__ comes from the schema.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n = row.props, n:Entity
RETURN count(*) AS copied

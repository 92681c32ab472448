// title: Nodes of one label known under any of these names (Neo4j)
// description: Entity resolution. Neo4j's range indexes do not index the items of a list,
//   so `key IN n.keys` would scan every node of the label for every key. The full-text
//   index on `search` (the folded keys, space-joined) finds the nodes whose names hold the
//   key's words in order; the exact test on `keys` then keeps the true matches. Keys are
//   folded to [a-z0-9 ], so a key is always a plain Lucene phrase.
UNWIND $keys AS key
WITH key WHERE key <> ''
CALL db.index.fulltext.queryNodes('entity_search', '"' + key + '"') YIELD node
WITH key, node
WHERE node:__LABEL__ AND key IN node.keys
RETURN key, node.id AS id, node.name AS name

// title: Facts marked low confidence
// description: Every value a dossier stated with low confidence, with the dossier that
//   said it and its sources: a shared entity is listed for what the weak dossier said
//   about it, never as a whole. `type` is NODE for a node's value, else the relationship's
//   type; `property` is empty where the dossier only mentions the relationship. Rows are
//   in entity id order, so only the first `limit` entities (and relationships, by their
//   ends and type) that a dossier states something weak about are read.
// json: value
// param limit: int = 1000 -- at most this many rows
MATCH (d:LoadedDossier)
WHERE size(d.low) > 0
UNWIND d.low AS item
WITH DISTINCT item
WHERE NOT item CONTAINS '|'
WITH item
ORDER BY item
LIMIT $limit
// Through a list (then dropped: every row would carry it): FalkorDB finds a sorted row's
// node by a label scan, an unwound one by the index.
WITH collect(item) AS items
UNWIND items AS item
WITH item
MATCH (n:Entity {id: item})
UNWIND n.statements AS text
WITH n, text, split(text, '|') AS f
WHERE f[2] = 'low'
WITH n, f, reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
RETURN n.id AS from, 'NODE' AS type, n.id AS to, f[0] AS property, value AS value,
       f[1] AS dossier, split(f[4], ' ') AS sources
ORDER BY from, property, dossier, value
LIMIT $limit
UNION ALL
MATCH (d:LoadedDossier)
WHERE size(d.low) > 0
UNWIND d.low AS item
WITH split(item, '|') AS ends
WHERE size(ends) > 2
WITH DISTINCT ends[0] AS start_id, ends[1] AS rel_type, ends[2] AS end_id
ORDER BY start_id, rel_type, end_id
LIMIT $limit
WITH collect([start_id, rel_type, end_id]) AS keys
UNWIND keys AS key
WITH key
MATCH (a:Entity {id: key[0]})
MATCH (b:Entity {id: key[2]})
// Apart: FalkorDB then joins the two ends, instead of walking every relationship of `a`.
WITH key, a, b
MATCH (a)-[r]->(b)
WHERE type(r) = key[1]
UNWIND r.statements AS text
WITH a, r, b, text, split(text, '|') AS f
WHERE f[2] = 'low'
WITH a, r, b, f, reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
RETURN a.id AS from, type(r) AS type, b.id AS to, f[0] AS property, value AS value,
       f[1] AS dossier, split(f[4], ' ') AS sources
ORDER BY from, type, to, property, dossier, value
LIMIT $limit

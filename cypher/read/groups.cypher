// title: Groups, with how many operations targeted each
MATCH (g:Group)
WHERE $kind IS NULL OR toLower(g.kind) CONTAINS $kind
OPTIONAL MATCH (o:Operation)-[:TARGETED]->(g)
WITH g, count(o) AS operations
RETURN g.id AS id, g.name AS name, g.kind AS kind, g.aliases AS aliases, operations
ORDER BY operations DESC, g.name
SKIP $offset
LIMIT $limit

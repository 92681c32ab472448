// title: Every described operation with its dates, the kinds of its targets and how official its sources are
// description: Operations another dossier only mentions (no name yet) are left out.
MATCH (o:Operation)
WHERE o.name IS NOT NULL
RETURN o.id AS id, o.name AS name, o.action_day AS action_day, o.started AS started,
       [(o)-[:TARGETED]->(g:Group) | g.kind] AS target_kinds,
       [(s:Source)-[:REPORTS]->(o) | s.official] AS sources
ORDER BY o.id

// title: Platforms used by the groups an operation targeted
MATCH (:Operation {id: $id})-[:TARGETED]->(g:Group)-[u:USED]->(p:Platform)
RETURN g.id AS group, p.id AS id, p.name AS name, u.purpose AS purpose, u.count AS count,
       u.unit AS unit, u.sources AS sources
ORDER BY p.name

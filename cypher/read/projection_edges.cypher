// title: Every relationship as (source id, target id, type, id), for the in-memory projection
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS src, b.id AS dst, type(r) AS type, r.id AS id

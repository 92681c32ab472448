// title: Every claim a dossier records, with what it is about and who claims it
MATCH (c:Claim)-[:ABOUT]->(x)
WHERE $dossier IN c.dossiers
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by)
RETURN c.id AS id, c.metric AS metric, c.value AS value, c.value_text AS value_text, c.unit AS unit,
       c.qualifier AS qualifier, c.confidence AS confidence, x.id AS about, by.id AS claimed_by,
       coalesce(by.name, c.claimed_by_text) AS claimed_by_name, c.sources AS sources
ORDER BY c.metric, c.id

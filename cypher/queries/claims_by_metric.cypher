// title: Claims whose metric mentions a word
// description: Every claim whose metric contains the text (case-insensitive), with what it
//   is about, who claims it and the source.
// param text: str = "servers" -- a word of the metric
// param limit: int = 1000 -- at most this many rows
MATCH (c:Claim)-[:ABOUT]->(x)
WHERE toLower(c.metric) CONTAINS toLower($text)
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(by)
RETURN x.id AS about, c.metric AS metric, c.value AS value, c.value_text AS value_text, c.unit AS unit,
       coalesce(by.name, c.claimed_by_text) AS claimed_by, c.sources AS sources
ORDER BY about, metric
LIMIT $limit

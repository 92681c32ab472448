// title: Claims that disagree
// description: Figures about the same entity and metric that sources report with different
//   values or units (5,500 servers per Eurojust, 5,500 IT resources per the Guardia di
//   Finanza), each with its source.
// param limit: int = 1000 -- at most this many rows
MATCH (c1:Claim)-[:ABOUT]->(x)<-[:ABOUT]-(c2:Claim)
WHERE c1.id < c2.id AND toLower(c1.metric) = toLower(c2.metric)
  AND (coalesce(c1.value, -1) <> coalesce(c2.value, -1) OR c1.unit <> c2.unit
       OR coalesce(c1.value_text, '') <> coalesce(c2.value_text, ''))
RETURN x.id AS about, c1.metric AS metric,
       c1.value AS value_a, c1.value_text AS text_a, c1.unit AS unit_a, c1.sources AS sources_a,
       c2.value AS value_b, c2.value_text AS text_b, c2.unit AS unit_b, c2.sources AS sources_b
ORDER BY about, metric
LIMIT $limit

// title: Claims that disagree
// description: Pairs of figures about the same entity (an operation, a target) that
//   measure the same thing, however worded ("150 PayPal accounts", "197 accounts"; the
//   measure is the head noun of the unit, in the singular), and give different values, each
//   with its sources and who made it. Two claims of one measure are compared when the other
//   words of one metric are all words of the other ("arrests", "arrests in Spain"; not
//   "countries hosting servers" and "countries cooperating"). Two claims with the same metric
//   that count different things disagree on what was counted, whatever their numbers (servers
//   shut down: 5,500 servers per Eurojust, 5,500 IT resources per the Guardia di Finanza).
//   `differ` says which: the values, or what is counted.
// param limit: int = 1000 -- at most this many rows
MATCH (c1:Claim)-[:ABOUT]->(x)<-[:ABOUT]-(c2:Claim)
WHERE c1.id < c2.id
  AND ((c1.measure = c2.measure
        AND (all(w IN c1.measure_terms WHERE w IN c2.measure_terms)
             OR all(w IN c2.measure_terms WHERE w IN c1.measure_terms))
        AND (coalesce(c1.value, -1) <> coalesce(c2.value, -1)
             OR (c1.value IS NULL AND coalesce(c1.value_text, '') <> coalesce(c2.value_text, ''))))
       OR (c1.metric_terms = c2.metric_terms AND c1.measure <> c2.measure))
OPTIONAL MATCH (c1)-[:CLAIMED_BY]->(b1)
OPTIONAL MATCH (c2)-[:CLAIMED_BY]->(b2)
RETURN x.id AS about, c1.measure AS measure,
       CASE WHEN c1.measure = c2.measure THEN 'values' ELSE 'what is counted' END AS differ,
       c1.metric AS metric_a, c1.value AS value_a, c1.value_text AS text_a, c1.unit AS unit_a,
       coalesce(b1.name, c1.claimed_by_text) AS claimed_by_a, c1.sources AS sources_a,
       c2.metric AS metric_b, c2.value AS value_b, c2.value_text AS text_b, c2.unit AS unit_b,
       coalesce(b2.name, c2.claimed_by_text) AS claimed_by_b, c2.sources AS sources_b
ORDER BY about, measure, value_a, value_b
LIMIT $limit

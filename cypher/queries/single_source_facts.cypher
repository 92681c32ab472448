// title: Facts that rest on one source only
// description: Every relationship, and every value stated about one, whose statements
//   all cite one and the same source, whatever dossier made them, with those dossiers:
//   the facts an investigator should corroborate first. `property` is empty for the
//   relationship itself (a dossier's mention of it). Listed dossier by dossier, each fact
//   under the first (by id) of the dossiers that state it; optionally only the facts one
//   dossier states.
// param dossier: str = "" -- a dossier id such as 2020-sparks (empty: all)
// json: value
// param limit: int = 200 -- at most this many rows
MATCH (d:LoadedDossier)
WHERE $dossier = '' OR d.id = $dossier
WITH d ORDER BY d.id
// In a list: FalkorDB would cut the sort at the limit, as if each gave one row.
WITH collect(d) AS loaded
UNWIND loaded AS d
CALL {
  WITH d
  UNWIND d.edges AS item
  WITH d, item, split(item, '|') AS ends
  MATCH (a:Entity {id: ends[0]})
  MATCH (b:Entity {id: ends[2]})
  WITH d, item, a, b
  MATCH (a)-[r]->(b)
  WHERE r.id = item AND NOT type(r) IN ['REPORTS', 'CITES']
  UNWIND r.statements AS text
  WITH d, a, r, b, text, split(text, '|') AS f
  WITH d, a, r, b, f, reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
  UNWIND split(f[4], ' ') AS source
  WITH d, a.id AS from, type(r) AS type, b.id AS to, f[0] AS property, value,
       collect(DISTINCT f[1]) AS dossiers, collect(DISTINCT source) AS sources
  WHERE size(sources) = 1 AND d.id IN dossiers AND ($dossier <> '' OR none(x IN dossiers WHERE x < d.id))
  MATCH (s:Source {id: sources[0]})
  RETURN from, type, to, property, value, dossiers, s.publisher AS only_source, s.url AS url
  ORDER BY from, type, to, property, value
}
RETURN from AS from, type AS type, to AS to, property AS property, value AS value, dossiers AS dossiers,
       only_source AS only_source, url AS url
LIMIT $limit

// title: How many events the timeline's date and kind filters keep
// description: timeline.cypher's filters, counted: a cut timeline view says how many
//   events it leaves out.
MATCH (e:Event)
WHERE ($since_lo IS NULL OR e.date + '~' >= $since_lo)
  AND ($until_hi IS NULL OR e.date <= $until_hi)
  AND (size($kinds) = 0 OR e.kind IN $kinds)
RETURN count(e) AS total

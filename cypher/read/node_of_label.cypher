// title: One node of one label, by id
// description: The properties of the node `$id` if it has the label __LABEL__ (from the
//   schema), for pages about one agency, group, operation or country.
MATCH (n:__LABEL__ {id: $id})
RETURN properties(n) AS props

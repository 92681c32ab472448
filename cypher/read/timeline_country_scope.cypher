// title: What a country's timeline is about: the country and the operations that acted in it
// description: The ids of the operations with an ACTED_IN relationship to country $id
//   (an empty list when there are none, or when the country is in no dossier).
MATCH (o:Operation)-[:ACTED_IN]->(:Country {id: $id})
RETURN collect(o.id) AS operations

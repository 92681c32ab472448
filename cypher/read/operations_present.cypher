// title: Which of these Operation ids the graph holds
// description: Tells the loader which dossiers are loaded already (every loaded dossier
//   has its Operation node), so that their earlier statements are replaced, not added to.
UNWIND $ids AS id
MATCH (o:Operation {id: id})
RETURN o.id AS id

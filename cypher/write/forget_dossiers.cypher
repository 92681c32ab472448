// title: Forget unloaded dossiers
// description: Write step of an unload: the dossier's record goes with its statements.
//   Rows are lists, [dossier id].
UNWIND $__ROWS__ AS row
MATCH (d:LoadedDossier {id: row[0]})
DELETE d
WITH count(*) AS _

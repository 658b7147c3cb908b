// An action item's action, without the owner and due-date annotations written into it: the issue
// title and the Action Items view's label both show these apart (a field, a column), so they keep
// to the action itself. "By:" counts as a due label because the server's model reads it as one.

const ANNOTATION = /\s*\(?\b(?:owner|assignee|due(?: date)?|by)\b\s*[:=][^.;)]*[.;)]?/gi;

/** The text without "Owner: …", "Assignee= …", "(due: …)", "By: …", white space folded; '' when nothing else is left. */
export function actionWithoutAnnotations(text: string): string {
  return text.replace(ANNOTATION, '').replace(/\s+/g, ' ').trim();
}

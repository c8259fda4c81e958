// The form of an app's name that search compares against: lower-cased, and
// with SQL LIKE's wildcards (% and _) swapped for look-alike characters, so a
// search for "100%" finds exactly that on every database.
export function toSearchKey(text: string): string {
  return text.toLowerCase().replace(/%/g, "\uFF05").replace(/_/g, "\uFF3F");
}

// How @mentions are written in a comment's body: people see "@Ada Lovelace",
// the body stores an unambiguous token naming who is meant,
//
//   @[Ada Lovelace](user:<user id>)     @[Claude (bot)](bot:<bot id>)
//
// The name inside the brackets is the name when the comment was written; the
// id decides who was mentioned. No database here: shared by the comment form
// (a client component), the thread and the data layer.

export type MentionType = "user" | "bot";
export type MentionRef = { type: MentionType; id: string; name: string };

const TOKEN_SOURCE = String.raw`@\[([^\[\]\n]{1,120})\]\((user|bot):([A-Za-z0-9_-]{1,64})\)`;
const tokens = () => new RegExp(TOKEN_SOURCE, "g");

// A name as it can sit between the brackets (no brackets, no line breaks).
export function mentionLabel(name: string): string {
  return name.replace(/[\[\]]/g, "").replace(/\s+/g, " ").trim().slice(0, 120) || "unknown";
}

export function mentionToken(ref: MentionRef): string {
  return `@[${mentionLabel(ref.name)}](${ref.type}:${ref.id})`;
}

export type BodySegment = { kind: "text"; text: string } | { kind: "mention"; mention: MentionRef };

// The body cut into plain text and mentions, in order (for rendering).
export function splitMentions(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(tokens())) {
    if (match.index > last) segments.push({ kind: "text", text: body.slice(last, match.index) });
    segments.push({ kind: "mention", mention: { type: match[2] as MentionType, id: match[3], name: match[1] } });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: "text", text: body.slice(last) });
  return segments;
}

// Everyone a body mentions, once each, in order of first mention.
export function mentionsIn(body: string): MentionRef[] {
  const seen = new Map<string, MentionRef>();
  for (const segment of splitMentions(body)) {
    if (segment.kind !== "mention") continue;
    const key = `${segment.mention.type}:${segment.mention.id}`;
    if (!seen.has(key)) seen.set(key, segment.mention);
  }
  return [...seen.values()];
}

// Rewrites every token: keep(mention) gives the mention to store (its current
// name), or null to leave the token as the plain text "@name".
export function rewriteMentions(body: string, keep: (mention: MentionRef) => MentionRef | null): string {
  return body.replace(tokens(), (_raw, name: string, type: MentionType, id: string) => {
    const kept = keep({ type, id, name });
    return kept ? mentionToken(kept) : `@${name}`;
  });
}

// The text as the person sees it while writing: tokens shown as "@name".
export function mentionsAsText(body: string): string {
  return rewriteMentions(body, () => null);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The comment form's step before sending: every "@<name>" of someone picked
// from the suggestions becomes their token. Longer names first, so "@Ada
// Lovelace" wins over "@Ada"; an "@" inside a word (an email address) or a
// name running on into a longer word is left alone.
export function encodeMentions(text: string, picked: MentionRef[]): string {
  const byName = new Map<string, MentionRef>();
  for (const ref of picked) byName.set(ref.name, ref);
  if (byName.size === 0) return text;
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@\\]])@(${names.join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  return text.replace(pattern, (_raw, name: string) => mentionToken(byName.get(name)!));
}

// The "@query" being typed just before the caret, if any: an "@" at the start
// or after a space or bracket, followed by at most a few words on one line.
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/[\s([{"']/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@\[\]]/.test(query) || /^\s/.test(query) || query.split(" ").length > 4) return null;
  return { start: at, query };
}

// Suggestions for a query: names starting with it first, then names with a
// word starting with it.
export function matchMentionables<T extends { name: string }>(options: T[], query: string, limit = 8): T[] {
  const q = query.toLowerCase();
  if (!q.trim()) return options.slice(0, limit);
  const starts = options.filter((option) => option.name.toLowerCase().startsWith(q));
  const words = options.filter(
    (option) => !starts.includes(option) && option.name.toLowerCase().split(/[\s(]+/).some((word) => word.startsWith(q)),
  );
  return [...starts, ...words].slice(0, limit);
}

import { Fragment } from "react";
import type { CommentView } from "@/lib/projects/view";
import { splitMentions } from "@/lib/projects/mention-syntax";
import { formatDate } from "@/components/ui";
import { PersonName } from "./labels";

export function CommentThread({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return <p className="text-sm text-slate-500">No comments yet.</p>;
  return (
    <ol className="space-y-4" aria-label="Comments">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded-lg border border-slate-200 p-3">
          <p className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span className="font-medium text-slate-800"><PersonName person={comment.author} empty="Deleted account" /></span>
            <time dateTime={comment.createdAt.toISOString()}>{formatDate(comment.createdAt)}</time>
          </p>
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800"><CommentBody body={comment.body} /></p>
        </li>
      ))}
    </ol>
  );
}

// The body with its @mentions shown as highlighted names.
function CommentBody({ body }: { body: string }) {
  return splitMentions(body).map((segment, index) =>
    segment.kind === "text" ? (
      <Fragment key={index}>{segment.text}</Fragment>
    ) : (
      <span
        key={index}
        data-mention={segment.mention.type}
        title={segment.mention.type === "bot" ? "Mentioned app" : "Mentioned member"}
        className={`rounded px-0.5 font-medium ${segment.mention.type === "bot" ? "bg-brand-50 text-brand-700" : "bg-amber-50 text-amber-800"}`}
      >
        @{segment.mention.name}
      </span>
    ),
  );
}

import type { CommentView } from "@/lib/projects/view";
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
          <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

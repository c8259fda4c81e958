"use client";

import { useId, useLayoutEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addCommentAction } from "@/lib/projects/actions";
import { activeMentionQuery, encodeMentions, matchMentionables, type MentionRef } from "@/lib/projects/mention-syntax";
import { Field, FormAlert, inputClass, primaryButton } from "@/components/form/field";

// Someone a comment can @mention: a member, or the bot of a mentionable app
// installed in the group.
export type MentionOption = MentionRef & { detail: string };

type Props = { groupSlug: string; workItemId: string; mentionables: MentionOption[] };

type Active = { start: number; query: string };

// A comment box where typing "@" suggests members and apps (a listbox: arrow
// keys move, Enter or Tab picks, Escape closes). A picked name shows as
// "@Name" and is sent as its mention token.
export function CommentForm({ groupSlug, workItemId, mentionables }: Props) {
  const router = useRouter();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [body, setBody] = useState("");
  const [picked, setPicked] = useState<MentionRef[]>([]);
  const [active, setActive] = useState<Active | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [caret, setCaret] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const suggestions = active && active.start !== dismissedAt ? matchMentionables(mentionables, active.query) : [];
  const open = suggestions.length > 0;
  const current = Math.min(highlighted, Math.max(suggestions.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  // Puts the caret after a name just inserted.
  useLayoutEffect(() => {
    if (caret === null || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  const track = (element: HTMLTextAreaElement) => {
    const next = element.selectionStart === element.selectionEnd ? activeMentionQuery(element.value, element.selectionStart) : null;
    if (next?.start !== active?.start || next?.query !== active?.query) setHighlighted(0);
    if (!next || next.start !== dismissedAt) setDismissedAt(null);
    setActive(next);
  };

  const choose = (option: MentionOption) => {
    if (!active || !textarea.current) return;
    const end = textarea.current.selectionStart;
    const inserted = `@${option.name} `;
    setBody(body.slice(0, active.start) + inserted + body.slice(end));
    setPicked((list) => [...list.filter((ref) => ref.type !== option.type || ref.id !== option.id), { type: option.type, id: option.id, name: option.name }]);
    setDismissedAt(active.start);
    setCaret(active.start + inserted.length);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((current + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(suggestions[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(active!.start);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await addCommentAction(groupSlug, workItemId, { body: encodeMentions(body, picked) });
      if (!result.ok) return setError(result.fields?.body ?? result.error);
      setError(undefined);
      setBody("");
      setPicked([]);
      setActive(null);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a comment">
      {error && <FormAlert>{error}</FormAlert>}
      <Field label="Comment" hint={mentionables.length > 0 ? "Type @ to mention a member or an app." : undefined}>
        {(id, describedBy) => (
          <div className="relative">
            <textarea
              ref={textarea}
              id={id}
              rows={3}
              value={body}
              aria-describedby={describedBy}
              aria-autocomplete="list"
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? optionId(current) : undefined}
              onChange={(event) => {
                setBody(event.target.value);
                track(event.target);
              }}
              onSelect={(event) => track(event.currentTarget)}
              onKeyDown={onKeyDown}
              onBlur={() => setActive(null)}
              className={inputClass(!!error)}
            />
            {open && (
              <ul
                id={listId}
                role="listbox"
                aria-label="Mention suggestions"
                className="absolute left-0 right-0 top-full z-10 mt-1 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
              >
                {suggestions.map((option, index) => (
                  <li
                    key={`${option.type}:${option.id}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === current}
                    // Keeps the focus (and the caret) in the textarea.
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setHighlighted(index)}
                    onClick={() => choose(option)}
                    className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${index === current ? "bg-brand-50 text-brand-700" : "text-slate-800"}`}
                  >
                    <span className="font-medium">{option.name}</span>
                    <span className="truncate text-xs text-slate-500">{option.type === "bot" ? "App" : option.detail}</span>
                  </li>
                ))}
              </ul>
            )}
            <p role="status" className="sr-only">
              {open ? `${suggestions.length} ${suggestions.length === 1 ? "suggestion" : "suggestions"}: ${suggestions[current].name}` : ""}
            </p>
          </div>
        )}
      </Field>
      <div className="flex justify-end">
        <button type="submit" disabled={pending || !body.trim()} className={primaryButton}>{pending ? "Posting…" : "Comment"}</button>
      </div>
    </form>
  );
}

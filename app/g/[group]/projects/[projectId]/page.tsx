import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { getGroupForMember } from "@/lib/groups/queries";
import { actorFromMember, canWrite } from "@/lib/projects/actor";
import { getProject, getWorkItem, listAssignees, listComments, listWorkItems } from "@/lib/projects/queries";
import { assigneeKey } from "@/lib/projects/schemas";
import { CommentForm } from "@/components/projects/comment-form";
import { CommentThread } from "@/components/projects/comment-thread";
import { DeleteButton } from "@/components/projects/delete-button";
import { PersonName, StateBadge } from "@/components/projects/labels";
import { ProjectForm } from "@/components/projects/project-form";
import { WorkItemForm } from "@/components/projects/work-item-form";
import { Card, EmptyState, PageHeader, formatDate } from "@/components/ui";

export const metadata: Metadata = { title: "Project" };

type Props = { params: Promise<{ group: string; projectId: string }>; searchParams: Promise<{ item?: string }> };

export default async function ProjectPage({ params, searchParams }: Props) {
  const { group: slug, projectId } = await params;
  const { item: selectedId } = await searchParams;
  const base = `/g/${slug}/projects/${projectId}`;
  const user = await requirePageUser(selectedId ? `${base}?item=${encodeURIComponent(selectedId)}` : base);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const actor = actorFromMember(user.id, group);
  const [project, items, assignables] = await loadForPage(() => Promise.all([getProject(actor, projectId), listWorkItems(actor, projectId), listAssignees(actor)]));
  const selected = selectedId ? await loadForPage(() => getWorkItem(actor, selectedId)) : null;
  if (selected && selected.projectId !== project.id) notFound();
  const comments = selected ? await listComments(actor, selected.id) : [];
  const writable = canWrite(actor, "work_items");
  const options = assignables.map((person) => ({ key: assigneeKey(person), name: person.name, detail: person.detail, type: person.type }));
  // The same people and bots can be @mentioned in comments.
  const mentionables = assignables.map((person) => ({ type: person.type, id: person.id, name: person.name, detail: person.detail }));

  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/g/${slug}/projects`} className="text-brand-700 hover:text-brand-600">← Projects</Link></p>
      <PageHeader title={project.name} description={project.description || undefined} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          {items.length === 0 ? (
            <EmptyState title="No work items yet">{writable ? "Add the first one with the form." : "Members, admins and apps can add work items."}</EmptyState>
          ) : (
            <Card>
              <table className="w-full text-left text-sm" aria-label="Work items">
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-4 py-3 font-medium">#</th>
                    <th className="px-4 py-3 font-medium">Title</th>
                    <th className="px-4 py-3 font-medium">State</th>
                    <th className="hidden px-4 py-3 font-medium sm:table-cell">Assignee</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {items.map((item) => (
                    <tr key={item.id} className={item.id === selected?.id ? "bg-brand-50" : undefined}>
                      <td className="px-4 py-3 text-slate-500">{item.sequence}</td>
                      <td className="px-4 py-3">
                        <Link href={`${base}?item=${item.id}`} aria-current={item.id === selected?.id ? "true" : undefined} className="font-medium text-slate-900 hover:text-brand-700">{item.title}</Link>
                      </td>
                      <td className="px-4 py-3"><StateBadge state={item.state} /></td>
                      <td className="hidden px-4 py-3 sm:table-cell"><PersonName person={item.assignee} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
          {canWrite(actor, "projects") && (
            <Card className="p-6">
              <h2 className="mb-4 text-base font-semibold">Project settings</h2>
              <ProjectForm groupSlug={slug} project={{ id: project.id, name: project.name, description: project.description }} />
              <div className="mt-6 border-t border-slate-200 pt-4">
                <DeleteButton groupSlug={slug} target={{ kind: "project", id: project.id, name: project.name }} afterDelete={`/g/${slug}/projects`} />
              </div>
            </Card>
          )}
        </div>
        <div className="space-y-6 lg:col-span-2">
          {selected ? (
            <Card className="p-6">
              <div className="mb-4 flex items-start justify-between gap-3">
                <h2 className="text-base font-semibold">#{selected.sequence} {selected.title}</h2>
                <Link href={base} className="text-sm text-slate-500 hover:text-slate-800">Close</Link>
              </div>
              {writable && (
                <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="work-item-assignee">
                  <span className="text-slate-500">Assignee</span>
                  <span className="font-medium text-slate-900"><PersonName person={selected.assignee} /></span>
                </p>
              )}
              {writable ? (
                <WorkItemForm
                  key={selected.id}
                  groupSlug={slug}
                  projectId={project.id}
                  assignees={options}
                  workItem={{
                    id: selected.id,
                    values: { title: selected.title, description: selected.description, state: selected.state, assignee: assigneeKey(selected.assignee) },
                    currentAssigneeName: selected.assignee?.name,
                  }}
                />
              ) : (
                <dl className="space-y-3 text-sm">
                  <div><dt className="text-slate-500">State</dt><dd className="mt-1"><StateBadge state={selected.state} /></dd></div>
                  <div><dt className="text-slate-500">Assignee</dt><dd className="mt-1"><PersonName person={selected.assignee} /></dd></div>
                  {selected.description && <div><dt className="text-slate-500">Description</dt><dd className="mt-1 whitespace-pre-wrap">{selected.description}</dd></div>}
                </dl>
              )}
              <p className="mt-4 text-xs text-slate-500">
                Created by <PersonName person={selected.createdBy} empty="a deleted account" /> · {formatDate(selected.createdAt)}
              </p>
              <div className="mt-6 border-t border-slate-200 pt-4">
                <h3 className="mb-3 text-sm font-semibold">Comments</h3>
                <CommentThread comments={comments} />
                {writable && <div className="mt-4"><CommentForm groupSlug={slug} workItemId={selected.id} mentionables={mentionables} /></div>}
              </div>
              {writable && (
                <div className="mt-6 border-t border-slate-200 pt-4">
                  <DeleteButton groupSlug={slug} target={{ kind: "work-item", id: selected.id, name: selected.title }} afterDelete={base} />
                </div>
              )}
            </Card>
          ) : (
            <Card className="p-6">
              <h2 className="mb-4 text-base font-semibold">New work item</h2>
              {writable ? (
                <WorkItemForm groupSlug={slug} projectId={project.id} assignees={options} />
              ) : (
                <p className="text-sm text-slate-600">As a viewer you can read work items and comments, but not change them. Select a work item to see its details.</p>
              )}
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { getGroupForMember } from "@/lib/groups/queries";
import { actorFromMember, canWrite } from "@/lib/projects/actor";
import { listProjects } from "@/lib/projects/queries";
import { ProjectForm } from "@/components/projects/project-form";
import { PersonName } from "@/components/projects/labels";
import { Card, EmptyState, PageHeader, formatDate } from "@/components/ui";

export const metadata: Metadata = { title: "Projects" };

type Props = { params: Promise<{ group: string }> };

export default async function ProjectsPage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}/projects`);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const actor = actorFromMember(user.id, group);
  const projects = await loadForPage(() => listProjects(actor));
  const writable = canWrite(actor, "projects");

  return (
    <>
      <PageHeader title="Projects" description="The group's projects and work items, shared by people here and by the apps the group has installed." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {projects.length === 0 ? (
            <EmptyState title="No projects yet">{writable ? "Create the first one with the form." : "Members and admins can create projects."}</EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-slate-100" aria-label="Projects">
                {projects.map((project) => (
                  <li key={project.id} className="px-6 py-4">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <Link href={`/g/${slug}/projects/${project.id}`} className="font-medium text-brand-700 hover:text-brand-600">{project.name}</Link>
                      <span className="text-sm text-slate-500">{project.openCount} open · {project.workItemCount} total</span>
                    </div>
                    {project.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{project.description}</p>}
                    <p className="mt-1 text-xs text-slate-500">
                      Created by <PersonName person={project.createdBy} empty="a deleted account" /> · updated {formatDate(project.updatedAt)}
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <Card className="h-fit p-6">
          <h2 className="mb-4 text-base font-semibold">New project</h2>
          {writable ? <ProjectForm groupSlug={slug} /> : <p className="text-sm text-slate-600">As a viewer you can see every project, but not create or change them.</p>}
        </Card>
      </div>
    </>
  );
}

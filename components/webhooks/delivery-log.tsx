import { Fragment } from "react";
import Link from "next/link";
import { DELIVERY_STATUSES, type DeliveryDetail, type DeliveryPage, type WebhookOverview } from "@/lib/webhooks/queries";
import { Card, formatDate } from "@/components/ui";
import { DeliveryDetailView } from "./delivery-detail";
import { DELIVERY_STATUS_LABELS, DeliveryStatusBadge, formatLatency } from "./delivery-status";

// Dates in the table: short (the year and zone are in the title).
function shortDate(date: Date): string {
  return new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(date);
}

function When({ date }: { date: Date | null }) {
  if (!date) return <>—</>;
  return <time dateTime={date.toISOString()} title={formatDate(date)}>{shortDate(date)}</time>;
}

type Props = {
  groupSlug: string;
  overview: WebhookOverview;
  page: DeliveryPage;
  // The delivery opened in the log (?event=…), if any.
  expanded: DeliveryDetail | null;
};

const COLUMNS = ["Event", "Installation", "Status", "Response", "Latency", "Attempts", "Next retry", "Created", "Delivered"];

// The delivery log: filter (installation, status) and pages in the URL; a
// row opens in place (?event=<id>) with its attempts and a Redeliver button.
export function DeliveryLog({ groupSlug, overview, page, expanded }: Props) {
  const base = `/g/${groupSlug}/settings/apps/${overview.app.clientId}/webhook`;
  const { installationId, status, page: current } = page.query;
  const href = (next: { page?: number; event?: string | null }) => {
    const params = new URLSearchParams();
    if (installationId) params.set("installation", installationId);
    if (status) params.set("status", status.toLowerCase());
    const pageNumber = next.page ?? current;
    if (pageNumber > 1) params.set("page", String(pageNumber));
    if (next.event) params.set("event", next.event);
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  const blocked = !overview.url
    ? "The app has no webhook URL."
    : overview.webhook?.disabledAt
      ? "Deliveries are paused: re-enable the webhook first."
      : undefined;
  const filtered = !!installationId || !!status;

  return (
    <Card>
      {/* Keyed by the filter: soft navigation would otherwise keep a select's old choice. */}
      <form key={`${installationId ?? ""}:${status ?? ""}`} action={base} className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-6 py-4" aria-label="Filter deliveries">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Installation</span>
          <select name="installation" defaultValue={installationId ?? ""} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500">
            <option value="">All installations</option>
            {overview.installations.map((installation) => (
              <option key={installation.id} value={installation.id}>
                {installation.group.name}
                {installation.status === "REVOKED" ? " (removed)" : ""} · {installation.id.slice(0, 8)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={status?.toLowerCase() ?? ""} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500">
            <option value="">Any status</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value.toLowerCase()}>{DELIVERY_STATUS_LABELS[value]}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">Filter</button>
        {filtered && <Link href={base} className="py-1.5 text-sm font-medium text-brand-600 hover:text-brand-700">Clear</Link>}
        <p className="ml-auto py-1.5 text-sm text-slate-500">{page.total === 1 ? "1 delivery" : `${page.total} deliveries`}</p>
      </form>

      {expanded && !page.entries.some((entry) => entry.id === expanded.id) && (
        <div className="border-b border-slate-200 px-6 py-5">
          <div className="mb-4 flex flex-wrap items-center gap-3">
            <span className="font-mono text-sm text-slate-900">{expanded.event}.{expanded.action}</span>
            <DeliveryStatusBadge status={expanded.status} />
            <Link href={href({ event: null })} scroll={false} className="ml-auto text-sm font-medium text-brand-600 hover:text-brand-700">Hide</Link>
          </div>
          <DeliveryDetailView groupSlug={groupSlug} delivery={expanded} redeliverBlocked={blocked} />
        </div>
      )}

      {page.entries.length === 0 ? (
        <p className="px-6 py-10 text-center text-sm text-slate-600">
          {filtered ? "No delivery matches this filter." : "No deliveries yet. Events appear here once a group where the app is installed changes."}
        </p>
      ) : (
        // A size container: the wide table scrolls inside the card instead of
        // widening the page, and an opened row's details stay as wide as the card.
        <div className="@container overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Deliveries">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>{COLUMNS.map((column, index) => <th key={index} scope="col" className="whitespace-nowrap px-2 py-2 font-medium first:pl-5 last:pr-5">{column}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.entries.map((entry) => {
                const open = expanded?.id === entry.id;
                return (
                  <Fragment key={entry.id}>
                    <tr data-testid="delivery-row" data-event-id={entry.id} className={open ? "bg-brand-50/40" : undefined}>
                      <td className="py-2.5 pl-5 pr-2">
                        <Link
                          href={href({ event: open ? null : entry.id })}
                          scroll={false}
                          aria-expanded={open}
                          aria-label={`${open ? "Hide" : "Show"} details of ${entry.event}.${entry.action} ${entry.id.slice(0, 8)}`}
                          className="group inline-flex items-start gap-1.5"
                        >
                          <span aria-hidden="true" className="mt-0.5 text-xs text-slate-400">{open ? "▾" : "▸"}</span>
                          <span>
                            <span className="font-mono font-medium text-brand-700 group-hover:underline">{entry.event}.{entry.action}</span>
                            <span className="block font-mono text-xs text-slate-400">{entry.id.slice(0, 8)}</span>
                          </span>
                        </Link>
                      </td>
                      <td className="max-w-40 px-2 py-2.5">{entry.group?.name ?? "—"}</td>
                      <td className="px-2 py-2.5"><DeliveryStatusBadge status={entry.status} /></td>
                      <td className="px-2 py-2.5" data-testid="delivery-response">
                        {entry.lastStatusCode ?? (entry.lastError ? <span className="text-rose-700" title={entry.lastError}>error</span> : "—")}
                      </td>
                      <td className="whitespace-nowrap px-2 py-2.5">{formatLatency(entry.lastLatencyMs)}</td>
                      <td className="px-2 py-2.5">{entry.attempts}</td>
                      <td className="whitespace-nowrap px-2 py-2.5"><When date={entry.nextAttemptAt} /></td>
                      <td className="whitespace-nowrap px-2 py-2.5"><When date={entry.createdAt} /></td>
                      <td className="whitespace-nowrap py-2.5 pl-2 pr-5"><When date={entry.deliveredAt} /></td>
                    </tr>
                    {open && expanded && (
                      <tr>
                        <td colSpan={COLUMNS.length} className="bg-white p-0">
                          <div className="sticky left-0 w-[100cqw] px-6 py-5">
                            <DeliveryDetailView groupSlug={groupSlug} delivery={expanded} redeliverBlocked={blocked} />
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {page.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-6 py-3 text-sm">
          {current > 1 ? <Link href={href({ page: current - 1 })} className="font-medium text-brand-600">← Newer</Link> : <span />}
          <span className="text-slate-500">Page {current} of {page.pageCount}</span>
          {current < page.pageCount ? <Link href={href({ page: current + 1 })} className="font-medium text-brand-600">Older →</Link> : <span />}
        </nav>
      )}
    </Card>
  );
}

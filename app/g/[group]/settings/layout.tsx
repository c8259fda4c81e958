import { NavTabs } from "@/components/nav-tabs";

type Props = { children: React.ReactNode; params: Promise<{ group: string }> };

export default async function GroupSettingsLayout({ children, params }: Props) {
  const { group: slug } = await params;
  const base = `/g/${slug}/settings`;
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <aside>
        <NavTabs
          vertical
          label="Settings"
          items={[
            { href: base, label: "General", exact: true },
            { href: `${base}/members`, label: "Members" },
            { href: `${base}/apps`, label: "Apps" },
          ]}
        />
      </aside>
      <div>{children}</div>
    </div>
  );
}

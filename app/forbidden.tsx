import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return (
    <StatusPage code="403" title="Not allowed">
      Your role in this group does not allow this. Ask one of the group&apos;s admins.
    </StatusPage>
  );
}

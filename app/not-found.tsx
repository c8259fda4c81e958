import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page not found">
      This page does not exist, or you do not have access to it. If you expected to see a group here, ask one of its admins to add you.
    </StatusPage>
  );
}

import { EmptyState } from "@/components/ui/states";
import { PageHeader } from "@/components/ui/page-header";

/** A page whose feature this build does not have yet: says so plainly instead of pretending. */
export function NotYetAvailable({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={`${title} is not available in this build yet`}>{what}</EmptyState>
    </>
  );
}

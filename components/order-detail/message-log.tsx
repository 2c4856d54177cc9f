"use client";

import { useOrderMessages } from "@/lib/client/hooks/use-order-messages";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/states";
import { formatTime } from "@/components/orders/format";

const LOOK = { INFO: "text-muted", WARN: "text-warn", ERROR: "text-danger" } as const;

/** The order's log from the engine (INFO / WARN / ERROR), newest first. */
export function MessageLog({ orderId }: { orderId: string }) {
  const messages = useOrderMessages(orderId);
  if (!messages.data) {
    return messages.isError ? (
      <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
    ) : (
      <LoadingRows rows={4} label="Loading the order's messages" />
    );
  }
  if (messages.data.length === 0) return <EmptyState title="No messages yet" />;
  return (
    <ol aria-label="Order messages" className="max-h-72 overflow-auto text-sm">
      {messages.data.map((message, i) => (
        <li
          key={`${message.created_at}-${i}`}
          className="flex gap-3 border-b border-border py-1.5 last:border-0"
        >
          <time dateTime={message.created_at} className="tabular shrink-0 text-xs text-muted">
            {formatTime(message.created_at)}
          </time>
          <span className={`w-12 shrink-0 text-xs font-semibold ${LOOK[message.message_type]}`}>
            {message.message_type}
          </span>
          <span className="min-w-0 break-words">{message.message}</span>
        </li>
      ))}
    </ol>
  );
}

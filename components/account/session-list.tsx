"use client";

import { useState, useTransition } from "react";
import { MonitorSmartphone } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { revokeSessionAction } from "@/app/settings/actions";

export interface SessionRow {
  id: string;
  device: string;
  ipAddress: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The account's signed-in browsers, each revocable; the server says which one is this device. */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  return (
    <ul className="divide-y" aria-label="Active sessions">
      {sessions.map((s) => (
        <li key={s.id} data-testid="session" className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 py-3 text-sm">
          <div className="flex min-w-0 items-start gap-3">
            <MonitorSmartphone className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {s.device}
                {s.current ? <Badge variant="success">This device</Badge> : null}
              </p>
              <p className="text-muted-foreground">
                {s.ipAddress && s.ipAddress !== "unknown" ? <span className="break-all">{s.ipAddress} · </span> : null}
                signed in <DateTime value={s.createdAt} />
                <span className="block sm:inline">
                  <span className="hidden sm:inline"> · </span>last seen <DateTime value={s.lastSeenAt} />
                </span>
              </p>
            </div>
          </div>
          <RevokeSessionButton session={s} />
        </li>
      ))}
    </ul>
  );
}

function RevokeSessionButton({ session }: { session: SessionRow }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="grid justify-items-end gap-1">
      <ConfirmDialog
        trigger={
          <Button
            variant="outline"
            size="sm"
            disabled={pending}
            aria-label={`Revoke ${session.device}${session.current ? " (this device)" : ""}`}
          >
            Revoke
          </Button>
        }
        title={session.current ? "Sign out this device?" : `Revoke ${session.device}?`}
        description={
          session.current
            ? "This is the browser you are using: revoking it signs you out here."
            : "That browser is signed out on its next request. Your other sessions stay signed in."
        }
        confirmLabel="Revoke"
        destructive
        pending={pending}
        onConfirm={() =>
          start(async () => {
            const result = await revokeSessionAction(session.id);
            setMessage(result && !result.ok ? result.message : null);
          })
        }
      />
      {message ? (
        <p role="alert" className="text-xs text-destructive">
          {message}
        </p>
      ) : null}
    </div>
  );
}

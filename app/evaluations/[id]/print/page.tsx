import Link from "next/link";
import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { exportDecisionRecord } from "@/lib/domain/records";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/page";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { MadrDocument } from "@/components/records/madr-document";
import { PrintButton } from "@/components/records/print-button";
import { formatRecordNumber } from "@/lib/export/file-name";

export const metadata: Metadata = { title: "Decision record" };

/** The decision record (MADR) as a clean page for printing or saving as PDF. */
export default async function PrintRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/evaluations/${id}/print`);
  const record = await orNotFound(
    exportDecisionRecord({ userId: user.id }, id, "md").catch((error: unknown) => {
      // Not yet revealed: say so on the page rather than as an error.
      if (error instanceof AppError && error.code === "conflict") return { message: error.message };
      throw error;
    }),
  );

  return (
    <div className="grid gap-6">
      <div data-print="hide" className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="ghost" asChild>
          <Link href={`/evaluations/${id}`}>
            <ArrowLeft aria-hidden /> Back to the evaluation
          </Link>
        </Button>
        {"body" in record ? <PrintButton /> : null}
      </div>
      {"body" in record ? (
        <p className="mx-auto w-full max-w-3xl text-sm text-muted-foreground" data-testid="record-file-name">
          {record.recordNumber ? `Decision record ${formatRecordNumber(record.recordNumber)} · ` : "Not decided yet · "}
          <code className="break-all font-mono">docs/decisions/{record.filename}</code>
        </p>
      ) : null}
      {"body" in record ? <MadrDocument markdown={record.body} /> : <Alert variant="info">{record.message}</Alert>}
    </div>
  );
}

"use client";

import Link from "next/link";
import { Download, FileJson, FileSpreadsheet, FileText, Printer, UserX } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { apiPaths, type RecordFormat, type RecordOptions } from "@/lib/api/paths";

const FILES: { format: RecordFormat; options?: RecordOptions; label: string; icon: typeof FileText }[] = [
  { format: "md", label: "Markdown (MADR), to commit", icon: FileText },
  { format: "json", label: "JSON (verifiable)", icon: FileJson },
  { format: "csv", options: { layout: "wide" }, label: "CSV, one row per option", icon: FileSpreadsheet },
  { format: "csv", label: "CSV, long format for analysis", icon: FileSpreadsheet },
  { format: "json", options: { anonymise: true }, label: "JSON, voters anonymised", icon: UserX },
];

/**
 * Downloads of the decision record. The record lists every ballot, so it exists only once the
 * ballots are revealed (`available`); before that the button explains why it is disabled.
 */
export function ExportMenu({ evaluationId, available, madrPath }: { evaluationId: string; available: boolean; madrPath?: string }) {
  if (!available) {
    return (
      <Button variant="outline" disabled title="The decision record is available once the ballots are revealed">
        <Download aria-hidden /> Export
      </Button>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" data-testid="export-menu">
          <Download aria-hidden /> Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Decision record</DropdownMenuLabel>
        {madrPath ? (
          // Where MADR puts the file in a repository; the number is the team's decision record number.
          <p className="max-w-80 px-2 pb-1.5 text-xs text-muted-foreground" data-testid="madr-path">
            Commit the Markdown as{" "}
            <code className="font-mono text-foreground [overflow-wrap:anywhere]">
              {/* break after the folder rather than inside the number */}
              {madrPath.slice(0, madrPath.lastIndexOf("/") + 1)}
              <wbr />
              {madrPath.slice(madrPath.lastIndexOf("/") + 1)}
            </code>
          </p>
        ) : null}
        {FILES.map(({ format, options, label, icon: Icon }) => {
          const href = apiPaths.record(evaluationId, format, options);
          return (
            <DropdownMenuItem key={href} asChild>
              <a href={href} download>
                <Icon aria-hidden /> {label}
              </a>
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/evaluations/${evaluationId}/print`}>
            <Printer aria-hidden /> Print / PDF
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

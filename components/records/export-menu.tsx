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

const FILES = [
  { file: "record.md", label: "Markdown (MADR), to commit", icon: FileText },
  { file: "record.json", label: "JSON (verifiable)", icon: FileJson },
  { file: "record.csv?layout=wide", label: "CSV, one row per option", icon: FileSpreadsheet },
  { file: "record.csv", label: "CSV, long format for analysis", icon: FileSpreadsheet },
] as const;

/**
 * Downloads of the decision record. The record lists every ballot, so it exists only once the
 * ballots are revealed (`available`); before that the button explains why it is disabled.
 */
export function ExportMenu({ evaluationId, available }: { evaluationId: string; available: boolean }) {
  if (!available) {
    return (
      <Button variant="outline" disabled title="The decision record is available once the ballots are revealed">
        <Download aria-hidden /> Export
      </Button>
    );
  }
  const base = `/api/v1/evaluations/${evaluationId}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" data-testid="export-menu">
          <Download aria-hidden /> Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Decision record</DropdownMenuLabel>
        {FILES.map(({ file, label, icon: Icon }) => (
          <DropdownMenuItem key={file} asChild>
            <a href={`${base}/${file}`} download>
              <Icon aria-hidden /> {label}
            </a>
          </DropdownMenuItem>
        ))}
        <DropdownMenuItem asChild>
          <a href={`${base}/record.json?anonymise=1`} download>
            <UserX aria-hidden /> JSON, voters anonymised
          </a>
        </DropdownMenuItem>
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

"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { ApiError, fetchJson } from "@/lib/http/client";
import type { ImportMode, ImportRecordResult } from "@/lib/validation/import-record";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

/** Files larger than this are not decision records; refusing them early keeps the tab responsive. */
const MAX_BYTES = 5 * 1024 * 1024;
/** A broken reference repeats for every row that uses it; the first few problems say enough. */
const SHOWN_PROBLEMS = 8;

type Verified = { valid: boolean; reason?: string };
type Failure = { message: string; fields?: Record<string, string> };

const MODES: [ImportMode, string, string][] = [
  ["draft", "As a new draft", "Options, criteria and ratings, ready for the team to vote again."],
  ["archive", "As a decided archive", "The decision with its ballots, matched to this team's members by email."],
];

/** Reads a chosen JSON file in the browser; the server validates and imports it. */
async function readRecord(file: File): Promise<unknown> {
  if (file.size > MAX_BYTES) throw new ApiError(`The file is ${Math.round(file.size / 1024)} KB; a decision record is far smaller.`);
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new ApiError(`The file is not JSON: ${(error as Error).message}. Choose a record exported as .json.`);
  }
}

export function ImportRecordForm({ teamId }: { teamId: string }) {
  const [mode, setMode] = useState<ImportMode>("draft");
  const [record, setRecord] = useState<unknown>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<ImportRecordResult | null>(null);
  const [pending, setPending] = useState(false);

  const fail = (error: unknown) =>
    setFailure(error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: "Something went wrong. Please try again." });

  async function choose(file: File | undefined) {
    setRecord(null);
    setVerified(null);
    setFailure(null);
    setResult(null);
    if (!file) return;
    try {
      const json = await readRecord(file);
      setRecord(json);
      // An edited file can still be imported, but the team should know it is not what was exported.
      setVerified(await fetchJson<Verified>("/api/v1/records/verify", { method: "POST", body: json }));
    } catch (error) {
      fail(error);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!record) return setFailure({ message: "Choose an exported decision record (.json) first." });
    setPending(true);
    setFailure(null);
    try {
      setResult(await fetchJson<ImportRecordResult>(`/api/v1/teams/${teamId}/evaluations/import`, { method: "POST", body: { mode, record } }));
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  }

  if (result) return <ImportDone result={result} />;

  return (
    <form onSubmit={submit} className="grid gap-6" noValidate>
      <Field label="Decision record" description="A .json file from an evaluation's Export menu or `cli export --format json`." required>
        <Input type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </Field>

      {verified ? (
        <Alert variant={verified.valid ? "success" : "warning"} data-testid="verify-result">
          <AlertTitle>{verified.valid ? "Unchanged since export" : "Changed after export"}</AlertTitle>
          <AlertDescription>
            {verified.valid
              ? "The file's SHA-256 matches its content."
              : "The content no longer matches the SHA-256 it carries. You can still import it, but it is not the record as decided."}
          </AlertDescription>
        </Alert>
      ) : null}

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Import</legend>
        {MODES.map(([value, label, hint]) => (
          <label key={value} className="flex cursor-pointer gap-3 rounded-lg border border-border p-3 has-[:checked]:border-primary">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="mt-1" />
            <span className="grid gap-0.5">
              <span className="font-medium">{label}</span>
              <span className="text-sm text-muted-foreground">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {failure ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>{failure.fields ? "This file is not a valid decision record" : "Could not import"}</AlertTitle>
          <AlertDescription>
            {failure.fields ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label="Problems in the file">
                {Object.entries(failure.fields)
                  .slice(0, SHOWN_PROBLEMS)
                  .map(([field, message]) => (
                    <li key={field}>
                      <code className="font-mono text-xs">{field}</code>: {message}
                    </li>
                  ))}
                {Object.keys(failure.fields).length > SHOWN_PROBLEMS ? (
                  <li>and {Object.keys(failure.fields).length - SHOWN_PROBLEMS} more</li>
                ) : null}
              </ul>
            ) : (
              failure.message
            )}
          </AlertDescription>
        </Alert>
      ) : null}

      <div>
        <Button type="submit" disabled={pending || !record}>
          {pending ? <Spinner /> : null} Import
        </Button>
      </div>
    </form>
  );
}

function ImportDone({ result }: { result: ImportRecordResult }) {
  const { imported, skipped } = result.ballots;
  return (
    <div className="grid gap-4">
      <Alert variant="success" role="status">
        <AlertTitle>{result.mode === "archive" ? "Imported as a decided archive" : "Imported as a new draft"}</AlertTitle>
        {result.mode === "archive" ? (
          <AlertDescription>
            <p>
              {imported} {imported === 1 ? "ballot" : "ballots"} imported{skipped.length ? `, ${skipped.length} skipped:` : "."}
            </p>
            {skipped.length ? (
              <ul className="mt-1 list-disc pl-5">
                {skipped.map((s, i) => (
                  <li key={i}>
                    {s.voter} (round {s.round}): {s.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </AlertDescription>
        ) : null}
      </Alert>
      <div>
        <Button asChild>
          <Link href={`/evaluations/${result.evaluationId}`}>Open the evaluation</Link>
        </Button>
      </div>
    </div>
  );
}

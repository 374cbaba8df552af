"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { ApiError } from "@/lib/api/fetch-json";
import { importRecord, verifyRecord, type VerifyResult } from "@/lib/api/client";
import { LIMITS } from "@/lib/limits";
import type { ImportMode, ImportRecordResult } from "@/lib/validation/import-record";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";

/**
 * The server's limit on an import's body (a 413 above it), checked here first so a file that
 * large is refused before the tab reads and uploads it. The body also holds `mode` and the record
 * re-serialised without indentation, which is no larger than an exported (indented) file.
 */
const MAX_BYTES = LIMITS.bodyBytes.import;
const MAX_LABEL = `${MAX_BYTES / (1024 * 1024)} MiB`;
/** A broken reference repeats for every row that uses it; the first few problems say enough. */
const SHOWN_PROBLEMS = 8;

type Failure = { message: string; fields?: Record<string, string> };

const MODES: [ImportMode, string, string][] = [
  ["draft", "As a new draft", "Options, criteria and ratings, ready for the team to vote again."],
  [
    "archive",
    "As a decided archive",
    "The decision with its ballots, marked \u201cImported from a record\u201d. Voters keep the names the record gives them; no ballot is tied to an account here. Only a file unchanged since export can be archived.",
  ],
];

/** Reads a chosen JSON file in the browser; the server validates and imports it. */
async function readRecord(file: File): Promise<unknown> {
  if (file.size > MAX_BYTES) {
    throw new ApiError(
      `The file is ${(file.size / (1024 * 1024)).toFixed(1)} MiB; imports are limited to ${MAX_LABEL}, and a decision record is far smaller.`,
    );
  }
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new ApiError(`The file is not JSON: ${(error as Error).message}. Choose a record exported as .json.`);
  }
}

export function ImportRecordForm({ teamId }: { teamId: string }) {
  const [mode, setMode] = useState<ImportMode>("draft");
  const [record, setRecord] = useState<unknown>(null);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<ImportRecordResult | null>(null);
  const [pending, setPending] = useState(false);

  const fail = (error: unknown) =>
    setFailure(
      error instanceof ApiError ? { message: error.message, fields: error.fields } : { message: "Something went wrong. Please try again." },
    );

  async function choose(file: File | undefined) {
    setRecord(null);
    setVerified(null);
    setFailure(null);
    setResult(null);
    if (!file) return;
    try {
      const json = await readRecord(file);
      setRecord(json);
      // An edited file can still become a draft, but never a decided archive (the server refuses it).
      const verdict = await verifyRecord(json);
      setVerified(verdict);
      if (!verdict.valid) setMode("draft");
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
      setResult(await importRecord(teamId, { mode, record }));
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
              : "The content no longer matches the SHA-256 it carries: it is not the record as decided. You can import it as a new draft, not as a decided archive."}
          </AlertDescription>
        </Alert>
      ) : null}

      <fieldset className="grid gap-2">
        <legend id="import-mode-legend" className="mb-1 text-sm font-medium">
          Import
        </legend>
        <RadioGroup value={mode} onValueChange={(value) => setMode(value as ImportMode)} name="mode" aria-labelledby="import-mode-legend">
          {MODES.map(([value, label, hint]) => (
            <label
              key={value}
              htmlFor={`import-mode-${value}`}
              className="relative flex cursor-pointer gap-3 rounded-lg border border-border p-3 has-[[data-state=checked]]:border-primary has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60"
            >
              <RadioGroupItem
                id={`import-mode-${value}`}
                value={value}
                disabled={value === "archive" && verified?.valid === false}
                className="mt-1"
              />
              <span className="grid gap-0.5">
                <span className="font-medium">{label}</span>
                <span className="text-sm text-muted-foreground">{hint}</span>
              </span>
            </label>
          ))}
        </RadioGroup>
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
  const { imported } = result.ballots;
  return (
    <div className="grid gap-4">
      <Alert variant="success" role="status">
        <AlertTitle>{result.mode === "archive" ? "Imported as a decided archive" : "Imported as a new draft"}</AlertTitle>
        {result.mode === "archive" ? (
          <AlertDescription>
            <p>
              {imported} {imported === 1 ? "ballot" : "ballots"} imported, named as the record names their voters. The evaluation is marked
              &ldquo;Imported from a record&rdquo; wherever it appears.
            </p>
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

import Link from "next/link";
import { redirect, unstable_rethrow } from "next/navigation";
import { AuthError } from "next-auth";
import { CheckCircle2, FileText, PlayCircle, Scale, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SampleReportCard } from "@/components/report/sample-report";
import { currentUser } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/auth";
import { findDemo } from "@/lib/domain/demo";
import { sampleReport } from "@/lib/report/sample";

const STEPS = [
  {
    icon: Scale,
    title: "Start informed",
    text: "Options, criteria and ratings pre-filled from cited sources, weights suggested from your project profile.",
  },
  {
    icon: Users,
    title: "Vote blind",
    text: "Everyone says how much each criterion matters, before hearing the loudest voice in the room.",
  },
  {
    icon: CheckCircle2,
    title: "See the trade-offs",
    text: "A report in plain words: who leads, where the team agrees and disagrees, and how firm the lead is.",
  },
  {
    icon: FileText,
    title: "Keep the record",
    text: "Export a tamper-evident decision record (MADR) to commit next to the code it decided.",
  },
];

/**
 * Signs the visitor into the seeded demo as its owner and opens the decided evaluation. The demo's
 * sign-in is published in the README; the button only shows when the demo is seeded here.
 */
async function tryDemo() {
  "use server";
  const demo = await findDemo();
  if (!demo) redirect("/sign-in");
  try {
    await signIn("credentials", { email: demo.email, password: demo.password, redirectTo: `/evaluations/${demo.evaluationId}` });
  } catch (error) {
    unstable_rethrow(error); // a redirect (or another Next.js control-flow error) is not a failure
    // The demo's password was changed, or sign-in is throttled: the sign-in page explains neither
    // better, so send the visitor there.
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
}

export default async function HomePage() {
  if (await currentUser()) redirect("/teams");
  const demo = await findDemo();
  return (
    <div className="grid gap-12 py-4 sm:py-10">
      <section className="grid items-center gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="grid gap-5">
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Choose your framework as a team, not by volume.</h1>
          <p className="text-lg text-muted-foreground">
            Tradeoff turns &ldquo;Django or Flask?&rdquo; from a meeting and a chat thread into a decision your team makes together, with
            evidence, and keeps.
          </p>
          <div className="flex flex-wrap gap-3">
            {demo ? (
              <form action={tryDemo}>
                <Button type="submit" size="lg" data-testid="try-demo">
                  <PlayCircle aria-hidden /> Try the demo
                </Button>
              </form>
            ) : null}
            <Button asChild size="lg" variant={demo ? "outline" : "default"}>
              <Link href="/sign-up">Create an account</Link>
            </Button>
            <Button asChild size="lg" variant="ghost">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
          {demo ? (
            <p className="text-sm text-muted-foreground">
              The demo signs you in as Ada, owner of a sample team with a decided evaluation. No account needed.
            </p>
          ) : null}
        </div>
        <SampleReportCard sample={sampleReport()} />
      </section>
      <section aria-label="How it works" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {STEPS.map(({ icon: Icon, title, text }) => (
          <div key={title} className="rounded-xl border bg-card p-5 shadow-xs">
            <Icon className="mb-3 size-5 text-primary" aria-hidden />
            <h2 className="font-medium">{title}</h2>
            <p className="mt-1 text-sm text-muted-foreground">{text}</p>
          </div>
        ))}
      </section>
      <p className="text-sm text-muted-foreground">
        Every built-in rating cites one of five articles: see the{" "}
        <Link href="/sources" className="font-medium text-primary underline-offset-2 hover:underline">
          sources
        </Link>
        .
      </p>
    </div>
  );
}

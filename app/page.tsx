import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckCircle2, FileText, Scale, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

const STEPS = [
  { icon: Scale, title: "Start informed", text: "Options, criteria and ratings pre-filled from cited sources, weights suggested from your project profile." },
  { icon: Users, title: "Vote blind", text: "Everyone says how much each criterion matters, before hearing the loudest voice in the room." },
  { icon: CheckCircle2, title: "See the trade-offs", text: "A shared ranking, where the team agrees and disagrees, and how robust the winner is." },
  { icon: FileText, title: "Keep the record", text: "Export a tamper-evident decision record to commit next to the code it decided." },
];

export default async function HomePage() {
  if (await currentUser()) redirect("/teams");
  return (
    <div className="grid gap-12 py-6 sm:py-12">
      <section className="grid max-w-2xl gap-5">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Choose your framework as a team, not by volume.</h1>
        <p className="text-lg text-muted-foreground">
          Tradeoff turns &ldquo;Django or Flask?&rdquo; from a meeting and a chat thread into a decision your team makes together, with evidence, and keeps.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/sign-up">Create an account</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
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
    </div>
  );
}

"use client";

import Link from "next/link";
import { Radio } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/badge";
import { useEvaluation } from "@/components/evaluation/use-evaluation";
import { BallotForm } from "@/components/evaluation/ballot-form";
import { RankingPanel } from "@/components/evaluation/ranking-panel";
import { DraftEditor } from "@/components/evaluation/draft-editor";
import { StatusActions } from "@/components/evaluation/status-actions";
import { RatingsTable } from "@/components/evaluation/ratings-table";
import { RevealedBallots } from "@/components/evaluation/revealed-ballots";
import { VisibilityBadge } from "@/components/evaluation/visibility-badge";
import { useSearchParamsState } from "@/components/evaluation/use-search-params-state";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { DateTime } from "@/components/ui/date-time";
import { ConsensusOverview } from "@/components/report/consensus-overview";
import { ReportSummary } from "@/components/report/report-summary";
import { namesOf } from "@/components/report/format";
import { VoterList } from "@/components/evaluation/voter-list";
import { DiscussionPanel, ReportSections, WhatIfPanel, preloadTab } from "@/components/evaluation/lazy-tabs";
import { can } from "@/lib/permissions";
import type { EvaluationView } from "@/lib/api/evaluation-view";

const TABS = [
  { value: "overview", label: "Overview" },
  { value: "report", label: "Report" },
  { value: "what-if", label: "What-if" },
  { value: "discussion", label: "Discussion" },
] as const;

export function EvaluationWorkspace({ initial, currentUserId }: { initial: EvaluationView; currentUserId: string }) {
  const { data: view, live, refetch } = useEvaluation(initial);
  const voters = view.members.filter((m) => m.role !== "viewer");
  const voted = voters.filter((m) => m.voted).length;
  const canVote = can(view.myRole, "ballot:cast");
  const decidedOption = view.options.find((o) => o.key === view.decision?.option);
  const [params, setParams] = useSearchParamsState();
  // A scenario's share link (`?scenario=…`) opens the what-if panel with its weights.
  const tab = TABS.find((t) => t.value === params.get("tab"))?.value ?? (params.get("scenario") ? "what-if" : "overview");
  const discuss = (topic: string) => {
    setParams({ tab: "discussion", topic });
    document.getElementById("evaluation-tabs")?.scrollIntoView({ block: "start" });
  };

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={view.status} data-testid="evaluation-status" />
        {view.status === "draft" || view.status === "voting" ? <VisibilityBadge visibility={view.visibility} /> : null}
        {view.round > 1 ? <span className="text-muted-foreground">Round {view.round}</span> : null}
        <span className="text-muted-foreground" data-testid="vote-count">
          {voted} of {voters.length} voted
        </span>
        {view.votingDeadline && view.status === "voting" ? (
          <span className="text-muted-foreground" data-testid="voting-deadline">
            · closes <DateTime value={view.votingDeadline} />
          </span>
        ) : null}
        <span
          className="ml-auto inline-flex items-center gap-1 text-xs text-muted-foreground"
          title={live ? "Updates live" : "Checking for updates every few seconds"}
        >
          <Radio className={live ? "size-3.5 text-success" : "size-3.5"} aria-hidden />
          {live ? "Live" : "Polling"}
        </span>
      </div>

      {can(view.myRole, "evaluation:manage") ? <StatusActions view={view} /> : null}

      {view.status === "voting" && view.round > 1 ? (
        <Alert variant="info" data-testid="carried-over">
          <AlertTitle>Round {view.round}: ballots were carried over</AlertTitle>
          <AlertDescription>
            Every ballot of round {view.round - 1} counts again in this round{canVote && view.myBallot ? ", yours included" : ""}. Revise it
            if the discussion changed your mind; otherwise nothing to do.{" "}
            {view.votingDeadline ? (
              <>
                Voting closes <DateTime value={view.votingDeadline} />.
              </>
            ) : (
              "This round has no deadline."
            )}
          </AlertDescription>
        </Alert>
      ) : null}

      {view.decision && decidedOption ? (
        <Alert variant="success" data-testid="decision">
          <AlertTitle>Decided: {decidedOption.name}</AlertTitle>
          <AlertDescription>
            {view.decision.rationale}
            {view.decision.decidedBy ? <span className="block text-xs">— {view.decision.decidedBy}</span> : null}
          </AlertDescription>
        </Alert>
      ) : null}
      {view.supersededBy ? (
        <Alert variant="warning">
          <AlertDescription>
            Superseded by{" "}
            <Link className="font-medium underline" href={`/evaluations/${view.supersededBy.id}`}>
              {view.supersededBy.title}
            </Link>
            .
          </AlertDescription>
        </Alert>
      ) : null}
      {view.supersedes ? (
        <p className="text-sm text-muted-foreground">
          Revisits{" "}
          <Link className="font-medium text-primary underline" href={`/evaluations/${view.supersedes.id}`}>
            {view.supersedes.title}
          </Link>
          .
        </p>
      ) : null}

      <Tabs
        value={tab}
        onValueChange={(value) =>
          setParams({ tab: value === "overview" ? null : value, ...(value === "what-if" ? {} : { scenario: null }) })
        }
      >
        <TabsList id="evaluation-tabs" aria-label="Evaluation sections" className="scroll-mt-4">
          {TABS.map((t) => (
            <TabsTrigger key={t.value} value={t.value} onPointerEnter={() => preloadTab(t.value)} onFocus={() => preloadTab(t.value)}>
              {t.label}
            </TabsTrigger>
          ))}
        </TabsList>

        <TabsContent value="overview">
          {/*
            The task at hand first: set up a draft, or cast a ballot beside the ranking it moves (side by
            side from lg, stacked on a phone); then agreement and the people; the ratings grid full width.
          */}
          <div className="grid gap-6">
            {view.report ? <ReportSummary view={{ ...view, report: view.report }} /> : null}

            {view.status === "draft" && can(view.myRole, "evaluation:edit") ? (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">Set up the evaluation</CardTitle>
                  <CardDescription>Options, criteria and ratings can change until voting opens.</CardDescription>
                </CardHeader>
                <CardContent>
                  <DraftEditor view={view} />
                </CardContent>
              </Card>
            ) : null}

            <div className="grid items-start gap-6 lg:grid-cols-2">
              {view.status === "voting" && canVote ? (
                <Card className="min-w-0">
                  <CardHeader>
                    <CardTitle as="h2">Your ballot</CardTitle>
                    <CardDescription>
                      How much should each criterion count?{" "}
                      {view.visibility === "open"
                        ? "This is open voting: the team's results update as people vote; who voted what shows once the ballots are revealed."
                        : "Your ballot, and anything computed from it, stays hidden from everyone, the owner included, until the ballots are revealed."}
                    </CardDescription>
                  </CardHeader>
                  <CardContent>
                    <BallotForm key={`${view.round}`} view={view} currentUserId={currentUserId} />
                  </CardContent>
                </Card>
              ) : (
                <ProblemAndVoters view={view} voters={voters} />
              )}

              <div className="grid min-w-0 content-start gap-6">
                <Card>
                  <CardHeader>
                    <CardTitle as="h2">Ranking</CardTitle>
                    <CardDescription>
                      {view.reportHidden
                        ? "Computed from everyone's ballots once they are revealed. Until then it is hidden from the whole team."
                        : "Computed on the server by the scoring engine from everyone's latest ballot. Open an option for its strengths, weaknesses and notes."}
                    </CardDescription>
                  </CardHeader>
                  <CardContent>
                    <RankingPanel view={view} canVote={canVote} />
                  </CardContent>
                </Card>
                {view.status === "voting" && canVote ? <ProblemAndVoters view={view} voters={voters} /> : null}
              </div>
            </div>

            {view.report ? (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">Consensus</CardTitle>
                  <CardDescription>How alike the members weigh the criteria, and where to talk first.</CardDescription>
                </CardHeader>
                <CardContent>
                  <ConsensusOverview
                    report={view.report}
                    names={namesOf(view)}
                    voters={voted}
                    onDiscuss={(criterion) => discuss(`criterion:${criterion}`)}
                  />
                </CardContent>
              </Card>
            ) : null}

            {view.ballots?.length ? (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">Ballots</CardTitle>
                  <CardDescription>Revealed: the share of each member&apos;s weight that each criterion gets.</CardDescription>
                </CardHeader>
                <CardContent>
                  <RevealedBallots
                    view={view}
                    loadAll={() =>
                      refetch().then((result) => {
                        if (result.isError) throw result.error;
                      })
                    }
                  />
                </CardContent>
              </Card>
            ) : null}

            <Card>
              <CardHeader>
                <CardTitle as="h2">Ratings and evidence</CardTitle>
                <CardDescription>
                  Open a score to see why it is what it is, with quotes from the{" "}
                  <Link href="/sources" className="font-medium text-primary underline-offset-2 hover:underline">
                    sources
                  </Link>
                  .
                </CardDescription>
              </CardHeader>
              <CardContent>
                <RatingsTable view={view} />
              </CardContent>
            </Card>
          </div>
        </TabsContent>

        <TabsContent value="report">
          <ReportSections view={view} />
        </TabsContent>

        <TabsContent value="what-if">
          <Card>
            <CardHeader>
              <CardTitle as="h2">What if the weights were different?</CardTitle>
              <CardDescription>
                {view.report
                  ? "Drag the weights: the ranking recomputes instantly in your browser with the same engine, starting from the team's weights."
                  : !view.reportHidden
                    ? "Drag the weights: the ranking recomputes instantly in your browser with the same engine, starting from equal weights."
                    : view.myBallot
                      ? "A private preview: it starts from your own ballot and recomputes in your browser. The team's weights stay hidden until the ballots are revealed."
                      : "Drag the weights: the ranking recomputes in your browser, starting from equal weights. The team's weights stay hidden until the ballots are revealed."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <WhatIfPanel
                view={view}
                canCast={view.status === "voting" && canVote}
                currentUserId={currentUserId}
                scenarioId={params.get("scenario")}
                onScenarioChange={(scenario) => setParams({ tab: "what-if", scenario })}
              />
            </CardContent>
          </Card>
        </TabsContent>

        <TabsContent value="discussion">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Discussion</CardTitle>
              <CardDescription>
                Threads on the evaluation, each criterion and each option. Mention a teammate with @ and their name.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <DiscussionPanel
                evaluationId={view.id}
                criteria={view.criteria}
                options={view.options}
                canComment={can(view.myRole, "comment:write")}
                live={live}
                topic={params.get("topic") ?? "evaluation"}
                onTopicChange={(topic) => setParams({ topic })}
              />
            </CardContent>
          </Card>
        </TabsContent>
      </Tabs>
    </div>
  );
}

/** The problem statement and who has voted: beside the ranking, or beside the ballot while voting. */
function ProblemAndVoters({ view, voters }: { view: EvaluationView; voters: EvaluationView["members"] }) {
  return (
    <aside className="grid min-w-0 content-start gap-6 sm:grid-cols-2 lg:grid-cols-1">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Problem</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="whitespace-pre-line text-sm">{view.problem || "No problem statement yet."}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Who has voted</CardTitle>
          <CardDescription>
            {view.ballots
              ? "Ballots are revealed."
              : view.status === "voting" && view.visibility === "open"
                ? "Results are live; what each member voted shows once the ballots are revealed."
                : "What each member voted stays hidden until the ballots are revealed."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <VoterList voters={voters} />
        </CardContent>
      </Card>
    </aside>
  );
}

import { BarChart3, EyeOff } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartFigure } from "@/components/report/chart-figure";
import { ContributionChart } from "@/components/report/contribution-chart";
import { RatingsChart } from "@/components/report/ratings-chart";
import { WeightsTable } from "@/components/report/weights-table";
import { TornadoChart } from "@/components/report/tornado-chart";
import { SensitivitySentences } from "@/components/report/sensitivity-sentences";
import { AggregationComparison } from "@/components/report/aggregation-comparison";
import { RatingsTable } from "@/components/evaluation/ratings-table";
import { namesOf } from "@/components/report/format";
import { possessive } from "@/lib/report/grammar";
import { ReportSummary } from "@/components/report/report-summary";
import { HowToRead } from "@/components/report/how-to-read";
import { Term } from "@/components/report/term";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/** The collaborative report: why the ranking is what it is, how firm it is, and what would change it. */
export function ReportSections({ view }: { view: EvaluationView }) {
  const { report, table } = view;
  const names = namesOf(view);
  return (
    <div className="grid gap-6">
      {report ? (
        <>
          <ReportSummary view={{ ...view, report }} />
          <HowToRead />
          <Card>
            <CardHeader>
              <CardTitle as="h2">What makes up each score</CardTitle>
              <CardDescription>
                Each criterion adds its team <Term name="weight">weight</Term> × the option&apos;s rating; the segments sum to the{" "}
                <Term name="score">score</Term> out of 10.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ContributionChart table={table} report={report} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Weights</CardTitle>
              <CardDescription>
                The team&apos;s weight for each criterion as a share of 100%, with the <Term name="spread">spread</Term> of the
                members&apos; weights (an aggregate: no ballot is shown) and their <Term name="consensus">consensus</Term>.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <WeightsTable view={view} report={report} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">How firm is the lead?</CardTitle>
              <CardDescription>
                Bars show how {possessive(names.options[report.ranking[0].option] ?? report.ranking[0].option)} lead over the runner-up (in
                points of score out of 10) moves when the weight of one criterion is halved or raised by half, the others keeping their
                proportions.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-5">
              <SensitivitySentences report={report} names={names} />
              <TornadoChart table={table} report={report} names={names} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Aggregation rules side by side</CardTitle>
              <CardDescription>
                The same ballots combined four ways: mean, <Term name="median">median</Term>, <Term name="trimmedMean">trimmed mean</Term>{" "}
                and <Term name="geometricMean">geometric mean</Term>.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AggregationComparison table={table} report={report} names={names} />
            </CardContent>
          </Card>
        </>
      ) : view.reportHidden ? (
        <EmptyState
          icon={EyeOff}
          headingLevel={2}
          title="The report is sealed until the ballots are revealed"
          description={
            <>
              {view.members.filter((m) => m.voted).length} of {view.members.filter((m) => m.role !== "viewer").length} members have voted.
              Score contributions, the team&apos;s weights and their spread, sensitivity and the aggregation rules are all computed from the
              ballots, so they appear for everyone, the owner included, once the ballots are revealed.
            </>
          }
          data-testid="report-hidden"
        />
      ) : (
        <EmptyState
          icon={BarChart3}
          headingLevel={2}
          title="The report appears with the first ballot"
          description="Score contributions, weights, sensitivity and the aggregation rules all need the team's weights."
        />
      )}
      <Card>
        <CardHeader>
          <CardTitle as="h2">Ratings compared</CardTitle>
          <CardDescription>
            Each option&apos;s rating, 0 to 10{report ? ", on the criteria the team weighted, heaviest first" : ""}. The numbers cover every
            criterion, with the reasons and the quoted sources.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChartFigure
            label="Ratings of each option on each criterion"
            chart={<RatingsChart table={table} weights={report?.weights} />}
            table={<RatingsTable view={view} />}
          />
        </CardContent>
      </Card>
    </div>
  );
}

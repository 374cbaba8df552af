"use client";

import { Badge } from "@/components/ui/badge";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { CommentThread } from "@/components/comments/comment-thread";
import { useComments } from "@/components/comments/use-comments";
import { countByTopic, topicIdOf, topicsOf, type Topic, type TopicId } from "@/components/comments/topics";
import { cn } from "@/lib/utils";

interface DiscussionProps {
  evaluationId: string;
  criteria: { key: string; name: string }[];
  options: { key: string; name: string }[];
  canComment: boolean;
  live: boolean;
  topic: TopicId;
  onTopicChange: (topic: TopicId) => void;
}

/** The evaluation's discussion: pick a topic (the whole evaluation, a criterion, an option), read and reply. */
export function DiscussionPanel({ evaluationId, criteria, options, canComment, live, topic, onTopicChange }: DiscussionProps) {
  const { data: threads, isPending, isError } = useComments(evaluationId, { live });
  const topics = topicsOf({ criteria, options });
  const all = [topics.general, ...topics.criteria, ...topics.options];
  const current = all.find((t) => t.id === topic) ?? topics.general;
  const counts = countByTopic(threads ?? []);
  const groups: [string, Topic[]][] = [
    ["General", [topics.general]],
    ["Criteria", topics.criteria],
    ["Options", topics.options],
  ];
  const topicName = (t: Topic) => (t.targetType === "evaluation" ? "Whole evaluation" : t.label);

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="lg:hidden">
        <label htmlFor="discussion-topic" className="mb-1.5 block text-sm font-medium">
          Topic
        </label>
        <Select value={current.id} onValueChange={onTopicChange}>
          <SelectTrigger id="discussion-topic">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {groups.map(([group, items]) => (
              <SelectGroup key={group}>
                <SelectLabel>{group}</SelectLabel>
                {items.map((t) => (
                  <SelectItem key={t.id} value={t.id}>
                    {topicName(t)} ({counts.get(t.id) ?? 0})
                  </SelectItem>
                ))}
              </SelectGroup>
            ))}
          </SelectContent>
        </Select>
      </div>
      <nav aria-label="Discussion topics" className="hidden content-start gap-4 lg:grid">
        {groups.map(([group, items]) => (
          <div key={group} className="grid gap-1">
            <h3 className="px-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{group}</h3>
            <ul className="grid gap-0.5">
              {items.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    aria-current={t.id === current.id ? "true" : undefined}
                    onClick={() => onTopicChange(t.id)}
                    className={cn(
                      "flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm",
                      "hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring",
                      t.id === current.id ? "bg-accent font-medium text-accent-foreground" : "text-foreground",
                    )}
                  >
                    <span className="truncate">{topicName(t)}</span>
                    {counts.get(t.id) ? <Badge variant="muted">{counts.get(t.id)}</Badge> : null}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <section aria-labelledby="discussion-topic-title" className="grid min-w-0 content-start gap-4">
        <h3 id="discussion-topic-title" className="text-base font-semibold">
          {current.targetType === "evaluation" ? "General discussion" : current.label}
        </h3>
        {isError ? (
          <Alert variant="destructive">
            <AlertDescription>The discussion could not be loaded. It will retry shortly.</AlertDescription>
          </Alert>
        ) : isPending ? (
          <Skeleton className="h-24" />
        ) : (
          <CommentThread
            evaluationId={evaluationId}
            comments={threads.filter((c) => topicIdOf(c) === current.id)}
            target={current}
            canComment={canComment}
          />
        )}
      </section>
    </div>
  );
}

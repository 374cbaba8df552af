// The knowledge base's public API. Pure TypeScript with no node: imports, so the app can use it in
// the browser as well as on the server and in the CLI.
export { getCatalog, builtinCatalogData, BuiltinCatalogSchema, MAX_QUOTE_LENGTH } from "./builtin-catalog";
export { CRITERIA, type CriterionId } from "./criteria";
export { OPTIONS, type OptionId } from "./options";
export { parseCatalog, extendCatalog, type CatalogExtension } from "./parse-catalog";
export {
  ProjectProfileSchema,
  parseProfile,
  NEEDS,
  BUDGETS,
  TEAM_PREFERENCES,
  PROJECT_SIZES,
  TIMELINES,
  TEAM_EXPERIENCE_LEVELS,
  type ProjectProfile,
  type Need,
  type Budget,
  type TeamPreference,
  type ProjectSize,
  type Timeline,
  type TeamExperience,
} from "./profile";
export { recommend, scoreTable, type Recommendation } from "./recommend";
export { WEIGHT_RULES, BASE_WEIGHTS, DEFAULT_BASE_WEIGHT } from "./rules";
export { WeightRuleSchema, type WeightRule, type RuleCondition, type Adjustment, type OtherSide } from "./rule-types";
export {
  CatalogSchema,
  CitationSchema,
  CriterionSchema,
  OptionSchema,
  RatingSchema,
  IdSchema,
  type Catalog,
  type CatalogInput,
  type Citation,
  type Criterion,
  type Option,
  type Rating,
  type Ratings,
} from "./schema";
export { SOURCES, SOURCE_FILES, sourceTitle, isSourceFile, type SourceFile } from "./sources";
export { djangoOrFlaskTemplate, type EvaluationTemplate } from "./template";
export {
  suggestWeights,
  weightsFor,
  ruleApplies,
  getRuleBook,
  describeGap,
  type SuggestedWeights,
  type WeightChange,
  type ScoreTable,
  type WeightExplanation,
  type RuleBook,
} from "./weights";

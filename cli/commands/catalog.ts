// `catalog`: the built-in knowledge base as JSON, in exactly the shape of docs/CONTRACTS.md.
import { getCatalog } from "@/lib/catalog";
import { parseOptions, printJson, type Command } from "../command";

const catalog: Command = async (args) => {
  parseOptions(args, {}); // no options: anything given is a usage error (exit 2)
  const { criteria, options, ratings } = getCatalog();
  printJson({
    criteria: criteria.map(({ id, name, description }) => ({ id, name, description })),
    options: options.map(({ id, name, summary }) => ({
      id,
      name,
      summary,
      ratings: Object.fromEntries(
        criteria.map(({ id: criterion }) => {
          const { score, rationale, citations } = ratings[id][criterion];
          return [criterion, { score, rationale, citations: citations.map(({ source, quote }) => ({ source, quote })) }];
        }),
      ),
    })),
  });
  return 0;
};

export default catalog;

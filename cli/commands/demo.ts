import { printJson, type Command } from "../command";
import { prepareLocalDatabase } from "../migrate";

const demo: Command = async () => {
  await prepareLocalDatabase();
  const { seedDemo } = await import("@/lib/domain/demo");
  printJson(await seedDemo());
  return 0;
};

export default demo;

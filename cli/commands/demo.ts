import { printJson, type Command } from "../command";
import { migrateDatabase } from "../migrate";

const demo: Command = async () => {
  await migrateDatabase();
  const { seedDemo } = await import("@/lib/domain/demo");
  printJson(await seedDemo());
  return 0;
};

export default demo;

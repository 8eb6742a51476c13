// npm run db:migration:new <name>: writes the SQL that takes the last migration's schema to
// prisma/schema.prisma, as a new migration folder. Review the SQL before committing it.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { MIGRATIONS_DIR, SCHEMA_PATH, pendingSchemaSql } from "@/lib/platform/database/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new <name>   (lower case letters, digits and _)");
  process.exit(2);
}

const sql = await pendingSchemaSql();
if (!sql) {
  console.log("prisma/schema.prisma matches the last migration: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(folder, { recursive: true });
await writeFile(path.join(folder, "migration.sql"), sql);
await copyFile(SCHEMA_PATH, path.join(folder, "schema.prisma"));
console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);

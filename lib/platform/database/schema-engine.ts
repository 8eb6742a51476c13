// Prisma's schema engine compiled to WebAssembly: migrations and schema diffs without the
// native binary the Prisma CLI would download.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { startEmbeddedDatabase } from "./embedded";

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg: EngineModule = await import(bgPath);
    const wasm = await readFile(bgPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as unknown as { __wbindgen_start(): void };
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Runs `work` with the engine open on a database (`datamodel` is the schema it should know
 * about), then frees the engine and closes every connection it opened.
 */
export async function withSchemaEngine<T>(
  connectionString: string,
  datamodel: SchemaFile,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const log = () => {};
    const engine = await SchemaEngine.new(
      { datamodels: [[datamodel.path, datamodel.content]] },
      log,
      adapter,
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** The SQL that turns the `from` schema into the `to` schema; no database involved. */
export async function diffSchemas(from: SchemaFile | null, to: SchemaFile): Promise<string> {
  // The engine insists on a live connection even for a pure text diff: lend it a throwaway
  // in-memory database.
  const scratch = await startEmbeddedDatabase({ dataDir: null });
  try {
    const result = await withSchemaEngine(scratch.url, to, (engine) =>
      engine.diff({
        from: from ? { tag: "schemaDatamodel", files: [from] } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [to] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    return result.stdout ?? "";
  } finally {
    await scratch.stop();
  }
}

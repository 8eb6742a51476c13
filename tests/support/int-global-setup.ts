// Integration tests: one template database with every migration applied; each test file then
// gets its own copy (see int-file-setup.ts). Without a PostgreSQL server, each file gets its
// own in-memory embedded database instead.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/platform/database/migrations";
import { testServerUrl, withDatabase } from "./test-database-url";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    project.provide("templateDatabaseUrl", null);
    return;
  }
  const template = `crosscurrent_template_${process.pid}`;
  await adminQuery(serverUrl, `drop database if exists ${template}`);
  await adminQuery(serverUrl, `create database ${template}`);
  const templateUrl = withDatabase(serverUrl, template);
  await applyMigrations(templateUrl);
  project.provide("templateDatabaseUrl", templateUrl);
  return async () => {
    await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
  };
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

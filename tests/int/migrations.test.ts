import { describe, expect, it } from "vitest";
import { migrationStatus, pendingSchemaSql, listMigrations } from "@/lib/platform/database/migrations";

describe("migrations", () => {
  it("carry every change in prisma/schema.prisma", async () => {
    const sql = await pendingSchemaSql();
    expect(sql, "schema.prisma has changes no migration carries: run npm run db:migration:new <name>").toBe(
      "",
    );
  });

  it("are all applied to this file's database and recorded as prisma migrate deploy would", async () => {
    const folders = await listMigrations();
    const status = await migrationStatus(process.env.DATABASE_URL!);
    expect(folders.length).toBeGreaterThan(0);
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
    expect(status.applied.sort()).toEqual(folders.map((f) => f.name));
  });

  it("keep a schema snapshot beside every migration", async () => {
    for (const folder of await listMigrations()) {
      expect(folder.schema, `${folder.name}/schema.prisma`).toContain("datasource db");
    }
  });
});

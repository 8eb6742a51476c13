// The dependency rules (.dependency-cruiser.cjs, explained in docs/architecture.md) catch the
// imports they forbid: each rule is run on a small tree made here with one import it must refuse,
// beside imports it must allow.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { cruise, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as {
  forbidden: IForbiddenRuleType[];
};

/** file → the files it imports (relative specifiers are written for it). */
const TREE: Record<string, string[]> = {
  "lib/platform/db.ts": [],
  "lib/platform/reaches-a-domain.ts": ["lib/articles/visibility.ts"],
  "lib/articles/visibility.ts": ["lib/platform/db.ts"],
  "lib/articles/save.ts": ["lib/rights/check.ts", "lib/comments/policy.ts"],
  "lib/rights/check.ts": ["lib/articles/visibility.ts"],
  "lib/rights/reaches-comments.ts": ["lib/comments/submit.ts"],
  "lib/comments/policy.ts": [],
  "lib/comments/submit.ts": ["lib/articles/visibility.ts"],
  "lib/loose-file.ts": ["lib/platform/db.ts"],
  "lib/search/renders.ts": ["components/card.tsx"],
  "components/card.tsx": ["app/(site)/page.tsx", "app/(admin)/admin/tags/actions.ts"],
  "components/article/byline.tsx": ["components/admin/table.tsx"],
  "components/admin/table.tsx": [],
  "app/(site)/page.tsx": ["lib/articles/visibility.ts"],
  "app/(admin)/admin/tags/actions.ts": ["lib/platform/db.ts"],
  "lib/media/a.ts": ["lib/media/b.ts"],
  "lib/media/b.ts": ["lib/media/a.ts"],
};

let root: string;
let result: ICruiseResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "architecture-"));
  for (const [file, imports] of Object.entries(TREE)) {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    const lines = imports.map((imported, index) => {
      let specifier = path.relative(path.dirname(file), imported).replace(/\.tsx?$/, "");
      if (!specifier.startsWith(".")) specifier = `./${specifier}`;
      return `import * as m${index} from "${specifier}";\nexport const use${index} = m${index};`;
    });
    await writeFile(path.join(root, file), `${lines.join("\n")}\nexport const here = 1;\n`);
  }
  const output = await cruise(["lib", "components", "app"], {
    baseDir: root,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  });
  result = output.output as ICruiseResult;
}, 60_000);

afterAll(() => rm(root, { recursive: true, force: true }));

function violations(rule: string): string[] {
  return result.summary.violations
    .filter((violation) => violation.rule.name === rule)
    .map((violation) => `${violation.from} → ${violation.to}`);
}

describe("the architecture rules", () => {
  it("refuse lib/platform importing a domain", () => {
    expect(violations("platform-stands-alone")).toEqual([
      "lib/platform/reaches-a-domain.ts → lib/articles/visibility.ts",
    ]);
  });

  it("refuse a domain importing one it is not allowed to, and allow the listed ones", () => {
    expect(violations("domain-rights")).toEqual(["lib/rights/reaches-comments.ts → lib/comments/submit.ts"]);
    expect(violations("domain-articles")).toEqual([]);
    expect(violations("domain-comments")).toEqual([]);
  });

  it("refuse lib importing components or app, and components importing app beyond server actions", () => {
    expect(violations("lib-not-app-or-components")).toEqual(["lib/search/renders.ts → components/card.tsx"]);
    expect(violations("components-not-app")).toEqual(["components/card.tsx → app/(site)/page.tsx"]);
  });

  it("refuse public components importing staff ones", () => {
    expect(violations("public-not-staff")).toEqual([
      "components/article/byline.tsx → components/admin/table.tsx",
    ]);
  });

  it("refuse files outside the known lib folders, and import cycles", () => {
    expect(violations("lib-folder-known")).toEqual(["lib/loose-file.ts → lib/platform/db.ts"]);
    expect(violations("no-circular").length).toBeGreaterThan(0);
    expect(violations("no-circular").every((line) => line.startsWith("lib/media/"))).toBe(true);
  });
});

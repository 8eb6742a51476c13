// Every server action and mutating route handler of the app, found by reading app/: what the
// authorization matrix checks guard by guard, and what the boundary fuzz feeds generated input.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";

/** Route handlers that mutate but guard themselves by other means, and why. */
export const SELF_GUARDED_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints, protected by its CSRF token",
  // Public by design (readers, no staff permission): cross-site posts refused, rate-limited per IP,
  // validated with zod; tested in tests/int/comments-public.test.ts.
  "app/api/comments/route.ts":
    "readers post comments through the submission pipeline; DELETE forgets cookies",
  "app/api/comments/[id]/report/route.ts": "readers report comments, one report per address per comment",
  // Public by design: rights holders send notices without an account. Cross-site posts refused,
  // size-limited, rate-limited per IP, validated; tested in tests/int/rights-notices.test.ts.
  "app/api/rights/notices/route.ts":
    "rights holders send takedown notices; nothing is stored unless complete",
  "app/api/[...path]/route.ts": "changes nothing: a JSON 404 for any /api address no route answers",
  // Anonymous by nature (the user cannot sign in yet): the one-time token from the mail is the
  // permission; tested in tests/int/login-unlock-mail.test.ts.
  "app/api/login/unlock/route.ts": "a locked-out user spends the unlock link mailed to them",
  // Readers, anonymous: the token mailed to them is the permission (and, for one-click
  // unsubscribe, a mail client posts it); tested in tests/int/comments-reply-notifications.test.ts.
  "app/api/comments/notifications/confirm/route.ts": "a commenter confirms reply notifications",
  "app/api/comments/notifications/unsubscribe/route.ts": "a commenter stops reply notifications",
};

export const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

export interface Mutation {
  /** "file#export", e.g. "app/(admin)/admin/tags/actions.ts#createTag". */
  id: string;
  /** Undefined when the export was not made with defineAction/defineRoute (a bug). */
  definition: ActionDefinition | undefined;
  kind: "action" | "route";
  /** The exported function itself: a server action, or a route handler taking a request. */
  handler: unknown;
}

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir("app", { recursive: true });
  return entries.map((entry) => path.join("app", entry)).filter((file) => /\.tsx?$/.test(file));
}

/** Every export of every actions file, and every mutating method of every guarded route file. */
export async function discoverMutations(): Promise<Mutation[]> {
  const files = await sourceFiles();
  const actionFiles = files.filter((f) => /(^|\/)actions(\.ts|\/[^/]+\.ts)$/.test(f));
  const routeFiles = files.filter((f) => /(^|\/)route\.ts$/.test(f) && !(f in SELF_GUARDED_ROUTES));
  const mutations: Mutation[] = [];
  for (const file of actionFiles) {
    const exports = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      mutations.push({
        id: `${file}#${name}`,
        definition: (value as { definition?: ActionDefinition }).definition,
        kind: "action",
        handler: value,
      });
    }
  }
  for (const file of routeFiles) {
    const exports = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const method of MUTATING_METHODS.filter((m) => m in exports)) {
      const definition = (exports[method] as { definition?: ActionDefinition }).definition;
      mutations.push({ id: `${file}#${method}`, definition, kind: "route", handler: exports[method] });
    }
  }
  return mutations;
}

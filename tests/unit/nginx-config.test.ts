// docs/production.md shows the nginx configuration that scripts/cluster/nginx-config.ts writes, and
// which the cluster test and `npm run bench:cluster` run: the two must not drift apart.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../scripts/cluster/nginx-config";

const SECTION = "## Load balancer: nginx in front of several instances";

/** The first ```nginx block of the section. */
function documentedConfig(): string {
  const doc = readFileSync("docs/production.md", "utf8");
  const start = doc.indexOf(SECTION);
  expect(start, `docs/production.md has a section "${SECTION.slice(3)}"`).toBeGreaterThan(-1);
  const block = /```nginx\n([\s\S]*?)```/.exec(doc.slice(start));
  expect(block, "the section shows the configuration").not.toBeNull();
  return block![1]!;
}

describe("the nginx configuration in docs/production.md", () => {
  it("is the one scripts/cluster/nginx-config.ts writes, for three instances", () => {
    expect(documentedConfig()).toBe(
      siteConfig({
        instances: ["10.0.0.11:3000", "10.0.0.12:3000", "10.0.0.13:3000"],
        listen: "443 ssl http2",
        serverName: "news.example.org",
        tls: {
          certificate: "/etc/ssl/certs/news.example.org.pem",
          key: "/etc/ssl/private/news.example.org.key",
        },
        accessLog: "/var/log/nginx/crosscurrent.access.log",
      }),
    );
  });
});

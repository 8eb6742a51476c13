// The benchmark's yardstick pages are served only by a server the benchmark started; any other
// answers 404 for them and passes everything else on to Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { isBenchPagePath, withBenchPages } from "@/lib/platform/server/bench-pages";

function request(url: string, serve: boolean) {
  const passed: string[] = [];
  const response = { statusCode: 200, headers: {} as Record<string, string>, body: "" };
  const handle = withBenchPages((req) => void passed.push(req.url!), { serve });
  void handle(
    { url } as IncomingMessage,
    {
      set statusCode(code: number) {
        response.statusCode = code;
      },
      setHeader: (name: string, value: string) => (response.headers[name] = value),
      end: (body: string) => (response.body = body),
    } as unknown as ServerResponse,
  );
  return { passedToNext: passed.length === 1, ...response };
}

describe("the benchmark pages' gate", () => {
  it("answers 404 for the yardstick pages on a server the benchmark did not start", () => {
    for (const url of [
      "/bench-static/50",
      "/bench-static",
      "/bench-static/50?_rsc=x",
      "/bench%2Dstatic/100",
    ]) {
      expect(request(url, false), url).toMatchObject({ passedToNext: false, statusCode: 404 });
    }
  });

  it("passes every other path on to Next", () => {
    for (const url of [
      "/",
      "/bench-staticky",
      "/articles/bench-static",
      "/search?q=bench-static",
      "/%E0%A4%A",
    ]) {
      expect(request(url, false).passedToNext, url).toBe(true);
    }
  });

  it("serves them when the benchmark started the server", () => {
    expect(request("/bench-static/50", true).passedToNext).toBe(true);
    expect(isBenchPagePath("/bench-static/250")).toBe(true);
  });
});

// The launcher gives a rewritten answer the status the proxy asked for, and only a 200 is changed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ANSWER_STATUS_HEADER, withAnswerStatus } from "@/lib/platform/server/answer-status";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function answer(status: number, asked: string | null): Promise<Response> {
  server = createServer(
    withAnswerStatus((_request, response) => {
      if (asked !== null) response.setHeader(ANSWER_STATUS_HEADER, asked);
      response.statusCode = status;
      response.setHeader("Content-Type", "text/html");
      response.end("<p>notice</p>");
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

describe("withAnswerStatus", () => {
  it("sends the status named by the header, without the header", async () => {
    const response = await answer(200, "451");
    expect(response.status).toBe(451);
    expect(response.headers.has(ANSWER_STATUS_HEADER)).toBe(false);
    expect(await response.text()).toBe("<p>notice</p>");
  });

  it("leaves other statuses, and answers that ask for none or for nonsense, alone", async () => {
    expect((await answer(500, "451")).status).toBe(500);
    expect((await answer(200, null)).status).toBe(200);
    expect((await answer(200, "302")).status).toBe(200);
  });
});

// The one body reader of the route handlers: JSON objects and forms, a size limit that holds
// whatever Content-Length says, files only where asked.
import { describe, expect, it } from "vitest";
import { readBody } from "@/lib/platform/http/read-body";

const URL_ = "http://localhost:3000/api/x";
const post = (body: BodyInit, type?: string, headers: Record<string, string> = {}) =>
  new Request(URL_, {
    method: "POST",
    body,
    headers: { ...(type ? { "content-type": type } : {}), ...headers },
  });

describe("readBody", () => {
  it("reads a JSON object, urlencoded and multipart forms alike", async () => {
    expect(await readBody(post('{"name":"A","n":1}', "application/json; charset=utf-8"))).toEqual({
      ok: true,
      fields: { name: "A", n: 1 },
    });
    expect(await readBody(post("name=A&tag=x&tag=y", "application/x-www-form-urlencoded"))).toEqual({
      ok: true,
      fields: { name: "A", tag: ["x", "y"] },
    });
    const form = new FormData();
    form.set("name", "A");
    expect(await readBody(new Request(URL_, { method: "POST", body: form }))).toEqual({
      ok: true,
      fields: { name: "A" },
    });
  });

  it("reads a multipart body by its boundary as sent, upper case and all (as browsers make it)", async () => {
    const boundary = "----WebKitFormBoundaryAbCdEfGh1234";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA harbour\r\n--${boundary}--\r\n`;
    expect(await readBody(post(body, `multipart/form-data; boundary=${boundary}`))).toEqual({
      ok: true,
      fields: { alt: "A harbour" },
    });
  });

  it("keeps files only when asked", async () => {
    const form = new FormData();
    form.set("alt", "A harbour");
    form.set("file", new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" }));
    const dropped = await readBody(new Request(URL_, { method: "POST", body: form }));
    expect(dropped).toEqual({ ok: true, fields: { alt: "A harbour" } });
    const kept = await readBody(new Request(URL_, { method: "POST", body: form }), { files: true });
    expect(kept.ok && kept.fields.file).toBeInstanceOf(File);
    expect(kept.ok && (kept.fields.file as File).size).toBe(3);
  });

  it("refuses what is not a JSON object or a form with a 400 that says what to send", async () => {
    for (const [body, type] of [
      ["[1,2]", "application/json"],
      ["null", "application/json"],
      ["{not json", "application/json"],
      ["name=A", "text/plain"],
      ["name=A", undefined],
      ["--x\r\nbroken", "multipart/form-data; boundary=x"],
    ] as const) {
      const result = await readBody(post(body, type));
      expect(result, `${type}: ${body}`).toMatchObject({ ok: false, refusal: { code: "INVALID" } });
      expect(!result.ok && result.refusal.message).toMatch(/JSON object or as form fields/);
    }
  });

  it("refuses a body over the limit with 413, announced or not", async () => {
    const big = JSON.stringify({ body: "x".repeat(300_000) });
    expect(await readBody(post(big, "application/json"))).toMatchObject({
      ok: false,
      refusal: { code: "TOO_LARGE", message: "The request is too large: send at most 256 KB." },
    });
    // Streamed without a length: counted as it is read.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const chunked = new Request(URL_, {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await readBody(chunked, { maxBytes: 16 * 1024 })).toMatchObject({
      ok: false,
      refusal: { code: "TOO_LARGE" },
    });
    // An upload names its own limit, on the file field too.
    const announced = post("{}", "application/json", { "content-length": String(11 * 1024 * 1024) });
    expect(
      await readBody(announced, { maxBytes: 1024, tooLargeMessage: "Images can be at most 10 MB." }),
    ).toEqual({
      ok: false,
      refusal: {
        code: "TOO_LARGE",
        message: "Images can be at most 10 MB.",
        fieldErrors: { file: ["Images can be at most 10 MB."] },
      },
    });
  });

  it("keeps a field named __proto__ a field", async () => {
    const result = await readBody(post("__proto__=x&name=A", "application/x-www-form-urlencoded"));
    expect(result.ok && Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.fields).sort()).toEqual(["__proto__", "name"]);
  });
});

// REDIS_URL and REDIS_KEY_PREFIX: off by default, a redis:// or rediss:// address, one prefix per site.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/platform/env";

const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;

describe("the shared page cache settings", () => {
  it("are off by default, with the default key prefix", () => {
    const env = parseEnv(base);
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.REDIS_KEY_PREFIX).toBe("crosscurrent:");
    expect(parseEnv({ ...base, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("take a redis:// or rediss:// address and a prefix of the site's own", () => {
    const env = parseEnv({
      ...base,
      REDIS_URL: "rediss://:secret@cache.internal:6380/2",
      REDIS_KEY_PREFIX: "news:",
    });
    expect(env.REDIS_URL).toBe("rediss://:secret@cache.internal:6380/2");
    expect(env.REDIS_KEY_PREFIX).toBe("news:");
  });

  it("say clearly what is wrong", () => {
    expect(() => parseEnv({ ...base, REDIS_URL: "http://cache.internal:6379" })).toThrow(
      "REDIS_URL must be a redis:// or rediss:// URL",
    );
    expect(() => parseEnv({ ...base, REDIS_URL: "cache.internal:6379" })).toThrow("REDIS_URL");
  });
});

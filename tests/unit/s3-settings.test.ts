// MEDIA_STORAGE=s3 and its S3_* settings: what is required, the defaults, and the settings the
// S3 storage is built with.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/platform/env";
import { s3SettingsOf } from "@/lib/platform/storage/s3";

const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;
const keys = { S3_ACCESS_KEY_ID: "AKIAEXAMPLE", S3_SECRET_ACCESS_KEY: "secret-example" };

describe("the S3 settings", () => {
  it("leave the default storage local and need nothing", () => {
    const env = parseEnv(base);
    expect(env.MEDIA_STORAGE).toBe("local");
    expect(env.S3_BUCKET).toBeUndefined();
    expect(() => s3SettingsOf(env)).toThrow("S3_BUCKET is required to use S3 storage");
  });

  it("for an S3-compatible service: its endpoint, addressed by path unless told otherwise", () => {
    const env = parseEnv({
      ...base,
      MEDIA_STORAGE: "s3",
      S3_URL: "https://minio.example.org:9000",
      S3_BUCKET: "crosscurrent-media",
      S3_PREFIX: "sites/news",
      ...keys,
    });
    expect(s3SettingsOf(env)).toEqual({
      endpoint: "https://minio.example.org:9000",
      bucket: "crosscurrent-media",
      region: "us-east-1",
      credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret-example" },
      forcePathStyle: true,
      prefix: "sites/news/",
    });
    const virtualHosted = parseEnv({
      ...base,
      S3_URL: "https://s3.example.org",
      S3_BUCKET: "media",
      S3_FORCE_PATH_STYLE: "false",
    });
    expect(s3SettingsOf(virtualHosted).forcePathStyle).toBe(false);
  });

  it("for AWS S3 itself: no endpoint, a region, and the SDK's own credentials when none are given", () => {
    const env = parseEnv({ ...base, MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_REGION: "eu-west-3" });
    expect(s3SettingsOf(env)).toEqual({
      endpoint: undefined,
      bucket: "media",
      region: "eu-west-3",
      credentials: undefined,
      forcePathStyle: false,
      prefix: "",
    });
    // An empty value is no value, as for every other setting.
    expect(parseEnv({ ...base, S3_REGION: "", S3_PREFIX: "", S3_URL: "" })).toMatchObject({
      S3_REGION: "us-east-1",
      S3_PREFIX: undefined,
      S3_URL: undefined,
    });
  });

  it("say clearly what is wrong", () => {
    expect(() => parseEnv({ ...base, MEDIA_STORAGE: "s3" })).toThrow(
      "S3_BUCKET: S3_BUCKET is required when MEDIA_STORAGE=s3",
    );
    expect(() =>
      parseEnv({ ...base, MEDIA_STORAGE: "s3", S3_BUCKET: "media", S3_ACCESS_KEY_ID: "AKIA" }),
    ).toThrow("S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together");
    expect(() => parseEnv({ ...base, S3_SECRET_ACCESS_KEY: "secret" })).toThrow(
      "S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
    );
    expect(() => parseEnv({ ...base, S3_URL: "minio:9000" })).toThrow(
      "S3_URL must be an http:// or https:// URL",
    );
    expect(() => parseEnv({ ...base, S3_BUCKET: "My_Bucket" })).toThrow("S3_BUCKET must be a bucket name");
    expect(() => parseEnv({ ...base, S3_PREFIX: "/sites/../x" })).toThrow("S3_PREFIX must be folder names");
    expect(() => parseEnv({ ...base, S3_FORCE_PATH_STYLE: "sometimes" })).toThrow("S3_FORCE_PATH_STYLE");
    expect(() => parseEnv({ ...base, MEDIA_STORAGE: "ftp" })).toThrow("MEDIA_STORAGE");
  });
});

// Generated input for the boundary fuzz (tests/int/boundary-fuzz.test.ts), built on fast-check.
//
// Well-formed input comes from the schema itself: `z.toJSONSchema(schema, { io: "input" })` read
// by the small mapper below (objects, arrays, strings with their lengths, patterns and formats,
// numbers with their bounds, enums, literals, unions). What JSON Schema cannot say (a Tiptap body,
// a date to coerce, a File, an email behind a pipe, which ids exist) comes from hints by property
// name. Ill-formed input is hostile junk on its own, or a well-formed object broken one way: a
// field replaced by junk, dropped or given a NUL, every field nulled or stringified as a form would
// send it, or extra keys (__proto__ among them) added.
// Whether an input is schema-valid is never assumed: the test asks the schema (safeParse).
import fc from "fast-check";
import { z } from "zod";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

/** Extra candidates for one property, by its name and schema; undefined when there are none. */
export type Hints = (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** Longest string the well-formed generator makes, besides exact-length edge cases. */
const TYPICAL_STRING = 40;
/** Longest edge-case string (a string exactly at its maxLength). */
const MAX_EDGE_STRING = 70_000;

/** `{}`: JSON Schema could not say (a transform, a custom check, an instanceof). */
export const isUnconstrained = (schema: JsonSchema) =>
  !schema.type && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.enum && !("const" in schema);

/** The schema's input side as JSON Schema; what it cannot describe becomes `{}` (anything). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** Arbitrary values that `schema` (JSON Schema) describes, with `hints` by property name. */
export function fromJsonSchema(schema: JsonSchema, hints: Hints, name = ""): fc.Arbitrary<unknown> {
  const hint = hints(name, schema);
  if (isUnconstrained(schema)) return hint ?? hostileValue();
  const base = structural(schema, hints, name);
  return hint ? fc.oneof({ arbitrary: hint, weight: 3 }, { arbitrary: base, weight: 1 }) : base;
}

function structural(schema: JsonSchema, hints: Hints, name: string): fc.Arbitrary<unknown> {
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return fc.oneof(...members.map((member) => fromJsonSchema(member, hints, name)));
  if (schema.allOf?.[0]) return fromJsonSchema(schema.allOf[0], hints, name);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringOf(schema);
    case "integer":
    case "number":
      return numberOf(schema, type === "integer");
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 4, minLength + 4);
      return fc.array(schema.items ? fromJsonSchema(schema.items, hints, name) : hostileValue(), {
        minLength,
        maxLength,
      });
    }
    case "object": {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, fromJsonSchema(value, hints, key)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    default:
      return hostileValue();
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (value: string) => value.length >= min && value.length <= max;
  if (schema.format === "email") return fc.emailAddress().filter(fits);
  if (schema.format === "uri") return fc.webUrl({ withQueryParameters: true }).filter(fits);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, "u")).filter(fits);
  const cap = Math.min(max, Math.max(min, 0) + TYPICAL_STRING);
  const typical = fc.oneof(
    fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: cap }),
    fc.string({ unit: "grapheme", minLength: min, maxLength: cap }).map((s) => s.slice(0, max)),
  );
  // Strings exactly at the limit, where off-by-one errors live.
  const edges = [min, max].filter((n) => n >= 1 && n <= MAX_EDGE_STRING);
  if (edges.length === 0) return typical;
  return fc.oneof(
    { arbitrary: typical, weight: 5 },
    { arbitrary: fc.constantFrom(...edges).map((n) => "x".repeat(n)), weight: 1 },
  );
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e9) + (integer ? 1 : 1e-9);
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e9) - (integer ? 1 : 1e-9);
  if (!integer) return fc.double({ min, max, noNaN: true });
  const low = Math.max(min, Number.MIN_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  // Mostly small numbers near the lower bound (versions, counts), sometimes anywhere, sometimes an edge.
  return fc.oneof(
    { arbitrary: fc.integer({ min: low, max: Math.min(high, low + 5) }), weight: 4 },
    { arbitrary: fc.integer({ min: low, max: high }), weight: 1 },
    { arbitrary: fc.constantFrom(low, high), weight: 1 },
  );
}

// ─── Hostile junk ─────────────────────────────────────────────────────────────

const POLLUTION_JSON =
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';

/** Values that break naive code: wrong types, odd numbers, odd text, odd objects. */
const ODD_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -1e21,
  2n ** 70n,
  "",
  " ",
  "\t\r\n",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFx\uD800",
  "\u202Egnp.exe",
  "\u200B\uFEFF",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "ｆｕｌｌｗｉｄｔｈ İıſK",
  "null",
  "undefined",
  "NaN",
  "true",
  "-1",
  "1e400",
  "[object Object]",
  "__proto__",
  "constructor",
  "' OR '1'='1' --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "../../../etc/passwd",
  "%00%E0%A4%A",
  "{{7*7}}${7*7}",
  "2026-02-30",
  "9999-12-31T23:59:59Z",
  [],
  [null],
  {},
];

/** Big, deep or polluting values, made fresh for each use. */
const MONSTERS: ReadonlyArray<() => unknown> = [
  () => "a".repeat(300_000),
  () => "字".repeat(70_000),
  () => "🙂".repeat(40_000),
  () => " ".repeat(100_000),
  () => Array.from({ length: 100_000 }, () => "x"),
  () => Array.from({ length: 10_000 }, (_, i) => ({ id: String(i) })),
  () => nested(2_000, (inner) => [inner]),
  () => nested(2_000, (inner) => ({ a: inner })),
  () => JSON.parse(POLLUTION_JSON) as unknown,
  () => Object.create(null) as unknown,
  () => new Date(Number.NaN),
  () => new Date(8.64e15),
  () => new Map([["a", 1]]),
  () => new Set([1]),
  () => new Uint8Array(16),
  () => new File([new Uint8Array(0)], ""),
];

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "", " ", "$gt"),
  fc.string({ maxLength: 12 }),
);

/** One hostile value: an odd constant, a monster, a random string, or random structured junk. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ODD_VALUES), weight: 4 },
    { arbitrary: fc.constantFrom(...MONSTERS).map((make) => make()), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 2 },
    {
      arbitrary: fc.anything({
        maxDepth: 3,
        key: hostileKey,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
      }),
      weight: 2,
    },
  );
}

/** Hostile text only, for query strings and path segments (where everything is a string). */
export function hostileString(): fc.Arbitrary<string> {
  const odd = ODD_VALUES.filter((v): v is string => typeof v === "string");
  return fc.oneof(
    { arbitrary: fc.constantFrom(...odd), weight: 4 },
    { arbitrary: fc.constantFrom(1_000, 10_000, 100_000).map((n) => "%".repeat(n)), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 60 }), weight: 3 },
    { arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 300 }), weight: 2 },
  );
}

// ─── Well-formed objects, broken one way ──────────────────────────────────────

const MUTATIONS = ["replace", "drop", "null", "extra", "form", "form", "pollute", "nul"] as const;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** What an HTML form makes of a value: strings (repeated fields as arrays of strings), files kept. */
export function asFormValue(value: unknown): unknown {
  if (value instanceof File || typeof value === "string") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (Array.isArray(value)) return value.length === 1 ? asFormValue(value[0]) : value.map(asFormValue);
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "";
  }
  return String(value);
}

/**
 * `valid`, broken: a field replaced by junk, dropped, nulled, given a NUL character, form-encoded,
 * or extra keys added.
 */
export function brokenVariant(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, hostileValue(), fc.nat(), fc.constantFrom(...MUTATIONS))
    .map(([value, junk, pick, how]) => {
      if (!isPlainObject(value)) return junk;
      const keys = Object.keys(value);
      const key = keys.length > 0 ? keys[pick % keys.length]! : "field";
      const copy: Record<string, unknown> = { ...value };
      switch (how) {
        case "replace":
          copy[key] = junk;
          return copy;
        case "drop":
          delete copy[key];
          return copy;
        case "null":
          for (const k of keys) copy[k] = null;
          return copy;
        case "extra":
          copy[`${key}Extra`] = junk;
          copy["constructor"] = junk;
          return copy;
        case "form":
          return Object.fromEntries(keys.map((k) => [k, asFormValue(value[k])]));
        case "nul":
          // PostgreSQL text cannot hold U+0000: the classic way past validation into a 500.
          copy[key] = typeof copy[key] === "string" ? `${copy[key]}\u0000` : "\u0000";
          return copy;
        case "pollute": {
          // An own "__proto__" key, as JSON.parse makes it: never the prototype.
          const polluted = JSON.parse(POLLUTION_JSON) as Record<string, unknown>;
          for (const [k, v] of Object.entries(copy)) polluted[k] = v;
          return polluted;
        }
      }
    });
}

export type Variant = "well-formed" | "broken" | "junk";

/**
 * Input for a schema: well-formed values from `wellFormed`, broken variants of them, and junk,
 * each tagged with how it was made (whether it is schema-valid is for the schema to say).
 */
export function boundaryInput(wellFormed: fc.Arbitrary<unknown>): fc.Arbitrary<[Variant, unknown]> {
  return fc.oneof(
    { arbitrary: wellFormed.map((v): [Variant, unknown] => ["well-formed", v]), weight: 5 },
    { arbitrary: brokenVariant(wellFormed).map((v): [Variant, unknown] => ["broken", v]), weight: 4 },
    { arbitrary: hostileValue().map((v): [Variant, unknown] => ["junk", v]), weight: 2 },
  );
}

// ─── Values JSON Schema cannot describe ───────────────────────────────────────

const DAY = 86_400_000;

/** Dates as a form or a client sends them: Date objects, ISO strings, date-only strings, numbers. */
export function dateInput(): fc.Arbitrary<unknown> {
  const date = fc.date({ min: new Date("1960-01-01"), max: new Date("2230-01-01"), noInvalidDate: true });
  return fc.oneof(
    date,
    date.map((d) => d.toISOString()),
    date.map((d) => d.toISOString().slice(0, 10)),
    date.map((d) => d.getTime()),
    fc.integer({ min: -30, max: 3_000 }).map((days) => new Date(Date.UTC(2026, 0, 1) + days * DAY)),
  );
}

const LINK_REL = "noopener noreferrer nofollow";
const mark = fc.oneof(
  fc.constantFrom({ type: "bold" }, { type: "italic" }, { type: "underline" }, { type: "strike" }),
  fc.webUrl().map((href) => ({
    type: "link",
    attrs: { href, target: null, rel: LINK_REL, class: null, title: null },
  })),
);
const textNode = fc.record(
  {
    type: fc.constant("text"),
    text: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    marks: fc.uniqueArray(mark, { maxLength: 2, selector: (m) => m.type }),
  },
  { requiredKeys: ["type", "text"] },
);
const paragraph = fc.record({
  type: fc.constant("paragraph"),
  content: fc.array(textNode, { maxLength: 3 }),
});
const heading = fc.record({
  type: fc.constant("heading"),
  attrs: fc.record({ level: fc.constantFrom(2, 3, 4) }),
  content: fc.array(textNode, { maxLength: 2 }),
});
const listItem = fc.record({ type: fc.constant("listItem"), content: fc.tuple(paragraph) });
const bulletList = fc.record({
  type: fc.constant("bulletList"),
  content: fc.array(listItem, { minLength: 1, maxLength: 3 }),
});

/** An article body the editor could have made: paragraphs, headings, lists, rules, with marks. */
export function articleBody(): fc.Arbitrary<unknown> {
  const block = fc.oneof(paragraph, heading, bulletList, fc.constant({ type: "horizontalRule" }));
  return fc.record({ type: fc.constant("doc"), content: fc.array(block, { minLength: 1, maxLength: 5 }) });
}

/** Files: the given good ones (real images, PDFs), and empty, random, truncated or oddly named ones. */
export function fileInput(good: ReadonlyArray<{ bytes: Uint8Array; name: string; type: string }>) {
  const of = (bytes: Uint8Array, name: string, type = "application/octet-stream") =>
    new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
  const goodFile = fc.constantFrom(...good).map(({ bytes, name, type }) => of(bytes, name, type));
  const oddName = fc.constantFrom(
    "",
    "../../etc/passwd",
    "a\u0000b.png",
    "\u202Egnp.exe",
    "x".repeat(2_000),
    "字.png",
    "C:\\Windows\\win.ini",
  );
  return fc.oneof(
    { arbitrary: goodFile, weight: 3 },
    { arbitrary: fc.tuple(goodFile, oddName).map(([file, name]) => new File([file], name)), weight: 1 },
    { arbitrary: fc.constant(of(new Uint8Array(0), "empty.png", "image/png")), weight: 1 },
    {
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 512 }).map((b) => of(b, "random.png", "image/png")),
      weight: 1,
    },
    {
      // A real file cut short: the signature is right, the rest is missing.
      arbitrary: fc
        .tuple(fc.constantFrom(...good), fc.integer({ min: 8, max: 64 }))
        .map(([{ bytes, name, type }, length]) => of(bytes.slice(0, length), name, type)),
      weight: 1,
    },
  );
}

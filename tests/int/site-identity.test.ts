// The site's identity (title, tagline, description, logo, time zone, language) against a real
// database: only admins save it, every field is validated with a message a person can act on, each
// save is audited, and the feeds and the identity every page reads show it at once.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/platform/session";

// Actions refresh cached pages; outside a request there are none.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), unstable_cache: (load: () => unknown) => load }));

const settingsActions = await import("@/app/(admin)/admin/settings/actions");
const { runAction } = await import("@/lib/platform/actions/run-action");
const { siteIdentity, jsonLdSite } = await import("@/lib/site/identity");
const { DEFAULT_SITE_IDENTITY, SITE_IDENTITY_KEY } = await import("@/lib/site/identity-fields");
const { buildFeed } = await import("@/lib/feeds/data");
const { buildCommentsFeed } = await import("@/lib/feeds/comments");
const { websiteJsonLd } = await import("@/lib/seo/json-ld");
const { db } = await import("@/lib/platform/db");
const { createTestUser } = await import("../support/users");

const SITE = "https://crosscurrent.example";
let admin: CurrentUser;
let editor: CurrentUser;
let writer: CurrentUser;

/** The form as the settings page posts it. */
function identityForm(overrides: Record<string, string> = {}) {
  return {
    title: "Strait Watch",
    tagline: "Notes from both shores",
    description: "Commentary on the Taiwan Strait, reprinted with permission.",
    logoMediaId: "",
    timeZone: "Asia/Shanghai",
    language: "zh-Hans",
    ...overrides,
  };
}

const save = (user: CurrentUser, form: Record<string, string>) =>
  runAction(settingsActions.saveSiteIdentity.definition, user, form);

const audited = () => db.auditLog.findMany({ where: { entityType: "Setting", entityId: SITE_IDENTITY_KEY } });

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  writer = await createTestUser("WRITER");
});

afterEach(async () => {
  await db.setting.deleteMany({ where: { key: SITE_IDENTITY_KEY } });
  await db.auditLog.deleteMany({ where: { entityType: "Setting", entityId: SITE_IDENTITY_KEY } });
});

describe("saving the site's identity", () => {
  it("reads today's words when nothing was ever saved", async () => {
    expect(await siteIdentity()).toEqual({ ...omitLogoId(DEFAULT_SITE_IDENTITY), logo: null });
    const feed = (await buildFeed({ kind: "site" }, new Date(), SITE))!;
    expect(feed).toContain("<title>Crosscurrent</title>");
    expect(feed).toContain("<language>en</language>");
  });

  it("is refused to editors and writers, and stores nothing", async () => {
    for (const user of [editor, writer]) {
      expect(await save(user, identityForm())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.setting.count({ where: { key: SITE_IDENTITY_KEY } })).toBe(0);
    expect(await audited()).toEqual([]);
  });

  it("refuses an unknown time zone, a malformed language and an empty title, each on its field", async () => {
    const result = await save(
      admin,
      identityForm({ title: "   ", timeZone: "Mars/Olympus_Mons", language: "english please" }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      title: ["The site title cannot be empty."],
      timeZone: [expect.stringContaining("is not a time zone name. Use an IANA name")],
      language: [expect.stringContaining("is not a language tag. Use a BCP 47 tag")],
    });
    expect(await save(admin, identityForm({ timeZone: "+08:00" }))).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: [expect.any(String)] },
    });
    expect(await db.setting.count({ where: { key: SITE_IDENTITY_KEY } })).toBe(0);
  });

  it("refuses a logo that is not in the media library", async () => {
    const result = await save(admin, identityForm({ logoMediaId: "no-such-media" }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { logoMediaId: ["That image is no longer in the media library. Choose another logo."] },
    });
    expect(await db.setting.count({ where: { key: SITE_IDENTITY_KEY } })).toBe(0);
  });

  it("stores canonical names, audits the change, and shows in feeds and JSON-LD at once", async () => {
    // Read once first, so that a cached copy of the defaults exists and must be forgotten.
    expect((await siteIdentity()).title).toBe("Crosscurrent");
    const logo = await db.media.create({
      data: {
        storageKey: "media/logo-test/original.png",
        fileName: "logo.png",
        contentType: "image/png",
        byteSize: 100,
        width: 512,
        height: 512,
        sha256: "0".repeat(64),
        alt: "Strait Watch",
        variants: [
          { width: 320, height: 320, storageKey: "media/logo-test/w320.webp", contentType: "image/webp" },
        ],
      },
    });
    const result = await save(
      admin,
      identityForm({
        logoMediaId: logo.id,
        timeZone: "asia/shanghai",
        language: "zh-hans",
        expectedSavedAt: "",
      }),
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Saved the site’s identity") });

    const identity = await siteIdentity();
    expect(identity).toMatchObject({
      title: "Strait Watch",
      tagline: "Notes from both shores",
      timeZone: "Asia/Shanghai",
      language: "zh-Hans",
      logo: { mediaId: logo.id, url: "/media/logo-test/original.png", iconUrl: "/media/logo-test/w320.webp" },
    });
    const [entry, ...more] = await audited();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "settings.update",
      after: expect.objectContaining({ title: "Strait Watch", logoMediaId: logo.id, language: "zh-Hans" }),
    });

    const feed = (await buildFeed({ kind: "site" }, new Date(), SITE))!;
    expect(feed).toContain("<title>Strait Watch</title>");
    expect(feed).toContain(
      "<description>Commentary on the Taiwan Strait, reprinted with permission.</description>",
    );
    expect(feed).toContain("<language>zh-Hans</language>");
    expect(await buildCommentsFeed({ kind: "site" }, new Date(), SITE)).toContain(
      "<title>Strait Watch: comments</title>",
    );
    expect(websiteJsonLd(SITE, jsonLdSite(identity))).toMatchObject({
      name: "Strait Watch",
      inLanguage: "zh-Hans",
      publisher: {
        name: "Strait Watch",
        logo: {
          "@type": "ImageObject",
          url: `${SITE}/media/logo-test/original.png`,
          width: { "@type": "QuantitativeValue", value: 512, unitCode: "E37" },
          height: { "@type": "QuantitativeValue", value: 512, unitCode: "E37" },
        },
      },
    });

    // Saving the same values again changes nothing and audits nothing.
    const again = await save(admin, identityForm({ logoMediaId: logo.id, timeZone: "Asia/Shanghai" }));
    expect(again).toMatchObject({ ok: true, message: "Nothing to save: no field changed." });
    expect(await audited()).toHaveLength(1);

    // A logo later deleted from the library falls back to the default icon.
    await db.media.delete({ where: { id: logo.id } });
    await save(admin, identityForm({ title: "Strait Watch II", logoMediaId: "" }));
    expect(await siteIdentity()).toMatchObject({ title: "Strait Watch II", logo: null });
  });

  it("refuses a save from a page opened before someone else's save", async () => {
    await save(admin, identityForm({ expectedSavedAt: "" }));
    const stale = await save(admin, identityForm({ title: "Another name", expectedSavedAt: "" }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await siteIdentity()).title).toBe("Strait Watch");
  });
});

function omitLogoId<T extends { logoMediaId: unknown }>(value: T): Omit<T, "logoMediaId"> {
  const { logoMediaId: _omitted, ...rest } = value;
  return rest;
}

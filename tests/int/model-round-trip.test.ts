// Every model of prisma/schema.prisma, written through the generated client with every scalar
// field set and read back unchanged: dates to the millisecond, enums, string arrays, Json.
// The fixtures are typed with `satisfies <Model>`, so a new scalar field fails the typecheck
// until it is given a value here, and a new model fails the "covers every model" test.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import {
  Prisma,
  type Article,
  type ArticleByline,
  type ArticleRevision,
  type ArticleTag,
  type AuditLog,
  type AuthorizationEvent,
  type AuthorizationEvidence,
  type Comment,
  type KnownLoginAddress,
  type LoginUnlockToken,
  type CommentModeration,
  type CommentReport,
  type CommentReplySubscription,
  type OutboundMail,
  type Media,
  type OriginalRevision,
  type Person,
  type RateLimit,
  type ReprintAuthorization,
  type RightsCheck,
  type RightsNotice,
  type RightsNoticeArticle,
  type RightsNoticeEvent,
  type Session,
  type Setting,
  type SlugRedirect,
  type Source,
  type StoredFile,
  type StoredFileChunk,
  type Tag,
  type User,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "@/lib/generated/prisma/client";

const ALL_MODELS = Object.values(Prisma.ModelName).sort();

/** Timestamps with milliseconds, so a lost fraction or a time-zone shift shows. */
const at = (iso: string) => new Date(iso);

interface RoundTrip {
  written: object;
  readBack(): Promise<unknown>;
}

const roundTrips = new Map<Prisma.ModelName, RoundTrip[]>();
const covered = new Set<Prisma.ModelName>();

function remember(model: Prisma.ModelName, written: object, readBack: () => Promise<unknown>) {
  roundTrips.set(model, [...(roundTrips.get(model) ?? []), { written, readBack }]);
}

// ─── The graph ───────────────────────────────────────────────────────────────

const editor = {
  id: "user_editor_mei",
  email: "mei.lin@crosscurrent.test",
  name: "Mei Lin 林美",
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
  role: "EDITOR",
  active: true,
  sessionVersion: 3,
  mustChangePassword: true,
  lastLoginAt: at("2025-03-14T09:26:53.589Z"),
  createdAt: at("2024-11-02T08:00:00.001Z"),
  updatedAt: at("2025-03-14T09:26:53.590Z"),
} satisfies User;

const admin = {
  id: "user_admin_tomas",
  email: "tomas@crosscurrent.test",
  name: "Tomás Ortega",
  passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$YWRtaW5zYWx0$YWRtaW5oYXNoaGFzaA",
  role: "ADMIN",
  active: false,
  sessionVersion: 7,
  mustChangePassword: false,
  lastLoginAt: at("2025-01-31T23:59:59.999Z"),
  createdAt: at("2024-10-01T00:00:00.000Z"),
  updatedAt: at("2025-02-01T12:30:45.123Z"),
} satisfies User;

const rateLimit = {
  key: "login:ip:203.0.113.7",
  hits: 5,
  windowStartsAt: at("2025-03-14T09:25:00.000Z"),
  blockedUntil: at("2025-03-14T09:40:00.250Z"),
} satisfies RateLimit;

const session = {
  id: "Jx3bN0q_8vT1sW4yZ7cA2dF5gH9kL6mP0rU3eI8oY1w",
  userId: "user_editor_mei",
  createdAt: at("2025-03-14T09:26:53.589Z"),
  lastSeenAt: at("2025-03-14T10:02:11.004Z"),
  expiresAt: at("2025-03-14T21:26:53.589Z"),
  revokedAt: at("2025-03-14T10:15:00.999Z"),
} satisfies Session;

const knownLoginAddress = {
  userId: "user_editor_mei",
  address: "2001:db8:85a3::8a2e:370:7334",
  lastSignedInAt: at("2025-03-14T09:26:53.589Z"),
} satisfies KnownLoginAddress;

const loginUnlockToken = {
  id: "unlock_mei_1",
  userId: "user_editor_mei",
  tokenHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  createdAt: at("2025-03-14T09:30:00.000Z"),
  expiresAt: at("2025-03-14T10:30:00.000Z"),
  usedAt: null,
} satisfies LoginUnlockToken;

const source = {
  id: "source_wechat_dongfang",
  name: "东方观察 Eastern Watch",
  slug: "eastern-watch",
  kind: "WECHAT_ACCOUNT",
  platformId: "gh_3f9a1c0d2e7b",
  url: "https://mp.weixin.qq.com/s/eastern-watch",
  description: "Commentary on East Asian politics.",
  contactName: "Zhang Wei",
  contactEmail: "rights@eastern-watch.example",
  contactWechat: "zhangwei_rights",
  notes: "Prefers WeChat; answers within a week.",
  createdAt: at("2024-12-01T10:00:00.010Z"),
  updatedAt: at("2025-01-05T10:00:00.020Z"),
} satisfies Source;

/** Granted, then revoked: the article below was withdrawn because of it. */
const grantedThenRevoked = {
  id: "auth_2025_article",
  sourceId: source.id,
  scope: "ARTICLE",
  scopeUrl: "https://mp.weixin.qq.com/s/AbCdEf123",
  scopeAuthorName: "刀妹",
  status: "REVOKED",
  validFrom: at("2025-01-01T00:00:00.000Z"),
  validUntil: at("2025-12-31T23:59:59.999Z"),
  attributionRequired: true,
  attributionText: "Reprinted with permission of 东方观察.",
  linkBackRequired: true,
  canonicalToOriginal: true,
  modificationAllowed: false,
  translationAllowed: true,
  omissionAllowed: false,
  territories: ["CN", "HK", "TW", "worldwide-online"],
  channels: ["web", "newsletter"],
  onTermination: "TAKE_DOWN",
  grantorStatement: "同意转载，请注明出处。",
  requestedAt: at("2024-12-20T08:15:30.500Z"),
  requestedById: editor.id,
  decidedAt: at("2024-12-28T16:45:00.001Z"),
  decidedById: admin.id,
  denialReason: null,
  revokedAt: at("2025-03-01T07:00:00.007Z"),
  revokedById: admin.id,
  revocationReason: "Grantor asked us to take the piece down.",
  renewsId: null,
  version: 4,
  createdAt: at("2024-12-20T08:15:30.500Z"),
  updatedAt: at("2025-03-01T07:00:00.007Z"),
} satisfies ReprintAuthorization;

/** A renewal request pointing at the authorization it renews, denied. */
const deniedRenewal = {
  id: "auth_2026_renewal",
  sourceId: source.id,
  scope: "AUTHOR",
  scopeUrl: null,
  scopeAuthorName: "刀妹",
  status: "DENIED",
  validFrom: at("2026-01-01T00:00:00.000Z"),
  validUntil: null,
  attributionRequired: false,
  attributionText: "",
  linkBackRequired: false,
  canonicalToOriginal: false,
  modificationAllowed: true,
  translationAllowed: false,
  omissionAllowed: true,
  territories: [],
  channels: ["print"],
  onTermination: "KEEP_EXISTING",
  grantorStatement: "",
  requestedAt: at("2025-03-02T09:00:00.000Z"),
  requestedById: editor.id,
  decidedAt: at("2025-03-03T09:00:00.333Z"),
  decidedById: admin.id,
  denialReason: "Author no longer allows reprints.",
  revokedAt: null,
  revokedById: null,
  revocationReason: null,
  renewsId: grantedThenRevoked.id,
  version: 2,
  createdAt: at("2025-03-02T09:00:00.000Z"),
  updatedAt: at("2025-03-03T09:00:00.333Z"),
} satisfies ReprintAuthorization;

const evidence = {
  id: "evidence_screenshot",
  authorizationId: grantedThenRevoked.id,
  kind: "SCREENSHOT",
  url: "https://mp.weixin.qq.com/s/AbCdEf123#comment",
  storageKey: "evidence/2024/12/grant.png",
  fileName: "grant.png",
  contentType: "image/png",
  byteSize: 482_133,
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  capturedAt: at("2024-12-28T16:40:12.345Z"),
  note: "Chat screenshot of the grant.",
  createdById: editor.id,
  createdAt: at("2024-12-28T16:41:00.000Z"),
} satisfies AuthorizationEvidence;

const revocationEvent = {
  id: "event_revoked",
  authorizationId: grantedThenRevoked.id,
  type: "revoked",
  fromStatus: "GRANTED",
  toStatus: "REVOKED",
  data: {
    reason: "Grantor asked us to take the piece down.",
    takenDown: ["article_kishida"],
    notified: true,
  },
  actorId: admin.id,
  createdAt: at("2025-03-01T07:00:00.007Z"),
} satisfies AuthorizationEvent;

const media = {
  id: "media_tokyo_skyline",
  storageKey: "media/2025/03/tokyo-skyline.jpg",
  fileName: "tokyo skyline.jpg",
  contentType: "image/jpeg",
  byteSize: 1_204_331,
  width: 3000,
  height: 2000,
  sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  alt: "Tokyo at dusk",
  variants: [
    {
      width: 640,
      height: 427,
      storageKey: "media/2025/03/tokyo-skyline-640.webp",
      contentType: "image/webp",
    },
    {
      width: 1280,
      height: 853,
      storageKey: "media/2025/03/tokyo-skyline-1280.webp",
      contentType: "image/webp",
    },
  ],
  uploadedById: editor.id,
  createdAt: at("2025-03-10T11:11:11.111Z"),
} satisfies Media;

const tiptapBody = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "东京的选择" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Prime Minister Kishida " },
        { type: "text", marks: [{ type: "bold" }], text: "met" },
        { type: "text", text: " the delegation — 😀 “quoted”." },
      ],
    },
    {
      type: "image",
      attrs: { src: "/media/media_tokyo_skyline", alt: "Tokyo at dusk", width: 1.5, title: null },
    },
    { type: "bulletList", content: [] },
  ],
};

const notice = {
  id: "notice_tokyo",
  serial: 7,
  caseNumber: "TN-2025-0007",
  status: "COUNTER_NOTICE",
  claimantName: "李明 (Li Ming)",
  organisation: "Bu Yidao Media",
  contactEmail: "rights@example.com",
  workTitle: "东京的选择",
  workUrl: "https://mp.weixin.qq.com/s/AbCdEf123",
  details: "Reprinted after the licence was withdrawn — 😀.",
  signature: "Li Ming",
  goodFaithStatement: true,
  accuracyStatement: true,
  ipHash: "hmac-sha256:dd88dd88",
  rejectionReason: null,
  actionedAt: at("2025-03-01T07:00:00.500Z"),
  counterNoticeAt: at("2025-03-02T08:00:00.010Z"),
  restoreDueAt: at("2025-03-14T08:00:00.010Z"),
  claimantAnsweredAt: null,
  restoredAt: null,
  receivedAt: at("2025-02-28T23:59:59.999Z"),
  updatedAt: at("2025-03-02T08:00:00.010Z"),
} satisfies RightsNotice;

const article = {
  id: "article_kishida",
  slug: "tokyo-choice",
  title: "Tokyo’s choice",
  excerpt: "A reprint on Japan’s foreign policy.",
  body: tiptapBody,
  bodyText: "东京的选择\nPrime Minister Kishida met the delegation — 😀 “quoted”.",
  status: "PUBLISHED",
  publishedAt: at("2025-01-15T06:30:00.250Z"),
  kind: "REPRINT",
  sourceId: source.id,
  authorizationId: grantedThenRevoked.id,
  originalUrl: "https://mp.weixin.qq.com/s/AbCdEf123",
  originalTitle: "东京的选择",
  sourceLine: "Source: wechat official account: Bu Yidao has been authorized to reprint",
  originalLanguage: "zh-Hans",
  originalPublishedAt: new Date("2022-07-08T00:00:00.000Z"),
  isTranslation: true,
  isModified: true,
  alignment: [
    { original: [0, 1], translation: [0] },
    { original: [2], translation: [], omitted: true },
  ],
  alignedOriginalRevision: 2,
  confirmedHeadline: "Tokyo’s choice",
  originalPublished: true,
  featuredImageId: media.id,
  featuredImageAlt: "Tokyo skyline at dusk",
  seoTitle: "Tokyo’s choice | Crosscurrent",
  seoDescription: "How Tokyo weighs its options.",
  commentMode: "PREMODERATE_NEW",
  commentAutoCloseDays: 30,
  commentLinkLimit: 2,
  commentMaxLength: 4000,
  commentSlowModeSeconds: 45,
  version: 6,
  withdrawnAt: at("2025-03-01T07:00:01.000Z"),
  withdrawnReason: "Reprint authorization revoked.",
  withdrawnNoticeId: notice.id,
  createdById: editor.id,
  createdAt: at("2025-01-10T03:00:00.003Z"),
  updatedAt: at("2025-03-01T07:00:01.000Z"),
} satisfies Article;

const noticeArticle = {
  noticeId: notice.id,
  articleId: article.id,
  url: "https://example.org/articles/tokyo-choice?utm=x",
} satisfies RightsNoticeArticle;

const noticeEvent = {
  id: "notice_event_counter",
  noticeId: notice.id,
  type: "counterNotice",
  fromStatus: "ACTIONED",
  toStatus: "COUNTER_NOTICE",
  note: "Counter-notice from the author’s agent.",
  actorId: admin.id,
  createdAt: at("2025-03-02T08:00:00.010Z"),
} satisfies RightsNoticeEvent;

const revision = {
  id: "revision_publish",
  articleId: article.id,
  version: 5,
  title: "Tokyo’s choice (draft)",
  excerpt: "Draft excerpt",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Draft" }] }] },
  reason: "PUBLISH",
  authorId: editor.id,
  createdAt: at("2025-01-15T06:30:00.249Z"),
} satisfies ArticleRevision;

const originalRevision = {
  id: "original_revision_2",
  articleId: article.id,
  revision: 2,
  language: "zh-Hans",
  title: "东京的选择",
  body: {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "东京在两条路之间。" }] }],
  },
  bodyText: "东京在两条路之间。",
  url: "https://mp.weixin.qq.com/s/AbCdEf123",
  authorLine: "作者：某某",
  publishedOn: new Date("2022-07-08T00:00:00.000Z"),
  createdById: editor.id,
  createdAt: at("2025-01-11T03:00:00.004Z"),
} satisfies OriginalRevision;

const slugRedirect = {
  entityType: "Article",
  oldSlug: "tokyos-choice-draft",
  entityId: article.id,
  createdAt: at("2025-01-15T06:29:59.000Z"),
} satisfies SlugRedirect;

const tag = {
  id: "tag_japan",
  name: "Japan",
  slug: "japan",
  kind: "PLACE",
  description: "Coverage of Japan.",
  createdAt: at("2024-11-11T11:11:11.011Z"),
  updatedAt: at("2024-11-12T11:11:11.012Z"),
} satisfies Tag;

const articleTag = { articleId: article.id, tagId: tag.id, position: 2 } satisfies ArticleTag;

const author = {
  id: "person_daomei",
  name: "Dao Mei",
  nativeName: "刀妹",
  slug: "dao-mei",
  bio: "Columnist at 东方观察.",
  createdAt: at("2024-12-01T00:00:00.100Z"),
  updatedAt: at("2024-12-02T00:00:00.200Z"),
} satisfies Person;

const translator = {
  id: "person_jo_park",
  name: "Jo Park",
  nativeName: null,
  slug: "jo-park",
  bio: "",
  createdAt: at("2024-12-03T00:00:00.300Z"),
  updatedAt: at("2024-12-03T00:00:00.300Z"),
} satisfies Person;

const authorByline = {
  articleId: article.id,
  personId: author.id,
  role: "AUTHOR",
  position: 0,
} satisfies ArticleByline;

const translatorByline = {
  articleId: article.id,
  personId: translator.id,
  role: "TRANSLATOR",
  position: 1,
} satisfies ArticleByline;

const rightsCheck = {
  id: "rights_check_revoked",
  articleId: article.id,
  authorizationId: grantedThenRevoked.id,
  trigger: "authorization.revoked",
  allowed: false,
  reasons: ["AUTHORIZATION_REVOKED", "TAKE_DOWN_ON_TERMINATION"],
  details: [
    {
      reason: "OMISSION_NOT_PERMITTED",
      paragraph: 3,
      text: "Paragraph 3 of the original has no translation.",
    },
  ],
  actorId: admin.id,
  createdAt: at("2025-03-01T07:00:00.500Z"),
} satisfies RightsCheck;

const rootComment = {
  id: "comment_root",
  articleId: article.id,
  parentId: null,
  authorName: "Haruki",
  authorEmail: "haruki@example.jp",
  authorUrl: "https://haruki.example.jp",
  body: "Interesting take on Kishida’s visit.",
  status: "APPROVED",
  holdReasons: [],
  ipHash: "hmac-sha256:1f2e3d4c",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
  staffUserId: null,
  reportCount: 1,
  reportHiddenAt: at("2025-01-17T08:00:00.080Z"),
  createdAt: at("2025-01-16T10:00:00.000Z"),
  updatedAt: at("2025-01-16T10:05:00.000Z"),
} satisfies Comment;

const staffReply = {
  id: "comment_reply",
  articleId: article.id,
  parentId: rootComment.id,
  authorName: "Mei Lin",
  authorEmail: editor.email,
  authorUrl: null,
  body: "Thanks! See https://a.example and https://b.example",
  status: "PENDING",
  holdReasons: ["TOO_MANY_LINKS", "FIRST_COMMENT"],
  ipHash: null,
  userAgent: null,
  staffUserId: editor.id,
  reportCount: 0,
  reportHiddenAt: null,
  createdAt: at("2025-01-16T11:00:00.001Z"),
  updatedAt: at("2025-01-16T11:00:00.001Z"),
} satisfies Comment;

const moderation = {
  id: "moderation_edit",
  commentId: rootComment.id,
  actorId: editor.id,
  action: "edit",
  fromStatus: "PENDING",
  toStatus: "APPROVED",
  reasons: ["MANUAL_REVIEW"],
  note: "Fixed a typo.",
  previousBody: "Intresting take on Kishida’s visit.",
  createdAt: at("2025-01-16T10:05:00.000Z"),
} satisfies CommentModeration;

const report = {
  id: "report_spam",
  commentId: rootComment.id,
  reason: "spam",
  ipHash: "hmac-sha256:aa55aa55",
  addressHash: "hmac-sha256:bb66bb66",
  networkHash: "hmac-sha256:cc77cc77",
  reporterEmailHash: null,
  reporterUserId: editor.id,
  reporterKey: `staff:${editor.id}`,
  trusted: true,
  knownReader: true,
  outcome: "UPHELD",
  resolvedAt: at("2025-01-18T09:30:00.000Z"),
  createdAt: at("2025-01-17T08:00:00.080Z"),
} satisfies CommentReport;

const auditEntry = {
  id: "audit_publish",
  actorId: admin.id,
  action: "article.publish",
  entityType: "Article",
  entityId: article.id,
  before: { status: "DRAFT", version: 5 },
  after: { status: "PUBLISHED", version: 6, tags: ["japan"], score: -0.25, note: null },
  ip: "2001:db8::7",
  createdAt: at("2025-01-15T06:30:00.251Z"),
} satisfies AuditLog;

const replySubscription = {
  id: "reply_subscription",
  commentId: rootComment.id,
  status: "UNSUBSCRIBED",
  confirmTokenHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  unsubscribeTokenHash: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
  createdAt: at("2025-01-16T10:00:00.004Z"),
  confirmedAt: at("2025-01-16T10:30:00.005Z"),
  unsubscribedAt: at("2025-01-20T18:45:00.006Z"),
} satisfies CommentReplySubscription;

const outboundMail = {
  id: "mail_reply",
  recipient: "reader@example.org",
  subject: "Mei Lin replied to your comment on “台海局势”",
  text: "Mei Lin replied:\n\nhttps://crosscurrent.test/articles/x#comment-comment_reply",
  kind: "comments.reply",
  headers: { "List-Unsubscribe": "<https://crosscurrent.test/u?token=abc>" },
  dedupeKey: "comments.reply:comment_reply",
  status: "FAILED",
  attempts: 3,
  lastError: "554 Relay refused",
  nextAttemptAt: at("2025-01-16T11:04:00.007Z"),
  claimedAt: at("2025-01-16T11:00:00.008Z"),
  createdAt: at("2025-01-16T11:00:00.002Z"),
  sentAt: at("2025-01-16T11:10:00.009Z"),
} satisfies OutboundMail;

const commentSettings = {
  key: "comments.defaults",
  value: { mode: "PREMODERATE_NEW", autoCloseDays: 14, blockedWords: ["spam", "垃圾"], slowMode: null },
  updatedAt: at("2025-02-02T02:02:02.202Z"),
} satisfies Setting;

/** A stored file of the PostgreSQL storage backend, its bytes in two chunks. */
const storedFile = {
  id: "0b7e4c2a-9d31-4f6e-8a15-3c2d1e0f9a87",
  key: "media/2025/03/tokyo-skyline.jpg",
  contentType: "image/jpeg",
  byteSize: 6,
  sha256: "3dc511a00b2760f3871e0bb7ad642dd04be3a90844bf8ca93eea105c5aa2be0b",
  createdAt: at("2025-03-10T11:11:11.112Z"),
} satisfies StoredFile;

/** Bytes that are not valid UTF-8 (0xff, 0x00), so a text round trip would show. */
const storedFileChunks = [
  { fileId: storedFile.id, index: 0, data: new Uint8Array([0xff, 0xd8, 0xff, 0x00]) },
  { fileId: storedFile.id, index: 1, data: new Uint8Array([0x00, 0xd9]) },
] satisfies StoredFileChunk[];

const webhookEndpoint = {
  id: "webhook_endpoint_partner",
  url: "https://hooks.partner.example/crosscurrent?tenant=东方",
  description: "Partner syndication feed — 😀",
  secret: "whsec_3q2+7w==",
  events: ["article.published", "article.withdrawn"],
  active: false,
  createdById: admin.id,
  createdAt: at("2025-02-10T10:10:10.101Z"),
  updatedAt: at("2025-02-11T10:10:10.102Z"),
} satisfies WebhookEndpoint;

const webhookDelivery = {
  id: "webhook_delivery_withdrawn",
  endpointId: webhookEndpoint.id,
  eventId: "event_01JNV3K2",
  event: "article.withdrawn",
  body: '{"id":"event_01JNV3K2","event":"article.withdrawn","data":{"slug":"tokyo-choice"}}',
  status: "FAILED",
  attemptCount: 2,
  createdAt: at("2025-03-01T07:00:01.001Z"),
  deliveredAt: null,
  resendOfId: null,
  jobId: "5f0c1b9e-2d4a-4c8b-9e7f-1a2b3c4d5e6f",
} satisfies WebhookDelivery;

/** A resend of the failed delivery, delivered. */
const webhookResend = {
  id: "webhook_delivery_resend",
  endpointId: webhookEndpoint.id,
  eventId: webhookDelivery.eventId,
  event: webhookDelivery.event,
  body: webhookDelivery.body,
  status: "DELIVERED",
  attemptCount: 1,
  createdAt: at("2025-03-01T09:00:00.003Z"),
  deliveredAt: at("2025-03-01T09:00:00.456Z"),
  resendOfId: webhookDelivery.id,
  jobId: null,
} satisfies WebhookDelivery;

const webhookAttempts = [
  {
    id: "webhook_attempt_timeout",
    deliveryId: webhookDelivery.id,
    startedAt: at("2025-03-01T07:00:01.010Z"),
    durationMs: 10_000,
    statusCode: null,
    error: "Timed out after 10 s",
  },
  {
    id: "webhook_attempt_500",
    deliveryId: webhookDelivery.id,
    startedAt: at("2025-03-01T07:01:01.020Z"),
    durationMs: 87,
    statusCode: 500,
    error: null,
  },
] satisfies WebhookAttempt[];

/** Writes the graph in foreign-key order and remembers how to read each row back. */
async function writeGraph() {
  for (const user of [editor, admin]) {
    await db.user.create({ data: user });
    remember("User", user, () =>
      db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } }),
    );
  }

  await db.rateLimit.create({ data: rateLimit });
  remember("RateLimit", rateLimit, () => db.rateLimit.findUniqueOrThrow({ where: { key: rateLimit.key } }));

  await db.session.create({ data: session });
  remember("Session", session, () => db.session.findUniqueOrThrow({ where: { id: session.id } }));
  await db.knownLoginAddress.create({ data: knownLoginAddress });
  remember("KnownLoginAddress", knownLoginAddress, () =>
    db.knownLoginAddress.findUniqueOrThrow({
      where: { userId_address: { userId: knownLoginAddress.userId, address: knownLoginAddress.address } },
    }),
  );
  await db.loginUnlockToken.create({ data: loginUnlockToken });
  remember("LoginUnlockToken", loginUnlockToken, () =>
    db.loginUnlockToken.findUniqueOrThrow({ where: { id: loginUnlockToken.id } }),
  );

  await db.source.create({ data: source });
  remember("Source", source, () => db.source.findUniqueOrThrow({ where: { id: source.id } }));

  for (const authorization of [grantedThenRevoked, deniedRenewal]) {
    await db.reprintAuthorization.create({ data: authorization });
    remember("ReprintAuthorization", authorization, () =>
      db.reprintAuthorization.findUniqueOrThrow({ where: { id: authorization.id } }),
    );
  }

  await db.authorizationEvidence.create({ data: evidence });
  remember("AuthorizationEvidence", evidence, () =>
    db.authorizationEvidence.findUniqueOrThrow({ where: { id: evidence.id } }),
  );

  await db.authorizationEvent.create({ data: revocationEvent });
  remember("AuthorizationEvent", revocationEvent, () =>
    db.authorizationEvent.findUniqueOrThrow({ where: { id: revocationEvent.id } }),
  );

  await db.media.create({ data: media });
  remember("Media", media, () => db.media.findUniqueOrThrow({ where: { id: media.id } }));

  await db.rightsNotice.create({ data: notice });
  remember("RightsNotice", notice, () => db.rightsNotice.findUniqueOrThrow({ where: { id: notice.id } }));

  await db.article.create({ data: article });
  remember("Article", article, () => db.article.findUniqueOrThrow({ where: { id: article.id } }));

  await db.rightsNoticeArticle.create({ data: noticeArticle });
  remember("RightsNoticeArticle", noticeArticle, () =>
    db.rightsNoticeArticle.findUniqueOrThrow({
      where: { noticeId_articleId: { noticeId: notice.id, articleId: article.id } },
    }),
  );
  await db.rightsNoticeEvent.create({ data: noticeEvent });
  remember("RightsNoticeEvent", noticeEvent, () =>
    db.rightsNoticeEvent.findUniqueOrThrow({ where: { id: noticeEvent.id } }),
  );

  await db.articleRevision.create({ data: revision });
  remember("ArticleRevision", revision, () =>
    db.articleRevision.findUniqueOrThrow({ where: { id: revision.id } }),
  );

  await db.originalRevision.create({ data: originalRevision });
  remember("OriginalRevision", originalRevision, () =>
    db.originalRevision.findUniqueOrThrow({ where: { id: originalRevision.id } }),
  );

  await db.slugRedirect.create({ data: slugRedirect });
  remember("SlugRedirect", slugRedirect, () =>
    db.slugRedirect.findUniqueOrThrow({
      where: { entityType_oldSlug: { entityType: slugRedirect.entityType, oldSlug: slugRedirect.oldSlug } },
    }),
  );

  await db.tag.create({ data: tag });
  remember("Tag", tag, () => db.tag.findUniqueOrThrow({ where: { id: tag.id } }));

  await db.articleTag.create({ data: articleTag });
  remember("ArticleTag", articleTag, () =>
    db.articleTag.findUniqueOrThrow({
      where: { articleId_tagId: { articleId: articleTag.articleId, tagId: articleTag.tagId } },
    }),
  );

  for (const person of [author, translator]) {
    await db.person.create({ data: person });
    remember("Person", person, () => db.person.findUniqueOrThrow({ where: { id: person.id } }));
  }

  for (const byline of [authorByline, translatorByline]) {
    await db.articleByline.create({ data: byline });
    remember("ArticleByline", byline, () =>
      db.articleByline.findUniqueOrThrow({
        where: {
          articleId_personId_role: {
            articleId: byline.articleId,
            personId: byline.personId,
            role: byline.role,
          },
        },
      }),
    );
  }

  await db.rightsCheck.create({ data: rightsCheck });
  remember("RightsCheck", rightsCheck, () =>
    db.rightsCheck.findUniqueOrThrow({ where: { id: rightsCheck.id } }),
  );

  for (const comment of [rootComment, staffReply]) {
    await db.comment.create({ data: comment });
    remember("Comment", comment, () => db.comment.findUniqueOrThrow({ where: { id: comment.id } }));
  }

  await db.commentModeration.create({ data: moderation });
  remember("CommentModeration", moderation, () =>
    db.commentModeration.findUniqueOrThrow({ where: { id: moderation.id } }),
  );

  await db.commentReport.create({ data: report });
  remember("CommentReport", report, () => db.commentReport.findUniqueOrThrow({ where: { id: report.id } }));

  await db.auditLog.create({ data: auditEntry });
  remember("AuditLog", auditEntry, () => db.auditLog.findUniqueOrThrow({ where: { id: auditEntry.id } }));

  await db.commentReplySubscription.create({ data: replySubscription });
  remember("CommentReplySubscription", replySubscription, () =>
    db.commentReplySubscription.findUniqueOrThrow({ where: { id: replySubscription.id } }),
  );
  await db.outboundMail.create({ data: outboundMail });
  remember("OutboundMail", outboundMail, () =>
    db.outboundMail.findUniqueOrThrow({ where: { id: outboundMail.id } }),
  );

  await db.storedFile.create({ data: storedFile });
  remember("StoredFile", storedFile, () => db.storedFile.findUniqueOrThrow({ where: { id: storedFile.id } }));
  for (const chunk of storedFileChunks) {
    await db.storedFileChunk.create({ data: chunk });
    remember("StoredFileChunk", chunk, () =>
      db.storedFileChunk.findUniqueOrThrow({
        where: { fileId_index: { fileId: chunk.fileId, index: chunk.index } },
      }),
    );
  }

  await db.webhookEndpoint.create({ data: webhookEndpoint });
  remember("WebhookEndpoint", webhookEndpoint, () =>
    db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhookEndpoint.id }, omit: { secret: false } }),
  );
  for (const delivery of [webhookDelivery, webhookResend]) {
    await db.webhookDelivery.create({ data: delivery });
    remember("WebhookDelivery", delivery, () =>
      db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
    );
  }
  for (const attempt of webhookAttempts) {
    await db.webhookAttempt.create({ data: attempt });
    remember("WebhookAttempt", attempt, () =>
      db.webhookAttempt.findUniqueOrThrow({ where: { id: attempt.id } }),
    );
  }

  await db.setting.create({ data: commentSettings });
  remember("Setting", commentSettings, () =>
    db.setting.findUniqueOrThrow({ where: { key: commentSettings.key } }),
  );
}

/** Whether the article's generated search vector matches a websearch-style query. */
async function searchVectorMatches(articleId: string, query: string): Promise<boolean | undefined> {
  const rows = await db.$queryRaw<{ hit: boolean }[]>`
    select "searchVector" @@ websearch_to_tsquery('english', ${query}) as hit
    from "Article" where id = ${articleId}`;
  expect(rows, `article ${articleId}`).toHaveLength(1);
  return rows[0]?.hit;
}

// ─── Tests ───────────────────────────────────────────────────────────────────

describe("every model round-trips through the generated client", () => {
  beforeAll(writeGraph);

  it.each(ALL_MODELS)("%s reads back exactly as written", async (model) => {
    const trips = roundTrips.get(model);
    expect(trips, `no ${model} row is written by writeGraph(): add one`).toBeDefined();
    for (const { written, readBack } of trips ?? []) {
      expect(await readBack()).toEqual(written);
    }
    covered.add(model);
  });

  it("follows the self-relations: a comment reply and an authorization renewal", async () => {
    const thread = await db.comment.findUniqueOrThrow({
      where: { id: rootComment.id },
      select: { parent: { select: { id: true } }, replies: { select: { id: true, parentId: true } } },
    });
    expect(thread).toEqual({ parent: null, replies: [{ id: staffReply.id, parentId: rootComment.id }] });

    const renewal = await db.reprintAuthorization.findUniqueOrThrow({
      where: { id: deniedRenewal.id },
      select: { renews: { select: { id: true, status: true } }, renewedBy: { select: { id: true } } },
    });
    expect(renewal).toEqual({ renews: { id: grantedThenRevoked.id, status: "REVOKED" }, renewedBy: [] });

    const original = await db.reprintAuthorization.findUniqueOrThrow({
      where: { id: grantedThenRevoked.id },
      select: { renewedBy: { select: { id: true } } },
    });
    expect(original.renewedBy).toEqual([{ id: deniedRenewal.id }]);
  });

  it("leaves passwordHash out of users unless asked for it", async () => {
    const user = await db.user.findFirst({ where: { id: editor.id } });
    expect(user).not.toBeNull();
    expect(user).not.toHaveProperty("passwordHash");
    expect(user).toEqual({ ...editor, passwordHash: undefined });

    const withHash = await db.user.findFirst({ where: { id: editor.id }, omit: { passwordHash: false } });
    expect(withHash).toHaveProperty("passwordHash", editor.passwordHash);
  });

  it("fills the generated searchVector from the article text", async () => {
    const unrelated = await db.article.create({
      data: {
        slug: "harvest-report",
        title: "Harvest report",
        excerpt: "Rice prices in Niigata.",
        body: { type: "doc", content: [] },
        bodyText: "Farmers in Niigata expect a good harvest.",
      },
    });
    // "Kishida" appears only in the body text of `article`, not in its title or excerpt.
    expect(article.title + article.excerpt).not.toContain("Kishida");
    expect(await searchVectorMatches(article.id, "Kishida")).toBe(true);
    expect(await searchVectorMatches(unrelated.id, "Kishida")).toBe(false);
    expect(await searchVectorMatches(unrelated.id, "harvest")).toBe(true);
  });

  it("covers every model of the schema", () => {
    expect([...covered].sort()).toEqual(ALL_MODELS);
  });
});

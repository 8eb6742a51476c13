// What a takedown notice must hold: the six elements of 17 U.S.C. §512(c)(3)(A), in words a
// claimant understands, and the form's fields with their English and Chinese labels. Client-safe:
// the public form and the server's refusals read the same text.

export const NOTICE_FIELDS = [
  "claimantName",
  "organisation",
  "contactEmail",
  "workTitle",
  "workUrl",
  "articleUrls",
  "details",
  "goodFaith",
  "accuracy",
  "signature",
] as const;

export type NoticeField = (typeof NOTICE_FIELDS)[number];

/** The form's labels: English, with Chinese beside it. */
export const NOTICE_LABELS: Record<NoticeField, { en: string; zh: string }> = {
  claimantName: { en: "Your full name", zh: "您的姓名" },
  organisation: { en: "Organisation (if you act for one)", zh: "机构名称（如代表机构）" },
  contactEmail: { en: "Email address", zh: "电子邮箱" },
  workTitle: { en: "Title of your original work", zh: "原作品标题" },
  workUrl: { en: "Address (URL) of the original", zh: "原作品网址" },
  articleUrls: {
    en: "Addresses (URLs) of the articles on our site, one per line",
    zh: "本站相关文章网址（每行一个）",
  },
  details: { en: "Anything else we should know (optional)", zh: "补充说明（选填）" },
  goodFaith: {
    en: "I believe in good faith that this use of the work is not authorized by the rights holder, its agent or the law.",
    zh: "本人善意地相信，上述使用未经权利人、其代理人或法律授权。",
  },
  accuracy: {
    en: "The information in this notice is accurate, and under penalty of perjury I am the rights holder or authorized to act for them.",
    zh: "本通知所述信息准确无误；如有不实，本人愿承担伪证责任；本人是权利人或经其授权代为行事。",
  },
  signature: { en: "Signature: type your full name", zh: "签名：请输入您的全名" },
};

/** The six elements, each with the fields that carry it. */
export const NOTICE_ELEMENTS = [
  {
    key: "signature",
    fields: ["signature"],
    text: "your signature (type your full name)",
  },
  {
    key: "work",
    fields: ["workTitle", "workUrl"],
    text: "the work you say is copied: its title and the address (URL) of the original",
  },
  {
    key: "material",
    fields: ["articleUrls"],
    text: "the addresses (URLs) of the articles on our site that copy it",
  },
  {
    key: "contact",
    fields: ["claimantName", "contactEmail"],
    text: "how we can reach you: your name and your email address",
  },
  {
    key: "goodFaith",
    fields: ["goodFaith"],
    text: "a statement that you believe in good faith the use is not authorized",
  },
  {
    key: "accuracy",
    fields: ["accuracy"],
    text: "a statement that the notice is accurate and that you are the rights holder or act for them",
  },
] as const satisfies ReadonlyArray<{ key: string; fields: readonly NoticeField[]; text: string }>;

/** The longest each text may be (characters); a URL list may name at most MAX_ARTICLE_URLS. */
export const NOTICE_LIMITS = {
  claimantName: 200,
  organisation: 200,
  contactEmail: 254,
  workTitle: 500,
  workUrl: 2000,
  articleUrl: 2000,
  details: 10_000,
  signature: 200,
} as const;

export const MAX_ARTICLE_URLS = 50;

/** A whole notice, as sent, may be at most this large. */
export const MAX_NOTICE_BYTES = 64 * 1024;

/** The case page a withdrawal's 451 answer points to (RFC 7725 `blocked-by`). */
export const noticeCasePath = (caseNumber: string) => `/rights/notices/${encodeURIComponent(caseNumber)}`;

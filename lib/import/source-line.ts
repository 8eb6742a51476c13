import type { ImportedSource, SourcePlatform } from "./types";

const COLON = String.raw`\s*[:：]\s*`;

// Rights statements in a source line; the earliest match in the line wins.
const AUTHORIZATION_CLAIMS: readonly RegExp[] = [
  /\b(?:has|have|is|are|was|were)\s+(?:been\s+)?authori[sz]ed\b/iu,
  /\b(?:reprinted|republished|reproduced|translated|published|used|posted|shared)\s+(?:here\s+)?(?:with|by|under)\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent|licen[cs]e)\b/iu,
  /\bwith\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent)\b/iu,
  /\bby\s+permission\b/iu,
  /\bpermission\s+(?:granted|obtained)\b/iu,
  /\bauthori[sz]ed\b/iu,
  /(?:本文)?(?:已经?|经)(?:获得?|取得)?(?:原?作者(?:本人)?)?授权/u,
  /转载已获授权|授权转载|获授权|已授权/u,
];

interface PlatformLabel {
  platform: SourcePlatform;
  /** Regular expression source for the label, e.g. "wechat official account". */
  label: string;
  /** Generic English words ("site", "agency") name a platform only with a colon: "Site: …". */
  colonOnly?: boolean;
  /** Never stripped from the end of a name. */
  prefixOnly?: boolean;
}

// Longer labels first: "微信公众号" before "微信".
const PLATFORM_LABELS: readonly PlatformLabel[] = [
  {
    platform: "WECHAT_ACCOUNT",
    label: String.raw`we\s?chat\s+(?:official|public|subscription)\s+(?:account|platform|number)`,
  },
  { platform: "WECHAT_ACCOUNT", label: String.raw`we\s?chat\s+(?:account|public\s+number|id)` },
  { platform: "WECHAT_ACCOUNT", label: String.raw`weixin\s+(?:official\s+|public\s+)?account` },
  { platform: "WECHAT_ACCOUNT", label: String.raw`(?:official|public)\s+(?:wechat\s+)?account` },
  { platform: "WECHAT_ACCOUNT", label: "微信公众号|微信公众平台|微信订阅号|微信号|公众号" },
  { platform: "WECHAT_ACCOUNT", label: String.raw`we\s?chat|weixin|微信` },
  { platform: "NEWSPAPER", label: "newspaper|报纸|报刊|纸媒" },
  { platform: "NEWSPAPER", label: String.raw`daily\s+newspaper|print\s+edition` },
  // "Xinhua News Agency", "中国新闻社": the words belong to the name, so they name the platform only up front.
  {
    platform: "AGENCY",
    label: String.raw`(?:news|press)\s+agency|wire\s+service|通讯社|新闻社`,
    prefixOnly: true,
  },
  { platform: "AGENCY", label: "agency", colonOnly: true },
  {
    platform: "INDIVIDUAL",
    label: String.raw`personal\s+(?:blog|account|website|page)|author's\s+(?:blog|account|page)`,
  },
  { platform: "INDIVIDUAL", label: "individual|个人", colonOnly: true },
  { platform: "WEBSITE", label: String.raw`website|web\s+site|news\s+site|网站|网页|客户端` },
  { platform: "WEBSITE", label: "site|web|online|blog|app", colonOnly: true },
];

// When no label says what the source is, its name may: 人民日报, 新华社, 环球网, Xinhua News Agency.
const PLATFORM_BY_NAME: ReadonlyArray<{ platform: SourcePlatform; pattern: RegExp }> = [
  {
    platform: "AGENCY",
    pattern:
      /(?:新华社|中新社|中国新闻社|通讯社|新闻社|路透社|美联社|法新社|共同社|塔斯社|韩联社|俄新社)$|\b(?:news agency|press agency|xinhua|reuters|associated press|agence france-presse|afp|kyodo(?: news)?|tass|ria novosti|yonhap|bernama)$/iu,
  },
  { platform: "NEWSPAPER", pattern: /报$|\b(?:daily|times|herald|gazette|tribune|newspaper)$/iu },
  { platform: "WEBSITE", pattern: /网$|^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?$/iu },
];

const QUOTES = String.raw`"“”'‘’「」『』《》〈〉【】\[\]`;

/**
 * The source a source line names, from the text after its label: "wechat official account: Bu Yidao has been
 * authorized to reprint" is Bu Yidao, a WeChat account, with that rights statement.
 */
export function parseSource(value: string, line: string, labelClaim: string | null): ImportedSource | null {
  let head = value;
  let claim = labelClaim;
  const claimStart = Math.min(
    ...AUTHORIZATION_CLAIMS.map((pattern) => pattern.exec(value)?.index ?? Number.POSITIVE_INFINITY),
  );
  if (Number.isFinite(claimStart)) {
    head = value.slice(0, claimStart);
    claim = cleanClaim(value.slice(claimStart));
  }

  let platform: SourcePlatform | null = null;
  for (const { platform: candidate, label: platformLabel, colonOnly, prefixOnly } of PLATFORM_LABELS) {
    const separator = colonOnly ? COLON : String.raw`\s*[:：]\s*|\s+|(?=[${QUOTES}]|\p{Script=Han})`;
    const prefix = new RegExp(String.raw`^\s*(?:${platformLabel})(?:${separator})`, "iu").exec(head);
    if (prefix && head.slice(prefix[0].length).trim() !== "") {
      platform = candidate;
      head = head.slice(prefix[0].length);
      break;
    }
    if (colonOnly || prefixOnly) continue;
    // "环球时报微信公众号", "Global Times WeChat account", "Bu Yidao (WeChat official account)"
    const suffix = new RegExp(
      String.raw`(?:\s*[(（]\s*(?:${platformLabel})\s*[)）]|\s*[,，]\s*(?:${platformLabel})|\s+(?:${platformLabel})|(?<=\p{Script=Han}|[${QUOTES}])(?:${platformLabel}))\s*$`,
      "iu",
    ).exec(head);
    if (suffix && head.slice(0, suffix.index).trim() !== "") {
      platform = candidate;
      head = head.slice(0, suffix.index);
      break;
    }
  }

  let name = head
    .replace(/[\s,，]*\b(?:which|who|that)\s*$/iu, "")
    .replace(new RegExp(`^[\\s${QUOTES}@:：\\-–—|｜]+|[\\s${QUOTES}(（,，;；:：.。\\-–—|｜/]+$`, "gu"), "")
    .replace(/\s+/g, " ");
  const url = /^(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,})(?:[/?#]\S*)?$/iu.exec(name);
  if (url?.[1] && (name.includes("/") || /^www\./i.test(name) || !platform)) {
    name = url[1].replace(/^www\./i, "");
    platform ??= "WEBSITE";
  }
  if (!name || name.length > 120) return null;
  platform ??= PLATFORM_BY_NAME.find(({ pattern }) => pattern.test(name))?.platform ?? null;
  return { name, platform, authorizationClaim: claim || null, line };
}

export function cleanClaim(claim: string): string {
  return claim.replace(/^[\s(（,，;；:：\-–—]+|[\s)）.,，。;；]+$/gu, "");
}

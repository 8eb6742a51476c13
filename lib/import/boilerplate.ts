/**
 * drop: removed wherever it stands. end: the comment form; it and everything after it go.
 * end-after-body: the article has ended ("Related posts", "3 Comments"), but only once its body has
 * begun, since themes print the same words as links above an article. drop-at-edges: metadata, removed
 * before the first or after the last paragraph, kept as text in between. break: a placeholder for an
 * image, read as a section break.
 */
export type BoilerplateAction = "drop" | "end" | "end-after-body" | "drop-at-edges" | "break";

interface BoilerplateRule {
  action: BoilerplateAction;
  /** Whole lines, lower-cased, without trailing ":", "*", "." or "…". */
  exact?: readonly string[];
  /** Line beginnings, lower-cased. */
  prefix?: readonly string[];
  pattern?: RegExp;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;

const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    action: "drop",
    exact: [
      // share widgets and reactions
      "spread the love",
      "sharing is caring",
      "share",
      "share this",
      "share this article",
      "share this post",
      "share this story",
      "share on",
      "share via",
      "shares",
      "tweet",
      "pin it",
      "like this",
      "like",
      "loading",
      "be the first to like this",
      "opens in new window",
      "(opens in new window)",
      "email",
      "print",
      "facebook",
      "twitter",
      "linkedin",
      "whatsapp",
      "telegram",
      "reddit",
      "pinterest",
      "advertisement",
      "sponsored",
      "subscribe",
      "read more",
      "continue reading",
      // WeChat page furniture
      "分享",
      "分享至",
      "点赞",
      "在看",
      "收藏",
      "转发",
      "阅读原文",
      "微信扫一扫关注该公众号",
      "微信扫一扫",
      "预览时标签不可点",
      "继续滑动看下一个",
      "向上滑动看下一个",
      "轻触阅读原文",
      "知道了",
    ],
    prefix: [
      "click to share",
      "click to email",
      "click to print",
      "share on facebook",
      "share on twitter",
      "share on x",
      "share to",
      "分享到",
      "长按二维码",
      "长按识别",
      "扫码关注",
      "点击上方",
      "点击蓝字",
      "sign up for our newsletter",
      "subscribe to our newsletter",
    ],
  },
  {
    action: "drop",
    // a share bar flattened onto one line: "Facebook Twitter WhatsApp Email"
    pattern:
      /^(?:(?:share|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|pocket|e-?mail|print|weibo|wechat|微信|微博|qq|more)[\s,|·•/]*){2,}$/iu,
  },
  { action: "drop", pattern: /^[-—–=*\s]*(?:end|完)[-—–=*\s]*$|^[(（]完[)）]$/iu },
  {
    action: "end",
    // the WordPress comment form
    exact: ["leave a reply", "post comment", "cancel reply"],
    prefix: [
      "your email address will not be published",
      "required fields are marked",
      "leave a reply to",
      "you must be logged in to post a comment",
      "this site uses akismet",
      "click here to cancel reply",
    ],
  },
  {
    action: "end-after-body",
    exact: [
      "leave a comment",
      "leave a response",
      "comments",
      "responses",
      "join the discussion",
      // related-content tails and post navigation
      "related",
      "related posts",
      "related articles",
      "related stories",
      "related content",
      "you may also like",
      "you might also like",
      "read next",
      "recommended",
      "recommended for you",
      "more stories",
      "post navigation",
      "previous post",
      "next post",
      "previous article",
      "next article",
      "相关文章",
      "相关阅读",
      "相关推荐",
      "推荐阅读",
      "延伸阅读",
      "猜你喜欢",
      "喜欢此内容的人还喜欢",
      "发表评论",
      "写留言",
      "留言",
      "精选留言",
      "评论",
    ],
    pattern: /^(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+on\b.{0,200})?$/iu,
  },
  {
    action: "drop-at-edges",
    exact: ["home", "menu", "search", "skip to content", "原创"],
    prefix: [
      "posted on",
      "posted in",
      "published on",
      "updated on",
      "last updated",
      "filed under",
      "tags:",
      "tagged:",
      "categories:",
      "category:",
      "reading time",
      "copyright ©",
      "copyright (c)",
      "©",
      "all rights reserved",
      "原创 ",
      "发表于",
      "阅读量",
      "发布时间",
      "图片来源",
      "图源",
      "题图",
    ],
    pattern: new RegExp(
      String.raw`^(?:\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4})` +
        String.raw`(?:[\s,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?(?:\s+[^.。!?！？]{0,30})?$|^\d+\s*min(?:ute)?s?\s+read$`,
      "iu",
    ),
  },
  {
    action: "break",
    pattern: /^[[【](?:image|img|photo|picture|figure|video|图片|图|视频)[^\]】]{0,80}[\]】]$/iu,
  },
];

const BOILERPLATE_PREFIX_MAX_LENGTH = 160;

export function matchBoilerplate(line: string): BoilerplateAction | null {
  const key = line
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s:：*.。!！…]+$/u, "");
  for (const rule of BOILERPLATE_RULES) {
    if (rule.exact?.includes(key)) return rule.action;
    if (
      line.length <= BOILERPLATE_PREFIX_MAX_LENGTH &&
      rule.prefix?.some((prefix) => key.startsWith(prefix))
    ) {
      return rule.action;
    }
    if (rule.pattern?.test(line)) return rule.action;
  }
  return null;
}

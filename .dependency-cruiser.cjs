// Which part of the code may import which: the rules of docs/architecture.md, checked by
// `npm run lint:architecture` (part of `npm test`). Change the two together.

/** Each domain folder of lib/ and the other domains it may import (besides lib/platform). */
const DOMAIN_IMPORTS = {
  editor: [],
  // Canonical URLs and JSON-LD name articles by their one path helper.
  seo: ["articles/paths.ts"],
  media: [],
  taxonomy: [],
  users: [],
  // The logo is an image of the media library.
  site: ["media"],
  // Evidence files are checked like uploads; the public rule is the articles' visibility rule;
  // the 451 answer reads the slug from an article's path and knows its old slugs; the expiry
  // digest's day is the site's day, in its time zone.
  rights: [
    "media",
    "editor",
    "articles/visibility.ts",
    "articles/visibility-change.ts",
    "articles/paths.ts",
    "articles/slug-redirects.ts",
    "site/stored-identity.ts",
    "webhooks",
  ],
  sources: ["rights", "taxonomy"],
  // An article carries its comment policy; comments' client-safe policy module only.
  articles: ["rights", "media", "sources", "taxonomy", "editor", "comments/policy.ts", "webhooks"],
  comments: ["articles", "seo", "webhooks"],
  // Webhooks name articles by their one path helper. Articles, rights and comments emit events.
  webhooks: ["articles/paths.ts"],
  search: ["articles"],
  feeds: ["articles", "comments", "editor", "seo", "site", "sources"],
  // An article's language is the site's.
  "content-api": ["articles", "editor", "rights", "seo", "site/identity.ts", "sources", "taxonomy"],
  import: ["articles", "editor", "taxonomy", "sources", "rights"],
  dashboard: ["articles", "rights", "comments"],
  seed: [
    "articles",
    "comments",
    "editor",
    "import",
    "media",
    "rights",
    "site",
    "sources",
    "taxonomy",
    "users",
  ],
};

const escape = (text) => text.replace(/[.()[\]]/g, "\\$&");
const target = (entry) => (entry.endsWith(".ts") ? `^lib/${escape(entry)}$` : `^lib/${entry}/`);

const domainRules = Object.entries(DOMAIN_IMPORTS).map(([domain, allowed]) => ({
  name: `domain-${domain}`,
  comment: `lib/${domain} may import only lib/platform and: ${allowed.join(", ") || "no other domain"}.`,
  severity: "error",
  from: { path: `^lib/${domain}/` },
  to: {
    path: "^lib/",
    pathNot: [`^lib/(${domain}|platform|generated)/`, ...allowed.map(target)],
  },
}));

/** Public pages and their components: never the staff side. */
const PUBLIC = "^(app/\\(site\\)/|components/(article|archive|comments|home|rights|search|site)/)";
const STAFF = "^(app/\\(admin\\)/|app/\\(auth\\)/|components/(admin|editor|auth)/)";

const KNOWN_FOLDERS = ["platform", "generated", ...Object.keys(DOMAIN_IMPORTS)].join("|");

module.exports = {
  forbidden: [
    {
      name: "lib-folder-known",
      comment: "Every file of lib/ sits in lib/platform or a domain folder named in DOMAIN_IMPORTS.",
      severity: "error",
      from: { path: `^lib/`, pathNot: `^lib/(${KNOWN_FOLDERS})/` },
      to: {},
    },
    {
      name: "lib-not-app-or-components",
      comment: "lib/ is the server and shared logic: it never imports app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "platform-stands-alone",
      comment: "lib/platform is the ground every domain stands on: it imports no domain.",
      severity: "error",
      from: { path: "^lib/platform/" },
      to: { path: "^lib/", pathNot: "^lib/(platform|generated)/" },
    },
    {
      name: "components-not-app",
      comment: "Components call the server actions of app/ and import nothing else from it.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/", pathNot: "^app/.+/actions\\.ts$" },
    },
    {
      name: "public-not-staff",
      comment: "Public pages never import staff pages or components.",
      severity: "error",
      from: { path: PUBLIC },
      to: { path: STAFF },
    },
    ...domainRules,
    {
      name: "no-circular",
      comment: "No import cycles between files.",
      severity: "error",
      from: { path: "^(app|components|lib)/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|lib/generated)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".d.ts"],
    },
  },
};

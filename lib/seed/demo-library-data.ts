// The demo library beside the seed reprint: short pieces of our own and reprints from three
// sources, each under an authorization that covers it, so a new site shows a living front page.
// Sources, people and commenters are invented; their addresses use reserved example domains.
import type { AuthorizationScope, SourceKind, TagKind } from "@/lib/generated/prisma/enums";
import type { PlainBlock } from "@/lib/editor/document";

export interface DemoSource {
  key: string;
  name: string;
  kind: SourceKind;
  url: string;
  description: string;
  authorization: {
    scope: AuthorizationScope;
    /** For ARTICLE scope: the key of the one piece it covers. */
    pieceKey?: string;
    attributionText: string;
    linkBackRequired: boolean;
    modificationAllowed: boolean;
    translationAllowed: boolean;
    grantorStatement: string;
    validFrom: string;
    evidenceNote: string;
  };
}

export interface DemoComment {
  name: string;
  /** Private, as every commenter's email. */
  email: string;
  website?: string;
  body: string;
  /** Hours after the article's publication. */
  afterHours: number;
  replies?: DemoComment[];
}

export interface DemoPiece {
  key: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  authors: string[];
  translators?: string[];
  /** Tag names: the seed reprint's (demo-tags.ts) or DEMO_LIBRARY_TAGS. */
  tags: string[];
  reprint?: {
    sourceKey: string;
    originalUrl: string;
    originalTitle?: string;
    originalLanguage?: string;
  };
  /** The original kept beside a translation (revision 1), paragraph for paragraph. */
  original?: { language: string; title: string; authorLine: string; publishedOn: string; body: PlainBlock[] };
  /** A card the seed draws (a gradient and the title), as the featured image. */
  card?: { from: string; to: string; kicker: string; alt: string };
  body: PlainBlock[];
  comments?: DemoComment[];
}

const p = (text: string): PlainBlock => ({ type: "paragraph", text });
const h = (text: string): PlainBlock => ({ type: "heading", text });

/** Tags the library needs beyond the seed reprint's. */
export const DEMO_LIBRARY_TAGS: ReadonlyArray<{ name: string; kind: TagKind; description?: string }> = [
  { name: "Regional diplomacy", kind: "TOPIC" },
  { name: "Trade and shipping", kind: "TOPIC" },
  { name: "Technology", kind: "TOPIC" },
  { name: "Maritime security", kind: "TOPIC" },
  { name: "Southeast Asia", kind: "PLACE" },
  { name: "Philippines", kind: "PLACE" },
  { name: "Mekong River", kind: "PLACE" },
  { name: "South China Sea", kind: "PLACE" },
  { name: "European Union", kind: "ORGANIZATION" },
  { name: "ASEAN", kind: "ORGANIZATION", description: "The Association of Southeast Asian Nations." },
];

/** Bylines: every name in `authors` and `translators` above, with a line about each. */
export const DEMO_LIBRARY_PEOPLE: ReadonlyArray<{ name: string; bio: string }> = [
  { name: "Lin Mei-hua", bio: "Editor at Crosscurrent; writes on cross-Strait politics." },
  { name: "Kenji Arai", bio: "Writes on Japanese defense budgets and alliance management." },
  { name: "Priya Raman", bio: "Covers Southeast Asian diplomacy from Singapore." },
  { name: "Tomás Herrera", bio: "Crosscurrent's desk editor; reads official statements for a living." },
  { name: "Daniel Okafor", bio: "Maritime economist and contributor to Harbour Line Review." },
  { name: "Hana Kobayashi", bio: "Columnist for The Southern Meridian, based in Naha." },
  { name: "Wang Jie", bio: "Author of the Jade Bridge Notes account." },
  { name: "Chen Yu", bio: "Translator from Chinese for Crosscurrent." },
];

export const DEMO_LIBRARY_SOURCES: readonly DemoSource[] = [
  {
    key: "harbour-line",
    name: "Harbour Line Review",
    kind: "WEBSITE",
    url: "https://harbourline.example.org",
    description: "An online review of trade, shipping and security in the Asia-Pacific.",
    authorization: {
      scope: "WHOLE_SOURCE",
      attributionText: "First published by Harbour Line Review. Reprinted with permission.",
      linkBackRequired: true,
      modificationAllowed: false,
      translationAllowed: false,
      grantorStatement:
        "Crosscurrent may republish any Harbour Line Review article in full, with a link back.",
      validFrom: "2025-01-01T00:00:00Z",
      evidenceNote: "Signed syndication letter from the review's managing editor.",
    },
  },
  {
    key: "southern-meridian",
    name: "The Southern Meridian",
    kind: "NEWSPAPER",
    url: "https://meridian.example.com",
    description: "A regional daily published in Okinawa.",
    authorization: {
      scope: "ARTICLE",
      pieceKey: "okinawa-front-line",
      attributionText:
        "This column first appeared in The Southern Meridian and is reprinted with its permission.",
      linkBackRequired: true,
      modificationAllowed: false,
      translationAllowed: false,
      grantorStatement: "Permission is granted to reprint the column of 14 May 2025 once, unaltered.",
      validFrom: "2025-05-14T00:00:00Z",
      evidenceNote: "Email from the paper's rights desk granting this one column.",
    },
  },
  {
    key: "jade-bridge",
    name: "Jade Bridge Notes",
    kind: "WECHAT_ACCOUNT",
    url: "https://jadebridge.example.net",
    description: "A WeChat official account on China's maritime neighbours.",
    authorization: {
      scope: "WHOLE_SOURCE",
      attributionText:
        "Source: WeChat official account Jade Bridge Notes. Translated and reprinted with authorization.",
      linkBackRequired: false,
      modificationAllowed: false,
      translationAllowed: true,
      grantorStatement: "本公众号文章经授权可翻译转载，请注明出处。",
      validFrom: "2025-03-01T00:00:00Z",
      evidenceNote: "Screenshot of the account's reprint notice and the editor's confirming message.",
    },
  },
];

export const DEMO_LIBRARY_PIECES: readonly DemoPiece[] = [
  {
    key: "quiet-in-the-strait",
    title: "Reading the quiet in the Taiwan Strait",
    excerpt:
      "A calm week in the Strait is not the same as a settled one. Three signals are worth more than the headlines.",
    publishedAt: "2025-11-18T07:30:00Z",
    authors: ["Lin Mei-hua"],
    tags: ["Cross-Strait relations", "Taiwan Strait", "Taiwan", "China", "United States"],
    card: {
      from: "#1d3557",
      to: "#9b2c1f",
      kicker: "Analysis",
      alt: "A dark blue to red gradient card with the article's title",
    },
    body: [
      p(
        "Weeks without drills or sharp statements tempt commentators to declare a thaw. The record suggests caution: quiet periods in the Strait have as often preceded pressure as followed a settlement.",
      ),
      h("Three signals worth watching"),
      p(
        "First, the tempo of coast guard patrols near the outlying islands, which changes with less publicity than military exercises. Second, the wording of the Taiwan Affairs Office's weekly briefings, where a single adjective can move. Third, the schedule of legislative visits between Taipei and Washington, which both capitals treat as a barometer.",
      ),
      p(
        "None of these settles the question alone. Read together, they tell us more than the absence of headlines does.",
      ),
      p(
        "Our view is modest: the calm is real, and it is conditional. Readers should expect it to be tested before the next round of elections on the island.",
      ),
    ],
    comments: [
      {
        name: "Meilin",
        email: "meilin@example.org",
        website: "https://meilin.example.org",
        body: "The point about briefing language is well taken. Could you publish a side-by-side of last year's wording?",
        afterHours: 5,
        replies: [
          {
            name: "Lin Mei-hua",
            email: "desk@crosscurrent.example",
            body: "We are putting one together for a follow-up piece. Thank you for the nudge.",
            afterHours: 9,
          },
        ],
      },
      {
        name: "R. Ortega",
        email: "rortega@example.com",
        body: "Coast guard tempo is the quiet indicator most coverage misses. Good to see it named.",
        afterHours: 26,
      },
    ],
  },
  {
    key: "japan-defense-arithmetic",
    title: "Japan's defense budget: the arithmetic behind the headline",
    excerpt:
      "A record figure in yen is a smaller story in dollars and a different one in ships. How to read the number.",
    publishedAt: "2025-10-02T06:00:00Z",
    authors: ["Kenji Arai"],
    tags: ["Defense policy", "Japan", "Ministry of Defense", "United States"],
    body: [
      p(
        "Every December brings a headline about Japan's largest defense budget on record. The figure is true, and on its own it says little.",
      ),
      p(
        "A weak yen has eroded what the money buys abroad, and much of the increase goes to munitions stockpiles, maintenance and housing for personnel rather than to new platforms. Those are unglamorous lines, and they are what planners in Tokyo have long said was missing.",
      ),
      p(
        "The more useful comparison is with the target of two percent of GDP that the government set itself. Measured that way, spending is rising steadily but still short of the goal, and the debate about how to pay for it has barely begun.",
      ),
    ],
  },
  {
    key: "asean-hedging",
    title: "ASEAN's hedging is a strategy, not indecision",
    excerpt:
      "Southeast Asian governments decline to choose sides because choosing would cost them more than it would win.",
    publishedAt: "2025-09-12T04:00:00Z",
    authors: ["Priya Raman"],
    tags: ["Regional diplomacy", "ASEAN", "Southeast Asia", "China", "United States"],
    body: [
      p(
        "It is common in Western commentary to describe ASEAN as divided or slow. From Jakarta or Hanoi the picture looks different: keeping relations open with both Beijing and Washington is a deliberate policy with a long record.",
      ),
      p(
        "Trade with China and security ties with the United States are not alternatives for most members; they are both necessities. Hedging lets governments bank the benefits of each while keeping room to push back on either.",
      ),
      p(
        "The approach has limits, most visibly in the South China Sea, where consensus statements remain cautious. But the alternative, a bloc forced to pick a side, would likely be smaller and weaker.",
      ),
    ],
    comments: [
      {
        name: "Anh Tran",
        email: "anh.tran@example.net",
        body: "As someone who grew up in Hanoi, this matches how policy people there talk about it. Thank you for not calling it fence-sitting.",
        afterHours: 3,
      },
    ],
  },
  {
    key: "reading-a-readout",
    title: "How to read a foreign ministry readout",
    excerpt:
      "Official summaries of a phone call are written to be quoted. A short guide to what they leave out.",
    publishedAt: "2025-08-21T09:00:00Z",
    authors: ["Tomás Herrera"],
    tags: ["Regional diplomacy", "China", "United States", "Japan"],
    body: [
      p(
        "After a call between foreign ministers, each side publishes its own summary. Comparing the two is one of the most useful habits a reader of diplomatic news can form.",
      ),
      h("Look for what only one side mentions"),
      p(
        "If one readout mentions Taiwan and the other does not, that absence is a message in itself. The same goes for trade disputes, detained citizens or upcoming visits.",
      ),
      h("Notice the adjectives"),
      p(
        "Talks described as candid usually mean disagreement. Constructive means both sides want to keep talking. In-depth often signals a long call with little agreed.",
      ),
      p(
        "None of this replaces reporting, but it can keep a reader from mistaking a choreographed statement for a change in policy.",
      ),
    ],
  },
  {
    key: "mekong-water",
    title: "The Mekong's water diplomacy",
    excerpt:
      "Dams upstream and data-sharing agreements downstream: the quiet negotiation over a river that feeds sixty million people.",
    publishedAt: "2025-07-09T05:00:00Z",
    authors: ["Priya Raman"],
    tags: ["Regional diplomacy", "Mekong River", "Southeast Asia", "China"],
    card: {
      from: "#1b4332",
      to: "#2a6f97",
      kicker: "Explainer",
      alt: "A green to blue gradient card with the article's title",
    },
    body: [
      p(
        "The Mekong rises on the Tibetan plateau and reaches the sea in southern Vietnam. Along the way it crosses six countries, each with its own plans for the water.",
      ),
      p(
        "Upstream dams have given China a say over the river's flow in the dry season. Downstream governments have pressed for year-round data on releases, and China has in recent years agreed to share more of it through the Lancang-Mekong cooperation framework.",
      ),
      p(
        "The arrangement is imperfect, and fishermen and farmers in Cambodia and Vietnam still report seasons that no longer behave as they did. It is nonetheless a rare case of a dispute managed mainly through technical cooperation.",
      ),
    ],
  },
  {
    key: "shipping-insurance",
    title: "Shipping lanes, insurance and the price of tension",
    excerpt:
      "War-risk premiums move before navies do. What the insurance market says about the Taiwan Strait.",
    publishedAt: "2025-06-03T08:00:00Z",
    authors: ["Daniel Okafor"],
    tags: ["Trade and shipping", "Maritime security", "Taiwan Strait", "South China Sea"],
    reprint: {
      sourceKey: "harbour-line",
      originalUrl: "https://harbourline.example.org/2025/06/shipping-insurance-strait",
    },
    body: [
      p(
        "Roughly half of the world's container fleet passes through the Taiwan Strait in a given year. Underwriters in London and Singapore price that exposure every day, long before a crisis reaches the news.",
      ),
      p(
        "So far war-risk premiums for the Strait have stayed low, a sign that the market does not expect a disruption soon. They did move briefly during large exercises, and the speed of that movement is instructive: insurers reprice in hours, shipping schedules in weeks, supply chains in years.",
      ),
      p(
        "Governments that want to understand their own exposure could do worse than read the market's notes.",
      ),
    ],
    comments: [
      {
        name: "Grace Lee",
        email: "glee@example.com",
        body: "Is there a public index for these premiums, or is this only visible to brokers?",
        afterHours: 12,
        replies: [
          {
            name: "Daniel Okafor",
            email: "dokafor@example.org",
            body: "Mostly brokers, unfortunately. Some trade publications report spot figures after large exercises.",
            afterHours: 20,
          },
        ],
      },
    ],
  },
  {
    key: "europe-indo-pacific",
    title: "Europe's second look at the Indo-Pacific",
    excerpt:
      "European navies sail east more often than a decade ago. Their governments are still working out what for.",
    publishedAt: "2025-04-25T10:00:00Z",
    authors: ["Daniel Okafor"],
    tags: ["Regional diplomacy", "European Union", "NATO", "China", "Japan"],
    reprint: {
      sourceKey: "harbour-line",
      originalUrl: "https://harbourline.example.org/2025/04/europe-indo-pacific",
    },
    body: [
      p(
        "France, Germany, Italy and the Netherlands have all sent warships to Asian waters in recent years, and the European Union has published its own Indo-Pacific strategy.",
      ),
      p(
        "The deployments are symbolic as much as military: they signal that European governments see freedom of navigation in Asia as their concern too. The harder question is what Europe would do in a crisis, and there its answers remain mostly economic.",
      ),
      p(
        "For partners such as Japan, the value lies less in ships than in coordination on export controls, investment screening and supply chains.",
      ),
    ],
  },
  {
    key: "chips-not-a-shield",
    title: "Semiconductors are not a shield",
    excerpt:
      "The idea that Taiwan's chip industry protects it by making conflict too costly deserves a harder look.",
    publishedAt: "2025-03-17T06:30:00Z",
    authors: ["Daniel Okafor"],
    tags: ["Technology", "Trade and shipping", "Taiwan", "United States", "China"],
    reprint: {
      sourceKey: "harbour-line",
      originalUrl: "https://harbourline.example.org/2025/03/chips-not-a-shield",
    },
    body: [
      p(
        "Taiwan makes most of the world's most advanced chips. It is often argued that this makes an attack on the island unthinkable, since every economy, China's included, depends on them.",
      ),
      p(
        "Deterrence by interdependence has a mixed history. It raises costs, but leaders have accepted high costs before when they believed more was at stake. And new fabrication plants in Arizona, Japan and Germany, built partly to reduce exposure to Taiwan, slowly change the calculation.",
      ),
      p("Chips matter to Taiwan's security. They are one weight on the scale, not the scale itself."),
    ],
  },
  {
    key: "okinawa-front-line",
    title: "Okinawa's view from the front line",
    excerpt:
      "In Naha, talk of deterrence sounds different. A local columnist on living where plans are drawn.",
    publishedAt: "2025-05-16T01:00:00Z",
    authors: ["Hana Kobayashi"],
    tags: ["Defense policy", "Okinawa", "Japan", "United States", "Taiwan"],
    reprint: {
      sourceKey: "southern-meridian",
      originalUrl: "https://meridian.example.com/columns/2025-05-14-front-line",
    },
    body: [
      p(
        "Okinawa hosts most of the United States' military facilities in Japan on a small share of its land. When Tokyo and Washington speak of strengthening the southwestern islands, people here hear a list of places they know by name.",
      ),
      p(
        "Many residents support Japan's defense; many also ask why the burden falls so heavily on one prefecture, and what evacuation plans for the smaller islands would mean in practice.",
      ),
      p(
        "Those questions are not opposition to deterrence. They are the questions of people who would live with its consequences, and national debates would be better for hearing them.",
      ),
    ],
  },
  {
    key: "manila-coast-guard",
    title: "Why Beijing watches Manila's coast guard",
    excerpt:
      "A Chinese commentator on why the Philippine coast guard, not its navy, has become the centre of attention at sea.",
    publishedAt: "2025-02-11T03:00:00Z",
    authors: ["Wang Jie"],
    translators: ["Chen Yu"],
    tags: ["Maritime security", "South China Sea", "Philippines", "China"],
    reprint: {
      sourceKey: "jade-bridge",
      originalUrl: "https://jadebridge.example.net/s/manila-coast-guard",
      originalTitle: "北京为何关注马尼拉的海警",
      originalLanguage: "zh-Hans",
    },
    original: {
      language: "zh-Hans",
      title: "北京为何关注马尼拉的海警",
      authorLine: "王杰",
      publishedOn: "2025-02-09",
      body: [
        p("近两年，南海上的对峙越来越多地发生在双方海警之间，而不是海军之间。对北京来说，这一变化很重要。"),
        p(
          "海警船让两国政府既能宣示主张，又能把事件控制在军事冲突的门槛之下。马尼拉还特意邀请记者登船，把每一次相遇都变成一个公开的故事。",
        ),
        p(
          "在中方看来，这种宣传是试图影响国际舆论。作者认为，双方都有意避免这些相遇升级，而两国海警之间的热线比镜头更能服务于这一共同利益。",
        ),
      ],
    },
    body: [
      p(
        "In the last two years, encounters in the South China Sea have increasingly involved coast guards on both sides rather than navies. For Beijing, this shift matters.",
      ),
      p(
        "Coast guard vessels allow both governments to assert claims while keeping incidents below the threshold of military conflict. Manila has also made a point of inviting journalists aboard, turning each encounter into a public story.",
      ),
      p(
        "From the Chinese side, this publicity is seen as an attempt to shape international opinion. The author argues that both sides have an interest in keeping these encounters from escalating, and that hotlines between the two coast guards would serve that interest better than cameras.",
      ),
    ],
  },
];

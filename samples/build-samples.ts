/**
 * Builds the bundled sample coverage (`samples/sites/`) from the seed captures in `../shared/seeds/`.
 *
 * Each seed's article paragraphs are copied verbatim into an HTML page of one of three sample sites, each
 * with its own template and the boilerplate real pages carry (menus, breadcrumbs, share bars with icon
 * sprites, cookie banners, paywall templates, sponsored and related blocks, footers). An Atom feed lists
 * the five pages with relative links. The output is committed, so the demo runs without `../shared`.
 *
 * Run: `npx tsx samples/build-samples.ts [seedsDir]` (or `npm run samples`).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLES_DIR = dirname(fileURLToPath(import.meta.url));
const SITES_DIR = join(SAMPLES_DIR, 'sites');
const DEFAULT_SEEDS_DIR = resolve(SAMPLES_DIR, '../../shared/seeds');

const SiteKey = { JapanTimes: 'japantimes', NikkeiAsia: 'nikkei-asia', JapanForward: 'japan-forward' } as const;
type SiteKey = (typeof SiteKey)[keyof typeof SiteKey];

/** One seed turned into one page. Body markers are the starts of the first and last article paragraphs. */
interface SampleArticle {
  seed: string;
  site: SiteKey;
  slug: string;
  /** Local publication time; the date is the one in the seed README. */
  published: string;
  /** From the capture when it has one; written from the lead paragraph for 000 and 002, whose captures lack a headline. */
  headline: string;
  byline: string;
  canonicalUrl: string;
  /** Section trail shown in the breadcrumb (the capture's, where it has one). */
  section: [string, string];
  tags: string[];
  bodyFrom: string;
  bodyTo: string;
  /** Standfirst shown under the headline (from the capture). */
  dek?: string;
  /** Image caption (from the capture), shown as a figure with a credit. */
  caption?: { text: string; credit: string };
}

const ARTICLES: SampleArticle[] = [
  {
    seed: '001_',
    site: SiteKey.JapanTimes,
    slug: '2017-11-10-putin-links-peace-treaty',
    published: '2017-11-10T17:12:00+09:00',
    headline: 'Putin links peace treaty to Japan’s alliances but agrees to follow through on North sanctions',
    byline: 'The Japan Times',
    canonicalUrl: 'https://www.japantimes.example/news/2017/11/10/world/politics-diplomacy-world/putin-links-peace-treaty/',
    section: ['INTERNATIONAL', 'Europe & Eurasia'],
    tags: ['Vladimir Putin', 'Shinzo Abe', 'Russia', 'Northern Territories', 'North Korea'],
    bodyFrom: 'Concluding a peace treaty with Japan',
    bodyTo: 'The projects include aquaculture and wind power.',
  },
  {
    seed: '000_',
    site: SiteKey.JapanTimes,
    slug: '2019-06-06-putin-peace-treaty-challenging',
    published: '2019-06-06T21:40:00+09:00',
    headline: 'Putin says peace treaty with Japan is challenging due to Tokyo’s military cooperation with U.S.',
    byline: 'Kyodo',
    canonicalUrl: 'https://www.japantimes.example/news/2019/06/06/national/politics-diplomacy/putin-peace-treaty-challenging/',
    section: ['NATIONAL', 'Politics & Diplomacy'],
    tags: ['Vladimir Putin', 'Shinzo Abe', 'G20', 'Northern Territories', 'New START'],
    bodyFrom: 'Russian President Vladimir Putin said Thursday he wants',
    bodyTo: 'Signed in 2010, the Treaty on Measures',
  },
  {
    seed: '002_',
    site: SiteKey.JapanTimes,
    slug: '2019-12-19-putin-japan-us-alliance-threat',
    published: '2019-12-19T23:05:00+09:00',
    headline: 'Putin says Japan-U.S. alliance still poses a threat, a stumbling block to peace treaty',
    byline: 'Kyodo',
    canonicalUrl: 'https://www.japantimes.example/news/2019/12/19/national/politics-diplomacy/putin-japan-us-alliance-threat/',
    section: ['NATIONAL', 'Politics & Diplomacy'],
    tags: ['Vladimir Putin', 'Toshimitsu Motegi', 'Sergey Lavrov', 'Northern Territories', 'INF Treaty'],
    bodyFrom: 'Russian President Vladimir Putin said Thursday that Japan’s security alliance',
    bodyTo: 'Motegi is on a five-day day trip to Russia',
  },
  {
    seed: '004_',
    site: SiteKey.NikkeiAsia,
    slug: '2019-03-15-putin-tempo-lost-peace-treaty',
    published: '2019-03-15T18:30:00+09:00',
    headline: "Putin says 'Tempo has been lost' on Japan-Russia peace treaty",
    byline: 'Nikkei staff writers',
    canonicalUrl: 'https://asia.nikkei.example/Politics/International-relations/Putin-says-Tempo-has-been-lost-on-Japan-Russia-peace-treaty',
    section: ['Politics', 'International relations'],
    tags: ['Japan-Russia relations', 'Kuril Islands', 'Vladimir Putin'],
    bodyFrom: 'MOSCOW -- Russian President Vladimir Putin said',
    bodyTo: 'Putin said he could not ignore the will of local residents',
    dek: 'Moscow balks at giving Japan disputed islands if US forces can set foot there',
    caption: {
      text: 'Japan would have to back out of its security pact with the U.S. for Russia to accept a peace treaty that returned disputed islands to Tokyo, Putin reportedly said.',
      credit: '© AP',
    },
  },
  {
    seed: '003_',
    site: SiteKey.JapanForward,
    slug: '2024-06-06-putin-no-talks-unless-japan-alters-ukraine-stance',
    published: '2024-06-06T10:00:00+09:00',
    headline: 'Putin says no talks with Japan unless it alters stance on Ukraine',
    byline: 'Kyodo',
    canonicalUrl: 'https://japan-forward.example/putin-says-no-talks-with-japan-unless-it-alters-stance-on-ukraine/',
    section: ['Featured Article', 'News'],
    tags: ['Kyodo', 'Vladimir Putin', 'Ukraine', 'Northern Territories', 'North Korea'],
    bodyFrom: 'Russian President Vladimir Putin said Wednesday',
    bodyTo: 'In connection with North Korea’s development of nuclear weapons',
  },
];

const SITE_NAMES: Record<SiteKey, string> = {
  [SiteKey.JapanTimes]: 'The Japan Times',
  [SiteKey.NikkeiAsia]: 'Nikkei Asian Review',
  [SiteKey.JapanForward]: 'Japan Forward',
};

/** Every sample page says what it is, so nobody mistakes it for the publisher's page. */
const SAMPLE_NOTICE =
  'Sample page generated by Stancewatch (samples/build-samples.ts) from a saved capture for an offline demo; not affiliated with the publisher. Links use the reserved .example domain.';

interface RenderedArticle extends SampleArticle {
  paragraphs: string[];
  path: string;
}

function main(): void {
  const seedsDir = resolve(process.argv[2] ?? DEFAULT_SEEDS_DIR);
  const articles = ARTICLES.map((article) => ({ ...article, paragraphs: readSeedBody(seedsDir, article), path: `${article.site}/${article.slug}.html` }));
  rmSync(SITES_DIR, { recursive: true, force: true });
  for (const article of articles) {
    const related = articles.filter((other) => other !== article);
    writeOutput(article.path, renderPage(article, related));
  }
  writeOutput('feed.xml', renderFeed(articles));
  writeOutput('index.html', renderIndex(articles));
  console.log(`Wrote ${articles.length} pages, feed.xml and index.html to ${SITES_DIR}`);
}

/** The seed's article paragraphs, verbatim: the non-empty lines from `bodyFrom` to `bodyTo`. */
function readSeedBody(seedsDir: string, article: SampleArticle): string[] {
  const file = readdirSync(seedsDir).find((name) => name.startsWith(article.seed) && name.endsWith('.txt'));
  if (!file) throw new Error(`No seed ${article.seed}*.txt in ${seedsDir}; pass the seeds folder as the first argument`);
  const lines = readFileSync(join(seedsDir, file), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines.findIndex((line) => line.startsWith(article.bodyFrom));
  const last = lines.findIndex((line, index) => index >= first && line.startsWith(article.bodyTo));
  if (first < 0 || last < 0) throw new Error(`${file}: body markers "${article.bodyFrom}" / "${article.bodyTo}" not found; update ARTICLES`);
  return lines.slice(first, last + 1);
}

function writeOutput(relativePath: string, content: string): void {
  const path = join(SITES_DIR, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function renderPage(article: RenderedArticle, related: RenderedArticle[]): string {
  const renderers: Record<SiteKey, (article: RenderedArticle, related: RenderedArticle[]) => string> = {
    [SiteKey.JapanTimes]: renderJapanTimes,
    [SiteKey.NikkeiAsia]: renderNikkeiAsia,
    [SiteKey.JapanForward]: renderJapanForward,
  };
  return renderers[article.site](article, related);
}

/** The Japan Times template: UTF-8 text, Open Graph metadata, a print tool and a subscription footer in the article. */
function renderJapanTimes(article: RenderedArticle, related: RenderedArticle[]): string {
  const e = escapeHtml;
  const siteName = SITE_NAMES[article.site];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(article.headline)} | ${e(siteName)}</title>
<meta name="description" content="${e(truncate(article.paragraphs[0], 150))}">
<link rel="canonical" href="${e(article.canonicalUrl)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${e(article.headline)}">
<meta property="og:url" content="${e(article.canonicalUrl)}">
<meta property="og:site_name" content="${e(siteName)}">
<meta property="article:published_time" content="${article.published}">
<meta property="article:section" content="${e(article.section[1])}">
<meta name="author" content="${e(article.byline)}">
<script>window.jtConfig = { section: ${JSON.stringify(article.section[1])}, meter: { limit: 10 } };</script>
<style>body{font-family:Georgia,serif;max-width:62rem;margin:0 auto;padding:0 1rem}.cookie-banner{position:fixed;bottom:0;background:#eee}</style>
</head>
<body class="single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to improve your experience on our site, to analyze traffic and to personalize advertising. By continuing to browse, you agree to our use of cookies.</p>
  <button type="button">Accept all</button> <a href="#privacy">Privacy policy</a>
</div>
<header class="site-header">
  <div class="masthead"><a class="site-logo" href="../index.html">${e(siteName)}</a></div>
  <nav class="main-menu" aria-label="Main menu">
    <ul>
      <li><a href="#news">News</a></li><li><a href="#business">Business</a></li><li><a href="#opinion">Opinion</a></li>
      <li><a href="#life">Life</a></li><li><a href="#community">Community</a></li><li><a href="#culture">Culture</a></li>
      <li><a href="#sports">Sports</a></li>
    </ul>
  </nav>
  <div class="trending-topics">
    <ul><li><a href="#t1">Ambassador</a></li><li><a href="#t2">Ukraine</a></li><li><a href="#t3">COVID-19</a></li><li><a href="#t4">Trending Japan</a></li></ul>
  </div>
  <div class="header-tools"><a class="btn-subscribe" href="#subscribe">Subscribe</a> <a href="#login">Log in</a></div>
</header>
<main id="content" class="site-main">
  <div class="article-tools"><a class="print" href="#print">print</a> <span>PRINT</span></div>
  <ol class="breadcrumbs"><li><a href="#section">${e(article.section[0])}</a></li> &gt; <li><a href="#subsection">${e(article.section[1])}</a></li></ol>
  <article class="jt-article">
    <header class="article-header">
      <h1 class="article-title">${e(article.headline)}</h1>
      <div class="article-meta">
        <p class="byline">by <a rel="author" href="#author">${e(article.byline)}</a></p>
        <time datetime="${article.published}">${e(humanDate(article.published))}</time>
      </div>
    </header>
    <div class="jt-share-bar" aria-label="Share this article">
      ${shareLink('facebook', 'Icon Facebook', 'Facebook')}
      ${shareLink('twitter', 'Icon Twitter', 'Twitter')}
      ${shareLink('mail', 'Icon Mail', 'Email')}
      ${shareLink('print', 'Icon Print', 'Print')}
    </div>
    <div class="article-body jt-article-body">
${article.paragraphs.map((paragraph) => `      <p>${e(paragraph)}</p>`).join('\n')}
    </div>
    <div class="jt-tags">
      <h3>Keywords</h3>
      <ul>${article.tags.map((tag) => `<li><a href="#tag">${e(tag)}</a></li>`).join('')}</ul>
    </div>
    <div class="jt-subscribe-cta">
      <p>In a time of both misinformation and too much information, quality journalism is more crucial than ever.</p>
      <p>By subscribing, you can help us get the story right.</p>
      <a class="button" href="#subscribe">Subscribe now</a>
    </div>
  </article>
  <section class="related-stories">
    <h2>Related stories</h2>
    <ul>${related.map((other) => `<li><a href="${e(relativeLink(article, other))}">${e(other.headline)}</a></li>`).join('')}</ul>
  </section>
  <aside class="sidebar">
    <div class="most-read"><h2>Most read</h2><ol>${related
      .slice(0, 3)
      .map((other) => `<li><a href="${e(relativeLink(article, other))}">${e(other.headline)}</a></li>`)
      .join('')}</ol></div>
    <div class="newsletter-signup">
      <h3>Sign up for the Japan Times Daily newsletter</h3>
      <form action="#newsletter"><input type="email" placeholder="Your email address"><button type="submit">Sign up</button></form>
    </div>
  </aside>
</main>
<footer class="site-footer">
  <nav aria-label="Footer"><ul><li><a href="#about">About us</a></li><li><a href="#contact">Contact us</a></li><li><a href="#terms">Terms of service</a></li><li><a href="#privacy">Privacy policy</a></li></ul></nav>
  <p class="sample-notice">${e(SAMPLE_NOTICE)}</p>
  <p class="copyright">© ${e(siteName)} (sample)</p>
</footer>
</body>
</html>
`;
}

/**
 * The Nikkei Asian Review template: an app shell with a hidden SVG icon sprite (the source of
 * "ArrowArtboardCreated with Sketch…" in captures), JSON-LD, hashed class names, an ad label between
 * paragraphs, a sponsored module and an unrendered metered-paywall template inside the article.
 * ASCII only: everything else as character references.
 */
function renderNikkeiAsia(article: RenderedArticle, related: RenderedArticle[]): string {
  const e = escapeHtmlAscii;
  const siteName = SITE_NAMES[article.site];
  const [beforeAd, afterAd] = [article.paragraphs.slice(0, 2), article.paragraphs.slice(2)];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    datePublished: article.published,
    author: { '@type': 'Organization', name: article.byline },
    publisher: { '@type': 'Organization', name: siteName },
    mainEntityOfPage: article.canonicalUrl,
  };
  const spriteTitles = ['Arrow', 'Artboard', 'Title Chevron', 'Eye Icon', 'Icon Facebook', 'Icon Linkedin', 'Icon Mail', 'Contact', 'Path Layer', 'Menu Burger', 'Positive Arrow', 'Icon Print', 'Icon Search', 'Site Title', 'Icon Twitter'];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(article.headline)} - ${e(siteName)}</title>
<link rel="canonical" href="${e(article.canonicalUrl)}">
<meta property="og:title" content="${e(article.headline)}">
<meta property="og:description" content="${e(article.dek ?? '')}">
<meta property="og:url" content="${e(article.canonicalUrl)}">
<meta property="og:site_name" content="${e(siteName)}">
<meta property="article:published_time" content="${article.published}">
<meta name="author" content="${e(article.byline)}">
<script type="application/ld+json">${escapeScriptJson(jsonLd)}</script>
<script>window.__APP_STATE__ = {"page":"article","meter":{"numberArticlesLeft":null}};</script>
</head>
<body>
<svg xmlns="http://www.w3.org/2000/svg" style="display:none" class="svg-sprite">
${spriteTitles.map((title, index) => `  <symbol id="i${index}" viewBox="0 0 16 16"><title>${title}</title>${title === 'Artboard' ? '<desc>Created with Sketch.</desc>' : ''}<path d="M0 8h16"/></symbol>`).join('\n')}
</svg>
<div id="root" class="app">
  <div class="gdpr-notice">This website uses cookies. By continuing to use the site you consent to our cookie policy. <button>OK</button></div>
  <header class="nav-header">
    <button class="menu-burger"><svg><use href="#i9"/></svg>Menu</button>
    <a class="site-title" href="../index.html">${e(siteName)}</a>
    <nav class="global-nav"><ul><li><a href="#latest">Latest</a></li><li><a href="#business">Business</a></li><li><a href="#markets">Markets</a></li><li><a href="#tech">Tech</a></li><li><a href="#politics">Politics</a></li><li><a href="#opinion">Opinion</a></li></ul></nav>
    <a class="nav-header__subscribe" href="#subscribe">Subscribe</a>
  </header>
  <main class="css-1b2x0ye">
    <article class="css-k008qs" data-trackable="article">
      <div class="article-header">
        <div class="article-header__kicker"><a href="#section">${e(article.section[1])}</a></div>
        <h1 class="article-header__title">${e(article.headline)}</h1>
        <p class="article-header__sub-title">${e(article.dek ?? '')}</p>
        <div class="article-header__byline"><span>${e(article.byline)}</span> <time datetime="${article.published}">${e(humanDate(article.published))} ${article.published.slice(11, 16)} JST</time></div>
      </div>
      <div class="share-buttons">
        ${shareLink('facebook', 'Icon Facebook', 'Facebook')}
        ${shareLink('linkedin', 'Icon Linkedin', 'LinkedIn')}
        ${shareLink('twitter', 'Icon Twitter', 'Twitter')}
        ${shareLink('mail', 'Icon Mail', 'Mail')}
      </div>
${
  article.caption
    ? `      <figure class="article-image">
        <img src="data:," alt="${e(article.caption.text)}">
        <figcaption class="article-image__caption">${e(article.caption.text)} <span class="article-image__credit">${e(article.caption.credit)}</span></figcaption>
      </figure>`
    : ''
}
      <div class="css-1mxn8j9" data-trackable="bodytext">
${beforeAd.map((paragraph) => `        <p>${e(paragraph)}</p>`).join('\n')}
        <div class="css-6hgl6e"><p>Advertisement</p><div id="gpt-slot-1" class="css-1am4p5x"></div></div>
${afterAd.map((paragraph) => `        <p>${e(paragraph)}</p>`).join('\n')}
      </div>
      <div class="css-2q4sh7" data-trackable="commercial">
        <h3>Sponsored Content</h3>
        <p>About Sponsored Content This content was commissioned by Nikkei's Global Business Bureau.</p>
        <ul><li><a href="#partner">Partner content: regional manufacturers rethink their supply chains</a></li></ul>
      </div>
      <div class="o-meter" data-template="meter">
        <p>You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left this month</p>
        <p>This is your last free article this month</p>
        <p>Stay ahead with our exclusives on Asia; the most dynamic market in the world.</p>
        <p>Get trusted insights from experts within Asia itself.</p>
        <p><a href="#offers">Try 3 months for $9</a></p>
        <p>Offer ends June 30th</p>
        <p>Your trial period has expired</p>
        <p>You need a subscription to...</p>
        <ul><li>Read all stories with unlimited access</li><li>Use our mobile and tablet apps</li></ul>
        <p><a href="#offers">See all offers and subscribe</a></p>
      </div>
    </article>
    <section class="css-y3m4c9" aria-label="Related articles">
      <h2>Read next</h2>
      <ul>${related.map((other) => `<li><a href="${e(relativeLink(article, other))}">${e(other.headline)}</a></li>`).join('')}</ul>
    </section>
  </main>
  <footer class="footer">
    <p>NAR on print phone, device, and tablet media</p>
    <ul><li><a href="#about">About us</a></li><li><a href="#help">Help</a></li><li><a href="#terms">Terms of use</a></li></ul>
    <p class="sample-notice">${e(SAMPLE_NOTICE)}</p>
    <p>&copy; ${e(siteName)} (sample)</p>
  </footer>
</div>
</body>
</html>
`;
}

/**
 * The Japan Forward template: a WordPress news theme, with Yoast-style JSON-LD (`@graph`), category and
 * tag classes on `<article>`, `itemprop="articleBody"`, an inline ad label, related posts, a sponsored
 * block, a newsletter box and a comment form. ASCII only: everything else as numeric references.
 */
function renderJapanForward(article: RenderedArticle, related: RenderedArticle[]): string {
  const e = escapeHtmlAscii;
  const siteName = SITE_NAMES[article.site];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebPage', '@id': article.canonicalUrl, url: article.canonicalUrl, name: `${article.headline} - ${siteName}` },
      {
        '@type': 'NewsArticle',
        headline: article.headline,
        datePublished: article.published,
        dateModified: article.published,
        author: { '@type': 'Person', name: article.byline },
        publisher: { '@type': 'Organization', name: siteName },
        articleSection: article.section,
        keywords: article.tags,
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: ['Home', ...article.section].map((name, index) => ({ '@type': 'ListItem', position: index + 1, name })),
      },
    ],
  };
  const categoryClasses = article.section.map((name) => `category-${slugify(name)}`).join(' ');
  const tagClasses = article.tags.map((tag) => `tag-${slugify(tag)}`).join(' ');
  const [beforeAd, afterAd] = [article.paragraphs.slice(0, 4), article.paragraphs.slice(4)];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${e(article.headline)} - ${e(siteName)}</title>
<link rel="canonical" href="${e(article.canonicalUrl)}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="${e(article.headline)}">
<meta property="og:url" content="${e(article.canonicalUrl)}">
<meta property="og:site_name" content="${e(siteName)}">
<meta property="article:published_time" content="${article.published}">
<meta property="article:modified_time" content="${article.published}">
<meta name="author" content="${e(article.byline)}">
<script type="application/ld+json" class="yoast-schema-graph">${escapeScriptJson(jsonLd)}</script>
<link rel="stylesheet" id="td-theme-css" href="data:text/css," type="text/css" media="all">
</head>
<body class="post-template-default single single-post single-format-standard td-standard-pack">
<div id="cookie-law-info-bar" data-nosnippet="true">
  <span>This website uses cookies to improve your experience. We&#8217;ll assume you&#8217;re ok with this, but you can opt-out if you wish. <a role="button" class="cli_action_button">Accept</a> <a href="#cookies" class="cli_settings_button">Cookie settings</a></span>
</div>
<div class="td-header-wrap">
  <div class="td-header-menu-wrap">
    <ul id="menu-main" class="sf-menu"><li><a href="#politics">Politics</a></li><li><a href="#economy">Economy</a></li><li><a href="#society">Society</a></li><li><a href="#culture">Culture</a></li><li><a href="#sports">Sports</a></li><li><a href="#bookmarks">Bookmarks</a></li></ul>
  </div>
  <div class="td-search-form"><form action="#search"><input type="text" name="s" placeholder="Search"><button>Search</button></form></div>
</div>
<div class="td-main-content-wrap">
  <div class="td-container">
    <div class="td-crumb-container"><div class="entry-crumbs"><span><a href="../index.html">Home</a></span> <i class="td-bread-sep">&gt;</i> <span><a href="#category">${e(article.section[1])}</a></span> <i class="td-bread-sep">&gt;</i> <span class="td-bred-no-url-last">${e(article.headline)}</span></div></div>
    <div class="td-pb-row">
      <div class="td-pb-span8 td-main-content" role="main">
        <article id="post-81234" class="post-81234 post type-post status-publish format-standard ${categoryClasses} ${tagClasses}">
          <div class="td-post-header">
            <ul class="td-category">${article.section.map((name) => `<li class="entry-category"><a href="#category">${e(name)}</a></li>`).join('')}</ul>
            <header class="td-post-title">
              <h1 class="entry-title">${e(article.headline)}</h1>
              <div class="td-module-meta-info">
                <div class="td-post-author-name"><div class="td-author-by">by</div> <a href="#author">${e(article.byline)}</a></div>
                <span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${article.published}">${e(shortDate(article.published))}</time></span>
              </div>
            </header>
          </div>
          <div class="td-post-sharing-top">
            ${shareLink('facebook', 'Facebook', 'Share')}
            ${shareLink('twitter', 'Twitter', 'Tweet')}
            ${shareLink('email', 'Email', 'Email')}
          </div>
          <div class="td-post-content tagdiv-type" itemprop="articleBody">
${beforeAd.map((paragraph) => `            <p>${e(paragraph)}</p>`).join('\n')}
            <div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Advertisement -</span></div>
${afterAd.map((paragraph) => `            <p>${e(paragraph)}</p>`).join('\n')}
          </div>
          <footer class="td-post-footer">
            <ul class="td-tags"><li><span>TAGS</span></li>${article.tags.map((tag) => `<li><a href="#tag">${e(tag)}</a></li>`).join('')}</ul>
          </footer>
          <div class="td-block-row td-post-next-prev">
            <div class="td-post-prev-post"><span>Previous article</span><a href="${e(relativeLink(article, related[0]))}">${e(related[0].headline)}</a></div>
          </div>
          <div class="td_block_wrap td_block_related_posts">
            <h4 class="td-related-title">Related Posts</h4>
            <ul>${related.map((other) => `<li><a href="${e(relativeLink(article, other))}">${e(other.headline)}</a></li>`).join('')}</ul>
          </div>
        </article>
        <div class="sponsored-posts"><h4>Sponsored</h4><p><a href="#partner">Partner content: visiting Japan&#8217;s regional festivals</a></p></div>
        <div class="newsletter-box">
          <h3>Get the ${e(siteName)} newsletter</h3>
          <p>Sign up for our weekly newsletter and get the top stories in your inbox.</p>
          <form action="#newsletter"><input type="email" placeholder="Email"><button>Subscribe</button></form>
        </div>
        <div id="comments" class="comments">
          <div id="respond" class="comment-respond">
            <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
            <form action="#comment" class="comment-form"><p class="comment-notes">Your email address will not be published.</p><textarea name="comment"></textarea><button>Post Comment</button></form>
          </div>
        </div>
      </div>
      <div class="td-pb-span4 td-main-sidebar" role="complementary">
        <div class="td_block_wrap td_block_popular"><h4>Popular</h4><ul>${related
          .slice(0, 3)
          .map((other) => `<li><a href="${e(relativeLink(article, other))}">${e(other.headline)}</a></li>`)
          .join('')}</ul></div>
      </div>
    </div>
  </div>
</div>
<div class="td-footer-wrapper">
  <div class="td-footer-info"><p>${e(siteName)}: news and views from Japan.</p><p class="sample-notice">${e(SAMPLE_NOTICE)}</p></div>
</div>
<div class="td-sub-footer-container"><div class="td-sub-footer-copy">&copy; ${e(siteName)} (sample)</div></div>
</body>
</html>
`;
}

/** A share link whose icon is an SVG sprite reference with a `<title>`, as captures flatten into "Icon Facebook". */
function shareLink(network: string, iconTitle: string, label: string): string {
  return `<a class="share-${network}" href="#share-${network}"><svg class="icon" aria-hidden="true"><title>${iconTitle}</title><use href="#icon-${network}"></use></svg><span>${label}</span></a>`;
}

/** Atom feed of the five pages, newest first, with links relative to the feed's own URL. */
function renderFeed(articles: RenderedArticle[]): string {
  const e = escapeXml;
  const newestFirst = [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  const entries = newestFirst.map(
    (article) => `  <entry>
    <title>${e(article.headline)}</title>
    <link rel="alternate" type="text/html" href="${e(article.path)}"/>
    <id>urn:stancewatch:sample:${article.site}:${article.slug}</id>
    <published>${article.published}</published>
    <updated>${article.published}</updated>
    <author><name>${e(article.byline)}</name></author>
    <summary>${e(article.paragraphs[0])}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Stancewatch sample coverage</title>
  <subtitle>Putin on a Russia–Japan peace treaty, 2017–2024: five saved articles on three sample sites</subtitle>
  <id>urn:stancewatch:sample:feed</id>
  <link rel="self" href="feed.xml"/>
  <updated>${newestFirst[0].published}</updated>
${entries.join('\n')}
</feed>
`;
}

/** A plain index of the sample sites for people browsing the loopback server (it holds no article). */
function renderIndex(articles: RenderedArticle[]): string {
  const e = escapeHtml;
  const items = articles.map(
    (article) => `    <li><a href="${e(article.path)}">${e(article.headline)}</a> — ${e(SITE_NAMES[article.site])}, ${article.published.slice(0, 10)}</li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Stancewatch sample coverage</title></head>
<body>
  <h1>Stancewatch sample coverage</h1>
  <ul>
${items.join('\n')}
  </ul>
  <p><a href="feed.xml">Atom feed</a></p>
</body>
</html>
`;
}

function relativeLink(from: RenderedArticle, to: RenderedArticle): string {
  return from.site === to.site ? `${to.slug}.html` : `../${to.path}`;
}

function humanDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const monthName = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${monthName} ${day}, ${year}`;
}

function shortDate(iso: string): string {
  const [monthName, rest] = humanDate(iso).split(' ', 2);
  return `${monthName.slice(0, 3)} ${rest} ${iso.slice(0, 4)}`;
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, text.lastIndexOf(' ', maxChars))}…`;
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML-escapes and writes every non-ASCII character as a numeric reference, so the page survives any charset label. */
function escapeHtmlAscii(text: string): string {
  return escapeHtml(text).replace(/[^\x00-\x7F]/gu, (char) => `&#${char.codePointAt(0)};`);
}

function escapeXml(text: string): string {
  return escapeHtml(text).replace(/'/g, '&apos;');
}

/** JSON inside `<script>`: `</` would close the element early; non-ASCII is escaped like the rest of the page. */
function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u0080-\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

main();

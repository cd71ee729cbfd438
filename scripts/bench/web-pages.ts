/**
 * How long each page of the web app takes to load for the first time, on a running stack (`make up`) with data in it:
 *   npm run -s bench:web-pages [-- --runs 5]
 * For every main page of every role it opens a fresh headless Chromium context (nothing cached, as a first visit),
 * signed in with a token from the development identity provider, and times from the navigation until the page's
 * heading is shown and nothing on it is still loading (`aria-busy`). The people are the ones the data gives: the
 * awarding body with the most credentials, its newest offering, a learner of it, the partner with the most
 * offerings. It prints the median and the slowest of the runs for each page; it asserts nothing.
 */
import { parseArgs } from 'node:util';
import { launchBrowser } from '@lib/testing';
import { MongoClient } from 'mongodb';
import type { Browser } from 'playwright-core';
import { devIdentityProvider, machine } from './bench-stack';
import { percentile } from './issued-watcher';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    url: { type: 'string', default: 'http://localhost:3000' },
    mongo: { type: 'string', default: 'mongodb://127.0.0.1:27017' },
  },
});
const runs = Number(values.runs);

interface Person {
  roles: ('learner' | 'registrar' | 'partner' | 'assessor')[];
  sub: string;
  org?: string;
}

interface PageToTime {
  role: string;
  path: string;
  who: Person;
}

/** The people and records the pages are opened for, read once from the databases before any timing. */
async function subjects() {
  const mongo = await MongoClient.connect(values.mongo);
  try {
    const credentials = mongo.db('credit_bridge_credentials');
    const enrolment = mongo.db('credit_bridge_enrolment');
    const total = await credentials.collection('issued_credentials').estimatedDocumentCount();
    const [busiest] = await credentials
      .collection('issued_credentials')
      .aggregate<{ _id: string; count: number }>([
        { $group: { _id: '$awardingBodyId', count: { $sum: 1 } } },
        { $sort: { count: -1 } },
        { $limit: 1 },
      ])
      .toArray();
    if (!busiest) throw new Error('no credentials yet: run the seed and bench:registrar-path first');
    const held = await credentials
      .collection<{ learnerId: string; offeringId: string }>('issued_credentials')
      .findOne({ awardingBodyId: busiest._id }, { sort: { issuedAt: -1 } });
    const [partner] = await enrolment
      .collection('offerings')
      .aggregate<{ _id: string; count: number }>([
        {
          $lookup: {
            from: 'organisations',
            localField: 'deliveringOrganisationId',
            foreignField: '_id',
            as: 'by',
          },
        },
        { $match: { 'by.kind': 'partner' } },
        { $group: { _id: '$deliveringOrganisationId', count: { $sum: 1 } } },
        { $sort: { count: -1 } },
        { $limit: 1 },
      ])
      .toArray();
    const partnerOffering = partner
      ? await enrolment
          .collection<{ _id: string }>('offerings')
          .findOne({ deliveringOrganisationId: partner._id })
      : null;
    return {
      total,
      body: { id: busiest._id, credentials: busiest.count },
      learnerId: held!.learnerId,
      offeringId: held!.offeringId,
      partner: partner && partnerOffering ? { id: partner._id, offeringId: partnerOffering._id } : undefined,
    };
  } finally {
    await mongo.close();
  }
}

function pagesOf(found: Awaited<ReturnType<typeof subjects>>): PageToTime[] {
  const learner: Person = { roles: ['learner'], sub: found.learnerId };
  const registrar: Person = { roles: ['registrar'], sub: 'bench-registrar', org: found.body.id };
  const assessor: Person = { roles: ['assessor'], sub: 'bench-assessor', org: found.body.id };
  const pages: PageToTime[] = [
    ...['/credentials', '/courses', '/msc'].map((path) => ({ role: 'learner', path, who: learner })),
    ...[
      '/exam-board/ratification',
      `/exam-board/offerings/${found.offeringId}`,
      '/exam-board/credentials',
      '/exam-board/holds',
      '/exam-board/courses',
      '/exam-board/partners',
      '/exam-board/claims',
      '/exam-board/programmes',
      '/exam-board/trust-list',
    ].map((path) => ({ role: 'registrar', path, who: registrar })),
    ...['/marking', `/marking/${found.offeringId}`].map((path) => ({
      role: 'assessor',
      path,
      who: assessor,
    })),
  ];
  if (found.partner) {
    const partner: Person = { roles: ['partner'], sub: 'bench-partner', org: found.partner.id };
    for (const path of ['/partner/offerings', `/partner/offerings/${found.partner.offeringId}`])
      pages.push({ role: 'partner', path, who: partner });
  }
  return pages;
}

/** One first visit: a fresh context signed in as the app's sign-in would leave it; ms until the page is shown whole. */
async function firstLoad(browser: Browser, page: PageToTime): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    const session = JSON.stringify({
      accessToken: devIdentityProvider().mint({ ...page.who }),
      expiresAt: Date.now() + 3_600_000,
      subject: page.who.sub,
      roles: page.who.roles,
      ...(page.who.org ? { organisationId: page.who.org } : {}),
    });
    await tab.addInitScript((value) => {
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('credit-bridge.session', value);
    }, session);
    const started = Date.now();
    await tab.goto(`${values.url}/app${page.path}`);
    await tab.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        return doc.querySelector('main h1') !== null && doc.querySelector('main [aria-busy]') === null;
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    const took = Date.now() - started;
    const heading = await tab.locator('main h1').first().textContent();
    if (heading === 'Page not found') throw new Error(`${page.path}: the app answered "Page not found"`);
    return took;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const found = await subjects();
  const browser = await launchBrowser();
  console.log(machine());
  console.log(
    `${found.total} credentials in the database; the registrar's body holds ${found.body.credentials}; ${runs} first loads of each page (ms from navigation to the page shown whole)`,
  );
  try {
    for (const page of pagesOf(found)) {
      const times: number[] = [];
      const shown = page.path.replace(/[0-9a-f-]{36}/g, ':id');
      try {
        for (let run = 0; run < runs; run += 1) times.push(await firstLoad(browser, page));
      } catch (error) {
        // One page that never finishes (or is not found) is a finding to print, not the end of the run.
        console.log(
          `  ${page.role.padEnd(9)} ${shown.padEnd(30)} ${(error as Error).message.split('\n')[0]}`,
        );
        continue;
      }
      console.log(
        `  ${page.role.padEnd(9)} ${shown.padEnd(30)} median ${percentile(times, 50).toFixed(0).padStart(5)} ms, slowest ${Math.max(
          ...times,
        )
          .toFixed(0)
          .padStart(5)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

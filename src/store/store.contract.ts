// The contract every Store must pass. Each implementation's test calls runStoreContract with a factory that opens a
// fresh, empty store on a real database (a temp SQLite file; a throwaway PostgreSQL later).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyLists, type Account, type Action, type ImportBatch } from '../core/model.ts';
import type { DetectionRun, RunEdge } from '../core/run.ts';
import type { NewPhoto, Store } from './store.ts';

export interface ContractOptions {
  /** Opens a new, empty store. */
  open: () => Promise<Store>;
  /** Opens the same database again (a second handle), to prove data survives a reopen. */
  reopen: (store: Store) => Promise<Store>;
}

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);

export function action(id: string, account: string, minute: number, extra: Partial<Action> = {}): Action {
  return {
    platform: 'telegram',
    id,
    account,
    kind: 'comment',
    time: T0 + minute * 60_000,
    precision: 's',
    ...emptyLists(),
    ...extra,
  };
}

export function batch(sha256: string, extra: Partial<ImportBatch> = {}): ImportBatch {
  return {
    source: 'sample.json',
    format: 'telegram',
    sha256,
    rowsRead: 0,
    actionsAdded: 0,
    actionsDuplicate: 0,
    accountsAdded: 0,
    badRows: 0,
    issues: [],
    importedAt: T0,
    ...extra,
  };
}

export function runStoreContract(name: string, options: ContractOptions): void {
  const withStore = async (fn: (s: Store) => Promise<void>): Promise<void> => {
    const s = await options.open();
    try {
      await fn(s);
    } finally {
      await s.close();
    }
  };

  test(`${name}: a committed import is readable after reopening, lists and raw intact`, async () => {
    const s = await options.open();
    const session = await s.beginImport();
    const acc: Account = { platform: 'telegram', id: 'u1', handle: 'ivan_1', createdAt: T0 - 86_400_000, createdPrecision: 'day', followers: 3 };
    await session.putAccounts([acc]);
    const a = action('c/1', 'u1', 0, {
      text: 'Привет, мир',
      urls: ['https://example.org/a', 'https://t.me/x/1'],
      hashtags: ['выборы'],
      media: ['photos/p1.jpg'],
      target: 'c/0',
      raw: { views: 12 },
    });
    assert.equal(await session.putActions([a, action('c/2', 'u2', 1)]), 2);
    const stored = await session.commit(batch('h1', { rowsRead: 2 }));
    assert.equal(stored.actionsAdded, 2);
    assert.equal(stored.accountsAdded, 2, 'the acting account u2 is recorded even without a profile');
    const again = await options.reopen(s);
    await s.close();
    try {
      assert.deepEqual(await again.getAction('telegram', 'c/1'), a);
      assert.deepEqual(await again.getAccount('telegram', 'u1'), acc);
      assert.deepEqual(await again.getAccount('telegram', 'u2'), { platform: 'telegram', id: 'u2' });
      assert.equal((await again.findBatch('h1'))?.rowsRead, 2);
      assert.equal(await again.findBatch('nope'), undefined);
    } finally {
      await again.close();
    }
  });

  test(`${name}: rollback leaves nothing behind`, () =>
    withStore(async (s) => {
      const session = await s.beginImport();
      await session.putActions([action('1', 'u1', 0)]);
      await session.putAccounts([{ platform: 'telegram', id: 'u9' }]);
      await session.rollback();
      const stats = await s.stats();
      assert.equal(stats.actions, 0);
      assert.equal(stats.accounts, 0);
      assert.deepEqual(await s.listBatches(), []);
    }));

  test(`${name}: duplicate action ids are skipped, within and across imports`, () =>
    withStore(async (s) => {
      let session = await s.beginImport();
      assert.equal(await session.putActions([action('1', 'u1', 0), action('1', 'u1', 0), action('2', 'u1', 1)]), 2);
      await session.commit(batch('a'));
      session = await s.beginImport();
      assert.equal(await session.putActions([action('2', 'u1', 1), action('3', 'u2', 2)]), 1);
      const b = await session.commit(batch('b'));
      assert.equal(b.actionsAdded, 1);
      assert.equal((await s.stats()).actions, 3);
      assert.deepEqual((await s.listBatches()).map((x) => x.sha256), ['a', 'b']);
    }));

  test(`${name}: a later profile fills fields but never blanks them`, () =>
    withStore(async (s) => {
      const session = await s.beginImport();
      await session.putAccounts([{ platform: 'vk', id: '7', handle: 'old', bio: 'bio' }]);
      await session.putAccounts([{ platform: 'vk', id: '7', handle: 'new', followers: 5 }]);
      await session.commit(batch('p'));
      assert.deepEqual(await s.getAccount('vk', '7'), { platform: 'vk', id: '7', handle: 'new', bio: 'bio', followers: 5 });
    }));

  test(`${name}: getAccounts answers in the keys' order, skips unknown and malformed keys, sets no absent field`, () =>
    withStore(async (s) => {
      const session = await s.beginImport();
      await session.putAccounts([
        { platform: 'vk', id: '1', handle: 'a' },
        { platform: 'vk', id: '2', name: 'B', createdAt: T0, createdPrecision: 'day' },
        { platform: 'telegram', id: 'chan:5', followers: 0 },
      ]);
      await session.commit(batch('g'));
      const got = await s.getAccounts(['telegram:chan:5', 'vk:2', 'vk:404', 'no-colon', 'vk:1', 'vk:2']);
      assert.deepEqual(got, [
        { platform: 'telegram', id: 'chan:5', followers: 0 },
        { platform: 'vk', id: '2', name: 'B', createdAt: T0, createdPrecision: 'day' },
        { platform: 'vk', id: '1', handle: 'a' },
        { platform: 'vk', id: '2', name: 'B', createdAt: T0, createdPrecision: 'day' },
      ]);
      assert.deepEqual(Object.keys(got[2]!), ['platform', 'id', 'handle']);
      assert.deepEqual(await s.getAccounts([]), []);
    }));

  test(`${name}: columns are ordered by time, dictionary-encoded, sorted, and filtered`, () =>
    withStore(async (s) => {
      const session = await s.beginImport();
      await session.putActions([
        action('3', 'zed', 5, { kind: 'share', shared: 'p9', urls: ['u1', 'u2'] }),
        action('1', 'amy', 0, { target: 'p1', text: 'a' }),
        action('2', 'zed', 0, { target: 'p1', hashtags: ['x'] }),
        { ...action('4', 'bob', 2), platform: 'vk', kind: 'post' },
      ]);
      await session.commit(batch('c'));
      const c = await s.readActionColumns();
      assert.equal(c.count, 4);
      assert.deepEqual(c.ids, ['1', '2', '4', '3'], 'time, then platform, then id');
      const rank = [...c.seq].map((x) => [...c.seq].filter((y) => y <= x).length);
      assert.deepEqual(rank, [2, 3, 4, 1], 'input order is kept beside');
      assert.deepEqual(c.accountKeys, ['telegram:amy', 'telegram:zed', 'vk:bob']);
      assert.deepEqual([...c.account], [0, 1, 2, 1]);
      assert.deepEqual(c.targetKeys, ['telegram:p1']);
      assert.deepEqual([...c.target], [0, 0, -1, -1]);
      assert.deepEqual(c.sharedKeys, ['telegram:p9']);
      assert.deepEqual([...c.shared], [-1, -1, -1, 0]);
      assert.deepEqual(c.platforms, ['telegram', 'vk']);
      assert.deepEqual([...c.platform], [0, 0, 1, 0]);
      assert.deepEqual([...c.urls.offsets], [0, 0, 0, 0, 2]);
      assert.deepEqual(c.urls.values, ['u1', 'u2']);
      assert.deepEqual(c.hashtags.values, ['x']);
      assert.deepEqual(c.text, ['a', '', '', '']);
      assert.deepEqual([...c.time], [T0, T0, T0 + 120_000, T0 + 300_000]);
      const shares = await s.readActionColumns({ kinds: ['share'] });
      assert.deepEqual(shares.ids, ['3']);
      const vk = await s.readActionColumns({ platform: 'vk' });
      assert.deepEqual(vk.ids, ['4']);
      const window = await s.readActionColumns({ since: T0 + 60_000, until: T0 + 120_000 });
      assert.deepEqual(window.ids, ['4']);
    }));

  test(`${name}: stats count accounts, actions by kind, platform and day, top targets`, () =>
    withStore(async (s) => {
      const session = await s.beginImport();
      await session.putActions([
        action('1', 'a', 0, { target: 'p1', urls: ['https://x.org'] }),
        action('2', 'b', 1, { target: 'p1', urls: ['https://x.org'] }),
        action('3', 'b', 60 * 24, { kind: 'post' }),
      ]);
      await session.commit(batch('s'));
      const st = await s.stats();
      assert.equal(st.accounts, 2);
      assert.equal(st.actions, 3);
      assert.deepEqual(st.byKind, { comment: 2, post: 1 });
      assert.deepEqual(st.byPlatform, { telegram: 3 });
      assert.deepEqual(st.byDay, [
        { day: '2024-01-15', actions: 2 },
        { day: '2024-01-16', actions: 1 },
      ]);
      assert.deepEqual(st.topTargets, [{ target: 'telegram:p1', actions: 2 }]);
      assert.deepEqual(st.topUrls, [{ url: 'https://x.org', actions: 2 }]);
      assert.equal(st.first, T0);
    }));

  test(`${name}: a detection run round-trips with its findings; the latest is the default`, () =>
    withStore(async (s) => {
      assert.equal(await s.getRun(), undefined);
      const signals = {
        actions: 2, hourOfWeek: new Array<number>(168).fill(0), nightShare: 0, officeHoursShare: 1, activeDays: 1,
        actionsPerDay: 2, emptyBio: true, ownPosts: 0, templatedHandle: false,
      };
      const run: DetectionRun = {
        version: '0.0.0',
        createdAt: T0,
        params: { layers: ['co-text'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 },
        inputHash: 'abc',
        actionsRead: 4,
        warnings: ['w'],
        cappedKeys: [{ layer: 'co-target', key: 'telegram:p1', traces: 9000 }],
        edges: [{ a: 'telegram:a', b: 'telegram:b', layer: 'co-text', pairs: 2, keys: 1, weight: 1.5, p: 0.001,
          evidence: [{ layer: 'co-text', key: 'привет', actionA: 'telegram:1', actionB: 'telegram:2', dt: 5000 }] }],
        networks: [{ id: 0, members: ['telegram:a', 'telegram:b'], score: 0.9, layers: { 'co-text': 2 }, first: T0,
          last: T0, topTexts: [], topLinks: [], topTargets: [], timeline: [], hourOfWeek: [] }],
        accounts: [
          { account: 'telegram:b', score: 0.5, network: 0, layers: {}, partners: [], signals, reasons: [] },
          { account: 'telegram:a', score: 0.9, network: 0, layers: { 'co-text': 2 },
            partners: [{ account: 'telegram:b', layer: 'co-text', pairs: 2, p: 0.001 }], signals, reasons: ['r'] },
        ],
      };
      const id1 = await s.saveRun(run);
      const id2 = await s.saveRun({ ...run, inputHash: 'def' });
      assert.notEqual(id1, id2);
      const latest = await s.getRun();
      assert.equal(latest?.id, id2);
      assert.equal(latest?.inputHash, 'def');
      const first = await s.getRun(id1);
      assert.deepEqual({ ...first, id: undefined }, { ...run, id: undefined, accounts: [run.accounts[1], run.accounts[0]] },
        'accounts come back by score, highest first');
      assert.deepEqual(await s.getAccountFinding('telegram:a', id1), run.accounts[1]);
      assert.equal(await s.getAccountFinding('telegram:zzz'), undefined);
    }));

  test(`${name}: the edges of one account in a run, in stored order, the latest run by default`, () =>
    withStore(async (s) => {
      assert.equal(await s.getAccountEdges('telegram:a'), undefined, 'no run yet');
      const edge = (a: string, b: string, layer: string): RunEdge => ({ a, b, layer, pairs: 2, keys: 2, weight: 1, p: 0.01, evidence: [] });
      const edges = [
        edge('telegram:a', 'telegram:b', 'co-text'),
        edge('telegram:b', 'telegram:c', 'co-link'),
        edge('telegram:a', 'telegram:c', 'co-link'),
        edge('telegram:c', 'telegram:d', 'co-text'),
      ];
      const run: DetectionRun = {
        version: '0.0.0', createdAt: T0, inputHash: 'h', actionsRead: 8, warnings: [], cappedKeys: [], networks: [], accounts: [],
        params: { layers: ['co-text', 'co-link'], window: 60_000, minParticipation: 2, method: 'significance', seed: 1 },
        edges,
      };
      const id1 = await s.saveRun(run);
      const id2 = await s.saveRun({ ...run, edges: [edges[3]!] });
      assert.deepEqual(await s.getAccountEdges('telegram:c', id1), { run: id1, edges: [edges[1], edges[2], edges[3]] }, 'as a and as b');
      assert.deepEqual(await s.getAccountEdges('telegram:a'), { run: id2, edges: [] });
      assert.deepEqual(await s.getAccountEdges('telegram:d'), { run: id2, edges: [edges[3]] });
      assert.equal(await s.getAccountEdges('telegram:a', id2 + 1), undefined, 'no such run');
    }));

  const photo = (source: string, extra: Partial<NewPhoto> = {}): NewPhoto => ({
    platform: 'facebook', account: '100', source, sha256: 'ab'.repeat(32), pdq: 'cd'.repeat(32), quality: 87,
    width: 200, height: 250, fingerprint: Uint8Array.from([1, 0, 255, 7, 0]), ...extra,
  });

  test(`${name}: photos of an import carry its batch id, survive a reopen with their blob, and a rollback drops them`, async () => {
    const s = await options.open();
    const rolled = await s.beginImport();
    await rolled.putPhotos([photo('photos/gone.jpg')]);
    await rolled.rollback();
    assert.deepEqual(await s.listPhotos(), [], 'a rolled-back import leaves no photos');
    const session = await s.beginImport();
    assert.equal(await session.putPhotos([photo('photos/a.jpg'), photo('https://x.test/b.png', { account: '200', sha256: 'ef'.repeat(32) })]), 2);
    const stored = await session.commit(batch('ph1'));
    const again = await options.reopen(s);
    await s.close();
    try {
      const list = await again.listPhotos();
      assert.equal(list.length, 2);
      assert.deepEqual(list.map((p) => [p.source, p.account, p.batchId, p.gallery]), [
        ['photos/a.jpg', '100', stored.id, undefined],
        ['https://x.test/b.png', '200', stored.id, undefined],
      ]);
      assert.deepEqual(Array.from(list[0]!.fingerprint), [1, 0, 255, 7, 0], 'the blob keeps its zero bytes');
      assert.deepEqual({ ...list[1], id: 0, fingerprint: [] }, { ...photo('https://x.test/b.png', { account: '200', sha256: 'ef'.repeat(32) }), id: 0, batchId: stored.id, fingerprint: [] });
    } finally {
      await again.close();
    }
  });

  test(`${name}: gallery photos are added on their own and listed apart from account photos`, () =>
    withStore(async (s) => {
      const { platform: _p, account: _a, ...bare } = photo('gallery/jane.jpg');
      assert.equal(await s.addPhotos([{ ...bare, gallery: 'Jane Doe (stolen)' }]), 1);
      await s.addPhotos([photo('photos/c.jpg', { account: '300' })]);
      const gallery = await s.listPhotos({ gallery: true });
      assert.deepEqual(gallery.map((p) => [p.source, p.gallery, p.platform, p.batchId]), [['gallery/jane.jpg', 'Jane Doe (stolen)', undefined, undefined]]);
      assert.deepEqual((await s.listPhotos({ gallery: false })).map((p) => p.account), ['300']);
      assert.equal((await s.listPhotos()).length, 2);
      await assert.rejects(s.addPhotos([bare]), /either platform and account or a gallery label/);
      assert.equal((await s.listPhotos()).length, 2, 'a rejected add writes nothing');
    }));
}

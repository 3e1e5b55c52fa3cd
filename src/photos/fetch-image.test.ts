// --fetch-media's refusal paths, against a local server on 127.0.0.1 (no network).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fetchImage } from './fetch-image.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const routes: Record<string, (res: ServerResponse) => void> = {
  '/ok.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
  '/page': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html></html>'),
  '/big-declared': (res) => res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': '5000' }).end(Buffer.alloc(5000)),
  '/big-streamed': (res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000));
    res.end();
  },
  '/missing': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no'),
  '/silent': (res) => res.writeHead(200, { 'content-type': 'image/jpeg' }), // headers, then never a body
};
const server = createServer((req, res) => (routes[req.url ?? ''] ?? routes['/missing']!)(res));
let base = '';
before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const limits = { timeoutMs: 2000, maxBytes: 4096 };

test('fetchImage: an image within the limits comes back byte for byte', async () => {
  const r = await fetchImage(`${base}/ok.png`, limits);
  assert.ok(r.ok);
  assert.deepEqual(Buffer.from(r.bytes), PNG);
});

test('fetchImage refuses: a page that is not an image, HTTP errors, other schemes, bad URLs', async () => {
  const page = await fetchImage(`${base}/page`, limits);
  assert.ok(!page.ok && page.issue.code === 'unsupported-format' && /content type text\/html; expected image/.test(page.issue.message));
  const missing = await fetchImage(`${base}/missing`, limits);
  assert.ok(!missing.ok && /HTTP 404/.test(missing.issue.message));
  const file = await fetchImage('file:///etc/passwd', limits);
  assert.ok(!file.ok && /only http and https/.test(file.issue.message));
  const bad = await fetchImage('http://', limits);
  assert.ok(!bad.ok && /not a valid URL/.test(bad.issue.message));
});

test('fetchImage refuses bodies over the size limit, declared or streamed', async () => {
  const declared = await fetchImage(`${base}/big-declared`, limits);
  assert.ok(!declared.ok && declared.issue.code === 'too-large' && /5000 bytes/.test(declared.issue.message));
  const streamed = await fetchImage(`${base}/big-streamed`, limits);
  assert.ok(!streamed.ok && streamed.issue.code === 'too-large');
});

test('fetchImage gives up on a server that stops answering', async () => {
  const r = await fetchImage(`${base}/silent`, { timeoutMs: 200, maxBytes: 4096 });
  assert.ok(!r.ok && /no complete answer within 200 ms/.test(r.issue.message), r.ok ? 'ok' : r.issue.message);
});

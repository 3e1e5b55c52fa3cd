// YouTube Data API v3 `commentThreads` JSON: a list response ({kind: youtube#commentThreadListResponse, items}),
// an array of such responses or of threads, or JSON lines of either. Each thread gives its top-level comment
// (kind comment, target = videoId) and the replies included with it (kind reply, target = the parent comment).
import type { Account, Action } from '../../core/model.ts';
import { readJson, readJsonLines } from '../records.ts';
import { str } from '../values.ts';
import { assignDefined, requiredTime } from './field-check.ts';
import type { Format, Sink } from './types.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

function comment(c: Obj, parent: string | undefined, videoId: string | undefined, line: number, platform: string, sink: Sink): void {
  const s = obj(c.snippet) ?? {};
  const id = str(c.id);
  const account = str(obj(s.authorChannelId)?.value) ?? str(s.authorChannelId) ?? str(s.authorDisplayName);
  if (id === undefined || account === undefined) {
    sink.bad({ line, field: id === undefined ? 'id' : 'authorChannelId', code: 'missing-field', message: `comment has no ${id === undefined ? 'id' : 'author'}; expected a YouTube commentThreads resource` });
    return;
  }
  const time = requiredTime(sink, line, 'publishedAt', s.publishedAt);
  if (time === undefined) return;
  const video = str(s.videoId) ?? videoId;
  const text = str(s.textOriginal) ?? str(s.textDisplay);
  const raw: Obj = {};
  for (const k of ['likeCount', 'updatedAt', 'viewerRating', 'canRate', 'moderationStatus']) if (s[k] !== undefined) raw[k] = s[k];
  if (parent !== undefined && video !== undefined) raw.videoId = video;
  const action = assignDefined<Action>(
    { platform, id, account, kind: parent === undefined ? 'comment' : 'reply', time: time.ms, precision: time.precision, urls: [], hashtags: [], mentions: [], media: [], raw },
    { target: parent ?? video, text, lang: str(s.language) },
  );
  sink.action(action);
  const url = str(s.authorChannelUrl);
  const handle = url?.match(/\/@([^/?#]+)/)?.[1] ?? str(s.authorDisplayName)?.replace(/^@/, '');
  sink.account(assignDefined<Account>({ platform, id: account }, { handle, name: str(s.authorDisplayName), avatar: str(s.authorProfileImageUrl), url }));
}

function thread(t: Obj, line: number, platform: string, sink: Sink, counted: boolean): void {
  if (!counted) sink.row();
  const s = obj(t.snippet);
  const top = obj(s?.topLevelComment);
  if (s === undefined || top === undefined) {
    sink.bad({ line, field: 'snippet.topLevelComment', code: 'missing-field', message: 'thread has no snippet.topLevelComment; expected a youtube#commentThread resource' });
    return;
  }
  const videoId = str(s.videoId);
  comment(top, undefined, videoId, line, platform, sink);
  const replies = obj(t.replies)?.comments;
  const topId = str(top.id);
  if (Array.isArray(replies)) {
    for (const r of replies) {
      const ro = obj(r);
      if (ro) comment(ro, str(obj(ro.snippet)?.parentId) ?? topId, videoId, line, platform, sink);
    }
  }
}

// A value may be a thread or a whole list response holding threads.
// In JSON lines the line was counted as a row already (`counted`).
function value(v: unknown, line: number, platform: string, sink: Sink, counted: boolean): void {
  const o = obj(v);
  if (o && Array.isArray(o.items)) {
    for (const item of o.items) value(item, line, platform, sink, counted);
    return;
  }
  if (o) thread(o, line, platform, sink, counted);
  else {
    if (!counted) sink.row();
    sink.bad({ line, code: 'bad-json', message: 'not a JSON object; expected a youtube#commentThread resource' });
  }
}

export const youtube: Format = {
  name: 'youtube',
  summary: 'YouTube Data API commentThreads JSON (list responses, arrays of them, or JSON lines): comments and replies',
  platform: 'youtube',
  containers: ['json', 'jsonl'],
  sniff: (head) => /"kind"\s*:\s*"youtube#commentThread/.test(head.text),
  async read(source, head, options, sink) {
    const platform = options.platform ?? this.platform;
    if (head.container === 'jsonl') {
      await readJsonLines(source, sink, (rec, line) => value(rec, line, platform, sink, true));
      return;
    }
    const isArray = head.text.trimStart().startsWith('[');
    let n = 0;
    await readJson(source, [isArray ? '$.*' : '$.items.*'], sink, (_p, v) => value(v, ++n, platform, sink, false));
  },
};

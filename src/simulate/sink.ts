// A buffered, back-pressured text file writer (writer-side helper; touches the disk).
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** Appends text to a file in large chunks and waits when the disk falls behind. */
export class Sink {
  private parts: string[] = [];
  private size = 0;
  private failure: Error | undefined;
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.failure = e));
  }

  /** Buffers text; true when the buffer is full and the caller should `await flush()`. */
  push(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= 1 << 18;
  }

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 18) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }

  /** Closes without caring about what was left (used when giving up after a failure). */
  destroy(): void {
    this.stream.destroy();
  }
}

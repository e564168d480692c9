import { readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EdgeRoute } from '../edge/edge-route.js';
import { outboxRoute } from './outbox-route.js';

/** A message the local runtime "sent": what a real mail or SMS provider would deliver. */
export interface OutboxMessage {
  /** The address or number it went to. */
  to: string;
  subject: string;
  body: string;
  /** The one-time code it carries, if any, so tests and people need not parse the body. */
  code?: string;
  /** When it was sent, ISO 8601. */
  time: string;
}

/** What a sender gives: everything but the time, which the outbox stamps. */
export type OutgoingMessage = Omit<OutboxMessage, 'time'>;

/** Anything that can send a message: the outbox, or a fake in a unit test. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<OutboxMessage>;
}

/** How to open an outbox. */
export interface OutboxOptions {
  /** The folder of the outbox's file; created if missing. */
  dataDir: string;
  /** Where the terminal line of each message goes; `console.log` if not given, a no-op in tests. */
  log?: (line: string) => void;
  /** The clock, for tests. */
  now?: () => number;
  /**
   * How many of the newest messages are kept, listed and on disk; {@link DEFAULT_KEPT_MESSAGES} by
   * default.
   */
  keep?: number;
}

/**
 * Enough to find any code a person or test waits for (one-time codes expire in minutes), few
 * enough that an application signing users in for months lists them quickly and holds them in
 * little memory.
 */
export const DEFAULT_KEPT_MESSAGES = 1000;

/** The outbox's file name inside its data folder. */
export const OUTBOX_FILE = 'outbox.jsonl';

/**
 * The messages the local runtime "sent" (one-time codes, invitations, notifications). Each is
 * appended to a JSON-lines file before `send` resolves, so the list survives a restart, and is
 * printed as one line in the terminal where a developer running the shop looks for a code. The
 * newest {@link OutboxOptions.keep} are kept: once the file holds twice as many, it is rewritten
 * with those.
 */
export class Outbox implements MessageSender {
  private readonly file: string;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly keep: number;
  /** Messages in the file, the older ones the list no longer holds included. */
  private linesInFile: number;
  /** Appends run one after another so the file keeps the order of `send` calls. */
  private tail: Promise<void> = Promise.resolve();

  private constructor(
    options: OutboxOptions,
    private readonly messages: OutboxMessage[],
  ) {
    this.file = join(options.dataDir, OUTBOX_FILE);
    this.log = options.log ?? ((line) => console.log(line));
    this.now = options.now ?? Date.now;
    this.keep = options.keep ?? DEFAULT_KEPT_MESSAGES;
    this.linesInFile = messages.length;
    this.forgetOldest();
  }

  /** Opens the outbox in `options.dataDir`, reading the messages already sent. */
  static async open(options: OutboxOptions): Promise<Outbox> {
    await mkdir(options.dataDir, { recursive: true });
    const outbox = new Outbox(options, readMessages(join(options.dataDir, OUTBOX_FILE)));
    await outbox.compactFile();
    return outbox;
  }

  /** Appends a message durably, prints it, and resolves with it as stored. */
  send(message: OutgoingMessage): Promise<OutboxMessage> {
    const stored: OutboxMessage = {
      to: message.to,
      subject: message.subject,
      body: message.body,
      ...(message.code !== undefined && { code: message.code }),
      time: new Date(this.now()).toISOString(),
    };
    const written = this.tail.then(async () => {
      await appendFile(this.file, `${JSON.stringify(stored)}\n`, 'utf8');
      this.linesInFile++;
      this.messages.push(stored);
      this.forgetOldest();
      await this.compactFile();
    });
    this.tail = written.catch(() => undefined);
    return written.then(() => {
      this.log(terminalLine(stored));
      return stored;
    });
  }

  /** Every message sent so far, oldest first. */
  list(): OutboxMessage[] {
    return this.messages.map((message) => ({ ...message }));
  }

  /** The edge route answering `GET /_localcloud/outbox` with {@link Outbox.list}. */
  route(): EdgeRoute {
    return outboxRoute(() => this.list());
  }

  private forgetOldest(): void {
    if (this.messages.length > this.keep) this.messages.splice(0, this.messages.length - this.keep);
  }

  /** Rewrites the file with the kept messages once it holds twice as many. */
  private async compactFile(): Promise<void> {
    if (this.linesInFile <= 2 * this.keep) return;
    // Written aside and renamed over: a crash mid-write leaves the old file, not a cut one.
    await writeFileAtomic(this.file, this.messages.map((message) => `${JSON.stringify(message)}\n`).join(''));
    this.linesInFile = this.messages.length;
  }

  /** Resolves once every message sent so far is written. */
  async close(): Promise<void> {
    await this.tail;
  }
}

function readMessages(file: string): OutboxMessage[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const messages: OutboxMessage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      messages.push(JSON.parse(line) as OutboxMessage);
    } catch {
      // A line cut short by a crash mid-append is the only way to get here; the rest is intact.
    }
  }
  return messages;
}

function terminalLine(message: OutboxMessage): string {
  const code = message.code === undefined ? '' : ` (code ${message.code})`;
  return `[outbox] to ${message.to}: "${message.subject}"${code}`;
}

import type { SdkView } from '../../src/zoom-join-error.js';
import type {
  SdkAdapter,
  SdkAdapterEvent,
  SdkEventListener,
  SdkInitOptions,
  SdkJoinOptions,
  SdkMeetingInfo,
  SdkCommand,
  SdkPrepareOptions,
} from '../../src/sdk/adapter.js';
import { deferred, type Deferred } from './deferred.js';

export type FakeCall =
  | { method: 'prepare'; options: SdkPrepareOptions }
  | { method: 'load' }
  | { method: 'init'; options: SdkInitOptions }
  | { method: 'join'; options: SdkJoinOptions }
  | { method: 'leave' }
  | { method: 'destroy' };

/**
 * Stands in for the SDK at the adapter boundary. By default every step succeeds at once; a test can make a step
 * wait (`hold('join')`) or fail (`failWith('join', raw)`) and then settle it by hand.
 */
export class FakeAdapter implements SdkAdapter {
  readonly calls: FakeCall[] = [];
  readonly listeners = new Set<SdkEventListener>();
  private readonly held = new Map<string, Deferred<void>>();
  private readonly failures = new Map<string, unknown>();

  constructor(readonly view: SdkView = 'component') {}

  hold(method: 'prepare' | 'load' | 'init' | 'join' | 'leave' | 'destroy'): Deferred<void> {
    const gate = deferred<void>();
    this.held.set(method, gate);
    return gate;
  }

  failWith(method: 'prepare' | 'load' | 'init' | 'join' | 'leave', error: unknown): void {
    this.failures.set(method, error);
  }

  count(method: FakeCall['method']): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  emit(event: SdkAdapterEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  async prepare(options: SdkPrepareOptions): Promise<void> {
    this.calls.push({ method: 'prepare', options });
    await this.step('prepare');
  }

  async load(): Promise<void> {
    this.calls.push({ method: 'load' });
    await this.step('load');
  }

  async init(options: SdkInitOptions): Promise<void> {
    this.calls.push({ method: 'init', options });
    await this.step('init');
  }

  async join(options: SdkJoinOptions): Promise<void> {
    this.calls.push({ method: 'join', options });
    await this.step('join');
  }

  /** What meetingInfo() tells once joined (tests set it). */
  info: SdkMeetingInfo = {};

  async meetingInfo(): Promise<SdkMeetingInfo> {
    return this.info;
  }

  sdk(): undefined {
    return undefined;
  }

  readonly commands: SdkCommand[] = [];

  async command(command: SdkCommand): Promise<void> {
    this.commands.push(command);
  }

  async leave(): Promise<void> {
    this.calls.push({ method: 'leave' });
    await this.step('leave');
  }

  async destroy(): Promise<void> {
    this.calls.push({ method: 'destroy' });
    await this.step('destroy');
  }

  subscribe(listener: SdkEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async step(method: string): Promise<void> {
    const gate = this.held.get(method);
    if (gate) {
      this.held.delete(method);
      await gate.promise;
    }
    if (this.failures.has(method)) {
      const error = this.failures.get(method);
      this.failures.delete(method);
      throw error;
    }
  }
}

/** Installs a factory that hands out fresh FakeAdapters and remembers them. */
export function fakeAdapters(): { created: FakeAdapter[]; factory: (view: SdkView) => FakeAdapter; next?: FakeAdapter } {
  const created: FakeAdapter[] = [];
  const registry = {
    created,
    next: undefined as FakeAdapter | undefined,
    factory: (view: SdkView): FakeAdapter => {
      const adapter = registry.next && registry.next.view === view ? registry.next : new FakeAdapter(view);
      registry.next = undefined;
      created.push(adapter);
      return adapter;
    },
  };
  return registry;
}

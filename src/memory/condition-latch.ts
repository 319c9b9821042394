/**
 * "Warn once per condition until it clears." A condition is raised the first time it holds; it clears only after
 * it has stayed calm (below a lower threshold than the one that raised it) for a while. The gap between the two
 * thresholds and the calm period keep a heap that hovers at a limit — the collector's sawtooth — from raising the
 * same warning on every tooth.
 */
export type LatchChange = 'raised' | 'cleared' | null;

export class ConditionLatch {
  private isActive = false;
  private calmSince: number | null = null;

  get active(): boolean {
    return this.isActive;
  }

  /**
   * @param triggered the condition holds now
   * @param calm the reading is below the clearing threshold (ignored while `triggered`)
   * @param calmForMs how long it must stay calm before the warning may be raised again
   */
  update(triggered: boolean, calm: boolean, at: number, calmForMs: number): LatchChange {
    if (triggered) {
      this.calmSince = null;
      if (this.isActive) return null;
      this.isActive = true;
      return 'raised';
    }
    if (!this.isActive) return null;
    if (!calm) {
      this.calmSince = null;
      return null;
    }
    this.calmSince ??= at;
    if (at - this.calmSince < calmForMs) return null;
    this.reset();
    return 'cleared';
  }

  reset(): void {
    this.isActive = false;
    this.calmSince = null;
  }
}

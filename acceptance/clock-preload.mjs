// Preloaded into connector processes by the acceptance run (node --import, see clock.ts): shifts Date.now()
// and `new Date()` by CODEX_ACCEPTANCE_CLOCK_OFFSET_MS so the connector and the in-process simulator agree on
// "now". Durations (timers, performance.now) are untouched. Plain JavaScript, so Node loads it as it is, from
// the sources or from a compiled run; never part of the connector's bundle.
const offset = Number(process.env.CODEX_ACCEPTANCE_CLOCK_OFFSET_MS ?? '0');

if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }

    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}

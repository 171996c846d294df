import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestAnswer } from './latest-answer';

describe('the answers a screen keeps when they arrive out of order', () => {
  it('drops an older read that lands after a newer one, and keeps reads that land in order', () => {
    const answers = latestAnswer();
    const first = answers.ask();
    const second = answers.ask();
    expect(answers.keep(second)).toBe(true);
    expect(answers.keep(first)).toBe(false);

    const third = answers.ask();
    const fourth = answers.ask();
    expect(answers.keep(third)).toBe(true);
    expect(answers.keep(fourth)).toBe(true);
  });

  it("drops a re-read in flight when the organiser dismissed the doubled-sending notice: the notice does not come back", () => {
    const answers = latestAnswer();
    // The every-5-seconds re-read leaves; the organiser dismisses the notice; its answer (no notice) is shown.
    const reread = answers.ask();
    answers.dropEarlier();
    // The re-read, served before the dismissal, still holds the notice: it is dropped.
    expect(answers.keep(reread)).toBe(false);
    // The next re-read is asked after the dismissal: it is shown.
    expect(answers.keep(answers.ask())).toBe(true);
  });

  it('drops a read asked while an action was on its way, since it may have been served before the change', () => {
    const answers = latestAnswer();
    const duringAction = answers.ask();
    answers.dropEarlier(); // the action's answer arrives
    expect(answers.keep(duringAction)).toBe(false);
  });

  it('never shows an older answer over a newer one, and never drops an answer newer than all shown', () => {
    // Reads asked and answered in any interleaving: what is shown only moves forward, and a screen whose reads are
    // slower than its re-reads still moves (no answer newer than the one shown is dropped).
    const steps = fc.array(fc.oneof(fc.constant({ ask: true as const }), fc.nat().map((pick) => ({ ask: false as const, pick }))), { maxLength: 60 });
    fc.assert(
      fc.property(steps, (script) => {
        const answers = latestAnswer();
        const inFlight: number[] = [];
        let shown = 0;
        for (const step of script) {
          if (step.ask) {
            inFlight.push(answers.ask());
            continue;
          }
          if (inFlight.length === 0) continue;
          const [place] = inFlight.splice(step.pick % inFlight.length, 1);
          const kept = answers.keep(place!);
          expect(kept).toBe(place! > shown);
          if (kept) shown = place!;
        }
      }),
    );
  });
});

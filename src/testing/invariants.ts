/**
 * Invariants of any run, checkable on any world: what the constitutions and the approval machinery guarantee.
 * `checkInvariants` returns violations as data; `assertInvariants` throws one error naming the tick and seed.
 * Exported through `paradip/testing` for users' own properties.
 */
import { dateOf } from '../model/calendar.ts';
import { partnerCategories } from '../model/geography.ts';
import type { World } from '../model/world.ts';
import { assessParty, assessUnruled, selectRuleSet } from '../rules/assess.ts';
import type { Model } from '../engine/model.ts';
import { optionsFor } from '../engine/phases/legal.ts';
import { WorldIndex } from '../engine/world-index.ts';

export interface Violation {
  invariant: 'approvals-complete' | 'not-forbidden' | 'deadline-resolved' | 'tacit-only-where-stated' | 'lifecycle';
  instrument: string;
  message: string;
}

export function checkInvariants(model: Model, world: World): Violation[] {
  const out: Violation[] = [];
  const idx = new WorldIndex(world);
  // `world.tick` is the next tick to run: every tick before it is complete.
  const done = world.tick - 1;
  for (const inst of world.instruments) {
    const v = (invariant: Violation['invariant'], message: string): void => void out.push({ invariant, instrument: inst.id, message });
    const everSigned = inst.signedTick !== null;
    if (inst.status === 'in-force' || everSigned) {
      for (const a of inst.approvals) {
        if (a.status !== 'granted' && a.status !== 'tacit') v('approvals-complete', `signed with approval ${a.id} ${a.status}`);
      }
    }
    if ((inst.status === 'in-force') !== (everSigned && inst.endedTick === null)) v('lifecycle', `status ${inst.status} with signedTick ${inst.signedTick} and endedTick ${inst.endedTick}`);
    // Holdings (instruments in force when the scenario starts) are inputs, not decisions: no rule judged them,
    // so a rule set that forbids them (a variant's stricter reading) is no broken invariant; their reviews are.
    const holding = inst.proposedTick === 0 && inst.signedTick === 0 && inst.legal.length === 0 && inst.citations.some((c) => c.startsWith('In force when the scenario starts'));
    if (everSigned && inst.duchacek !== null && !holding) {
      const date = dateOf(model.calendar, inst.signedTick!);
      for (const partyId of inst.parties) {
        const party = idx.subnational(partyId);
        if (!party) continue;
        const central = idx.central(party.central)!;
        const proposed = dateOf(model.calendar, inst.proposedTick);
        const rs = selectRuleSet(model.ruleSets, central.ruleSet, proposed);
        if (!rs) {
          // A country between two rule sets is silent: its silence options decide, and there are no steps.
          const silent = assessUnruled(central.ruleSet, proposed, central.ruleOptions, inst.kind, partyId);
          if (silent.verdict === 'forbidden') v('not-forbidden', `signed on ${date} although ${silent.citations.join('; ')}`);
          if (inst.approvals.some((x) => x.party === partyId)) v('approvals-complete', `${partyId}'s country had no rule set in force, yet the instrument went through approval steps of it`);
          continue;
        }
        const counterpart = inst.parties.find((p) => p !== partyId)!;
        const a = assessParty(rs, optionsFor(rs, central), inst.kind, inst.domain, {
          party: partyId, kind: party.kind, competences: party.competences, counterpart, counterpartCategories: partnerCategories(idx, party, counterpart),
        });
        if (a.verdict === 'forbidden') v('not-forbidden', `in force although ${rs.id} forbids it for ${partyId} (${a.citations.join('; ')})`);
        const required = a.steps.length;
        const held = inst.approvals.filter((x) => x.party === partyId).length;
        if (required !== held) v('approvals-complete', `${rs.id} requires ${required} approval step(s) of ${partyId}, the instrument went through ${held}`);
      }
    }
    for (const a of inst.approvals) {
      // Every opened step but a notification or a signature (resolved at once) has a deadline: without one it
      // could stay pending for ever.
      if (a.openedTick !== null && a.deadlineTick === null && a.step !== 'notify' && a.step !== 'sign') v('deadline-resolved', `approval ${a.id} (${a.step}) was opened without a deadline`);
      if (a.deadlineTick !== null && a.deadlineTick <= done && a.status === 'pending') v('deadline-resolved', `approval ${a.id} still pending after its deadline tick ${a.deadlineTick}`);
      if (a.deadlineTick !== null && a.resolvedTick !== null && a.resolvedTick > a.deadlineTick) v('deadline-resolved', `approval ${a.id} resolved at tick ${a.resolvedTick}, after its deadline ${a.deadlineTick}`);
      if (a.status === 'tacit' && (a.onSilence !== 'consent' || a.resolvedTick !== a.deadlineTick)) v('tacit-only-where-stated', `approval ${a.id} tacit without a tacit-consent rule or before its deadline`);
    }
  }
  return out;
}

export function assertInvariants(model: Model, world: World, seed: number | string): void {
  const violations = checkInvariants(model, world);
  if (violations.length > 0) {
    throw new Error(`invariants broken at tick ${world.tick - 1} (seed ${seed}):\n${violations.map((x) => `  ${x.invariant} ${x.instrument}: ${x.message}`).join('\n')}`);
  }
}

/**
 * Third-party domestic actors (issue 12 part B): actors of a country's domestic politics who are not its
 * governments (Bosniak political representatives in Bosnia and Herzegovina) watch some subnationals' external
 * action. Each tie a watched unit signs is framed by each watcher (formula `framing`: below 0 it calls the tie a
 * threat, "proof of efforts in the direction of secession"; otherwise legitimate), an event with its reason;
 * each watcher holds a relation with each unit it watches (formula `thirdPartyRelation`, mapped to the relation
 * modes by the same thresholds as a central's). Runs after apply, on the ties signed this tick, in id order;
 * one noise draw (stream `central`) per watcher and tie, whatever the outcome.
 */
import type { Instrument, World } from '../../model/world.ts';
import { isBinding } from '../../model/vocabulary.ts';
import type { EventLog } from '../events.ts';
import type { Model } from '../model.ts';
import type { Streams } from '../rng.ts';
import { relationMode } from './central.ts';
import { round } from './decide.ts';
import { scratch } from './score.ts';

export function thirdParties(model: Model, world: World, streams: Streams, log: EventLog): void {
  if (world.thirdParties.length === 0) return;
  const signed = world.instruments.filter((i) => i.signedTick === world.tick && i.status === 'in-force');
  if (signed.length === 0) return;
  const p = model.parameters;
  for (const tp of world.thirdParties) {
    for (const inst of signed) {
      for (const unit of tp.watches) {
        if (!inst.parties.includes(unit)) continue;
        const noise = streams.normal('central');
        const inputs = framingInputs(world, inst, unit, tp.stance);
        const scope = scratch(model, 'framing');
        Object.assign(scope, inputs);
        scope['noise'] = noise * (p['noise'] ?? 0);
        const score = model.formulas['framing']!.evaluate(scope, tp.id);
        const threat = score < 0;
        if (threat) tp.frames[unit] = (tp.frames[unit] ?? 0) + 1;
        log.emit('action.framed', {
          by: tp.id, subnational: unit, id: inst.id, instrument: inst.kind, parties: inst.parties, frame: threat ? 'threat' : 'legitimate',
          why: { framing: round(score), threshold: 0, inputs },
        });
        const rel = scratch(model, 'thirdPartyRelation');
        rel['stance'] = tp.stance;
        rel['frames'] = tp.frames[unit] ?? 0;
        rel['ties'] = world.instruments.filter((i) => i.status === 'in-force' && i.parties.includes(unit)).length;
        const relationScore = Math.max(-1, Math.min(1, model.formulas['thirdPartyRelation']!.evaluate(rel, tp.id)));
        const from = tp.relation[unit]!;
        const to = relationMode(relationScore, p);
        tp.relationScore[unit] = relationScore;
        if (to !== from) {
          tp.relation[unit] = to;
          const thresholds = { support: p['relationSupport'] ?? 0.6, complementarity: p['relationComplementarity'] ?? 0.2, competition: p['relationCompetition'] ?? -0.2 };
          log.emit('relation.changed', {
            subnational: unit, central: tp.central, holder: tp.id, from, to,
            why: { score: round(relationScore), inputs: { stance: tp.stance, frames: rel['frames'], ties: rel['ties'] }, thresholds },
          });
        }
      }
    }
  }
}

/** The framing formula's inputs for a watched unit's tie (besides noise). */
function framingInputs(world: World, inst: Instrument, unit: string, stance: number): Record<string, number> {
  const partner = inst.parties.find((x) => x !== unit) ?? unit;
  const legal = inst.legal.filter((l) => l.party === unit);
  return {
    stance,
    protodiplomacy: inst.protodiplomacy ? 1 : 0,
    // Allowed only because the constitution is silent (Dayton does not provide offices).
    silence: legal.length > 0 && legal.every((l) => l.rule === 'silence') ? 1 : 0,
    office: inst.kind === 'office' ? 1 : 0,
    binding: isBinding(inst.kind) ? 1 : 0,
    partnerIsState: world.centrals.some((c) => c.id === partner) ? 1 : 0,
    global: inst.duchacek === 'global' ? 1 : 0,
  };
}

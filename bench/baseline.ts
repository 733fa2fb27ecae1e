/**
 * The hand-written baseline of `npm run bench`: the bench scenario's decision work as one would write it by hand
 * in typed arrays, with no engine around it. It is the yardstick for the engine's cost per agent-tick (issue 9:
 * the engine within 3x of it), so it must do the same work, no less:
 *
 * - issue dynamics for every unit: emissions of the sources, deposition through the same exponential transfer,
 *   damage, salience (one normal draw per unit) and position, with the default formulas;
 * - the same candidate partners: neighbours, trade ties and networks merged with up to 64 co-affected units
 *   (salience above 0.05), an evenly spaced selection rotating with the tick; 4 sampled per agent with the
 *   same alea generator and partial Fisher-Yates;
 * - per partner every instrument kind the engine weighs (membership for a network, the other seven for a
 *   unit), each scored with the default goal formulas (economic, identity, protodiplomatic, the issue) and the
 *   default utility with one normal draw; lobbying and an own law per issue goal, each with a draw;
 * - the best option if it clears actThreshold; a unit partner accepts by scoring the tie from its side (one
 *   more draw); an accepted tie adds to both parties' load and existing ties;
 * - each unit's relation score with its central.
 *
 * What it leaves out is what a hand-written loop would not have: legal assessment, approvals, events, the
 * why of decisions, indicators. The engine's extra work there is part of what the ratio measures.
 */
import seedrandom from 'seedrandom';
import type { Scenario } from '../src/scenario/schema.ts';

const KINDS = 8; // visit, mou, agreement, treaty, office, forum, twinning, membership (INSTRUMENTS order)
const MEMBERSHIP = 7;
const COST = [0.1, 0.2, 0.4, 0.6, 0.8, 0.2, 0.2, 0.3];
const BINDING = [0, 0, 1, 1, 0, 0, 0, 0];
/** Fits per kind: economic, identity, protodiplomatic, issue (catalog defaults). */
const FIT = [
  [0.3, 0.2, 0.2, 0.1], [0.4, 0.3, 0.3, 0.8], [0.7, 0.4, 0.6, 0.9], [0.8, 0.5, 1.0, 1.0],
  [0.9, 0.5, 0.8, 0.2], [0.2, 0.2, 0.3, 0.4], [0.3, 0.5, 0.1, 0.1], [0.3, 0.2, 0.2, 0.5],
];
const POOL = 64;

export interface Baseline {
  /** Runs one tick; returns the number of ties formed. */
  tick(t: number): number;
  /** Bytes held in typed arrays (the model's state). */
  bytes(): number;
}

export function baseline(scenario: Scenario, seed: number): Baseline {
  const units = scenario.subnationals;
  const n = units.length;
  const number = new Map(units.map((u, i) => [u.id, i] as const));
  const centrals = scenario.centrals.map((c) => c.id);
  const countryNo = new Map(centrals.map((c, i) => [c, i] as const));
  const countries = centrals.length;
  const networks = scenario.networks.length;
  const p = scenario.behaviour.parameters;
  const actThreshold = p['actThreshold'] ?? 0.5;
  const acceptThreshold = p['acceptThreshold'] ?? 0.2;
  const noiseSd = p['noise'] ?? 0.1;
  const loadCost = p['loadCost'] ?? 0.1;
  const lobbyCost = p['lobbyCost'] ?? 0.1;
  const lawCost = p['lawCost'] ?? 1;
  const salienceRate = p['salienceRate'] ?? 0.05;

  // Parties: units 0..n-1, then networks; a unit's country.
  const country = Int32Array.from(units.map((u) => countryNo.get(u.central)!));
  const bordersCountry = new Uint8Array(countries * countries);
  scenario.centrals.forEach((c, i) => c.neighbours.forEach((o) => {
    const j = countryNo.get(o)!;
    bordersCountry[i * countries + j] = bordersCountry[j * countries + i] = 1;
  }));
  const capacity = Float64Array.from(units.map((u) => u.capacity));
  const wEconomic = Float64Array.from(units.map((u) => u.goals['economic'] ?? 0));
  const wIdentity = Float64Array.from(units.map((u) => u.goals['identity'] ?? 0));
  const wProto = Float64Array.from(units.map((u) => u.goals['protodiplomatic'] ?? 0));
  const issue = scenario.issues[0]!;
  const wIssue = Float64Array.from(units.map((u) => u.goals[issue.id] ?? 0));
  const identityStrength = Float64Array.from(units.map((u) => u.attributes['identityStrength'] ?? 0));
  const autonomy = Float64Array.from(units.map((u) => u.attributes['autonomyAspiration'] ?? 0));
  // Neighbours (CSR) and trade ties (CSR, with weights).
  const nbStart = new Int32Array(n + 1);
  const nb: number[] = [];
  const trStart = new Int32Array(n + 1);
  const tr: number[] = [];
  const trW: number[] = [];
  units.forEach((u, i) => {
    nbStart[i] = nb.length;
    for (const x of u.neighbours) nb.push(number.get(x)!);
    trStart[i] = tr.length;
    for (const [x, w] of Object.entries(u.tradeTies)) if (number.has(x)) tr.push(number.get(x)!), trW.push(w);
  });
  nbStart[n] = nb.length;
  trStart[n] = tr.length;
  const nbData = Int32Array.from(nb);
  const trData = Int32Array.from(tr);
  const trWeight = Float64Array.from(trW);
  // Static candidate pools: neighbours, trade ties, networks; sorted, unique, without self.
  const poolStart = new Int32Array(n + 1);
  const pools: number[] = [];
  for (let i = 0; i < n; i++) {
    poolStart[i] = pools.length;
    const s = new Set<number>();
    for (let k = nbStart[i]!; k < nbStart[i + 1]!; k++) s.add(nbData[k]!);
    for (let k = trStart[i]!; k < trStart[i + 1]!; k++) s.add(trData[k]!);
    for (let k = 0; k < networks; k++) s.add(n + k);
    s.delete(i);
    pools.push(...[...s].sort((a, b) => a - b));
  }
  poolStart[n] = pools.length;
  const poolData = Int32Array.from(pools);

  // Issue state and transfer (sources x receptors, exponential in distance).
  const baseEmission = Float64Array.from(units.map((u) => issue.units[u.id]?.emission ?? 0));
  const sensitivity = Float64Array.from(units.map((u) => issue.units[u.id]?.sensitivity ?? 0));
  const maxEmission = Math.max(...baseEmission);
  const sources = Int32Array.from(units.map((_, i) => i).filter((i) => baseEmission[i]! > 0));
  const S = sources.length;
  const transfer = new Float64Array(n * S);
  const L = issue.transfer.lengthScale;
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < S; k++) {
      const s = sources[k]!;
      const a = units[s]!.location, b = units[r]!.location;
      transfer[r * S + k] = s === r ? 1 : a && b ? Math.exp(-Math.hypot(a[0] - b[0], a[1] - b[1]) / L) : 0;
    }
  }
  const emission = new Float64Array(n);
  const damage = new Float64Array(n);
  const salience = new Float64Array(n);
  const position = new Float64Array(n);
  const hasLaw = new Uint8Array(n);
  const load = new Int32Array(n);
  const tiesOnIssue = new Int32Array(n);
  const relation = new Float64Array(n);
  // Ties per unit, as a small open list of partners (existing ties between two parties).
  const tiePartners: number[][] = Array.from({ length: n }, () => []);
  const centralPosition = new Float64Array(countries);
  const pressure = new Float64Array(countries);

  const rng = (s: string) => seedrandom.alea(`baseline/${seed}/${s}`);
  const issuesRng = rng('issues');
  const decideRng = rng('decide');
  const respondRng = rng('respond');
  const normal = (g: { double(): number }): number => {
    const u = 1 - g.double();
    const v = g.double();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  let pool = new Int32Array(256);
  let spare = new Int32Array(256);
  const coAll = new Int32Array(n);
  const co = new Int32Array(POOL);
  let coCount = 0;

  const existing = (i: number, j: number): number => {
    let c = 0;
    for (const x of tiePartners[i]!) if (x === j) c++;
    return c;
  };
  /** The utility for i of a tie of `kind` with party j (a unit below n, else a network). */
  const utility = (i: number, j: number, kind: number, noise: number): number => {
    const unit = j < n;
    let tradeTie = 0;
    for (let k = trStart[i]!; k < trStart[i + 1]!; k++) if (trData[k] === j) tradeTie = Math.max(tradeTie, trWeight[k]!);
    const kin = 0;
    const partnerIsState = 0;
    const foreign = unit && country[j] !== country[i];
    let crossBorder = 0;
    if (foreign) for (let k = nbStart[i]!; k < nbStart[i + 1]!; k++) if (nbData[k] === j) crossBorder = 1;
    void crossBorder; // the default goal formulas do not read the Duchacek type; the engine computes it all the same
    void (foreign && bordersCountry[country[i]! * countries + country[j]!]);
    const ex = existing(i, j);
    const fit = FIT[kind]!;
    let total = 0;
    total += wEconomic[i]! > 0 ? wEconomic[i]! * (fit[0]! * (0.3 + tradeTie)) : 0;
    total += wIdentity[i]! > 0 ? wIdentity[i]! * (fit[1]! * identityStrength[i]! * (0.3 + kin)) : 0;
    total += wProto[i]! > 0 ? wProto[i]! * (fit[2]! * autonomy[i]! * (0.5 + partnerIsState)) : 0;
    total += wIssue[i]! > 0 ? wIssue[i]! * ((fit[3]! * salience[i]! * (unit ? salience[j]! : 0)) / (1 + ex)) : 0;
    void BINDING[kind];
    return total - COST[kind]! / capacity[i]! - loadCost * (load[i]! / capacity[i]!) + noise * noiseSd;
  };

  return {
    bytes: () =>
      [country, capacity, wEconomic, wIdentity, wProto, wIssue, identityStrength, autonomy, nbStart, nbData, trStart, trData, trWeight, poolStart, poolData,
        baseEmission, sensitivity, transfer, emission, damage, salience, position, hasLaw, load, tiesOnIssue, relation].reduce((s, a) => s + a.byteLength, 0),
    tick(t: number): number {
      // Issue dynamics.
      for (let k = 0; k < S; k++) emission[sources[k]!] = baseEmission[sources[k]!]! * (hasLaw[sources[k]!] ? 0.7 : 1);
      coCount = 0;
      for (let r = 0; r < n; r++) {
        let dep = 0;
        for (let k = 0; k < S; k++) dep += emission[sources[k]!]! * transfer[r * S + k]!;
        damage[r] = (sensitivity[r]! * dep) / (1 + dep);
        const noise = normal(issuesRng);
        const s = Math.min(Math.max(salience[r]! + salienceRate * (damage[r]! - salience[r]!) + 0.01 * tiesOnIssue[r]! + 0.01 * noise, 0), 1);
        salience[r] = s;
        position[r] = Math.min(Math.max(2 * s - (1.5 * baseEmission[r]!) / maxEmission, -1), 1);
        if (s > 0.05) coAll[coCount++] = r;
      }
      // The co-affected selection of this tick, sorted.
      let coN = coCount;
      if (coCount <= POOL) co.set(coAll.subarray(0, coCount));
      else {
        const step = coCount / POOL;
        const offset = (t * 7919) % coCount;
        for (let k = 0; k < POOL; k++) co[k] = coAll[(offset + Math.floor(k * step)) % coCount]!;
        co.sort();
        coN = POOL;
      }
      // Decisions.
      let formed = 0;
      for (let i = 0; i < n; i++) {
        // Candidates: the static pool merged with the co-affected selection.
        let m = poolStart[i + 1]! - poolStart[i]!;
        if (pool.length < m + coN) (pool = new Int32Array((m + coN) * 2)), (spare = new Int32Array((m + coN) * 2));
        pool.set(poolData.subarray(poolStart[i]!, poolStart[i + 1]!));
        if (wIssue[i]! > 0) {
          let a = 0, b = 0, c = 0;
          while (a < m || b < coN) {
            const x = b >= coN || (a < m && pool[a]! <= co[b]!) ? pool[a++]! : co[b++]!;
            if (x !== i && (c === 0 || spare[c - 1] !== x)) spare[c++] = x;
          }
          [pool, spare] = [spare, pool];
          m = c;
        }
        const k = Math.min(4, m);
        for (let a = 0; a < k; a++) {
          const j = a + Math.floor(decideRng.double() * (m - a));
          const tmp = pool[a]!;
          pool[a] = pool[j]!;
          pool[j] = tmp;
        }
        let best = -Infinity;
        let bestParty = -1;
        let bestKind = -1;
        for (let a = 0; a < k; a++) {
          const j = pool[a]!;
          for (let kind = 0; kind < KINDS; kind++) {
            if ((j >= n) !== (kind === MEMBERSHIP)) continue;
            const u = utility(i, j, kind, normal(decideRng));
            if (u > best) (best = u), (bestParty = j), (bestKind = kind);
          }
        }
        if (wIssue[i]! > 0) {
          const cp = centralPosition[country[i]!]!;
          const lobby = wIssue[i]! * salience[i]! * Math.max(position[i]! - cp, 0) - lobbyCost / capacity[i]! + normal(decideRng) * noiseSd;
          if (lobby > best) (best = lobby), (bestParty = -1), (bestKind = -1);
          if (!hasLaw[i]) {
            const law = wIssue[i]! * salience[i]! * position[i]! - (lawCost * (0.2 + baseEmission[i]! / maxEmission)) / capacity[i]! + normal(decideRng) * noiseSd;
            if (law > best) (best = law), (bestParty = -1), (bestKind = -2);
          }
        }
        if (best < actThreshold) continue;
        if (bestKind === -1) pressure[country[i]!]! += 0.1 * capacity[i]!;
        else if (bestKind === -2) hasLaw[i] = 1;
        else {
          const j = bestParty;
          const accepted = j >= n || utility(j, i, bestKind, normal(respondRng)) >= acceptThreshold;
          if (accepted) {
            load[i]!++;
            tiePartners[i]!.push(j);
            if (j < n) load[j]!++, tiePartners[j]!.push(i), tiesOnIssue[j]!++;
            tiesOnIssue[i]!++;
            formed++;
          }
        }
      }
      // Centrals move with pressure; relations follow alignment.
      for (let c = 0; c < countries; c++) (centralPosition[c] = Math.min(Math.max(0.2 * pressure[c]!, -1), 1)), (pressure[c]! *= 0.9);
      for (let i = 0; i < n; i++) relation[i] = Math.min(Math.max(1 - Math.abs(position[i]! - centralPosition[country[i]!]!) / 2 - autonomy[i]!, -1), 1);
      return formed;
    },
  };
}

// jstat ships no types; this declares only what paradip uses (the normal quantile for confidence intervals).
declare module 'jstat' {
  const jStat: { normal: { inv(p: number, mean: number, sd: number): number } };
  export default jStat;
}

import { create, parseDependencies, all } from 'mathjs';
const m = create({ parseDependencies }, { predictable: true });
console.log(Object.keys(m).length, typeof m.parse, typeof m.evaluate, typeof m.import, typeof m.Unit, typeof m.createUnit);
const show = (s) => { try { const n = m.parse(s); const out=[]; n.traverse((x)=>out.push(x.type+(x.fn?':'+(x.fn.name??x.fn)+'/'+x.op:'')+(x.name?':'+x.name:'')+(x.type==='ConstantNode'?':'+typeof x.value+'='+String(x.value):'')+(x.implicit?':impl':''))); console.log(JSON.stringify(s), out.join(' | ')); } catch (e) { console.log(JSON.stringify(s), 'ERR', e.message, e.char); } };
for (const s of ['import({}, {})','a.constructor','(1).constructor','x = 1','f(x) = x','[1,2]','{a: 1}','1:3','"str"','cos.constructor','a["x"]','a; b','a\nb','2 cm','2x','50%','10 % 3','a mod b','true','null','undefined','NaN','Infinity','a ? b : c','not a','a and b','a xor b','3!',"a'",'a & b','a to b','a .* b','','   ','1 +','a b','a == b','a?b:c?d:e','e','pi','1e5','0x1F','a(1)(2)','f(x)(y)','-2^2','a < b < c', 'a[1]', '1 < 2 ? 3 : 4:5', "'s'", 'x.y.z', '2.5', '.5', 'a.5', 'a .5']) show(s);
const deep = '('.repeat(1000)+'1'+')'.repeat(1000); show(deep.slice(0,10));
try { m.parse(deep); console.log('deep ok'); } catch(e) { console.log('deep err', e.constructor.name, e.message.slice(0,80)); }
const full = create(all, {predictable:true});
console.log(full.evaluate('mod(-7, 3)'), full.evaluate('mod(7, -3)'), full.evaluate('mod(7, 0)'), full.evaluate('(-8)^(1/3)'), full.evaluate('min(NaN, 1)'), full.evaluate('max(1, NaN)'), full.evaluate('0^0'), full.evaluate('round(-2.5)'), full.evaluate('round(2.5)'), full.evaluate('sign(-0)'),full.evaluate('log(8,2)'), full.evaluate('1 - 0.1*3 == 0.7'));

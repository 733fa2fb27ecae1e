// Writes the data blocks of scenarios/provinces-states-spending.yaml (S11): the 10 provinces and 50 states with
// their populations, economies and trade ties, year 2000, and the export-intensity series the timeline carries.
// Run: node scripts/provinces-states-data.mjs > /tmp/data.yaml, then paste between the DATA markers.
//
// Sources (figures rounded; approximations, as labelled):
// - Populations: Statistics Canada, Table 17-10-0005-01 (provinces, July 2000); US Census Bureau, Census 2000
//   (states, April 2000). Millions, rounded to 0.01.
// - Economies: Statistics Canada, Table 36-10-0222-01 (GDP at market prices by province, 2000, CAD); US Bureau
//   of Economic Analysis, GDP by state (2000, USD). Provinces converted at the 2000 average rate, 0.673 USD per
//   CAD (Bank of Canada). USD billions, rounded.
// - Provinces' exports to the US and overseas: Industry Canada, Trade Data Online (domestic exports by province
//   and destination, 2000, CAD billions, rounded). States' exports: US Census Bureau, Foreign Trade Division,
//   state exports by origin of movement (2000, USD billions, rounded), and US exports by country (2000).
// - APPROXIMATION: the sources give a province's exports to the US as a whole and a state's exports to each
//   country only for the largest pairs, so exports are spread over partners by a gravity rule (partner size over
//   distance), then divided by the exporter's GDP: tradeTies are export shares of the exporter's economy.
// - Locations: the main economic centre of each unit (latitude, longitude), for the gravity rule only.

const RATE = 0.673; // USD per CAD, 2000 annual average (Bank of Canada)

// Sub-central share of general government spending, about 2000 (OECD Fiscal Decentralisation Database;
// approximations: provinces and local governments in Canada, states and local governments in the US). The
// decentralist reading of Canada's constitution, as a number.
const DECENTRALISATION = { CA: 0.67, US: 0.46 };

// id, name, population 2000 (M), GDP 2000 (CAD bn), exports to the US (CAD bn), overseas exports (CAD bn), lat, lon
const provinces = [
  ['ON', 'Ontario', 11.68, 441, 201, { UK: 3.0, JP: 1.5, DE: 1.0, MX: 0.8, CN: 0.6, FR: 0.5 }, 43.65, -79.38],
  ['QC', 'Quebec', 7.36, 222, 66, { UK: 1.5, FR: 1.0, DE: 0.9, JP: 0.8, CN: 0.3 }, 45.5, -73.57],
  ['AB', 'Alberta', 3.0, 146, 53, { JP: 1.2, CN: 0.5, KR: 0.4, MX: 0.4 }, 51.05, -114.07],
  ['BC', 'British Columbia', 4.04, 130, 27, { JP: 4.5, CN: 1.0, KR: 1.0, UK: 0.5, DE: 0.5 }, 49.28, -123.12],
  ['MB', 'Manitoba', 1.15, 33, 8.5, { JP: 0.5, CN: 0.2, MX: 0.2 }, 49.9, -97.14],
  ['SK', 'Saskatchewan', 1.0, 32, 8.5, { JP: 0.7, CN: 0.5, MX: 0.2 }, 50.45, -104.61],
  ['NS', 'Nova Scotia', 0.94, 24, 4.5, { UK: 0.2, JP: 0.2 }, 44.65, -63.57],
  ['NB', 'New Brunswick', 0.75, 19.6, 6.5, { JP: 0.1, UK: 0.1 }, 45.27, -66.06],
  ['NL', 'Newfoundland and Labrador', 0.53, 14.3, 3.0, { UK: 0.3, JP: 0.2 }, 47.56, -52.71],
  ['PE', 'Prince Edward Island', 0.14, 3.3, 0.6, { JP: 0.05 }, 46.24, -63.13],
];

// id, name, population 2000 (M), GDP 2000 (USD bn), exports 2000 (USD bn), lat, lon
const states = [
  ['AL', 'Alabama', 4.45, 115, 7.3, 33.52, -86.8], ['AK', 'Alaska', 0.63, 27, 2.5, 61.22, -149.9],
  ['AZ', 'Arizona', 5.13, 160, 14, 33.45, -112.07], ['AR', 'Arkansas', 2.67, 67, 2.6, 34.75, -92.29],
  ['CA', 'California', 33.87, 1320, 120, 34.05, -118.24], ['CO', 'Colorado', 4.3, 170, 6.6, 39.74, -104.99],
  ['CT', 'Connecticut', 3.41, 160, 8.0, 41.76, -72.67], ['DE', 'Delaware', 0.78, 40, 2.2, 39.74, -75.55],
  ['FL', 'Florida', 15.98, 480, 26, 25.76, -80.19], ['GA', 'Georgia', 8.19, 295, 14.9, 33.75, -84.39],
  ['HI', 'Hawaii', 1.21, 41, 0.4, 21.31, -157.86], ['ID', 'Idaho', 1.29, 36, 3.6, 43.62, -116.2],
  ['IL', 'Illinois', 12.42, 475, 31, 41.88, -87.63], ['IN', 'Indiana', 6.08, 190, 15, 39.77, -86.16],
  ['IA', 'Iowa', 2.93, 92, 4.5, 41.59, -93.62], ['KS', 'Kansas', 2.69, 85, 5.1, 37.69, -97.34],
  ['KY', 'Kentucky', 4.04, 115, 9.6, 38.25, -85.76], ['LA', 'Louisiana', 4.47, 130, 16, 29.95, -90.07],
  ['ME', 'Maine', 1.27, 36, 1.8, 43.66, -70.26], ['MD', 'Maryland', 5.3, 180, 4.6, 39.29, -76.61],
  ['MA', 'Massachusetts', 6.35, 270, 20, 42.36, -71.06], ['MI', 'Michigan', 9.94, 330, 34, 42.33, -83.05],
  ['MN', 'Minnesota', 4.92, 185, 10, 44.98, -93.27], ['MS', 'Mississippi', 2.84, 65, 2.7, 32.3, -90.18],
  ['MO', 'Missouri', 5.6, 180, 6.5, 38.63, -90.2], ['MT', 'Montana', 0.9, 22, 0.5, 45.78, -108.5],
  ['NE', 'Nebraska', 1.71, 56, 2.5, 41.26, -95.94], ['NV', 'Nevada', 2.0, 75, 1.5, 36.17, -115.14],
  ['NH', 'New Hampshire', 1.24, 44, 2.4, 42.99, -71.46], ['NJ', 'New Jersey', 8.41, 345, 19, 40.74, -74.17],
  ['NM', 'New Mexico', 1.82, 50, 2.4, 35.08, -106.65], ['NY', 'New York', 18.98, 770, 43, 40.71, -74.01],
  ['NC', 'North Carolina', 8.05, 275, 17.9, 35.23, -80.84], ['ND', 'North Dakota', 0.64, 18, 0.6, 46.88, -96.79],
  ['OH', 'Ohio', 11.35, 375, 27, 39.96, -83.0], ['OK', 'Oklahoma', 3.45, 90, 3.1, 35.47, -97.52],
  ['OR', 'Oregon', 3.42, 115, 11.4, 45.52, -122.68], ['PA', 'Pennsylvania', 12.28, 390, 19, 39.95, -75.17],
  ['RI', 'Rhode Island', 1.05, 35, 1.2, 41.82, -71.41], ['SC', 'South Carolina', 4.01, 112, 8.6, 34.0, -81.03],
  ['SD', 'South Dakota', 0.75, 24, 0.7, 43.55, -96.73], ['TN', 'Tennessee', 5.69, 175, 11.6, 36.16, -86.78],
  ['TX', 'Texas', 20.85, 740, 103, 29.76, -95.37], ['UT', 'Utah', 2.23, 68, 3.2, 40.76, -111.89],
  ['VT', 'Vermont', 0.61, 18, 4.1, 44.48, -73.21], ['VA', 'Virginia', 7.08, 260, 11.7, 38.9, -77.2],
  ['WA', 'Washington', 5.89, 220, 32, 47.61, -122.33], ['WV', 'West Virginia', 1.81, 42, 2.2, 38.35, -81.63],
  ['WI', 'Wisconsin', 5.36, 175, 10.5, 43.04, -87.91], ['WY', 'Wyoming', 0.49, 17, 0.5, 41.14, -104.82],
];

// US exports by country, 2000 (USD bn, Census), and where each market's economic centre lies.
const markets = {
  CA: { name: 'Canada', us: 178, at: [43.65, -79.38] },
  MX: { name: 'Mexico', us: 111, at: [25.69, -100.32] },
  JP: { name: 'Japan', us: 65, at: [35.68, 139.69] },
  UK: { name: 'United Kingdom', us: 41, at: [51.51, -0.13] },
  DE: { name: 'Germany', us: 29, at: [50.11, 8.68] },
  KR: { name: 'South Korea', us: 28, at: [37.57, 126.98] },
  FR: { name: 'France', us: 20, at: [48.86, 2.35] },
  CN: { name: 'China', us: 16, at: [31.23, 121.47] },
  BR: { name: 'Brazil', us: 15, at: [-23.55, -46.63] },
};

function km([a, b], [c, d]) {
  const r = Math.PI / 180;
  const x = Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(x));
}
const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

const out = [];
out.push('subnationals:');
for (const [id, name, pop, gdpCad, usCad, overseas, lat, lon] of provinces) {
  // Exports to the US spread over states by state GDP / distance^1.5 (gravity, an approximation).
  const w = states.map(([sid, , , gdp, , slat, slon]) => [sid, gdp / Math.max(200, km([lat, lon], [slat, slon])) ** 1.5]);
  const total = w.reduce((s, [, x]) => s + x, 0);
  const ties = {};
  for (const [sid, x] of w) {
    const share = (usCad * x) / total / gdpCad;
    if (share >= 0.001) ties[`US-${sid}`] = round(share);
  }
  for (const [c, v] of Object.entries(overseas)) ties[c] = round(v / gdpCad);
  const dependence = round((usCad + Object.values(overseas).reduce((a, b) => a + b, 0)) / gdpCad, 3);
  out.push(`  - id: CA-${id}`);
  out.push(`    name: ${name}`);
  out.push('    kind: province');
  out.push('    central: CA');
  out.push(`    location: [${round(lon, 2)}, ${round(lat, 2)}]`);
  out.push(`    attributes: { pop: ${pop}, gdp: ${Math.round(gdpCad * RATE)}, dependence: ${dependence}, decentralisation: ${DECENTRALISATION.CA}, openness: 0.59 }`);
  out.push(`    tradeTies: { ${Object.entries(ties).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
}
for (const [id, name, pop, gdp, exports, lat, lon] of states) {
  // A state's exports spread over markets by the market's US total / distance (gravity, an approximation).
  const w = Object.entries(markets).map(([c, m]) => [c, m.us / Math.max(300, km([lat, lon], m.at))]);
  const total = w.reduce((s, [, x]) => s + x, 0);
  const ties = {};
  for (const [c, x] of w) {
    const share = (exports * x) / total / gdp;
    if (share >= 0.001) ties[c] = round(share);
  }
  const dependence = round(exports / gdp, 3);
  out.push(`  - id: US-${id}`);
  out.push(`    name: ${name}`);
  out.push('    kind: state');
  out.push('    central: US');
  out.push(`    location: [${round(lon, 2)}, ${round(lat, 2)}]`);
  out.push(`    attributes: { pop: ${pop}, gdp: ${gdp}, dependence: ${dependence}, decentralisation: ${DECENTRALISATION.US}, openness: 0.63 }`);
  out.push(`    tradeTies: { ${Object.entries(ties).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
}
console.log(out.join('\n'));

// Export intensity, relative to 2000 (attribute openness, a data series the timeline carries): merchandise
// exports to the US over GDP for the provinces (Statistics Canada trade and GDP series), merchandise exports over
// GDP for the states (US Census Bureau and BEA), both approximations rounded to 0.01.
const series = {
  CA: { '1985-01': 0.59, '1989-01': 0.52, '1994-01': 0.79, '2000-01': 1.0, '2005-01': 0.82, '2009-01': 0.61 },
  US: { '1985-01': 0.63, '1989-01': 0.81, '1994-01': 0.84, '2000-01': 1.0, '2005-01': 0.92, '2008-01': 1.15, '2009-01': 0.95 },
};
const notes = {
  CA: { '1989-01': 'Canada-US Free Trade Agreement in force (1 January 1989)', '1994-01': 'NAFTA in force (1 January 1994)' },
  US: {},
};
const t = ['timeline:'];
for (const [country, points] of Object.entries(series)) {
  const units = (country === 'CA' ? provinces : states).map((u) => `${country === 'CA' ? 'CA' : 'US'}-${u[0]}`);
  for (const [date, v] of Object.entries(points)) {
    if (date === '1985-01') continue; // the start value is in the attributes
    const id = `${country === 'CA' ? 'provinces' : 'states'}-openness-${date.slice(0, 4)}`;
    t.push(`  - id: ${id}`);
    t.push(`    date: ${date}`);
    t.push(`    note: "Export intensity of the ${country === 'CA' ? "provinces' economies (to the US)" : "states' economies"}, ${date.slice(0, 4)}, relative to 2000: ${v} (data, approximation)${notes[country][date] ? `; ${notes[country][date]}` : ''}"`);
    t.push(`    set: { ${units.map((u) => `${u}: 0`).join('')}`.replace(/.*/, '    set:'));
    for (const u of units) t.push(`      subnationals.${u}.attributes.openness: ${v}`);
  }
}
console.log(t.join('\n'));

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no script, no external
 * resource (a Content-Security-Policy forbids any), so it opens offline, mails as one file and prints.
 */

export interface ReportTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportSection {
  title: string;
  /** Plain text paragraphs (escaped). */
  text: string[];
  /** SVG documents from render-svg.ts. */
  charts: string[];
  table?: ReportTable;
}

export interface Report {
  title: string;
  /** Label and value pairs shown at the top: scenario, design, runs, versions. */
  facts: [string, string][];
  sections: ReportSection[];
}

const CSS = `
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .9rem; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; font-family: ui-monospace, Menlo, monospace; word-break: break-all; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; }
table { border-collapse: collapse; font-size: .85rem; margin-top: .8rem; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: right; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
p { max-width: 60rem; line-height: 1.4; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : '-';
  return escapeHtml(v);
}

function tableHtml(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

/** The whole page. Only SVG from our own renderer is inserted unescaped. */
export function reportPage(report: Report): string {
  const facts = report.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n');
  const sections = report.sections
    .map((s) => {
      const text = s.text.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
      const charts = s.charts.length ? `<div class="charts">\n${s.charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}\n</div>` : '';
      return `<section>\n<h2>${escapeHtml(s.title)}</h2>\n${text}\n${charts}\n${s.table ? tableHtml(s.table) : ''}\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<dl class="facts">
${facts}
</dl>
${sections}
</body>
</html>
`;
}

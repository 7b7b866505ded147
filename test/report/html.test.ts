// report.html as text: its size for a default run, the order of its sections, and what is inlined.
import { describe, expect, it } from 'vitest';
import { cspHash, toInlineScript } from '../../src/report/assets.ts';
import { renderHtml, toScriptJson } from '../../src/report/html.ts';
import { buildReportModel } from '../../src/report/model.ts';
import { makeResults, manyVariants } from './fixtures.ts';
import { ALL_ATTACKS, HTML_ATTACK, SCRIPT_ATTACK } from './hostile.ts';

const MB = 1024 * 1024;

function defaultRun() {
  // The default run: 7 variants × cold/warm, 5 rounds each, a failure with a log tail.
  return makeResults({ samples: 5, variants: [...manyVariants(14), { name: 'broken', status: 'failed', reason: 'exit 1', logTail: Array(40).fill('x'.repeat(120)) }] });
}

describe('report.html', () => {
  it('stays under 1 MB for a default-size run (14 variants × 5 samples)', async () => {
    const html = await renderHtml(buildReportModel({ results: [defaultRun()] }));
    const bytes = Buffer.byteLength(html);
    console.log(`report.html, 14 variants × 5 samples: ${(bytes / 1024).toFixed(0)} KiB`);
    expect(bytes).toBeLessThanOrEqual(1 * MB);
  });

  it('puts the verdict first, then the scenario, the environment and the failures', async () => {
    const html = await renderHtml(buildReportModel({ results: [defaultRun()] }));
    const at = (marker: string) => html.indexOf(marker);
    const order = ['<section id="verdict">', '<section class="scenario" id="scenario-0">', 'id="chart-0-build-time"', 'id="chart-0-artifact-size"', 'id="chart-0-time-vs-size"', 'id="chart-0-startup"', 'id="chart-0-rounds"', 'id="chart-0-phases"', '<section id="environment">', '<section id="failures">'];
    expect(order.map(at).every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => at(a) - at(b))).toEqual(order);
  });

  it('escapes hostile strings in markup and in the data block', async () => {
    const file = makeResults({ variants: [{ name: 'base', baseline: true }, { name: `n${HTML_ATTACK}`, description: ALL_ATTACKS }, { name: 'f', status: 'failed', reason: SCRIPT_ATTACK }] });
    const html = await renderHtml(buildReportModel({ results: [file] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html.match(/<script/g)).toHaveLength(5);
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    const data = html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]!;
    expect(data).not.toMatch(/[<>&]/);
    expect(JSON.stringify(JSON.parse(data))).toContain(`n${HTML_ATTACK}`);
  });

  it('lets only its own inlined scripts run and forbids every request (Content-Security-Policy)', async () => {
    const html = await renderHtml(buildReportModel({ results: [defaultRun()] }));
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1]!;
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
    expect(scripts).toHaveLength(4);
    expect(csp.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=')).toBe(
      `default-src 'none'; script-src ${scripts.map(cspHash).join(' ')}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`,
    );
    expect(html).not.toContain('sourceMappingURL');
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('says which variant was built at another ref and which used the network', async () => {
    const file = makeResults({ variants: [{ name: 'base', baseline: true, ref: 'v1.2' }, { name: 'online', network: true }] });
    const html = await renderHtml(buildReportModel({ results: [file] }));
    expect(html).toContain('sidecar/base@cold</span> <em>(baseline)</em> <small>at v1.2</small>');
    expect(html).toContain('sidecar/online@cold</span> <small>(used the network)</small>');
  });

  it('says which variants the run left out, and why', async () => {
    const file = makeResults({ variants: [{ name: 'base', baseline: true }] });
    file.config.leftOut = [{ why: 'not in a plain run', ids: ['sidecar/extra@cold', 'sidecar/<b>@warm'] }];
    const html = await renderHtml(buildReportModel({ results: [file] }));
    expect(html).toContain(`Not measured in run ${file.runId} (not in a plain run): <span class="key">sidecar/extra@cold, sidecar/&lt;b&gt;@warm</span>`);
  });
});

describe('inlining', () => {
  it('toInlineScript drops source maps and cannot close or confuse the script element', () => {
    expect(toInlineScript('a="</script>";b="</SCRIPT ";c="<!--"\n//# sourceMappingURL=x.map\n')).toBe('a="<\\/script>";b="<\\/SCRIPT ";c="<\\!--"\n\n');
  });

  it('toScriptJson escapes <, >, & and line separators and still parses to the same value', () => {
    const value = { s: `</script><!-- & \u2028\u2029 ${HTML_ATTACK}` };
    const json = toScriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

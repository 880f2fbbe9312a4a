/**
 * The human-readable API page, rendered from the OpenAPI document as plain HTML: no scripts and
 * no CDN assets (the machine may be offline, and the CSP allows neither).
 */
import type { OpenApiDocument } from './openapi';

type JsonSchema = Record<string, unknown>;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** `code` spans for backticked words in descriptions. */
const prose = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const SAFE_INTEGER = 9007199254740991;

/** A one-line reading of a JSON schema: `integer 1–500`, `lead | co`, `Error`. */
function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? '';
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeLabel).join(' or ');
  if (schema.type === 'array') return `list of ${typeLabel(schema.items as JsonSchema)}`;
  const min = typeof schema.minimum === 'number' && schema.minimum > -SAFE_INTEGER ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' && schema.maximum < SAFE_INTEGER ? schema.maximum : undefined;
  const range = min !== undefined || max !== undefined ? ` ${min ?? ''}–${max ?? ''}` : '';
  const fallback = 'default' in schema ? `, default ${JSON.stringify(schema.default)}` : '';
  return `${Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any')}${range}${fallback}`;
}

function operationHtml(path: string, method: string, op: JsonSchema): string {
  const parameters = (op.parameters as JsonSchema[]) ?? [];
  const responses = Object.entries(op.responses as Record<string, JsonSchema>);
  const body = op.requestBody as { description: string; content: Record<string, { schema: JsonSchema }> } | undefined;
  return `<section id="${escapeHtml(String(op.operationId))}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code>${op.security ? ' <span class="admin">admin token</span>' : ''}</h3>
<p>${prose(String(op.summary))}</p>${op.description ? `\n<p>${prose(String(op.description))}</p>` : ''}
${
  parameters.length
    ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>
${parameters
  .map(
    (p) =>
      `<tr><td><code>${escapeHtml(String(p.name))}</code>${p.required ? ' (required)' : ''}</td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(typeLabel(p.schema as JsonSchema))}</td><td>${prose(String(p.description ?? ''))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : ''
}${
    body
      ? `<p>Body: ${prose(body.description)} ${Object.entries(body.content)
          .map(([type, { schema }]) => `<code>${escapeHtml(type)}</code> (${escapeHtml(typeLabel(schema))})`)
          .join(', ')}</p>`
      : ''
  }
<table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>
${responses
  .map(([status, response]) => {
    const content = Object.entries((response.content as Record<string, { schema: JsonSchema }>) ?? {});
    const label = content.map(([type, { schema }]) => `${type}: ${typeLabel(schema)}`).join(', ');
    return `<tr><td>${escapeHtml(status)}</td><td>${prose(String(response.description))}</td><td>${escapeHtml(label)}</td></tr>`;
  })
  .join('\n')}
</tbody></table>
</section>`;
}

export function renderApiPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const schemas = Object.entries(document.components.schemas);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
section{border-top:2px solid #ddd;margin-top:1.5rem}.method{background:#1f4e79;color:#fff;padding:0 .4rem;border-radius:3px}
.admin{background:#8a1c1c;color:#fff;padding:0 .4rem;border-radius:3px;font-size:12px}
</style></head><body>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${prose(document.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
<h2>Endpoints</h2>
<ul>${operations.map(({ path, method, op }) => `<li><a href="#${escapeHtml(String(op.operationId))}">${method.toUpperCase()} ${escapeHtml(path)}</a></li>`).join('')}</ul>
${operations.map(({ path, method, op }) => operationHtml(path, method, op)).join('\n')}
<h2>Schemas</h2>
${schemas.map(([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`).join('\n')}
</body></html>
`;
}

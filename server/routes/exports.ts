/** File downloads of the graph and its analytics, each with its provenance. */
import type { Response } from 'express';
import type { z } from 'zod';
import type { CsvOptions } from '../../graph/export';
import { ExportParamsSchema, ExportQuerySchema, JsonExportResponseSchema } from '../../graph/api';
import { toGraphFilter } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';

function exportOptions(query: z.output<typeof ExportQuerySchema>): CsvOptions {
  return {
    weights: query.weights,
    resolution: query.resolution,
    seed: query.seed,
    weighting: query.weighting,
    includeGeneric: query.includeGeneric,
    overloadFactor: query.overloadFactor,
    diffusionThreshold: query.diffusionThreshold,
    excel: query.excel,
  };
}

/**
 * Past this a provenance (hundreds of documents) stays out of the header: clients cap the size of all headers
 * together (Node's HTTP client at 16 KiB).
 */
const PROVENANCE_HEADER_LIMIT = 8 * 1024;

/** JSON with every character past ASCII as a `\u` escape: header values are ASCII, and JSON.parse reads it back unchanged. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A download as an attachment, with its provenance in the `X-Provenance` header (ASCII JSON), so that the file
 * itself is only the table or graph that every reader opens.
 */
export function sendExportFile(res: Response, file: { fileName: string; mediaType: string; content: string; provenance: unknown }): void {
  const provenance = asciiJson(file.provenance);
  if (provenance.length <= PROVENANCE_HEADER_LIMIT) res.set('X-Provenance', provenance);
  else res.set('X-Provenance-Omitted', `${provenance.length} bytes, too large for a header; GET /api/export/provenance with the same query`);
  res.attachment(file.fileName).type(file.mediaType).send(file.content);
}

/**
 * Not cached: each download is generated afresh in the analytics worker, so the time it records is when it was
 * made. A download waits as a first analysis does, within the same cap (503 when it is reached).
 */
export function exportEndpoints({ analytics }: ServerContext): Endpoint[] {
  return [
    defineEndpoint({
      method: 'get',
      path: '/api/export/{format}',
      operationId: 'exportGraph',
      tag: 'exports',
      summary: 'Download the graph: CSV tables, the coordination network as GraphML or GEXF, Cytoscape JSON, or the full report.',
      description:
        'csv-nodes, csv-edges, csv-responsibilities, csv-workload: UTF-8 tables, the header row first; graphml, gexf: the unit ' +
        'coordination network with its metrics; json: the unit–item graph as Cytoscape elements; report: workload, gaps ' +
        'and network metrics as JSON. Every file records the documents (ids and sha256), the parameters, the software ' +
        'version and the time; every download carries it in the `X-Provenance` header (JSON, non-ASCII as \\u escapes), ' +
        'and `provenance` is it alone as a file. CSV starts with its header row; `excel=true` adds a UTF-8 byte order mark. ' +
        'CSV cells that a spreadsheet would run as formulas are neutralised.',
      params: ExportParamsSchema,
      query: ExportQuerySchema,
      rateLimit: 'export',
      responses: [
        {
          status: 200,
          description: 'The file, as an attachment named in Content-Disposition.',
          content: {
            'text/csv': null,
            'application/graphml+xml': null,
            'application/gexf+xml': null,
            'application/json': JsonExportResponseSchema,
          },
        },
      ],
      errors: [],
      handle: async ({ params, query, res }) => {
        const file = await analytics.exportFile(toGraphFilter(query), params.format, exportOptions(query));
        sendExportFile(res, file);
      },
    }),
  ];
}

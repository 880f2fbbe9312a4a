/** File downloads of the graph and its analytics, each with its provenance. */
import type { z } from 'zod';
import type { CsvOptions, SnapshotFileKind } from '../../graph/export';
import { ExportParamsSchema, ExportQuerySchema, JsonExportResponseSchema, type DownloadFormat } from '../contract';
import { toGraphFilter } from '../readCache';
import type { ServerContext } from '../context';
import { defineEndpoint, type Endpoint } from '../endpoint';

const FILE_KIND: Record<DownloadFormat, SnapshotFileKind> = {
  'csv-nodes': 'nodes-csv',
  'csv-edges': 'edges-csv',
  'csv-responsibilities': 'responsibilities-csv',
  'csv-workload': 'workload-csv',
  graphml: 'graphml',
  gexf: 'gexf',
  json: 'cytoscape-json',
  report: 'report-json',
};

function exportOptions(query: z.output<typeof ExportQuerySchema>): CsvOptions {
  return {
    weights: query.weights,
    resolution: query.resolution,
    seed: query.seed,
    weighting: query.weighting,
    includeGeneric: query.includeGeneric,
    overloadFactor: query.overloadFactor,
    diffusionThreshold: query.diffusionThreshold,
    // A single CSV download has no provenance.json beside it, so it carries the provenance inside.
    provenanceComment: true,
  };
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
        'csv-nodes, csv-edges, csv-responsibilities, csv-workload: UTF-8 tables with a header; graphml, gexf: the unit ' +
        'coordination network with its metrics; json: the unit–item graph as Cytoscape elements; report: workload, gaps ' +
        'and network metrics as JSON. Every file records the documents (ids and sha256), the parameters, the software ' +
        'version and the time (CSV: a leading `# provenance:` comment line). CSV cells that a spreadsheet would run as ' +
        'formulas are neutralised.',
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
        const file = await analytics.exportFile(toGraphFilter(query), FILE_KIND[params.format], exportOptions(query));
        res.attachment(file.fileName).type(file.mediaType).send(file.content);
      },
    }),
  ];
}

/**
 * The network as an image that can stand alone in a report: the drawing, its legend on the right
 * and a caption underneath naming the scope, the date and the parameters that made it.
 */
import type { Core } from 'cytoscape';

export interface LegendLine {
  colour: string;
  label: string;
}

export interface ImageAnnotations {
  title: string;
  /** Legend rows: a swatch and its text; a measure gives its two ends. */
  legend: LegendLine[];
  /** Caption lines: scope, date, parameters. */
  caption: string[];
}

const LEGEND_WIDTH = 300; // px
const LINE = 20; // px per legend or caption line
const MARGIN = 16; // px
const FONT = '13px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
/** Legend rows drawn at most; the rest are summed up in one line. */
const MAX_LEGEND_LINES = 40;

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

function legendRows(legend: LegendLine[]): LegendLine[] {
  if (legend.length <= MAX_LEGEND_LINES) return legend;
  return [...legend.slice(0, MAX_LEGEND_LINES - 1), { colour: 'transparent', label: `… +${legend.length - MAX_LEGEND_LINES + 1}` }];
}

/** Outer size: the drawing beside the legend, the caption under both. */
function frame(drawing: { width: number; height: number }, notes: ImageAnnotations) {
  const rows = legendRows(notes.legend);
  const legendHeight = MARGIN * 2 + LINE * (rows.length + 1);
  const top = Math.max(drawing.height, legendHeight);
  return { rows, width: drawing.width + LEGEND_WIDTH, height: top + MARGIN + LINE * notes.caption.length + MARGIN, captionTop: top + MARGIN };
}

export function svgWithAnnotations(cy: Core, notes: ImageAnnotations): string {
  const drawing = cy.svg({ full: true, bg: '#ffffff' }) as string;
  const width = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(drawing)?.[1] ?? 800);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)/.exec(drawing)?.[1] ?? 600);
  const { rows, width: outerWidth, height: outerHeight, captionTop } = frame({ width, height }, notes);
  const inner = drawing.replace(/^<\?xml[^>]*>\s*/, '').replace(/^(<!DOCTYPE[^>]*>\s*)/, '').replace(/^<svg/, '<svg x="0" y="0"');
  const legendX = width + MARGIN;
  const legend = rows
    .map(
      (row, index) =>
        `<rect x="${legendX}" y="${MARGIN + LINE * (index + 1)}" width="12" height="12" fill="${escapeXml(row.colour)}"/>` +
        `<text x="${legendX + 18}" y="${MARGIN + LINE * (index + 1) + 11}">${escapeXml(row.label)}</text>`,
    )
    .join('');
  const caption = notes.caption
    .map((line, index) => `<text x="${MARGIN}" y="${captionTop + LINE * index + 13}">${escapeXml(line)}</text>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${outerWidth}" height="${outerHeight}" ` +
    `viewBox="0 0 ${outerWidth} ${outerHeight}" font-family="sans-serif" font-size="13" fill="#1b1f24">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${inner}` +
    `<g class="legend"><text x="${legendX}" y="${MARGIN + 12}" font-weight="bold">${escapeXml(notes.title)}</text>${legend}</g>` +
    `<g class="caption">${caption}</g></svg>`
  );
}

export async function pngWithAnnotations(cy: Core, notes: ImageAnnotations): Promise<Blob> {
  const image = new Image();
  image.src = cy.png({ output: 'base64uri', full: true, scale: 1, bg: '#ffffff' }) as string;
  await image.decode();
  const { rows, width, height, captionTop } = frame({ width: image.width, height: image.height }, notes);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0);
  context.font = `bold ${FONT}`;
  context.fillStyle = '#1b1f24';
  const legendX = image.width + MARGIN;
  context.fillText(notes.title, legendX, MARGIN + 12);
  context.font = FONT;
  rows.forEach((row, index) => {
    const y = MARGIN + LINE * (index + 1);
    context.fillStyle = row.colour;
    context.fillRect(legendX, y, 12, 12);
    context.fillStyle = '#1b1f24';
    context.fillText(row.label, legendX + 18, y + 11, LEGEND_WIDTH - 30);
  });
  notes.caption.forEach((line, index) => context.fillText(line, MARGIN, captionTop + LINE * index + 13, width - 2 * MARGIN));
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}

import type { Core } from 'cytoscape';
import { useMemo, useRef, useState } from 'react';
import { AsyncView } from '../../components/AsyncView';
import { saveBlob } from '../../components/download';
import { FilterBar } from '../../components/FilterBar';
import { useApi, type NetworkResponse } from '../../core/api';
import { useI18n, type MessageKey } from '../../core/i18n';
import { toElements } from '../../core/network/elements';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { CytoscapeView, type HoverInfo } from '../../graphView/CytoscapeView';
import { LAYOUT_NAMES, type LayoutName } from '../../graphView/layouts';
import { FocusPanel } from './FocusPanel';
import { NetworkLegend } from './NetworkLegend';
import { NodeSearch } from './NodeSearch';
import { Tooltip } from './Tooltip';

const DEFAULTS = {
  mode: 'coordination',
  layout: 'fcose',
  depth: '1',
  focus: '',
  section: '',
  role: '',
  kind: '',
  limit: '2000',
  webgl: '',
  generic: '',
};

export function NetworkPage() {
  const { t, unitName } = useI18n();
  const [state, setState] = useUrlState(DEFAULTS);
  const { scope } = useScope();
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const cyRef = useRef<Core | null>(null);
  const network = useApi<NetworkResponse>('/network', {
    mode: state.mode,
    ...scope.params,
    section: state.section,
    role: state.role,
    kind: state.kind,
    limit: state.limit,
    includeGeneric: state.generic ? 'true' : undefined,
  });
  const graph = network.data;
  // Recomputed per response and language only; the view patches labels without a new layout.
  const elements = useMemo(() => (graph ? toElements(graph, unitName) : []), [graph, unitName]);
  const layout: LayoutName = (LAYOUT_NAMES as readonly string[]).includes(state.layout)
    ? (state.layout as LayoutName)
    : 'fcose';
  const depth = state.depth === '2' ? 2 : 1;

  const exportImage = (format: 'png' | 'svg') => {
    const cy = cyRef.current;
    if (!cy) return;
    const name = `accountability-network-${state.mode}`;
    if (format === 'png') {
      saveBlob(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `${name}.png`);
    } else {
      saveBlob(new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }), `${name}.svg`);
    }
  };

  return (
    <section className="page page-wide" aria-labelledby="network-title">
      <h1 id="network-title">{t('network.title')}</h1>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('network.mode')}>
          {(['coordination', 'bipartite'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={state.mode === mode}
              onClick={() => setState({ mode, focus: '' })}
            >
              {t(`network.mode.${mode}`)}
            </button>
          ))}
        </div>
        <label>
          {t('network.layout')}
          <select value={layout} onChange={(e) => setState({ layout: e.target.value })}>
            {LAYOUT_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`network.layout.${name}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('network.depth')}
          <select value={String(depth)} onChange={(e) => setState({ depth: e.target.value })}>
            <option value="1">{t('network.depth.1')}</option>
            <option value="2">{t('network.depth.2')}</option>
          </select>
        </label>
        <label>
          {t('network.limit')}
          <input
            type="number"
            min={1}
            max={20000}
            step={100}
            value={state.limit}
            onChange={(e) => setState({ limit: e.target.value })}
            className="narrow"
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={Boolean(state.generic)} onChange={(e) => setState({ generic: e.target.checked ? '1' : '' })} />
          {t('network.includeGeneric')}
        </label>
        <label className="checkbox" title="WebGL">
          <input type="checkbox" checked={Boolean(state.webgl)} onChange={(e) => setState({ webgl: e.target.checked ? '1' : '' })} />
          {t('network.webgl')}
        </label>
      </div>
      <FilterBar values={state} onChange={(patch) => setState({ ...patch, focus: '' })} show={['section', 'role', 'kind']} />
      <AsyncView state={network}>
        {(data) => (
          <div className="network-layout">
            <div className="network-canvas">
              <div className="toolbar toolbar-tight">
                <NodeSearch graph={data} onFocus={(id) => setState({ focus: id })} />
                <button type="button" onClick={() => cyRef.current?.fit(undefined, 30)}>
                  {t('network.fit')}
                </button>
                <button type="button" onClick={() => exportImage('png')}>
                  {t('network.exportPng')}
                </button>
                <button type="button" onClick={() => exportImage('svg')}>
                  {t('network.exportSvg')}
                </button>
              </div>
              <p className="counts" data-testid="network-counts">
                {t('network.counts', { nodes: data.elements.nodes.length, edges: data.elements.edges.length })}
                {data.truncated && (
                  <span className="notice-inline">
                    {' '}
                    {t('network.truncated', { message: data.truncated.rule })}
                  </span>
                )}
              </p>
              <div className="cy-frame">
                <CytoscapeView
                  key={state.webgl ? 'webgl' : 'canvas'}
                  elements={elements}
                  layout={layout}
                  focusId={state.focus || null}
                  depth={depth}
                  webgl={Boolean(state.webgl)}
                  onNodeTap={(id) => setState({ focus: id ?? '' })}
                  onHover={setHover}
                  onReady={(cy) => (cyRef.current = cy)}
                  ariaLabel={t('network.canvasLabel')}
                />
                {hover && <Tooltip info={hover} />}
              </div>
            </div>
            <aside className="network-side">
              {state.focus && (
                <FocusPanel graph={data} focusId={state.focus} onClear={() => setState({ focus: '' })} />
              )}
              <NetworkLegend graph={data} onFocus={(id) => setState({ focus: id })} />
            </aside>
          </div>
        )}
      </AsyncView>
    </section>
  );
}

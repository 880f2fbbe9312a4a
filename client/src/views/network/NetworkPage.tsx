import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { saveBlob } from '../../components/download';
import { FilterBar } from '../../components/FilterBar';
import { MultiSelect } from '../../components/MultiSelect';
import { encodeId, requestJson, useApi, type NetworkResponse, type SavedViewResponse, type UnitNodeData } from '../../core/api';
import { ROLE_ORDER, UNIT_KINDS } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';
import { categoryLegend, toElements } from '../../core/network/elements';
import {
  CATEGORICAL_COLOURINGS,
  formatRange,
  homeJurisdiction,
  isColouring,
  isMeasure,
  NODE_MEASURES,
  parseRange,
  scaleColour,
  shortEnglishName,
  shortestPath,
  visibleGraph,
  type NodeMeasure,
} from '../../core/network/explore';
import { useScope } from '../../core/scope/ScopeProvider';
import { splitList, useUrlState } from '../../core/urlState/useUrlState';
import { CytoscapeView, type HoverInfo, type Positions } from '../../graphView/CytoscapeView';
import { LAYOUT_NAMES, type LayoutName } from '../../graphView/layouts';
import { formatCommunityNames, parseCommunityNames, useCategoryName } from './categoryName';
import { pngWithAnnotations, svgWithAnnotations, type ImageAnnotations } from './exportView';
import { FocusPanel } from './FocusPanel';
import { NetworkLegend } from './NetworkLegend';
import { NodeSearch } from './NodeSearch';
import { PathFinder } from './PathFinder';
import { RangeFilter } from './RangeFilter';
import { SavedViews } from './SavedViews';
import { Tooltip } from './Tooltip';

export const NETWORK_DEFAULTS = {
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
  colour: 'community',
  size: 'weightedLoad',
  labels: '100',
  degree: '',
  load: '',
  shared: '',
  minWeight: '0',
  hidden: '',
  pinned: '',
  expand: '',
  from: '',
  to: '',
  names: '',
  view: '',
};
type NetworkState = typeof NETWORK_DEFAULTS;

/** Phone widths (styles.css uses the same breakpoint); jsdom has no matchMedia. */
const onPhone = (): boolean => typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 600px)').matches;

const toggle = (list: string[], ids: string[], on: boolean) =>
  on ? [...new Set([...list, ...ids])] : list.filter((id) => !ids.includes(id));

export function NetworkPage() {
  const { t, lang, unitName } = useI18n();
  const [state, setState] = useUrlState(NETWORK_DEFAULTS);
  const [searchParams] = useSearchParams();
  const { scope } = useScope();
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [positions, setPositions] = useState<Positions | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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

  const colour = isColouring(state.colour) ? state.colour : 'community';
  const size: NodeMeasure = isMeasure(state.size) ? state.size : 'weightedLoad';
  const communityNames = useMemo(() => parseCommunityNames(state.names), [state.names]);
  const categoryName = useCategoryName(communityNames);
  const hidden = useMemo(() => new Set(splitList(state.hidden)), [state.hidden]);
  const pinned = useMemo(() => splitList(state.pinned), [state.pinned]);
  const expanded = useMemo(() => splitList(state.expand), [state.expand]);
  const [degree, load, shared] = [parseRange(state.degree), parseRange(state.load), parseRange(state.shared)];
  const minWeight = Number(state.minWeight) || 0;

  const visible = useMemo(
    () => (graph ? visibleGraph(graph, { degree, load, shared, minWeight, hidden, expanded }) : null),
    // The ranges are parsed from these strings.
    [graph, state.degree, state.load, state.shared, minWeight, hidden, expanded],
  );
  const home = useMemo(
    () => homeJurisdiction(graph?.elements.nodes.flatMap(({ data }) => (data.type === 'unit' ? [data] : [])) ?? []),
    [graph],
  );
  /** Graph labels: in English the short form, so thirty departments do not all end "of Guangdong Province". */
  const unitLabel = useCallback(
    (unit: UnitNodeData) =>
      lang === 'en' && unit.nameEn ? shortEnglishName(unit.nameEn, unit.jurisdiction, home) : unitName({ name: unit.name, shortName: unit.label }),
    [lang, home, unitName],
  );
  // Recomputed per response, filter, styling and language only; the view patches data without a new layout.
  const elements = useMemo(
    () => (visible ? toElements(visible, { colour, size, label: unitLabel }) : []),
    [visible, colour, size, unitLabel],
  );
  const path = useMemo(
    () => (visible && state.from && state.to ? shortestPath(visible, state.from, state.to) : null),
    [visible, state.from, state.to],
  );
  const highlight = useMemo(() => (path ? [...path.nodes, ...path.edges] : []), [path]);
  const layout: LayoutName = (LAYOUT_NAMES as readonly string[]).includes(state.layout)
    ? (state.layout as LayoutName)
    : 'fcose';
  const depth = state.depth === '2' ? 2 : 1;

  // A saved view's link (`?view=<id>`): its parameters replace the URL's, its positions the layout.
  const openView = useCallback(
    (id: string) => {
      requestJson<SavedViewResponse>(`/views/${encodeId(id)}`).then(
        ({ view }) => {
          const cleared = Object.fromEntries(Object.keys(NETWORK_DEFAULTS).map((key) => [key, ''])) as Partial<NetworkState>;
          setState({ ...cleared, ...view.parameters }, { replace: true });
          setPositions(Object.keys(view.positions).length > 0 ? view.positions : null);
          setNotice(t('views.opened', { name: view.name }));
        },
        () => {
          setState({ view: '' }, { replace: true });
          setNotice(t('notFound.thing', { what: t('notFound.what.view'), id }));
        },
      );
    },
    [setState, t],
  );
  useEffect(() => {
    if (state.view) openView(state.view);
  }, [state.view, openView]);

  /** The view as it is now, for saving: every parameter of the URL (scope included) and the node positions. */
  const currentView = () => {
    const parameters: Record<string, string> = {};
    searchParams.forEach((value, key) => {
      if (key !== 'view' && key !== 'lang') parameters[key] = value;
    });
    const drawn: Positions = {};
    cyRef.current?.nodes().forEach((node) => {
      drawn[node.id()] = { ...node.position() };
    });
    return { parameters, positions: Object.keys(drawn).length <= 5000 ? drawn : {} };
  };

  const annotations = (): ImageAnnotations => {
    const legend =
      visible && !isMeasure(colour)
        ? categoryLegend(visible, colour).map((entry) => ({
            colour: entry.colour,
            label: `${categoryName(colour, entry.category)} (${entry.members.length})`,
          }))
        : [
            { colour: scaleColour(0), label: `${t(`attribute.${colour}`)}: min` },
            { colour: scaleColour(1), label: `${t(`attribute.${colour}`)}: max` },
          ];
    const parameters = [...searchParams.entries()].filter(([key]) => key !== 'lang').map(([key, value]) => `${key}=${value}`);
    return {
      title: `${t('explore.colourBy', { attribute: t(`attribute.${colour}`) })} · ${t('explore.sizeBy', {
        measure: t(`attribute.${size}`),
      })}`,
      legend,
      caption: [
        t('explore.caption.scope', {
          scope: [scope.jurisdiction?.name, scope.documents.join(', '), scope.yearFrom, scope.yearTo].filter(Boolean).join(' · ') ||
            t('explore.caption.allPlans'),
        }),
        t('explore.caption.date', { date: new Date().toISOString().slice(0, 10) }),
        t('explore.caption.parameters', { parameters: parameters.join(', ') || `mode=${state.mode}` }),
      ],
    };
  };

  const exportImage = async (format: 'png' | 'svg') => {
    const cy = cyRef.current;
    if (!cy) return;
    const name = `accountability-network-${state.mode}`;
    if (format === 'png') saveBlob(await pngWithAnnotations(cy, annotations()), `${name}.png`);
    else saveBlob(new Blob([svgWithAnnotations(cy, annotations())], { type: 'image/svg+xml' }), `${name}.svg`);
  };

  const units = graph?.elements.nodes.flatMap(({ data }) => (data.type === 'unit' ? [data] : [])) ?? [];
  const ties = graph?.elements.edges.flatMap(({ data }) => (data.type === 'tie' ? [data] : [])) ?? [];
  const maxWeight = Math.max(1, ...ties.map((tie) => tie.weight));
  const act = (ids: string[]) => ({
    hide: () => setState({ hidden: toggle(splitList(state.hidden), ids, true).join(','), focus: ids.includes(state.focus) ? '' : state.focus }),
    pin: (on: boolean) => setState({ pinned: toggle(pinned, ids, on).join(',') }),
    expand: () => setState({ expand: toggle(expanded, ids, true).join(',') }),
  });

  return (
    <section className="page page-wide" aria-labelledby="network-title">
      <h1 id="network-title">{t('network.title')}</h1>
      {/* On a phone the drawing comes first: the controls start folded. */}
      <details className="network-controls" open={!onPhone()}>
        <summary>{t('explore.controls')}</summary>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label={t('network.mode')}>
            {(['coordination', 'bipartite'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={state.mode === mode}
                onClick={() => {
                  setPositions(null);
                  setState({ mode, focus: '', from: '', to: '', expand: '', hidden: '' });
                }}
              >
                {t(`network.mode.${mode}`)}
              </button>
            ))}
          </div>
          <label>
            {t('network.layout')}
            <select
              value={layout}
              onChange={(e) => {
                setPositions(null);
                setState({ layout: e.target.value });
              }}
            >
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
              onChange={(e) => setState({ limit: e.target.value }, { typing: 'network.limit' })}
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
        <div className="toolbar style-bar" role="group" aria-label={t('explore.style')}>
          <FilterBar values={state} onChange={(patch) => setState({ ...patch, focus: '' })} show={['section']} />
          <label>
            {t('explore.colour')}
            <select value={colour} onChange={(e) => setState({ colour: e.target.value })} data-testid="colour-by">
              {[...CATEGORICAL_COLOURINGS, ...NODE_MEASURES].map((name) => (
                <option key={name} value={name}>
                  {t(`attribute.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('explore.size')}
            <select value={size} onChange={(e) => setState({ size: e.target.value })} data-testid="size-by">
              {NODE_MEASURES.map((name) => (
                <option key={name} value={name}>
                  {t(`attribute.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('explore.labels')}
            <input
              type="range"
              min={0}
              max={100}
              step={10}
              value={state.labels}
              onChange={(e) => setState({ labels: e.target.value }, { typing: 'network.labels' })}
            />
          </label>
          <MultiSelect
            label={t('explore.kinds')}
            values={splitList(state.kind)}
            options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}` as MessageKey) }))}
            onChange={(kinds) => setState({ kind: kinds.join(','), focus: '' })}
          />
          <MultiSelect
            label={t('explore.roles')}
            values={splitList(state.role)}
            options={ROLE_ORDER.map((role) => ({ value: role, label: t(`role.${role}` as MessageKey) }))}
            onChange={(roles) => setState({ role: roles.join(','), focus: '' })}
          />
        </div>
        <details className="panel range-panel">
          <summary>{t('explore.filters')}</summary>
          <div className="range-filters">
            <RangeFilter
              label={t('explore.degree')}
              values={units.map((unit) => unit.degree)}
              range={degree}
              onChange={(range) => setState({ degree: formatRange(range) }, { typing: 'network.degree' })}
            />
            <RangeFilter
              label={t('explore.load')}
              values={units.map((unit) => unit.weightedLoad)}
              range={load}
              step={0.5}
              onChange={(range) => setState({ load: formatRange(range) }, { typing: 'network.load' })}
            />
            {state.mode === 'coordination' && (
              <RangeFilter
                label={t('explore.shared')}
                values={ties.map((tie) => tie.sharedItemCount)}
                range={shared}
                onChange={(range) => setState({ shared: formatRange(range) }, { typing: 'network.shared' })}
              />
            )}
            {state.mode === 'coordination' && (
              <label className="weight-slider">
                {t('explore.minWeight', { n: minWeight })}
                <input
                  type="range"
                  min={0}
                  max={maxWeight}
                  step={maxWeight > 10 ? 1 : 0.5}
                  value={minWeight}
                  onChange={(e) => setState({ minWeight: e.target.value }, { typing: 'network.minWeight' })}
                />
              </label>
            )}
          </div>
        </details>
      </details>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <AsyncView state={network}>
        {(data) => (
          <div className="network-layout">
            <div className="network-canvas">
              <div className="toolbar toolbar-tight">
                <NodeSearch graph={visible ?? data} onFocus={(id) => setState({ focus: id })} />
                <button type="button" onClick={() => cyRef.current?.fit(undefined, 30)}>
                  {t('network.fit')}
                </button>
                <button type="button" onClick={() => void exportImage('png')}>
                  {t('network.exportPng')}
                </button>
                <button type="button" onClick={() => void exportImage('svg')}>
                  {t('network.exportSvg')}
                </button>
              </div>
              <p className="counts" data-testid="network-counts">
                {t('network.counts', { nodes: elements.filter((e) => e.group === 'nodes').length, edges: elements.filter((e) => e.group === 'edges').length })}
                {data.truncated && (
                  <span className="notice-inline">
                    {' '}
                    {data.mode === 'coordination'
                      ? t('truncated.coordination', { kept: data.truncated.nodes.shown, omitted: data.truncated.omittedUnits.length })
                      : t('truncated.bipartite', {
                          limit: data.truncated.limit,
                          omitted: data.truncated.omittedUnits.length,
                          items: data.truncated.omittedItems,
                        })}
                    {data.truncated.omittedTies > 0 &&
                      ` ${t('truncated.ties', { shown: data.truncated.edges.shown, omitted: data.truncated.omittedTies })}`}
                  </span>
                )}
              </p>
              {(selected.length > 0 || hidden.size > 0 || expanded.length > 0) && (
                <div className="toolbar toolbar-tight selection-bar" role="group" aria-label={t('explore.selected', { n: selected.length })}>
                  {selected.length > 0 && (
                    <>
                      <span>{t('explore.selected', { n: selected.length })}</span>
                      <button type="button" onClick={act(selected).hide}>
                        {t('explore.hide')}
                      </button>
                      <button type="button" onClick={() => act(selected).pin(true)}>
                        {t('explore.pin')}
                      </button>
                      <button type="button" onClick={act(selected).expand}>
                        {t('explore.expand')}
                      </button>
                    </>
                  )}
                  {hidden.size > 0 && (
                    <button type="button" className="link-button" onClick={() => setState({ hidden: '' })}>
                      {t('explore.hidden', { n: hidden.size })} · {t('explore.unhide')}
                    </button>
                  )}
                  {expanded.length > 0 && (
                    <button type="button" className="link-button" onClick={() => setState({ expand: '' })}>
                      {t('explore.expanded', { n: expanded.length })} · {t('explore.showAll')}
                    </button>
                  )}
                </div>
              )}
              <div className="cy-frame">
                <CytoscapeView
                  key={state.webgl ? 'webgl' : 'canvas'}
                  elements={elements}
                  layout={layout}
                  positions={positions}
                  focusId={state.focus || null}
                  depth={depth}
                  pinned={pinned}
                  highlight={highlight}
                  labelDensity={Number(state.labels)}
                  webgl={Boolean(state.webgl)}
                  onNodeTap={(id, additive) => {
                    if (!additive) setState({ focus: id ?? '' });
                  }}
                  onSelect={setSelected}
                  onHover={setHover}
                  onReady={(cy) => (cyRef.current = cy)}
                  ariaLabel={t('network.canvasLabel')}
                />
                {hover && <Tooltip info={hover} />}
              </div>
              <PathFinder
                graph={visible ?? data}
                from={state.from}
                to={state.to}
                path={path}
                unitLabel={unitLabel}
                onChange={(patch) => setState(patch)}
              />
            </div>
            <aside className="network-side">
              {state.focus && (
                <FocusPanel
                  graph={data}
                  focusId={state.focus}
                  onClear={() => setState({ focus: '' })}
                  pinned={pinned.includes(state.focus)}
                  onHide={act([state.focus]).hide}
                  onPin={act([state.focus]).pin}
                  onExpand={act([state.focus]).expand}
                  communityName={(community) => categoryName('community', community)}
                />
              )}
              <NetworkLegend
                graph={visible ?? data}
                colour={colour}
                size={size}
                communityNames={communityNames}
                onRename={(community, name) => setState({ names: formatCommunityNames({ ...communityNames, [community]: name }) })}
                onFocus={(id) => setState({ focus: id })}
                unitLabel={unitLabel}
              />
              <SavedViews current={currentView} onOpen={(id) => setState({ view: id })} />
            </aside>
          </div>
        )}
      </AsyncView>
    </section>
  );
}
